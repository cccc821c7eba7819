"""Writes for trainers: quizzes and their questions (create, edit, reorder, copy, delete).

Question content is plain text, escaped wherever it is shown; nothing a trainer writes is ever evaluated
as code or as a template (RELIABILITY.md T24). The rules a question must follow live in
``validate_question`` so that the form and the CSV import give the same messages.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from courses.models import Course
from quizzes.models import Choice, MultipleScoring, Question, QuestionKind, Quiz, QuizPurpose

MAX_CHOICES = 8
MAX_ACCEPTED_ANSWERS = 20
MAX_NUMBER = Decimal("1e13")


class QuizError(Exception):
    """A business rule refused the change; the message is shown to the trainer as it is."""


class QuestionInvalid(QuizError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class QuestionData:
    kind: str
    text: str
    explanation: str = ""
    points: int = 1
    multiple_scoring: str = MultipleScoring.ALL_OR_NOTHING
    choices: list[tuple[str, bool]] = field(default_factory=list)
    true_answer: bool | None = None
    numeric_answer: Decimal | None = None
    numeric_tolerance: Decimal = Decimal(0)
    accepted_answers: list[str] = field(default_factory=list)


def validate_question(data: QuestionData) -> list[str]:
    """Every reason the question cannot be saved, in words a trainer understands (empty when valid)."""
    errors = []
    if data.kind not in QuestionKind.values:
        return [_("Unknown question type “%(kind)s”.") % {"kind": data.kind}]
    if not data.text.strip():
        errors.append(_("The question text is empty."))
    elif len(data.text) > 2000:
        errors.append(_("The question text is longer than 2000 characters."))
    if len(data.explanation) > 2000:
        errors.append(_("The explanation is longer than 2000 characters."))
    if not 1 <= data.points <= 100:
        errors.append(_("Points must be between 1 and 100."))
    if data.multiple_scoring not in MultipleScoring.values:
        errors.append(_("Unknown scoring “%(scoring)s”.") % {"scoring": data.multiple_scoring})
    if data.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        texts = [text.strip() for text, _correct in data.choices]
        correct = sum(1 for _text, is_correct in data.choices if is_correct)
        if len(texts) < 2:
            errors.append(_("Give at least two choices."))
        if len(texts) > MAX_CHOICES:
            errors.append(_("Give at most %(max)s choices.") % {"max": MAX_CHOICES})
        if any(not text for text in texts):
            errors.append(_("A choice is empty."))
        if any(len(text) > 500 for text in texts):
            errors.append(_("A choice is longer than 500 characters."))
        if len({text.casefold() for text in texts}) != len(texts):
            errors.append(_("Two choices are the same."))
        if data.kind == QuestionKind.SINGLE and correct != 1:
            errors.append(_("Mark exactly one choice as correct."))
        if data.kind == QuestionKind.MULTIPLE and correct < 1:
            errors.append(_("Mark at least one choice as correct."))
    elif data.kind == QuestionKind.TRUE_FALSE:
        if data.true_answer is None:
            errors.append(_("Say whether the statement is true or false."))
    elif data.kind == QuestionKind.NUMERIC:
        if data.numeric_answer is None:
            errors.append(_("Give the correct number."))
        elif not data.numeric_answer.is_finite() or abs(data.numeric_answer) >= MAX_NUMBER:
            errors.append(_("The correct number is too large."))
        if not data.numeric_tolerance.is_finite() or data.numeric_tolerance < 0:
            errors.append(_("The tolerance must be zero or a positive number."))
        elif data.numeric_tolerance >= MAX_NUMBER:
            errors.append(_("The tolerance is too large."))
    elif data.kind == QuestionKind.SHORT_TEXT:
        answers = [answer.strip() for answer in data.accepted_answers if answer.strip()]
        if not answers:
            errors.append(_("Give at least one accepted answer."))
        if len(answers) > MAX_ACCEPTED_ANSWERS:
            errors.append(_("Give at most %(max)s accepted answers.") % {"max": MAX_ACCEPTED_ANSWERS})
        if any(len(answer) > 200 for answer in answers):
            errors.append(_("An accepted answer is longer than 200 characters."))
    return errors


# --- quizzes ---------------------------------------------------------------------------------------------


def _check_quiz_rules(quiz: Quiz) -> None:
    if quiz.module_id and quiz.module.course_id != quiz.course_id:
        raise QuizError(_("That module belongs to another course."))
    if quiz.purpose == QuizPurpose.PRE_TEST:
        quiz.is_required = False
    if quiz.purpose != QuizPurpose.STANDARD:
        taken = Quiz.objects.filter(course_id=quiz.course_id, purpose=quiz.purpose).exclude(pk=quiz.pk)
        if taken.exists():
            raise QuizError(
                _("This course already has a %(purpose)s.") % {"purpose": quiz.get_purpose_display()}
            )
    if quiz.pass_mark > 100:
        raise QuizError(_("The pass mark is a percentage, at most 100."))


@transaction.atomic
def save_quiz(*, quiz: Quiz, course: Course) -> Quiz:
    """Create or update a quiz built by the settings form."""
    quiz.course = course
    _check_quiz_rules(quiz)
    quiz.save()
    return quiz


@transaction.atomic
def delete_quiz(*, quiz: Quiz) -> None:
    if quiz.attempts.exists():
        raise QuizError(_("Trainees have taken this quiz, so it cannot be deleted. Unpublish it instead."))
    quiz.delete()


# --- questions -------------------------------------------------------------------------------------------


def _next_position(quiz: Quiz) -> int:
    return (quiz.questions.aggregate(last=Max("position"))["last"] or 0) + 1


def _choices_for(data: QuestionData, course: Course) -> list[tuple[str, bool]]:
    if data.kind == QuestionKind.TRUE_FALSE:
        # Stored as two choices in the course's language, so grading and item analysis treat it like any
        # single-choice question.
        with translation.override(course.language):
            return [(_("True"), data.true_answer is True), (_("False"), data.true_answer is False)]
    if data.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return [(text.strip(), bool(correct)) for text, correct in data.choices]
    return []


def _fill(question: Question, data: QuestionData) -> None:
    question.kind = data.kind
    question.text = data.text.strip()
    question.explanation = data.explanation.strip()
    question.points = data.points
    question.multiple_scoring = data.multiple_scoring
    numeric = data.kind == QuestionKind.NUMERIC
    question.numeric_answer = data.numeric_answer if numeric else None
    question.numeric_tolerance = data.numeric_tolerance if numeric else Decimal(0)
    question.accepted_answers = (
        [a.strip() for a in data.accepted_answers if a.strip()]
        if data.kind == QuestionKind.SHORT_TEXT
        else []
    )


@transaction.atomic
def create_question(*, quiz: Quiz, data: QuestionData) -> Question:
    errors = validate_question(data)
    if errors:
        raise QuestionInvalid(errors)
    question = Question(quiz=quiz, position=_next_position(quiz))
    _fill(question, data)
    question.save()
    Choice.objects.bulk_create(
        Choice(question=question, text=text, is_correct=correct, position=index + 1)
        for index, (text, correct) in enumerate(_choices_for(data, quiz.course))
    )
    return question


@transaction.atomic
def update_question(*, question: Question, data: QuestionData) -> Question:
    """Edit in place. Choices keep their ids by position, so trainees' saved answers stay meaningful;
    scores already recorded are not re-graded."""
    if data.kind != question.kind:
        raise QuestionInvalid([_("The type of a question cannot change; create a new question instead.")])
    errors = validate_question(data)
    if errors:
        raise QuestionInvalid(errors)
    _fill(question, data)
    question.save()
    wanted = _choices_for(data, question.quiz.course)
    existing = list(question.choices.order_by("position"))
    for choice, (text, correct) in zip(existing, wanted, strict=False):
        choice.text, choice.is_correct = text, correct
    Choice.objects.bulk_update(existing[: len(wanted)], ["text", "is_correct"])
    Choice.objects.bulk_create(
        Choice(question=question, text=text, is_correct=correct, position=index + 1)
        for index, (text, correct) in enumerate(wanted)
        if index >= len(existing)
    )
    surplus = [choice.pk for choice in existing[len(wanted) :]]
    if surplus:
        Choice.objects.filter(pk__in=surplus).delete()
    return question


@transaction.atomic
def delete_question(*, question: Question) -> bool:
    """Delete the question, or archive it when trainees have answered it. True if it was deleted."""
    if question.answers.exists():
        Question.objects.filter(pk=question.pk).update(is_archived=True)
        question.is_archived = True
        return False
    question.delete()
    return True


@transaction.atomic
def reorder_questions(*, quiz: Quiz, ordered_ids: list[int]) -> None:
    """Put the quiz's questions in the given order (ids missing from the list keep their relative order
    after those listed)."""
    questions = list(Quiz.objects.select_for_update().get(pk=quiz.pk).questions.order_by("position"))
    by_id = {q.pk: q for q in questions}
    if any(pk not in by_id for pk in ordered_ids) or len(set(ordered_ids)) != len(ordered_ids):
        raise QuizError(_("The new order names a question that is not in this quiz."))
    listed = [by_id[pk] for pk in ordered_ids]
    order = listed + [q for q in questions if q.pk not in set(ordered_ids)]
    # Two passes keep (quiz, position) unique at every step: first move everything out of the way.
    offset = len(order) + max((q.position for q in questions), default=0)
    for index, question in enumerate(order):
        question.position = offset + index + 1
    Question.objects.bulk_update(order, ["position"])
    for index, question in enumerate(order):
        question.position = index + 1
    Question.objects.bulk_update(order, ["position"])


def move_question(*, question: Question, step: int) -> None:
    ids = list(question.quiz.questions.order_by("position").values_list("pk", flat=True))
    index = ids.index(question.pk)
    target = max(0, min(len(ids) - 1, index + step))
    ids.insert(target, ids.pop(index))
    reorder_questions(quiz=question.quiz, ordered_ids=ids)


@transaction.atomic
def copy_question(*, question: Question, target: Quiz) -> Question:
    """A new, independent question at the end of ``target`` (any quiz the trainer may edit)."""
    choices = list(question.choices.order_by("position"))
    copy = Question.objects.create(
        quiz=target,
        position=_next_position(target),
        kind=question.kind,
        text=question.text,
        explanation=question.explanation,
        points=question.points,
        multiple_scoring=question.multiple_scoring,
        numeric_answer=question.numeric_answer,
        numeric_tolerance=question.numeric_tolerance,
        accepted_answers=list(question.accepted_answers),
    )
    Choice.objects.bulk_create(
        Choice(question=copy, text=c.text, is_correct=c.is_correct, position=c.position) for c in choices
    )
    return copy


def question_data_from(question: Question) -> QuestionData:
    choices = [(c.text, c.is_correct) for c in question.choices.all()]
    true_answer = None
    if question.kind == QuestionKind.TRUE_FALSE and choices:
        true_answer = choices[0][1]
    return QuestionData(
        kind=question.kind,
        text=question.text,
        explanation=question.explanation,
        points=question.points,
        multiple_scoring=question.multiple_scoring,
        choices=choices,
        true_answer=true_answer,
        numeric_answer=question.numeric_answer,
        numeric_tolerance=question.numeric_tolerance,
        accepted_answers=list(question.accepted_answers),
    )
