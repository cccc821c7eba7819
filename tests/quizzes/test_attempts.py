import random
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.models import EnrolmentStatus
from quizzes import services
from quizzes.models import Answer, Attempt, AttemptStatus, Choice
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
    true_false,
)

pytestmark = pytest.mark.django_db


def urls(attempt):
    kwargs = {"slug": attempt.quiz.course.slug, "quiz_id": attempt.quiz_id, "attempt_id": attempt.pk}
    return {
        name: reverse(f"quizzes:{name}", kwargs=kwargs) for name in ("attempt", "save", "submit", "result")
    }


def start_url(quiz):
    return reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def test_starting_fixes_the_drawn_questions_and_their_order():
    quiz = quiz_with_questions(10, draw_count=4, shuffle_questions=True, shuffle_choices=True)
    trainee = enrolled_trainee(quiz.course)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, rng=random.Random(3))
    answers = list(attempt.answers.order_by("position"))
    assert len(answers) == 4
    assert [a.position for a in answers] == [1, 2, 3, 4]
    for answer in answers:
        assert sorted(answer.choice_order) == sorted(answer.question.choices.values_list("pk", flat=True))
    # Starting again resumes the same attempt with the same questions.
    again = services.start_attempt(quiz=quiz, trainee=trainee, rng=random.Random(99))
    assert again.pk == attempt.pk
    assert [a.question_id for a in again.answers.order_by("position")] == [a.question_id for a in answers]


def test_without_shuffling_questions_and_choices_keep_the_authors_order():
    quiz = quiz_with_questions(3)
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course))
    answers = list(attempt.answers.order_by("position").select_related("question"))
    assert [a.question.position for a in answers] == [1, 2, 3]
    for answer in answers:
        assert answer.choice_order == list(
            answer.question.choices.order_by("position").values_list("pk", flat=True)
        )


def test_mixed_quiz_is_graded_on_the_server_with_partial_credit_and_points():
    quiz = QuizFactory(pass_mark=70)
    q_single, q_multi, q_tf, q_num, q_text = add_questions(
        quiz,
        [
            single(),
            multiple(correct=(1, 2, 3), scoring="proportional"),
            true_false(False),
            numeric(),
            short_text(),
        ],
    )
    q_single.points = 2
    q_single.save()
    trainee = enrolled_trainee(quiz.course)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee)
    choice = {q.pk: list(q.choices.order_by("position")) for q in (q_single, q_multi, q_tf)}
    services.save_answers(
        attempt=attempt,
        responses={
            q_single.pk: [str(choice[q_single.pk][0].pk)],
            q_multi.pk: [str(choice[q_multi.pk][0].pk), str(choice[q_multi.pk][1].pk)],
            q_tf.pk: [str(choice[q_tf.pk][1].pk)],  # "False" is right
            q_num.pk: ["1,55"],
            q_text.pk: ["  MÊ KÔNG "],
        },
    )
    attempt = services.submit_attempt(attempt=attempt)
    # 2 + 2/3 + 1 + 1 + 1 of 6 points
    assert float(attempt.score) == pytest.approx(100 * (5 + 2 / 3) / 6, abs=0.01)
    assert attempt.passed is True
    assert attempt.status == AttemptStatus.SUBMITTED
    assert Answer.objects.get(attempt=attempt, question=q_multi).is_correct is False


def test_submitted_attempt_is_immutable_and_second_submit_is_refused():
    quiz = quiz_with_questions(2)
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course))
    attempt = services.submit_attempt(attempt=attempt)
    score = attempt.score
    question = quiz.questions.first()
    right = str(question.choices.get(is_correct=True).pk)
    with pytest.raises(services.AttemptClosed):
        services.save_answers(attempt=attempt, responses={question.pk: [right]})
    with pytest.raises(services.AttemptClosed):
        services.submit_attempt(attempt=attempt, responses={question.pk: [right]})
    attempt.refresh_from_db()
    assert attempt.score == score == 0
    assert Answer.objects.get(attempt=attempt, question=question).selected_choice_ids == []


