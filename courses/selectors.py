"""Reads for the catalogue and course outlines. Every function runs a fixed number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet

from courses.models import Course, Lesson, Module, Programme


def catalogue_courses(*, filters: dict) -> QuerySet[Course]:
    courses = (
        Course.objects.published()
        .select_related("programme")
        .annotate(
            lesson_count=Count(
                "modules__lessons", filter=Q(modules__lessons__archived_at__isnull=True), distinct=True
            )
        )
        .order_by("title", "pk")
    )
    if programme := filters.get("programme"):
        courses = courses.filter(programme=programme)
    if theme := filters.get("theme"):
        courses = courses.filter(programme__theme=theme)
    if language := filters.get("language"):
        courses = courses.filter(language=language)
    if text := (filters.get("q") or "").strip():
        courses = courses.filter(Q(title__icontains=text) | Q(summary__icontains=text))
    return courses


def programmes_with_published_courses() -> QuerySet[Programme]:
    return Programme.objects.filter(courses__status="published").distinct().order_by("name")


def course_outline(*, course: Course) -> list[Module]:
    """The course's modules in order, each with its live (not archived) lessons in order (two queries)."""
    lessons = (
        Lesson.objects.live()
        .order_by("position")
        .only("pk", "title", "position", "module_id", "is_required", "estimated_minutes")
    )
    return list(
        Module.objects.filter(course=course)
        .order_by("position")
        .prefetch_related(Prefetch("lessons", lessons))
    )


def lessons_in_order(*, outline: list[Module]) -> list[Lesson]:
    return [lesson for module in outline for lesson in module.lessons.all()]
