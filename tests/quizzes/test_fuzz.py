"""Random payloads against every attempt endpoint: never a 500, never a change to a submitted score."""

from decimal import Decimal

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from quizzes import services
from quizzes.models import Answer, Attempt, AttemptStatus, Choice
from tests.quizzes.factories import (
    QuizFactory,
    add_questions,
    enrolled_trainee,
    multiple,
    numeric,
    short_text,
    single,
    true_false,
)

ENDPOINTS = ["save", "submit", "attempt", "result", "start"]
text_values = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789-+.,eE ", max_size=12),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(
        ["", " ", "\x00", "null", "[]", "{}", "1e999", "NaN", "9**9**9", "<script>", "ខ្មែរ", "x" * 5000]
    ),
)


class AttemptEndpointFuzz(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.quiz = QuizFactory(max_attempts=3, time_limit_minutes=30)
        add_questions(cls.quiz, [single(), multiple(), true_false(), numeric(), short_text()])
        cls.trainee = enrolled_trainee(cls.quiz.course)
        cls.submitted = services.start_attempt(quiz=cls.quiz, trainee=cls.trainee)
        first = cls.quiz.questions.order_by("position").first()
        services.submit_attempt(
            attempt=cls.submitted, responses={first.pk: [str(first.choices.get(is_correct=True).pk)]}
        )
        cls.submitted.refresh_from_db()
        cls.submitted_answers = list(
            Answer.objects.filter(attempt=cls.submitted)
            .order_by("pk")
            .values_list("selected_choice_ids", "text_response")
        )
        cls.open = services.start_attempt(quiz=cls.quiz, trainee=cls.trainee)
        cls.other = services.start_attempt(quiz=cls.quiz, trainee=enrolled_trainee(cls.quiz.course))
        cls.other_quiz = QuizFactory(course=cls.quiz.course)
        add_questions(cls.other_quiz, [single()])
        cls.question_ids = list(cls.quiz.questions.values_list("pk", flat=True))
        cls.foreign_ids = list(cls.other_quiz.questions.values_list("pk", flat=True))
        cls.choice_ids = list(Choice.objects.values_list("pk", flat=True))

    def url(self, name: str, attempt: Attempt) -> str:
        if name == "start":
            return reverse("quizzes:start", kwargs={"slug": self.quiz.course.slug, "quiz_id": self.quiz.pk})
        kwargs = {"slug": self.quiz.course.slug, "quiz_id": self.quiz.pk, "attempt_id": attempt.pk}
        return reverse(f"quizzes:{name}", kwargs=kwargs)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_random_payloads_never_500_and_never_change_a_submitted_score(self, data):
        self.client.force_login(self.trainee)
        question_keys = st.sampled_from(self.question_ids + self.foreign_ids + [0, 10**12]).map(
            lambda pk: f"q{pk}"
        )
        keys = st.one_of(question_keys, st.just("shown"), st.text(max_size=8), st.just("submit"))
        values = st.one_of(text_values, st.sampled_from(self.choice_ids + self.question_ids).map(str))
        payload = data.draw(st.dictionaries(keys, st.lists(values, max_size=4), max_size=8), label="payload")
        endpoint = data.draw(st.sampled_from(ENDPOINTS), label="endpoint")
        target = data.draw(st.sampled_from([self.open, self.submitted, self.other]), label="attempt")
        as_json = data.draw(st.booleans(), label="json")
        headers = {"Accept": "application/json"} if as_json else {}
        payload = {key: value for key, value in payload.items() if "\x00" not in key}
        method = self.client.get if endpoint in ("attempt", "result") else self.client.post
        response = method(self.url(endpoint, target), payload, headers=headers)

        assert response.status_code < 500
        assert response.status_code in (200, 302, 400, 403, 404, 409)
        if target is self.other:
            assert response.status_code in (404, 302) if endpoint == "start" else response.status_code == 404
        submitted = Attempt.objects.get(pk=self.submitted.pk)
        assert (submitted.status, submitted.score, submitted.passed) == (
            AttemptStatus.SUBMITTED,
            self.submitted.score,
            self.submitted.passed,
        )
        answers = Answer.objects.filter(attempt=submitted).order_by("pk")
        assert list(answers.values_list("selected_choice_ids", "text_response")) == self.submitted_answers
        other = Attempt.objects.get(pk=self.other.pk)
        assert other.status == AttemptStatus.IN_PROGRESS
        assert not Answer.objects.filter(attempt=other, answered_at__isnull=False).exists()
        for score in Attempt.objects.submitted().values_list("score", flat=True):
            assert Decimal(0) <= score <= Decimal(100)
        assert Attempt.objects.filter(quiz=self.quiz, trainee=self.trainee).count() <= 3
        for answer in Answer.objects.filter(attempt__trainee=self.trainee).only(
            "choice_order", "selected_choice_ids"
        ):
            assert set(answer.selected_choice_ids) <= set(answer.choice_order)