def test_choice_from_another_question_is_rejected_with_a_clear_message():
    quiz = quiz_with_questions(2)
    first, second = quiz.questions.order_by("position")
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course))
    foreign = second.choices.first().pk
    with pytest.raises(services.AttemptError, match="not one of the options of question 1"):
        services.save_answers(attempt=attempt, responses={first.pk: [str(foreign)]})
    other_quiz = quiz_with_questions(1)
    with pytest.raises(services.AttemptError, match="not part of this attempt"):
        services.save_answers(attempt=attempt, responses={other_quiz.questions.get().pk: ["1"]})


def test_single_choice_takes_one_answer_only():
    quiz = quiz_with_questions(1)
    question = quiz.questions.get()
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course))
    ids = [str(pk) for pk in question.choices.values_list("pk", flat=True)[:2]]
    with pytest.raises(services.AttemptError, match="only one answer"):
        services.save_answers(attempt=attempt, responses={question.pk: ids})


def test_attempt_limit_is_enforced():
    quiz = quiz_with_questions(1, max_attempts=2)
    trainee = enrolled_trainee(quiz.course)
    for _ in range(2):
        services.submit_attempt(attempt=services.start_attempt(quiz=quiz, trainee=trainee))
    with pytest.raises(services.AttemptError, match="used all your attempts"):
        services.start_attempt(quiz=quiz, trainee=trainee)
    assert Attempt.objects.filter(quiz=quiz, trainee=trainee).count() == 2


def test_time_limit_submits_with_what_was_saved_using_a_controlled_clock():
    quiz = quiz_with_questions(2, time_limit_minutes=10)
    first, second = quiz.questions.order_by("position")
    trainee = enrolled_trainee(quiz.course)
    start = timezone.now()
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, now=start)
    assert attempt.deadline == start + timedelta(minutes=10)
    right_first = str(first.choices.get(is_correct=True).pk)
    right_second = str(second.choices.get(is_correct=True).pk)
    services.save_answers(
        attempt=attempt, responses={first.pk: [right_first]}, now=start + timedelta(minutes=9)
    )
    late = start + timedelta(minutes=10) + services.GRACE + timedelta(seconds=1)
    with pytest.raises(services.AttemptClosed, match="Time is up"):
        services.save_answers(attempt=attempt, responses={second.pk: [right_second]}, now=late)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.timed_out is True
    assert attempt.score == 50  # only the answer saved in time counts
    assert Answer.objects.get(attempt=attempt, question=second).selected_choice_ids == []


def test_submission_after_the_deadline_grades_only_saved_answers():
    quiz = quiz_with_questions(1, time_limit_minutes=5)
    question = quiz.questions.get()
    start = timezone.now()
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course), now=start)
    right = str(question.choices.get(is_correct=True).pk)
    attempt = services.submit_attempt(
        attempt=attempt, responses={question.pk: [right]}, now=start + timedelta(hours=1)
    )
    assert attempt.timed_out
    assert attempt.score == 0


def test_saves_within_the_grace_period_still_count():
    quiz = quiz_with_questions(1, time_limit_minutes=5)
    question = quiz.questions.get()
    start = timezone.now()
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course), now=start)
    right = str(question.choices.get(is_correct=True).pk)
    just_late = start + timedelta(minutes=5, seconds=10)
    attempt = services.submit_attempt(attempt=attempt, responses={question.pk: [right]}, now=just_late)
    assert attempt.score == 100
    assert not attempt.timed_out


def test_overdue_sweep_submits_abandoned_attempts_once():
    quiz = quiz_with_questions(1, time_limit_minutes=1)
    start = timezone.now() - timedelta(hours=1)
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course), now=start)
    fresh = services.start_attempt(
        quiz=quiz_with_questions(1, time_limit_minutes=60), trainee=attempt.trainee
    )
    assert services.submit_overdue_attempts() == 1
    assert services.submit_overdue_attempts() == 0
    attempt.refresh_from_db()
    fresh.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.timed_out
    assert fresh.status == AttemptStatus.IN_PROGRESS


