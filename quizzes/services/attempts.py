"""Writes for attempts: start, save answers, submit (grade), and submit what is left past its time limit.

The attempt row is the lock: every write takes it with select_for_update and re-checks the status and the
deadline inside the same transaction, so a save can never land after the submission and an attempt is graded
exactly once (RELIABILITY.md, "attempts are a state machine"). Every function takes ``now`` so that tests
and the overdue sweep control the clock.
"""

import json
import random
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, QuerySet
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
        locked = _lock(attempt)
        if locked.status != AttemptStatus.IN_PROGRESS:
            refusal = _("This attempt has already been submitted; its answers cannot change.")
        elif is_overdue(locked, now):
            # The submission is committed; only the late answers are refused.
            _grade_and_close(locked, now=now, timed_out=True)
            refusal = _("Time is up. Your attempt was submitted with the answers saved before the limit.")
        else:
            changed = _apply(_answers_of(locked, with_key=False), responses, now)
            _write_answers(changed, RESPONSE_FIELDS)
    if refusal:
        raise AttemptClosed(refusal)
    return locked


def submit_attempt(
    *,
    attempt: Attempt,
    responses: Responses | None = None,
    now: datetime | None = None,
    scope: QuerySet[Attempt] | None = None,
) -> Attempt:
    """Save the last responses and grade. Past the time limit, only what was saved in time is graded.

    ``scope`` is the set of attempts the caller may submit (a view's permission filter): it is applied in
    the query that locks the row, so a view need not read the attempt first. Attempt.DoesNotExist when the
    attempt is not in it.
    """
    now = _now(now)
    with transaction.atomic():
        locked = _lock(attempt, for_grading=True, scope=scope)
        if locked.status != AttemptStatus.IN_PROGRESS:
            raise AttemptClosed(_("This attempt has already been submitted."))
        timed_out = is_overdue(locked, now)
        _grade_and_close(locked, now=now, timed_out=timed_out, responses=None if timed_out else responses)
    return locked


def close_if_overdue(*, attempt: Attempt, now: datetime | None = None) -> bool:
    """Submit an open attempt whose time ran out, with what was saved. True if it did."""
    now = _now(now)
    if attempt.status != AttemptStatus.IN_PROGRESS or not is_overdue(attempt, now):
        return False
    with transaction.atomic():
        locked = _lock(attempt, for_grading=True)
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


def _lock(attempt: Attempt, *, for_grading: bool = False, scope: QuerySet[Attempt] | None = None) -> Attempt:
    """The attempt row, locked (not its quiz's: every submission of a quiz would wait for the others).

    For grading, also whether the trainee passed this quiz before, in the same query: only a first pass
    of a required quiz can change the course's completion.
    """
    attempts = (Attempt.objects.all() if scope is None else scope).select_for_update(of=("self",))
    attempts = attempts.select_related("quiz")
    if for_grading:
        earlier_pass = Attempt.objects.filter(
            quiz_id=OuterRef("quiz_id"), trainee_id=OuterRef("trainee_id"), passed=True
        )
        attempts = attempts.annotate(passed_before=Exists(earlier_pass))
    return attempts.get(pk=attempt.pk)


# What saving reads of a drawn question, and what grading reads besides: never sent to a template.
_QUESTION_FIELDS = ("question__id", "question__kind")
_KEY_FIELDS = (
    "question__points", "question__multiple_scoring", "question__numeric_answer",
    "question__numeric_tolerance", "question__accepted_answers",
)  # fmt: skip
RESPONSE_FIELDS = ("selected_choice_ids", "text_response", "answered_at")
GRADE_FIELDS = ("credit", "is_correct")


def _answers_of(attempt: Attempt, *, with_key: bool) -> dict[int, Answer]:
    """The attempt's answers by question id, with the question fields saving (and grading) need: one query."""
    fields = (
        "pk", "attempt_id", "question_id", "position", "choice_order", *RESPONSE_FIELDS, *GRADE_FIELDS,
        *_QUESTION_FIELDS, *(_KEY_FIELDS if with_key else ()),
    )  # fmt: skip
    answers = Answer.objects.filter(attempt_id=attempt.pk).select_related("question").only(*fields)
    return {answer.question_id: answer for answer in answers}


