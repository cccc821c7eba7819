"""Reads for quizzes. Each runs a fixed number of queries, however many questions or attempts there are.

The open attempt's reads load choices without ``is_correct`` and questions without their key, so that the
answer key cannot reach a template by mistake.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery

from accounts.models import User
from courses import translations
from courses.models import Course, Module
from quizzes.models import (
    CHOICE_KINDS,
    Answer,
    Attempt,
    AttemptStatus,
    Choice,
    ChoiceTranslation,
    FeedbackPolicy,
    Question,
    QuestionTranslation,
    Quiz,
    QuizPurpose,
)

# --- the trainee's view of a course's quizzes ------------------------------------------------------------


@dataclass
class QuizSummary:
    quiz: Quiz
    attempts_used: int = 0
    best_score: Decimal | None = None
    passed: bool = False
    open_attempt_id: int | None = None

    @property
    def attempts_left(self) -> int | None:
        if self.quiz.max_attempts is None:
            return None
        return max(0, self.quiz.max_attempts - self.attempts_used)

    @property
    def can_start(self) -> bool:
        return self.open_attempt_id is not None or self.attempts_left is None or self.attempts_left > 0


def _summaries(quizzes: list[Quiz], trainee: User | None) -> list[QuizSummary]:
    summaries = {quiz.pk: QuizSummary(quiz) for quiz in quizzes}
    if trainee is not None and trainee.is_authenticated and summaries:
        rows = (
            Attempt.objects.filter(trainee=trainee, quiz_id__in=summaries)
            .values("quiz_id")
            .annotate(
                used=Count("pk"),
                best=Max("score"),
                passes=Count("pk", filter=Q(passed=True)),
                open_id=Max("pk", filter=Q(status=AttemptStatus.IN_PROGRESS)),
            )
            .order_by()
        )
        for row in rows:
            summary = summaries[row["quiz_id"]]
            summary.attempts_used = row["used"]
            summary.best_score = row["best"]
            summary.passed = row["passes"] > 0
            summary.open_attempt_id = row["open_id"]
    return list(summaries.values())


@dataclass
class QuizSection:
    module: Module | None  # None: the course's final quizzes
    summaries: list[QuizSummary]


def course_quizzes_for_trainee(*, course: Course, trainee: User | None) -> list[QuizSection]:
    """Published quizzes of the course grouped by module in module order, final quizzes last, each with
    the trainee's results (two queries)."""
    quizzes = list(
        Quiz.objects.published()
        .filter(course=course)
        .select_related("course", "module")
        .order_by(F("module__position").asc(nulls_last=True), "pk")
    )
    sections: list[QuizSection] = []
    for summary in _summaries(quizzes, trainee):
        if not sections or sections[-1].module != summary.quiz.module:
            sections.append(QuizSection(summary.quiz.module, []))
        sections[-1].summaries.append(summary)
    return sections


def quiz_summary(*, quiz: Quiz, trainee: User) -> QuizSummary:
    return _summaries([quiz], trainee)[0]


def past_attempts(*, quiz: Quiz, trainee: User) -> list[Attempt]:
    return list(Attempt.objects.filter(quiz=quiz, trainee=trainee).order_by("-number"))


def required_quizzes_not_passed(*, trainee_id: int, course_id: int) -> QuerySet[Quiz]:
    """Completion rule: the course's required, published quizzes the trainee has not passed (empty = met)."""
    passed = Attempt.objects.filter(quiz=OuterRef("pk"), trainee_id=trainee_id, passed=True)
    return Quiz.objects.published().filter(course_id=course_id, is_required=True).filter(~Exists(passed))


# --- one attempt ----------------------------------------------------------------------------------------


@dataclass
class Item:
    """One drawn question as the trainee sees it; ``choices`` follow the attempt's own order."""

    answer: Answer
    question: Question
    choices: list[Choice]
    correct_ids: frozenset[int] = frozenset()
    language: str = ""  # the language the question is shown in (its translation's, else the course's)

    @property
    def number(self) -> int:
        return self.answer.position

    @property
    def field_name(self) -> str:
        return f"q{self.question.pk}"


_PUBLIC_QUESTION_FIELDS = ("question__id", "question__kind", "question__text", "question__points")