def test_starting_after_an_overdue_attempt_closes_it_and_counts_it():
    quiz = quiz_with_questions(1, time_limit_minutes=1, max_attempts=2)
    trainee = enrolled_trainee(quiz.course)
    old = services.start_attempt(quiz=quiz, trainee=trainee, now=timezone.now() - timedelta(hours=1))
    new = services.start_attempt(quiz=quiz, trainee=trainee)
    old.refresh_from_db()
    assert old.status == AttemptStatus.SUBMITTED
    assert new.number == 2


# --- through HTTP ---------------------------------------------------------------------------------------


def test_trainee_resumes_after_reload_and_submits_to_a_pass(client):
    quiz = quiz_with_questions(3)
    trainee = enrolled_trainee(quiz.course)
    client.force_login(trainee)
    response = client.post(start_url(quiz))
    attempt = Attempt.objects.get(trainee=trainee)
    assert response.status_code == 302
    assert response.url == urls(attempt)["attempt"]
    payload = correct_payload(attempt)
    first_id = payload["shown"][0]
    saved = client.post(
        urls(attempt)["save"],
        {"shown": [first_id], f"q{first_id}": payload[f"q{first_id}"]},
        headers={"Accept": "application/json"},
    )
    assert saved.status_code == 200
    assert saved.json() == {"saved": True}
    # Reload: the saved answer is checked again.
    page = client.get(urls(attempt)["attempt"]).content.decode()
    assert re.search(rf'value="{payload[f"q{first_id}"][0]}" checked', page)
    assert client.post(start_url(quiz)).url == urls(attempt)["attempt"]  # start again = resume
    response = client.post(urls(attempt)["submit"], payload)
    assert response.status_code == 302
    assert response.url == urls(attempt)["result"]
    attempt.refresh_from_db()
    assert attempt.passed
    assert attempt.score == 100
    result = client.get(urls(attempt)["result"]).content.decode()
    assert "100%" in result
    # A second submission is refused and changes nothing.
    again = client.post(urls(attempt)["submit"], {"shown": [first_id], f"q{first_id}": ["999"]})
    assert again.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100


def test_open_attempt_page_contains_no_part_of_the_answer_key(client):
    quiz = QuizFactory()
    q_single, q_multi, q_tf, q_num, q_text = add_questions(
        quiz, [single(), multiple(), true_false(), numeric("42.125", "0.5"), short_text("SENTINELANSWER")]
    )
    for question in (q_single, q_multi, q_tf, q_num, q_text):
        question.explanation = f"SECRETEXPLANATION{question.pk}"
        question.save()
    trainee = enrolled_trainee(quiz.course)
    client.force_login(trainee)
    client.post(start_url(quiz))
    attempt = Attempt.objects.get(trainee=trainee)
    response = client.get(urls(attempt)["attempt"])
    html = response.content.decode()
    assert response["Cache-Control"].count("no-store") == 1
    for secret in ("SENTINELANSWER", "SECRETEXPLANATION", "42.125", "is_correct", "correct answer", "score"):
        assert secret not in html
    # Each choice is rendered only by id and text, identically whether it is correct or not.
    for choice in Choice.objects.filter(question__quiz=quiz):
        assert f'value="{choice.pk}"' in html
        assert re.search(rf'value="{choice.pk}"[^>]*>', html).group(0) == f'value="{choice.pk}">'
    # The JSON endpoint reveals nothing either.
    saved = client.post(
        urls(attempt)["save"],
        {"shown": [q_num.pk], f"q{q_num.pk}": ["1"]},
        headers={"Accept": "application/json"},
    )
    assert saved.json() == {"saved": True}


