"""The quizzes' section of a course export (courses/exchange.py), so that an exported, imported or copied
course keeps its quizzes, questions, choices and their translations::

    "quizzes": [{"module": 1 | null, "title", "description", "purpose", "pass_mark", "max_attempts",
                 "time_limit_minutes", "shuffle_questions", "shuffle_choices", "draw_count",
                 "feedback_policy", "is_required", "is_published",
                 "questions": [{"kind", "text", "explanation", "points", "multiple_scoring",
                                "numeric_answer": "12.5" | null, "numeric_tolerance": "0.5",
                                "accepted_answers": [...],
                                "translations": [{"language", "text", "explanation"}],
                                "choices": [{"text", "is_correct",
                                             "translations": [{"language", "text"}]}]}]}]

``module`` is the 1-based index of the module in the export's list, null for a final quiz. Archived questions
(answered by trainees, then removed by a trainer) are left out. The question rules are those of the studio
(``validate_question``), so an export can hold nothing the studio would refuse.
"""

from decimal import Decimal, InvalidOperation

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from courses import exchange
from courses.models import Course, Module
from quizzes.models import (
    CHOICE_KINDS,
    Choice,
    ChoiceTranslation,
    FeedbackPolicy,
    Question,
    QuestionKind,
    QuestionTranslation,
    Quiz,
    QuizPurpose,
)
from quizzes.services.authoring import QuestionData, validate_question

KEY = "quizzes"
MAX_QUESTIONS = 500


def _number_text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def export(course: Course, modules: list[Module]) -> list[dict]:
    """A fixed number of queries, however many quizzes and questions."""
    index = {module.pk: n for n, module in enumerate(modules, start=1)}
    questions = (
        Question.objects.active()
        .order_by("position")
        .prefetch_related(
            "translations", Prefetch("choices", Choice.objects.prefetch_related("translations"))
        )
    )
    quizzes = (
        Quiz.objects.filter(course=course).order_by("pk").prefetch_related(Prefetch("questions", questions))
    )
    rows = []
    for quiz in quizzes:
        rows.append(
            {
                "module": index.get(quiz.module_id),
                "title": quiz.title,
                "description": quiz.description,
                "purpose": quiz.purpose,
                "pass_mark": quiz.pass_mark,
                "max_attempts": quiz.max_attempts,
                "time_limit_minutes": quiz.time_limit_minutes,
                "shuffle_questions": quiz.shuffle_questions,
                "shuffle_choices": quiz.shuffle_choices,
                "draw_count": quiz.draw_count,
                "feedback_policy": quiz.feedback_policy,
                "is_required": quiz.is_required,
                "is_published": quiz.is_published,
                "questions": [_question_row(question) for question in quiz.questions.all()],
            }
        )
    return rows


def _question_row(question: Question) -> dict:
    return {
        "kind": question.kind,
        "text": question.text,
        "explanation": question.explanation,
        "points": question.points,
        "multiple_scoring": question.multiple_scoring,
        "numeric_answer": _number_text(question.numeric_answer),
        "numeric_tolerance": _number_text(question.numeric_tolerance) or "0",
        "accepted_answers": list(question.accepted_answers),
        "translations": [
            {"language": t.language, "text": t.text, "explanation": t.explanation}
            for t in sorted(question.translations.all(), key=lambda t: t.language)
        ],
        "choices": [
            {
                "text": choice.text,
                "is_correct": choice.is_correct,
                "translations": [
                    {"language": t.language, "text": t.text}
                    for t in sorted(choice.translations.all(), key=lambda t: t.language)
                ],
            }
            for choice in question.choices.all()
        ],
    }


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        number = (
            Decimal(str(value)) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        )
    except InvalidOperation:
        return None
    return number if number is not None and number.is_finite() else None


def _optional_count(checker: exchange.Checker, quiz: dict, key: str, where: str, maximum: int) -> None:
    value = quiz.get(key)
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum
    ):
        checker.problem(
            where,
            _("“%(field)s” must be empty or a whole number from 1 to %(max)s.")
            % {"field": key, "max": maximum},
        )


def _question_data(question: dict) -> QuestionData:
    """The studio's view of an exported question, for validate_question."""
    choices = [(c.get("text", ""), c.get("is_correct") is True) for c in question.get("choices", [])]
    kind = question.get("kind", "")
    true_answer = None
    if kind == QuestionKind.TRUE_FALSE and len(choices) == 2 and choices[0][1] != choices[1][1]:
        true_answer = choices[0][1]
    return QuestionData(
        kind=kind,
        text=question.get("text", "") if isinstance(question.get("text"), str) else "",
        explanation=question.get("explanation", "") if isinstance(question.get("explanation"), str) else "",
        points=question.get("points") if isinstance(question.get("points"), int) else 0,
        multiple_scoring=question.get("multiple_scoring", ""),
        choices=choices,
        true_answer=true_answer,
        numeric_answer=_decimal(question.get("numeric_answer")),
        numeric_tolerance=_decimal(question.get("numeric_tolerance", "0")) or Decimal(0),
        accepted_answers=[a for a in question.get("accepted_answers", []) if isinstance(a, str)],
    )


