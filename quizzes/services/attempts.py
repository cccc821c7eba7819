"""Writes for attempts: start, save answers, submit (grade), and submit what is left past its time limit.

The attempt row is the lock: every write takes it with select_for_update and re-checks the status and the
deadline inside the same transaction, so a save can never land after the submission and an attempt is graded
exactly once (RELIABILITY.md, "attempts are a state machine"). Every function takes ``now`` so that tests
and the overdue sweep control the clock.
"""

import random
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from quizzes import grading, signals
from quizzes.models import Answer, Attempt, AttemptStatus, Choice, Question, Quiz

# Saves that arrive this long after the deadline still count: a slow phone may need it to deliver the
# last answer. The deadline shown to the trainee is the real one.
GRACE = timedelta(seconds=30)
MAX_TEXT_RESPONSE = 200

Responses = Mapping[int, Sequence[str]]


class AttemptError(Exception):
    """The request was refused; the message is shown to the trainee as it is."""

    status = 400


class AttemptClosed(AttemptError):
    """The attempt was already submitted (or just was, because its time ran out)."""

    status = 409


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def is_overdue(attempt: Attempt, now: datetime) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + GRACE


def start_attempt(
    *, quiz: Quiz, trainee: User, now: datetime | None = None, rng: random.Random | None = None
) -> Attempt:
    """Resume the open attempt, or start a new one with its questions and their order fixed here."""
    now = _now(now)
    rng = rng or random.SystemRandom()
    with transaction.atomic():
        current = (
            Attempt.objects.select_for_update()
            .filter(quiz=quiz, trainee=trainee, status=AttemptStatus.IN_PROGRESS)
            .first()
        )
        if current is not None:
            if not is_overdue(current, now):
                return current
            _grade_and_close(current, now=now, timed_out=True)
        used = Attempt.objects.filter(quiz=quiz, trainee=trainee).count()
        if quiz.max_attempts is not None and used >= quiz.max_attempts:
            raise AttemptError(_("You have used all your attempts at this quiz."))
        questions = list(quiz.questions.active().order_by("position").prefetch_related("choices"))
        if not questions:
            raise AttemptError(_("This quiz has no questions yet."))
        drawn = _draw(quiz, questions, rng)
        deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
        try:
            with transaction.atomic():
                attempt = Attempt.objects.create(
                    quiz=quiz, trainee=trainee, number=used + 1, started_at=now, deadline=deadline
                )
        except IntegrityError:
            # Another request (a double tap) started the attempt a moment ago: resume that one.
            current = Attempt.objects.filter(
                quiz=quiz, trainee=trainee, status=AttemptStatus.IN_PROGRESS
            ).first()
            if current is None:
                raise AttemptError(_("Please try again.")) from None
            return current
        Answer.objects.bulk_create(
            Answer(
                attempt=attempt,
                question=question,
                position=index + 1,
                choice_order=_choice_order(quiz, question, rng),
            )
            for index, question in enumerate(drawn)
        )
    return attempt


def _draw(quiz: Quiz, questions: list[Question], rng: random.Random) -> list[Question]:
    if quiz.draw_count and quiz.draw_count < len(questions):
        chosen = {q.pk for q in rng.sample(questions, quiz.draw_count)}
        questions = [q for q in questions if q.pk in chosen]
    if quiz.shuffle_questions:
        questions = questions[:]
        rng.shuffle(questions)
    return questions


def _choice_order(quiz: Quiz, question: Question, rng: random.Random) -> list[int]:
    ids = [choice.pk for choice in sorted(question.choices.all(), key=lambda c: c.position)]
    # True before False reads naturally in every language; never shuffle it.
    if quiz.shuffle_choices and question.kind != "true_false":
        rng.shuffle(ids)
    return ids


def save_answers(*, attempt: Attempt, responses: Responses, now: datetime | None = None) -> Attempt:
    """Store the responses given (question id -> values). Refused once submitted or out of time."""
    now = _now(now)
    refusal = None
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if locked.status != AttemptStatus.IN_PROGRESS:
            refusal = _("This attempt has already been submitted; its answers cannot change.")
        elif is_overdue(locked, now):
            # The submission is committed; only the late answers are refused.
            _grade_and_close(locked, now=now, timed_out=True)
            refusal = _("Time is up. Your attempt was submitted with the answers saved before the limit.")
        else:
            _apply(locked, responses, now)
    if refusal:
        raise AttemptClosed(refusal)
    return locked


def submit_attempt(
    *, attempt: Attempt, responses: Responses | None = None, now: datetime | None = None
) -> Attempt:
    """Save the last responses and grade. Past the time limit, only what was saved in time is graded."""
    now = _now(now)
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if locked.status != AttemptStatus.IN_PROGRESS:
            raise AttemptClosed(_("This attempt has already been submitted."))
        timed_out = is_overdue(locked, now)
        if responses and not timed_out:
            _apply(locked, responses, now)
        _grade_and_close(locked, now=now, timed_out=timed_out)
    return locked


def close_if_overdue(*, attempt: Attempt, now: datetime | None = None) -> bool:
    """Submit an open attempt whose time ran out, with what was saved. True if it did."""
    now = _now(now)
    if attempt.status != AttemptStatus.IN_PROGRESS or not is_overdue(attempt, now):
        return False
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if locked.status != AttemptStatus.IN_PROGRESS:
            return False
        _grade_and_close(locked, now=now, timed_out=True)
    attempt.refresh_from_db()
    return True


