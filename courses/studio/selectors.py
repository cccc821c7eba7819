"""Reads for the studio. Each runs a fixed number of queries, however many modules and lessons there are."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from accounts.models import User
from courses import permissions
from courses.models import Course, Lesson, LessonDraft, Module


def home_courses(*, user: User) -> QuerySet[Course]:
    """The user's studio courses, most recently edited first, with enrolment and lesson counts."""
    return (
        permissions.studio_courses_for(user)
        .select_related("programme")
        # A withdrawn enrolment no longer counts; the status value belongs to learning, read by name only.
        .annotate(
            enrolment_count=Count("enrolments", filter=~Q(enrolments__status="withdrawn"), distinct=True),
            lesson_count=Count(
                "modules__lessons", filter=Q(modules__lessons__archived_at__isnull=True), distinct=True
            ),
        )
        .order_by("-updated_at", "pk")
    )


def _progress_exists():
    # learning.LessonProgress, reached through the reverse relation so that courses never imports learning.
    progress_model = Lesson.progress.rel.related_model
    return Exists(progress_model.objects.filter(lesson=OuterRef("pk")))


def editor_outline(*, course: Course) -> list[Module]:
    """Every module with every lesson, archived ones too, each lesson marked with has_progress."""
    lessons = (
        Lesson.objects.order_by("position")
        .only(
            "pk",
            "title",
            "position",
            "module_id",
            "is_required",
            "estimated_minutes",
            "archived_at",
            "version",
        )
        .annotate(has_progress=_progress_exists())
    )
    return list(
        Module.objects.filter(course=course)
        .order_by("position")
        .prefetch_related(Prefetch("lessons", lessons))
    )


def draft_of(*, lesson: Lesson, user: User) -> LessonDraft | None:
    return LessonDraft.objects.filter(lesson=lesson, author=user).first()