def test_feedback_policy_controls_what_the_result_shows(client):
    quiz = quiz_with_questions(1, feedback_policy="after_passing")
    question = quiz.questions.get()
    question.explanation = "EXPLAINED"
    question.save()
    trainee = enrolled_trainee(quiz.course)
    client.force_login(trainee)
    attempt = services.submit_attempt(attempt=services.start_attempt(quiz=quiz, trainee=trainee))
    assert "EXPLAINED" not in client.get(urls(attempt)["result"]).content.decode()
    second = services.start_attempt(quiz=quiz, trainee=trainee)
    services.submit_attempt(
        attempt=second, responses={question.pk: [str(question.choices.get(is_correct=True).pk)]}
    )
    assert "EXPLAINED" in client.get(urls(second)["result"]).content.decode()
    quiz.feedback_policy = "never"
    quiz.save()
    assert "EXPLAINED" not in client.get(urls(second)["result"]).content.decode()


def test_view_closes_an_overdue_attempt_when_the_trainee_returns(client):
    quiz = quiz_with_questions(1, time_limit_minutes=1)
    trainee = enrolled_trainee(quiz.course)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, now=timezone.now() - timedelta(minutes=5))
    client.force_login(trainee)
    response = client.get(urls(attempt)["attempt"])
    assert response.status_code == 302
    assert response.url == urls(attempt)["result"]
    attempt.refresh_from_db()
    assert attempt.timed_out
    late = client.post(urls(attempt)["save"], {"shown": ["1"]}, headers={"Accept": "application/json"})
    assert late.status_code == 409


def test_bad_payloads_get_a_message_not_an_error(client):
    quiz = quiz_with_questions(2)
    trainee = enrolled_trainee(quiz.course)
    client.force_login(trainee)
    client.post(start_url(quiz))
    attempt = Attempt.objects.get(trainee=trainee)
    first, second = quiz.questions.order_by("position")
    foreign = second.choices.first().pk
    response = client.post(urls(attempt)["submit"], {"shown": [first.pk], f"q{first.pk}": [foreign]})
    assert response.status_code == 400
    assert "not one of the options of question" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    for data in ({"shown": ["x"]}, {"q99999999": ["1"]}, {"shown": ["1" * 20]}, {f"q{first.pk}": ["1"] * 50}):
        assert client.post(urls(attempt)["save"], data).status_code == 400


def queries_for(client, method, url, data=None):
    with CaptureQueriesContext(connection) as ctx:
        response = getattr(client, method)(url, data or {})
        assert response.status_code in (200, 302), response.content[:500]
    return len(ctx)


@pytest.mark.parametrize("kind", ["page", "submit", "result"])
def test_query_counts_are_the_same_for_5_and_50_questions(client, kind):
    counts = []
    for n in (5, 50):
        quiz = quiz_with_questions(n)
        trainee = enrolled_trainee(quiz.course)
        client.force_login(trainee)
        client.post(start_url(quiz))
        attempt = Attempt.objects.get(trainee=trainee)
        if kind == "page":
            counts.append(queries_for(client, "get", urls(attempt)["attempt"]))
        elif kind == "submit":
            counts.append(queries_for(client, "post", urls(attempt)["submit"], correct_payload(attempt)))
        else:
            services.submit_attempt(attempt=attempt, responses=None)
            counts.append(queries_for(client, "get", urls(attempt)["result"]))
    assert counts[0] == counts[1]


def test_passing_the_required_quiz_completes_the_course(client):
    quiz = quiz_with_questions(1)
    enrolment = EnrolmentFactory(course=quiz.course)
    # No lessons in this course: only the quiz stands between the trainee and completion.
    services.submit_attempt(attempt=services.start_attempt(quiz=quiz, trainee=enrolment.trainee))
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    attempt = services.start_attempt(quiz=quiz, trainee=enrolment.trainee)
    question = quiz.questions.get()
    services.submit_attempt(
        attempt=attempt, responses={question.pk: [str(question.choices.get(is_correct=True).pk)]}
    )
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