def _apply(answers: Mapping[int, Answer], responses: Responses, now: datetime) -> list[Answer]:
    """Check the responses against the attempt and set them on its answers (in memory); the changed ones."""
    changed = []
    for question_id, values in responses.items():
        answer = answers.get(question_id)
        if answer is None:
            raise AttemptError(_("Question %(id)s is not part of this attempt.") % {"id": question_id})
        answer.selected_choice_ids, answer.text_response = _parse(answer, values)
        answer.answered_at = now
        changed.append(answer)
    return changed


def _write_answers(answers: Sequence[Answer], fields: Sequence[str]) -> None:
    """Write ``fields`` of every answer given in one UPDATE, whatever their number.

    bulk_update builds a CASE WHEN per row and field, whose compilation costs more CPU than the whole
    grading; on PostgreSQL one UPDATE joined to the new values (one array per column) does the same work.
    """
    if not answers:
        return
    if connection.vendor != "postgresql":
        Answer.objects.bulk_update(answers, fields)
        return
    quote = connection.ops.quote_name
    columns = [quote(Answer._meta.get_field(name).column) for name in fields]
    arrays: list[list] = [[answer.pk for answer in answers]]
    casts = ["%s::bigint[]"]
    for name in fields:
        values = [getattr(answer, name) for answer in answers]
        if name == "selected_choice_ids":
            values = [json.dumps(value) for value in values]
        arrays.append(values)
        casts.append(f"%s::{_SQL_ARRAY_TYPES[name]}")
    names = ", ".join(["id", *columns])
    assignments = ", ".join(f"{column} = new.{column}" for column in columns)
    table = quote(Answer._meta.db_table)
    # Identifiers come from the model's metadata and the values travel as parameters.
    sql = (
        f"UPDATE {table} SET {assignments} FROM unnest({', '.join(casts)}) AS new({names}) "  # noqa: S608
        f"WHERE {table}.id = new.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, arrays)


_SQL_ARRAY_TYPES = {
    "selected_choice_ids": "text[]::jsonb[]",
    "text_response": "text[]",
    "answered_at": "timestamptz[]",
    "credit": "numeric[]",
    "is_correct": "boolean[]",
}


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


def _grade_and_close(
    attempt: Attempt, *, now: datetime, timed_out: bool, responses: Responses | None = None
) -> None:
    """Apply the last responses, grade every answer in memory and write answers and attempt: five queries
    (answers with their questions, choices, one UPDATE of the answers, the attempt's conditional UPDATE)."""
    answers = _answers_of(attempt, with_key=True)
    if responses:
        _apply(answers, responses, now)
    choices = Choice.objects.filter(question_id__in=list(answers)).values_list(
        "question_id", "pk", "is_correct"
    )
    all_ids: dict[int, set[int]] = {}
    correct_ids: dict[int, set[int]] = {}
    for question_id, choice_id, is_correct in choices:
        all_ids.setdefault(question_id, set()).add(choice_id)
        if is_correct:
            correct_ids.setdefault(question_id, set()).add(choice_id)
    awarded = possible = Decimal(0)
    for answer in answers.values():
        question = answer.question
        offered = all_ids.get(question.pk, set())
        credit = grading.grade(
            key_for(question, offered, correct_ids.get(question.pk, set())),
            selected=[pk for pk in answer.selected_choice_ids if pk in offered],
            text=answer.text_response,
        )
        answer.credit, answer.is_correct = credit, credit == grading.ONE
        awarded += credit * question.points
        possible += question.points
    _write_answers(list(answers.values()), (*RESPONSE_FIELDS, *GRADE_FIELDS) if responses else GRADE_FIELDS)
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
        quiz = attempt.quiz
        # Without the annotation (an attempt not locked by _lock) assume a first pass: re-checking is safe.
        first_pass = not getattr(attempt, "passed_before", False)
        signals.quiz_passed.send(
            sender=Attempt,
            attempt=attempt,
            counts_for_completion=first_pass and quiz.is_required and quiz.is_published,
        )


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