def check(value: object, checker: exchange.Checker, module_count: int) -> None:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        checker.problems.append(_("“quizzes” must be a list."))
        return
    special = {QuizPurpose.PRE_TEST: 0, QuizPurpose.POST_TEST: 0}
    for q, quiz in enumerate(value, start=1):
        where = _("Quiz %(n)s") % {"n": q}
        checker.text(quiz, "title", where, max_length=200)
        checker.text(quiz, "description", where, max_length=2000, required=False)
        module = quiz.get("module")
        if module is not None and (
            isinstance(module, bool) or not isinstance(module, int) or not 1 <= module <= module_count
        ):
            checker.problem(where, _("it belongs to a module that is not in the export."))
        purpose = quiz.get("purpose")
        if purpose not in QuizPurpose.values:
            checker.problem(where, _("unknown purpose “%(value)s”.") % {"value": purpose})
        elif purpose in special:
            special[purpose] += 1
            if special[purpose] == 2:
                checker.problem(
                    where,
                    _("a course has only one pre-test and one post-test."),
                )
        checker.number(quiz, "pass_mark", where, maximum=100)
        _optional_count(checker, quiz, "max_attempts", where, 32767)
        _optional_count(checker, quiz, "time_limit_minutes", where, 32767)
        _optional_count(checker, quiz, "draw_count", where, 32767)
        if quiz.get("feedback_policy") not in FeedbackPolicy.values:
            checker.problem(
                where, _("unknown feedback setting “%(value)s”.") % {"value": quiz.get("feedback_policy")}
            )
        for name in ("shuffle_questions", "shuffle_choices", "is_required", "is_published"):
            checker.flag(quiz, name, where)
        if purpose == QuizPurpose.PRE_TEST and quiz.get("is_required") is True:
            checker.problem(where, _("a pre-test cannot be required for completion."))
        questions = checker.items(quiz, "questions", where)
        if len(questions) > MAX_QUESTIONS:
            checker.problem(where, _("more than %(n)s questions.") % {"n": MAX_QUESTIONS})
            continue
        for n, question in enumerate(questions, start=1):
            qwhere = _("Quiz %(q)s, question %(n)s") % {"q": q, "n": n}
            data = _question_data(question)
            for message in validate_question(data):
                checker.problem(qwhere, message)
            if question.get("kind") == QuestionKind.TRUE_FALSE and data.true_answer is None:
                checker.problem(qwhere, _("a true-or-false question needs two choices, one of them correct."))
            for choice in checker.items(question, "choices", qwhere):
                checker.text(choice, "text", qwhere, max_length=500)
                checker.flag(choice, "is_correct", qwhere)
                checker.translations(choice, qwhere, {"text": (500, True)})
            checker.translations(question, qwhere, {"text": (2000, True), "explanation": (2000, False)})


def create(course: Course, value: list[dict], modules: list[Module]) -> None:
    """Inside the import's transaction, after check() found nothing wrong."""
    for quiz_data in value:
        module = quiz_data.get("module")
        quiz = Quiz.objects.create(
            course=course,
            module=modules[module - 1] if module else None,
            title=quiz_data["title"],
            description=quiz_data.get("description", ""),
            purpose=quiz_data["purpose"],
            pass_mark=quiz_data["pass_mark"],
            max_attempts=quiz_data.get("max_attempts"),
            time_limit_minutes=quiz_data.get("time_limit_minutes"),
            shuffle_questions=quiz_data["shuffle_questions"],
            shuffle_choices=quiz_data["shuffle_choices"],
            draw_count=quiz_data.get("draw_count"),
            feedback_policy=quiz_data["feedback_policy"],
            is_required=quiz_data["is_required"],
            is_published=quiz_data["is_published"],
        )
        _create_questions(quiz, quiz_data["questions"])


def _question(quiz: Quiz, position: int, data: dict) -> Question:
    numeric = data["kind"] == QuestionKind.NUMERIC
    return Question(
        quiz=quiz,
        position=position,
        kind=data["kind"],
        text=data["text"].strip(),
        explanation=data.get("explanation", "").strip(),
        points=data["points"],
        multiple_scoring=data["multiple_scoring"],
        numeric_answer=_decimal(data.get("numeric_answer")) if numeric else None,
        numeric_tolerance=(_decimal(data.get("numeric_tolerance", "0")) or Decimal(0))
        if numeric
        else Decimal(0),
        accepted_answers=[a.strip() for a in data.get("accepted_answers", []) if a.strip()]
        if data["kind"] == QuestionKind.SHORT_TEXT
        else [],
    )


def _create_questions(quiz: Quiz, rows: list[dict]) -> None:
    """Four INSERTs per quiz however many questions: bulk_create returns the new ids on PostgreSQL and on
    SQLite 3.35+, which the choices and translations need."""
    questions = Question.objects.bulk_create(_question(quiz, n, data) for n, data in enumerate(rows, start=1))
    QuestionTranslation.objects.bulk_create(
        QuestionTranslation(
            question=question, language=t["language"], text=t["text"], explanation=t.get("explanation", "")
        )
        for question, data in zip(questions, rows, strict=True)
        for t in data.get("translations", [])
    )
    pairs = [
        (Choice(question=question, text=c["text"].strip(), is_correct=c["is_correct"], position=n), c)
        for question, data in zip(questions, rows, strict=True)
        if data["kind"] in CHOICE_KINDS
        for n, c in enumerate(data.get("choices", []), start=1)
    ]
    choices = Choice.objects.bulk_create(choice for choice, _data in pairs)
    ChoiceTranslation.objects.bulk_create(
        ChoiceTranslation(choice=choice, language=t["language"], text=t["text"])
        for choice, (_unsaved, data) in zip(choices, pairs, strict=True)
        for t in data.get("translations", [])
    )


PART = exchange.Part(key=KEY, export=export, check=check, create=create)
