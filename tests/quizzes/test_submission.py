"""Submitting and grading: answers and grades written in one pass, constant queries, completion re-checked
only when a pass can change it."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.models import EnrolmentStatus
from quizzes import services, signals
from quizzes.models import Answer, Attempt, AttemptStatus
from tests.factories import EnrolmentFactory
from tests.quizzes.factories import (
    QuizFactory,
    add_questions,
    correct_payload,
    enrolled_trainee,
    multiple,
    numeric,
    quiz_with_questions,
    short_text,
    single,
)

pytestmark = pytest.mark.django_db


def submit_url(attempt):
    kwargs = {"slug": attempt.quiz.course.slug, "quiz_id": attempt.quiz_id, "attempt_id": attempt.pk}
    return reverse("quizzes:submit", kwargs=kwargs)


def count_queries(action) -> int:
    with CaptureQueriesContext(connection) as ctx:
        action()
    return len(ctx)


def open_attempt(n_questions: int, **quiz_kwargs) -> Attempt:
    quiz = quiz_with_questions(n_questions, **quiz_kwargs)
    return services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course))


def right_answers(attempt: Attempt) -> dict[int, list[str]]:
    return {
        answer.question_id: [str(answer.question.choices.get(is_correct=True).pk)]
        for answer in attempt.answers.select_related("question")
    }


@pytest.mark.parametrize("with_responses", [True, False])
def test_grading_runs_the_same_queries_for_3_and_40_questions(with_responses):
    counts = []
    for n in (3, 40):
        attempt = open_attempt(n)
        responses = right_answers(attempt)
        if not with_responses:
            services.save_answers(attempt=attempt, responses=responses)
        counts.append(
            count_queries(
                lambda a=attempt, r=responses: services.submit_attempt(
                    attempt=a, responses=r if with_responses else None
                )
            )
        )
        assert Attempt.objects.get(pk=attempt.pk).score == 100
    assert counts[0] == counts[1]


def test_saving_answers_runs_the_same_queries_for_3_and_40_questions():
    counts = []
    for n in (3, 40):
        attempt = open_attempt(n)
        responses = right_answers(attempt)
        counts.append(
            count_queries(lambda a=attempt, r=responses: services.save_answers(attempt=a, responses=r))
        )
        assert Answer.objects.filter(attempt=attempt, answered_at__isnull=False).count() == n
    assert counts[0] == counts[1]


def test_submission_request_is_graded_in_a_small_fixed_number_of_queries(client):
    counts = []
    for n in (5, 30):
        attempt = open_attempt(n, is_required=False)  # completion is not re-checked for an optional quiz
        client.force_login(attempt.trainee)
        payload = correct_payload(attempt)
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(submit_url(attempt), payload)
        assert response.status_code == 302
        assert response["Location"].endswith(f"/attempts/{attempt.pk}/result/")
        counts.append(len(ctx))
    assert counts[0] == counts[1]
    # user, attempt, BEGIN, lock, answers, choices, answers UPDATE, attempt UPDATE, COMMIT (the session
    # is read from the cache)
    assert counts[0] <= 9, counts


def test_submission_writes_responses_and_grades_of_every_kind_in_one_pass():
    quiz = QuizFactory(pass_mark=50)
    q_single, q_multi, q_num, q_text, q_skipped = add_questions(
        quiz,
        [single(), multiple(correct=(1, 2), scoring="proportional"), numeric(), short_text(), single()],
    )
    trainee = enrolled_trainee(quiz.course)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee)
    multi = list(q_multi.choices.order_by("position"))
    now = timezone.now()
    submitted = services.submit_attempt(
        attempt=attempt,
        responses={
            q_single.pk: [str(q_single.choices.get(is_correct=True).pk)],
            q_multi.pk: [str(multi[0].pk), str(multi[2].pk)],  # one right, one wrong: nothing
            q_num.pk: ["1,45"],
            q_text.pk: ["  \"Mekong\" 'river' ; --"],  # quotes reach the database as data
        },
        now=now,
    )
    rows = {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}
    assert rows[q_single.pk].selected_choice_ids == [q_single.choices.get(is_correct=True).pk]
    assert (rows[q_single.pk].credit, rows[q_single.pk].is_correct) == (Decimal(1), True)
    assert rows[q_multi.pk].selected_choice_ids == [multi[0].pk, multi[2].pk]
    assert (rows[q_multi.pk].credit, rows[q_multi.pk].is_correct) == (Decimal(0), False)
    assert (rows[q_num.pk].text_response, rows[q_num.pk].is_correct) == ("1,45", True)
    assert rows[q_text.pk].text_response == "\"Mekong\" 'river' ; --"
    assert rows[q_text.pk].is_correct is False
    assert rows[q_single.pk].answered_at == now
    assert (rows[q_skipped.pk].selected_choice_ids, rows[q_skipped.pk].answered_at) == ([], None)
    assert (rows[q_skipped.pk].credit, rows[q_skipped.pk].is_correct) == (Decimal(0), False)
    assert submitted.score == Decimal("40.00")
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.SUBMITTED


def test_a_refused_response_leaves_the_attempt_open_and_its_answers_unchanged():
    attempt = open_attempt(3)
    first, second = attempt.answers.order_by("position")[:2]
    foreign = second.question.choices.first().pk
    services.save_answers(attempt=attempt, responses={first.question_id: [str(first.choice_order[0])]})
    with pytest.raises(services.AttemptError):
        services.submit_attempt(
            attempt=attempt,
            responses={second.question_id: [str(second.choice_order[0])], first.question_id: [str(foreign)]},
        )
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert Answer.objects.get(pk=second.pk).selected_choice_ids == []
    assert Answer.objects.get(pk=first.pk).selected_choice_ids == [first.choice_order[0]]


@pytest.fixture
def passes():
    received = []

    def receiver(sender, *, attempt, counts_for_completion, **kwargs):
        received.append((attempt.pk, counts_for_completion))

    signals.quiz_passed.connect(receiver, dispatch_uid="tests.quiz_passed")
    yield received
    signals.quiz_passed.disconnect(dispatch_uid="tests.quiz_passed")


def pass_once(quiz, trainee) -> Attempt:
    attempt = services.start_attempt(quiz=quiz, trainee=trainee)
    return services.submit_attempt(attempt=attempt, responses=right_answers(attempt))


def test_only_the_first_pass_of_a_required_quiz_counts_for_completion(passes):
    quiz = quiz_with_questions(2)
    trainee = enrolled_trainee(quiz.course)
    failed = services.submit_attempt(attempt=services.start_attempt(quiz=quiz, trainee=trainee))
    first = pass_once(quiz, trainee)
    second = pass_once(quiz, trainee)
    optional = quiz_with_questions(2, course=quiz.course, is_required=False)
    third = pass_once(optional, trainee)
    assert failed.passed is False
    assert passes == [(first.pk, True), (second.pk, False), (third.pk, False)]


def test_overdue_attempt_closed_by_the_sweep_still_completes_the_course():
    quiz = quiz_with_questions(1, time_limit_minutes=5)
    enrolment = EnrolmentFactory(course=quiz.course)
    started = timezone.now() - timezone.timedelta(hours=1)
    attempt = services.start_attempt(quiz=quiz, trainee=enrolment.trainee, now=started)
    services.save_answers(attempt=attempt, responses=right_answers(attempt), now=started)
    assert services.submit_overdue_attempts() == 1
    attempt.refresh_from_db()
    assert (attempt.passed, attempt.timed_out) == (True, True)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


def test_passing_again_after_completion_keeps_the_course_completed_without_a_second_completion():
    quiz = quiz_with_questions(1)
    enrolment = EnrolmentFactory(course=quiz.course)
    pass_once(quiz, enrolment.trainee)
    enrolment.refresh_from_db()
    completed_at = enrolment.completed_at
    assert enrolment.status == EnrolmentStatus.COMPLETED
    pass_once(quiz, enrolment.trainee)
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.completed_at) == (EnrolmentStatus.COMPLETED, completed_at)