def attempt_items(
    *, attempt: Attempt, with_key: bool = False, language: str | None = None, course_language: str = ""
) -> list[Item]:
    """The attempt's questions in its order (two queries). Without ``with_key`` nothing of the answer key
    (correct flags, accepted answers, numbers, explanations) is loaded at all.

    With ``language``, questions, choices and (with the key) explanations come in that language where a
    trainer translated them, fetched in the same two queries (courses.translations).
    """
    answers = Answer.objects.filter(attempt=attempt).select_related("question").order_by("position")
    question_fields = ("text", "explanation") if with_key else ("text",)
    answers = translations.with_translation(
        answers,
        language=language,
        translation_model=QuestionTranslation,
        fk="question",
        fields=question_fields,
        outer="question_id",
    )
    if not with_key:
        answers = answers.only(
            "pk", "attempt_id", "position", "choice_order", "selected_choice_ids", "text_response",
            "answered_at", *_PUBLIC_QUESTION_FIELDS,
        )  # fmt: skip
    answers = list(answers)
    choice_fields = ["pk", "text", "question_id", "position"] + (["is_correct"] if with_key else [])
    choice_rows = translations.with_translation(
        Choice.objects.filter(question_id__in=[a.question_id for a in answers]).only(*choice_fields),
        language=language,
        translation_model=ChoiceTranslation,
        fk="choice",
        fields=("text",),
    )
    choices = {choice.pk: choice for choice in choice_rows}
    items = []
    for answer in answers:
        question = answer.question
        for name in question_fields:
            setattr(question, translations.PREFIX + name, getattr(answer, translations.PREFIX + name, None))
        translations.localise(
            question, fields=question_fields, original_language=course_language, language=language
        )
        ordered = [choices[pk] for pk in answer.choice_order if pk in choices]
        if question.is_translated:
            for choice in ordered:
                translations.localise(
                    choice, fields=("text",), original_language=course_language, language=language
                )
        correct = frozenset(c.pk for c in ordered if with_key and c.is_correct)
        items.append(Item(answer, question, ordered, correct, question.content_language))
    return items


def preview_items(*, quiz: Quiz) -> list[Item]:
    """The quiz as a trainee would see it, without starting an attempt (two queries)."""
    questions = list(
        quiz.questions.active()
        .order_by("position")
        .only("pk", "kind", "text", "points", "quiz_id", "position")
    )
    choices: dict[int, list[Choice]] = defaultdict(list)
    for choice in (
        Choice.objects.filter(question__in=questions).order_by("position").only("pk", "text", "question_id")
    ):
        choices[choice.question_id].append(choice)
    return [
        Item(Answer(position=index + 1, question=question), question, choices[question.pk])
        for index, question in enumerate(questions)
    ]


def feedback_visible(*, attempt: Attempt, trainee_has_passed: bool) -> bool:
    """Correct answers and explanations are shown only for submitted attempts and per the quiz's policy."""
    if attempt.status != AttemptStatus.SUBMITTED:
        return False
    policy = attempt.quiz.feedback_policy
    if policy == FeedbackPolicy.AFTER_EACH_ATTEMPT:
        return True
    return policy == FeedbackPolicy.AFTER_PASSING and trainee_has_passed


# --- pre- and post-tests --------------------------------------------------------------------------------


def knowledge_gains(*, course: Course) -> QuerySet[User]:
    """Trainees who took both the course's pre-test and post-test, annotated with ``pre_score`` (first
    pre-test attempt), ``post_score`` (best post-test attempt) and ``gain`` (post minus pre), in points of
    percent. One query; reports can group it by ``profile__sex`` and ``profile__age_band``."""
    pre = (
        Attempt.objects.submitted()
        .filter(trainee=OuterRef("pk"), quiz__course=course, quiz__purpose=QuizPurpose.PRE_TEST)
        .order_by("number")
        .values("score")[:1]
    )
    post = (
        Attempt.objects.submitted()
        .filter(trainee=OuterRef("pk"), quiz__course=course, quiz__purpose=QuizPurpose.POST_TEST)
        .order_by("-score")
        .values("score")[:1]
    )
    return (
        User.objects.annotate(pre_score=Subquery(pre), post_score=Subquery(post))
        .filter(pre_score__isnull=False, post_score__isnull=False)
        .annotate(gain=F("post_score") - F("pre_score"))
    )


def knowledge_gain_of(*, course: Course, trainee: User) -> Decimal | None:
    row = knowledge_gains(course=course).filter(pk=trainee.pk).values_list("gain", flat=True).first()
    return None if row is None else Decimal(row)


# --- item analysis --------------------------------------------------------------------------------------


@dataclass
class ChoiceStat:
    choice: Choice
    picked: int = 0

    @property
    def is_correct(self) -> bool:
        return self.choice.is_correct