def submit_overdue_attempts(*, now: datetime | None = None) -> int:
    """The sweep: submit every open attempt past its time limit (trainees who never came back)."""
    now = _now(now)
    closed = 0
    overdue = Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS, deadline__lt=now - GRACE)
    for attempt in overdue.iterator():
        closed += close_if_overdue(attempt=attempt, now=now)
    return closed


def _apply(attempt: Attempt, responses: Responses, now: datetime) -> None:
    answers = {
        answer.question_id: answer
        for answer in Answer.objects.filter(attempt=attempt)
        .select_related("question")
        .only("pk", "question_id", "position", "choice_order", "question__kind", "question__position")
    }
    changed = []
    for question_id, values in responses.items():
        answer = answers.get(question_id)
        if answer is None:
            raise AttemptError(_("Question %(id)s is not part of this attempt.") % {"id": question_id})
        selected, text = _parse(answer, values)
        answer.selected_choice_ids, answer.text_response, answer.answered_at = selected, text, now
        changed.append(answer)
    if changed:
        Answer.objects.bulk_update(changed, ["selected_choice_ids", "text_response", "answered_at"])


def _parse(answer: Answer, values: Sequence[str]) -> tuple[list[int], str]:
    question = answer.question
    values = [value for value in values if value != ""]
    number = answer.position
    if question.has_choices:
        allowed = set(answer.choice_order)
        picked: list[int] = []
        for value in values:
            try:
                choice_id = int(value)
            except (TypeError, ValueError):
                choice_id = None
            if choice_id is None or choice_id not in allowed:
                raise AttemptError(
                    _("That choice is not one of the options of question %(number)s.") % {"number": number}
                )
            if choice_id not in picked:
                picked.append(choice_id)
        if question.kind != "multiple" and len(picked) > 1:
            raise AttemptError(_("Question %(number)s takes only one answer.") % {"number": number})
        return picked, ""
    if len(values) > 1:
        raise AttemptError(_("Question %(number)s takes only one answer.") % {"number": number})
    text = values[0].strip() if values else ""
    if len(text) > MAX_TEXT_RESPONSE:
        raise AttemptError(
            _("The answer to question %(number)s is too long (at most %(max)s characters).")
            % {"number": number, "max": MAX_TEXT_RESPONSE}
        )
    return [], text


def _grade_and_close(attempt: Attempt, *, now: datetime, timed_out: bool) -> None:
    answers = list(Answer.objects.filter(attempt=attempt).select_related("question"))
    choices = Choice.objects.filter(question_id__in=[a.question_id for a in answers]).values_list(
        "question_id", "pk", "is_correct"
    )
    all_ids: dict[int, set[int]] = {}
    correct_ids: dict[int, set[int]] = {}
    for question_id, choice_id, is_correct in choices:
        all_ids.setdefault(question_id, set()).add(choice_id)
        if is_correct:
            correct_ids.setdefault(question_id, set()).add(choice_id)
    awarded = possible = Decimal(0)
    for answer in answers:
        question = answer.question
        credit = grading.grade(
            key_for(question, all_ids.get(question.pk, set()), correct_ids.get(question.pk, set())),
            selected=[pk for pk in answer.selected_choice_ids if pk in all_ids.get(question.pk, set())],
            text=answer.text_response,
        )
        answer.credit, answer.is_correct = credit, credit == grading.ONE
        awarded += credit * question.points
        possible += question.points
    # One UPDATE per distinct credit rather than bulk_update's per-row CASE, which costs more CPU than the
    # rest of grading together. Credits take few values (1, 0 and a few fractions), so the number of queries
    # stays small and does not grow with the number of questions.
    by_credit: dict[Decimal, list[int]] = {}
    for answer in answers:
        by_credit.setdefault(answer.credit, []).append(answer.pk)
    for credit, ids in by_credit.items():
        Answer.objects.filter(pk__in=ids).update(credit=credit, is_correct=credit == grading.ONE)
    attempt.score = grading.percent(awarded, possible)
    attempt.passed = attempt.score >= attempt.quiz.pass_mark
    attempt.status = AttemptStatus.SUBMITTED
    attempt.submitted_at = now
    attempt.timed_out = timed_out
    # The conditional UPDATE is the state transition: it succeeds once, whatever else is running.
    updated = Attempt.objects.filter(pk=attempt.pk, status=AttemptStatus.IN_PROGRESS).update(
        status=attempt.status,
        score=attempt.score,
        passed=attempt.passed,
        submitted_at=now,
        timed_out=timed_out,
    )
    if updated != 1:
        raise AttemptClosed(_("This attempt has already been submitted."))
    if attempt.passed:
        signals.quiz_passed.send(sender=Attempt, attempt=attempt)


def key_for(question: Question, choice_ids: set[int], correct_ids: set[int]) -> grading.Key:
    return grading.Key(
        kind=question.kind,
        correct_choice_ids=frozenset(correct_ids),
        choice_ids=frozenset(choice_ids),
        multiple_scoring=question.multiple_scoring,
        numeric_answer=question.numeric_answer,
        numeric_tolerance=question.numeric_tolerance,
        accepted_answers=tuple(question.accepted_answers or ()),
    )
