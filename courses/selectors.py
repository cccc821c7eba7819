"""Reads for the catalogue and course outlines. Every function runs a fixed number of queries."""

from django.core.cache import cache as django_cache
from django.db.models import Count, Prefetch, Q, QuerySet

from courses import cache, translations
from courses.models import Course, Lesson, Module, Programme


def catalogue_courses(*, filters: dict, language: str | None = None) -> QuerySet[Course]:
    """Published courses matching the filters; with ``language`` each row carries its translation."""
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
    courses = translations.translated(courses, language=language)
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


def course_outline(*, course: Course, language: str | None = None) -> list[Module]:
    """The course's modules in order, each with its live (not archived) lessons in order.

    With ``language``, module and lesson titles are shown in that language where a trainer translated them
    (courses.translations). The outline is cached per course and language; any change to the catalogue
    bumps the version in the key (courses/cache.py), so two queries run only after a change.
    """
    key = cache.fragment_key(name=f"outline:{course.pk}", language=language or "", query="")
    outline = django_cache.get(key)
    if outline is None:
        outline = _course_outline(course=course, language=language)
        django_cache.set(key, outline, cache.FRAGMENT_TTL)
    return outline


def _course_outline(*, course: Course, language: str | None) -> list[Module]:
    lessons = translations.translated(
        Lesson.objects.live()
        .order_by("position")
        .only("pk", "title", "position", "module_id", "is_required", "estimated_minutes"),
        language=language,
        fields=("title",),
    )
    modules = translations.translated(Module.objects.filter(course=course), language=language)
    outline = list(modules.order_by("position").prefetch_related(Prefetch("lessons", lessons)))
    for module in outline:
        module.course = course  # lesson links reach the course slug through module.course: no query
    if language:
        translations.localise_outline(outline, course=course, language=language)
    return outline


def lessons_in_order(*, outline: list[Module]) -> list[Lesson]:
    return [lesson for module in outline for lesson in module.lessons.all()]
