"""Reads for the trainee's journey. Each runs a fixed number of queries, however much data there is."""

from dataclasses import dataclass

from django.db.models import Case, Count, F, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce

from accounts.models import User
from courses import translations
from courses.models import Course, CourseTranslation, Lesson, Module
from learning import cache
from learning.models import Enrolment, EnrolmentStatus, LessonProgress


def enrolment_of(*, user: User, course: Course) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(trainee=user, course=course).first()


def enrolment_and_completed_ids(*, user: User, course_id: int) -> tuple[Enrolment | None, set[int]]:
    """The reader's enrolment and the lessons they completed: from the cache (learning.cache) while neither
    changed, else one query (a row per completed lesson; a LEFT JOIN, so one row when there is none)."""
    if not user.is_authenticated:
        return None, set()

    def load() -> tuple[Enrolment | None, set[int]]:
        rows = list(
            Enrolment.objects.filter(trainee=user, course_id=course_id).annotate(
                done_lesson_id=F("lesson_progress__lesson_id")
            )
        )
        if not rows:
            return None, set()
        return rows[0], {row.done_lesson_id for row in rows if row.done_lesson_id is not None}

    return cache.cached(trainee_id=user.pk, course_id=course_id, load=load)


def completed_lesson_ids(*, enrolment: Enrolment | None) -> set[int]:
    if enrolment is None:
        return set()
    return set(LessonProgress.objects.filter(enrolment=enrolment).values_list("lesson_id", flat=True))


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    required: int
    done: int

    @property
    def percent(self) -> int:
        return 100 if self.required == 0 else round(100 * self.done / self.required)


def module_progress(*, outline: list[Module], done_ids: set[int]) -> list[ModuleProgress]:
    rows = []
    for module in outline:
        required = [lesson.pk for lesson in module.lessons.all() if lesson.is_required]
        rows.append(ModuleProgress(module, len(required), sum(1 for pk in required if pk in done_ids)))
    return rows


def course_percent(rows: list[ModuleProgress]) -> int:
    required = sum(row.required for row in rows)
    done = sum(row.done for row in rows)
    return 100 if required == 0 else round(100 * done / required)


def dashboard_enrolments(*, user: User, language: str | None = None) -> QuerySet[Enrolment]:
    """The trainee's current enrolments with progress and the lesson to continue from, in one query.

    With ``language``, each row also carries its course's title in that language (see localise_courses).
    """
    # Archived lessons leave every trainee page (courses.models.LessonQuerySet.live): they are neither
    # counted nor offered to continue from.
    first_lesson = (
        Lesson.objects.live()
        .filter(module__course=OuterRef("course"))
        .order_by("module__position", "position")
        .values("pk")[:1]
    )
    first_unfinished = (
        Lesson.objects.live()
        .filter(module__course=OuterRef("course"))
        .exclude(progress__enrolment=OuterRef("pk"))
        .order_by("module__position", "position")
        .values("pk")[:1]
    )
    required_total = (
        Lesson.objects.live()
        .filter(module__course=OuterRef("course"), is_required=True)
        .order_by()
        .values("module__course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    enrolments = translations.with_translation(
        Enrolment.objects.current(),
        language=language,
        translation_model=CourseTranslation,
        fk="course",
        fields=("title",),
        outer="course_id",
    )
    return (
        enrolments.filter(trainee=user)
        .select_related("course", "course__programme", "last_lesson")
        .annotate(
            required_total=Coalesce(Subquery(required_total), 0),
            required_done=Count(
                "lesson_progress",
                filter=Q(
                    lesson_progress__lesson__is_required=True,
                    lesson_progress__lesson__archived_at__isnull=True,
                ),
            ),
            continue_lesson_id=Coalesce(
                Case(When(last_lesson__archived_at__isnull=True, then=F("last_lesson_id"))),
                Subquery(first_unfinished),
                Subquery(first_lesson),
            ),
        )
        .order_by(
            # Active courses first, most recently used first.
            F("status").asc(),
            F("last_activity_at").desc(nulls_last=True),
        )
    )


def localise_courses(enrolments: list[Enrolment], *, language: str | None) -> list[Enrolment]:
    """Show each enrolment's course title in ``language`` where translated (no query)."""
    for enrolment in enrolments:
        enrolment.course.tr_title = getattr(enrolment, "tr_title", None)
        translations.localise(
            enrolment.course,
            fields=("title",),
            original_language=enrolment.course.language,
            language=language,
        )
    return enrolments


def last_active_enrolment(enrolments: list[Enrolment]) -> Enrolment | None:
    active = [e for e in enrolments if e.status == EnrolmentStatus.ACTIVE and e.continue_lesson_id]
    return max(active, key=lambda e: e.last_activity_at or e.enrolled_at, default=None)
