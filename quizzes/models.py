"""Quizzes: what trainees are asked, how they answered, and how that was graded.

A Quiz belongs to a course and either to one of its modules or, with no module, to the course as a whole
(a final quiz). Its Questions form the quiz's bank; an attempt draws all of them or, with ``draw_count``,
that many at random. A Question is single choice, multiple choice, true/false (stored as two choices),
numeric with a tolerance, or short text with accepted answers. Choices carry ``is_correct``: that flag and
the accepted answers are the answer key, which never leaves the server while an attempt is open.

An Attempt is one trainee's try at a quiz. Starting it fixes, on the server, the questions drawn and their
order: one Answer row per drawn question, each with its own order of choices. Answers are saved as given,
so a reload resumes the attempt. Submitting grades every answer on the server (``credit`` from 0 to 1 of
the question's points) and records the score in percent; a submitted attempt never changes again. A quiz
may be a course's pre-test or post-test: the difference between a trainee's scores is their knowledge gain.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class FeedbackPolicy(models.TextChoices):
    AFTER_EACH_ATTEMPT = "after_each_attempt", _("After each attempt")
    AFTER_PASSING = "after_passing", _("Only after passing")
    NEVER = "never", _("Never")


class QuizPurpose(models.TextChoices):
    STANDARD = "standard", _("Quiz")
    PRE_TEST = "pre_test", _("Pre-test (before the first lesson)")
    POST_TEST = "post_test", _("Post-test (measures knowledge gain)")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    NUMERIC = "numeric", _("Number")
    SHORT_TEXT = "short_text", _("Short text")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE)


class MultipleScoring(models.TextChoices):
    ALL_OR_NOTHING = "all_or_nothing", _("All or nothing")
    PROPORTIONAL = "proportional", _("Proportional (right picks minus wrong picks)")


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class QuizQuerySet(models.QuerySet):
    def published(self) -> "QuizQuerySet":
        return self.filter(is_published=True)


class Quiz(models.Model):
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="quizzes")
    module = models.ForeignKey(
        "courses.Module",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quizzes",
        help_text=_("Leave empty for a final quiz on the whole course."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("instructions"), blank=True, max_length=2000)
    purpose = models.CharField(_("purpose"), max_length=16, choices=QuizPurpose, default=QuizPurpose.STANDARD)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, help_text=_("The score in percent needed to pass.")
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Leave empty for unlimited attempts.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Leave empty for no time limit.")
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    draw_count = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        help_text=_("Draw this many questions at random from the quiz's questions. Empty: all of them."),
    )
    feedback_policy = models.CharField(
        _("show correct answers and explanations"),
        max_length=24,
        choices=FeedbackPolicy,
        default=FeedbackPolicy.AFTER_EACH_ATTEMPT,
    )
    is_required = models.BooleanField(_("passing is required for completion"), default=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Trainees see only published quizzes.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["course", "pk"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="quiz_pass_mark_percent"),
            models.CheckConstraint(
                condition=Q(max_attempts__isnull=True) | Q(max_attempts__gte=1),
                name="quiz_max_attempts_positive",
            ),
            models.CheckConstraint(
                condition=Q(time_limit_minutes__isnull=True) | Q(time_limit_minutes__gte=1),
                name="quiz_time_limit_positive",
            ),
            models.CheckConstraint(
                condition=Q(draw_count__isnull=True) | Q(draw_count__gte=1), name="quiz_draw_count_positive"
            ),
            models.CheckConstraint(
                condition=Q(feedback_policy__in=FeedbackPolicy.values), name="quiz_feedback_policy_known"
            ),
            models.CheckConstraint(condition=Q(purpose__in=QuizPurpose.values), name="quiz_purpose_known"),
            # A pre-test measures what people know before the course; it never blocks completion.
            models.CheckConstraint(
                condition=~Q(purpose=QuizPurpose.PRE_TEST) | Q(is_required=False),
                name="quiz_pre_test_not_required",
            ),
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(purpose=QuizPurpose.PRE_TEST),
                name="quiz_one_pre_test_per_course",
            ),
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(purpose=QuizPurpose.POST_TEST),
                name="quiz_one_post_test_per_course",
            ),
        ]
        indexes = [models.Index(fields=["course", "is_published"], name="quiz_course_published_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:quiz", kwargs={"slug": self.course.slug, "quiz_id": self.pk})

    @property
    def has_attempt_limit(self) -> bool:
        return self.max_attempts is not None


class QuestionQuerySet(models.QuerySet):
    def active(self) -> "QuestionQuerySet":
        return self.filter(is_archived=False)


class Question(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("type"), max_length=16, choices=QuestionKind)
    text = models.TextField(_("question"), max_length=2000)
    explanation = models.TextField(
        _("explanation"), blank=True, max_length=2000, help_text=_("Shown as feedback after submission.")
    )
    position = models.PositiveIntegerField(_("position"))
    points = models.PositiveSmallIntegerField(_("points"), default=1)
    multiple_scoring = models.CharField(
        _("scoring"), max_length=16, choices=MultipleScoring, default=MultipleScoring.ALL_OR_NOTHING
    )
    numeric_answer = models.DecimalField(
        _("correct number"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    numeric_tolerance = models.DecimalField(_("tolerance (±)"), max_digits=20, decimal_places=6, default=0)
    accepted_answers = models.JSONField(_("accepted answers"), default=list, blank=True)
    # A question that trainees already answered is archived rather than deleted, so their history stays.
    is_archived = models.BooleanField(default=False, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["quiz", "position"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "position"], name="question_position_unique"),
            models.CheckConstraint(condition=Q(kind__in=QuestionKind.values), name="question_kind_known"),
            models.CheckConstraint(condition=Q(points__gte=1), name="question_points_positive"),
            models.CheckConstraint(
                condition=Q(multiple_scoring__in=MultipleScoring.values), name="question_scoring_known"
            ),
            models.CheckConstraint(
                condition=~Q(kind=QuestionKind.NUMERIC) | Q(numeric_answer__isnull=False),
                name="question_numeric_has_answer",
            ),
            models.CheckConstraint(
                condition=Q(numeric_tolerance__gte=0), name="question_tolerance_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def numeric_answer_text(self) -> str:
        return "" if self.numeric_answer is None else f"{self.numeric_answer.normalize():f}"

    @property
    def numeric_tolerance_text(self) -> str:
        return f"{self.numeric_tolerance.normalize():f}" if self.numeric_tolerance else ""


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        ordering = ["question", "position"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(fields=["question", "position"], name="choice_position_unique")
        ]

    def __str__(self) -> str:
        return self.text


class AttemptQuerySet(models.QuerySet):
    def submitted(self) -> "AttemptQuerySet":
        return self.filter(status=AttemptStatus.SUBMITTED)


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16, choices=AttemptStatus, default=AttemptStatus.IN_PROGRESS)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    timed_out = models.BooleanField(default=False)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "trainee", "number"], name="attempt_number_unique"),
            models.UniqueConstraint(
                fields=["quiz", "trainee"],
                condition=Q(status=AttemptStatus.IN_PROGRESS),
                name="attempt_one_open_per_trainee",
            ),
            models.CheckConstraint(condition=Q(status__in=AttemptStatus.values), name="attempt_status_known"),
            models.CheckConstraint(
                condition=(
                    Q(
                        status=AttemptStatus.IN_PROGRESS,
                        submitted_at__isnull=True,
                        score__isnull=True,
                        passed__isnull=True,
                    )
                    | Q(
                        status=AttemptStatus.SUBMITTED,
                        submitted_at__isnull=False,
                        score__isnull=False,
                        passed__isnull=False,
                    )
                ),
                name="attempt_submitted_has_score",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="attempt_score_percent",
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "trainee", "status"], name="attempt_quiz_trainee_idx"),
            models.Index(fields=["trainee", "status"], name="attempt_trainee_status_idx"),
            models.Index(
                fields=["deadline"],
                condition=Q(status=AttemptStatus.IN_PROGRESS),
                name="attempt_open_deadline_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} · {self.quiz} #{self.number}"

    def get_absolute_url(self) -> str:
        return reverse(
            "quizzes:attempt",
            kwargs={"slug": self.quiz.course.slug, "quiz_id": self.quiz_id, "attempt_id": self.pk},
        )

    @property
    def is_submitted(self) -> bool:
        return self.status == AttemptStatus.SUBMITTED


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    position = models.PositiveSmallIntegerField()
    choice_order = models.JSONField(default=list, blank=True)
    selected_choice_ids = models.JSONField(default=list, blank=True)
    text_response = models.CharField(max_length=200, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    credit = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    is_correct = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="answer_once_per_question"),
            models.UniqueConstraint(fields=["attempt", "position"], name="answer_position_unique"),
            models.CheckConstraint(
                condition=Q(credit__isnull=True) | Q(credit__gte=0, credit__lte=1),
                name="answer_credit_fraction",
            ),
        ]
        indexes = [models.Index(fields=["question", "is_correct"], name="answer_question_correct_idx")]

    def __str__(self) -> str:
        return f"{self.attempt_id}: {self.question_id}"

    @property
    def is_answered(self) -> bool:
        return bool(self.selected_choice_ids) or bool(self.text_response)


# --- Content translations (issue 10): questions and choices in other languages, one row per language ------


def _language_known() -> Q:
    return Q(language__in=[code for code, _name in settings.LANGUAGES])


class QuestionTranslation(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    text = models.TextField(_("question"), max_length=2000)
    explanation = models.TextField(_("explanation"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["question", "language"]
        verbose_name = _("question translation")
        verbose_name_plural = _("question translations")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "language"], name="questiontranslation_once_per_language"
            ),
            models.CheckConstraint(condition=_language_known(), name="questiontranslation_language_known"),
        ]

    def __str__(self) -> str:
        return f"{self.text[:60]} [{self.language}]"


class ChoiceTranslation(models.Model):
    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    text = models.CharField(_("choice"), max_length=500)

    class Meta:
        ordering = ["choice", "language"]
        verbose_name = _("choice translation")
        verbose_name_plural = _("choice translations")
        constraints = [
            models.UniqueConstraint(
                fields=["choice", "language"], name="choicetranslation_once_per_language"
            ),
            models.CheckConstraint(condition=_language_known(), name="choicetranslation_language_known"),
        ]

    def __str__(self) -> str:
        return f"{self.text[:60]} [{self.language}]"