@dataclass
class QuestionStat:
    question: Question
    answered: int = 0
    correct: int = 0
    credit_total: Decimal = Decimal(0)
    choices: list[ChoiceStat] = field(default_factory=list)
    discrimination: float | None = None
    wrong_texts: Counter = field(default_factory=Counter)

    @property
    def percent_correct(self) -> float | None:
        return None if not self.answered else round(100 * self.correct / self.answered, 1)

    @property
    def most_chosen_wrong(self) -> str | None:
        wrong = [stat for stat in self.choices if not stat.is_correct and stat.picked]
        if wrong:
            return max(wrong, key=lambda stat: stat.picked).choice.text
        if self.wrong_texts:
            return self.wrong_texts.most_common(1)[0][0]
        return None


@dataclass
class QuizStats:
    quiz: Quiz
    attempts: int
    passed: int
    mean: float | None
    median: float | None
    questions: list[QuestionStat]

    @property
    def pass_rate(self) -> float | None:
        return None if not self.attempts else round(100 * self.passed / self.attempts, 1)


def item_analysis(*, quiz: Quiz, country: str | None = None) -> QuizStats:
    """Per quiz: submitted attempts, pass rate, mean and median score. Per question: answered, share correct,
    how often each choice was picked (the most-chosen wrong answer), and a discrimination index: the share
    correct in the top 27% of attempts by score minus that in the bottom 27%. Four queries."""
    attempts = Attempt.objects.submitted().filter(quiz=quiz)
    if country:
        attempts = attempts.filter(trainee__profile__country=country)
    scores = dict(attempts.values_list("pk", "score"))
    ranked = sorted(scores, key=lambda pk: scores[pk])
    tail = max(1, round(len(ranked) * 0.27)) if len(ranked) >= 4 else 0
    lower, upper = set(ranked[:tail]), set(ranked[-tail:]) if tail else set()

    questions = list(quiz.questions.order_by("is_archived", "position"))
    stats = {q.pk: QuestionStat(q) for q in questions}
    for choice in Choice.objects.filter(question__quiz=quiz).order_by("position"):
        stats[choice.question_id].choices.append(ChoiceStat(choice))
    choice_stats = {cs.choice.pk: cs for stat in stats.values() for cs in stat.choices}
    group_hits: dict[int, dict[str, list[int]]] = defaultdict(lambda: {"upper": [0, 0], "lower": [0, 0]})
    rows = Answer.objects.filter(attempt_id__in=list(scores), question__quiz=quiz).values_list(
        "attempt_id", "question_id", "selected_choice_ids", "text_response", "is_correct", "credit"
    )
    for attempt_id, question_id, selected, text, is_correct, credit in rows.iterator():
        stat = stats.get(question_id)
        if stat is None:
            continue
        stat.answered += 1
        stat.correct += bool(is_correct)
        stat.credit_total += credit or 0
        for choice_id in selected or []:
            if choice_id in choice_stats:
                choice_stats[choice_id].picked += 1
        if stat.question.kind not in CHOICE_KINDS and not is_correct and text:
            stat.wrong_texts[text.strip()[:80]] += 1
        for group, members in (("upper", upper), ("lower", lower)):
            if attempt_id in members:
                group_hits[question_id][group][0] += bool(is_correct)
                group_hits[question_id][group][1] += 1
    for question_id, groups in group_hits.items():
        (up_ok, up_n), (low_ok, low_n) = groups["upper"], groups["lower"]
        if up_n and low_n:
            stats[question_id].discrimination = round(up_ok / up_n - low_ok / low_n, 2)
    values = [float(score) for score in scores.values()]
    return QuizStats(
        quiz=quiz,
        attempts=len(values),
        passed=attempts.filter(passed=True).count(),
        mean=round(statistics.fmean(values), 1) if values else None,
        median=round(statistics.median(values), 1) if values else None,
        questions=[stats[q.pk] for q in questions if stats[q.pk].answered or not q.is_archived],
    )


def studio_quizzes(*, course: Course) -> list[Quiz]:
    """The course's quizzes for its trainers, with question and attempt counts (one query)."""
    return list(
        Quiz.objects.filter(course=course)
        .select_related("module")
        .annotate(
            question_count=Count("questions", filter=Q(questions__is_archived=False), distinct=True),
            attempt_count=Count(
                "attempts", filter=Q(attempts__status=AttemptStatus.SUBMITTED), distinct=True
            ),
        )
        .order_by(F("module__position").asc(nulls_last=True), "pk")
    )


def studio_questions(*, quiz: Quiz) -> list[Question]:
    return list(quiz.questions.active().order_by("position").prefetch_related("choices"))
