"""Reads for the catalogue and course outlines. Every function runs a fixed number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet

from courses import cache, translations
from courses.models import Course, CourseTranslation, Lesson, Module, ModuleTranslation, Programme
from training import request_cache


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
    return request_cache.get_or_build(
        key, lambda: _course_outline(course=course, language=language), cache.FRAGMENT_TTL
    )


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


def live_lesson_in_course(*, slug: str, lesson_id: int, language: str | None = None) -> Lesson | None:
    """The live lesson with its module and course (and programme) in one query, whoever may see it.

    With ``language`` the lesson, module and course each show their translation where a trainer made one.
    Visibility is the caller's check (courses.permissions.can_view_course).
    """
    lessons = translations.translated(
        Lesson.objects.live().select_related("module__course__programme"), language=language
    )
    lessons = translations.with_translation(
        lessons,
        language=language,
        translation_model=ModuleTranslation,
        fk="module",
        fields=translations.MODULE_FIELDS,
        outer="module_id",
        prefix="tr_module_",
    )
    lessons = translations.with_translation(
        lessons,
        language=language,
        translation_model=CourseTranslation,
        fk="course",
        fields=translations.COURSE_FIELDS,
        outer="module__course_id",
        prefix="tr_course_",
    )
    lesson = lessons.filter(pk=lesson_id, module__course__slug=slug).first()
    if lesson is None:
        return None
    module, course = lesson.module, lesson.module.course
    for target, prefix, fields in (
        (module, "tr_module_", translations.MODULE_FIELDS),
        (course, "tr_course_", translations.COURSE_FIELDS),
    ):
        for name in fields:
            setattr(target, translations.PREFIX + name, getattr(lesson, prefix + name, None))
    original = course.language
    translations.localise(
        course, fields=translations.COURSE_FIELDS, original_language=original, language=language
    )
    translations.localise(
        module, fields=translations.MODULE_FIELDS, original_language=original, language=language
    )
    translations.localise(
        lesson, fields=translations.LESSON_FIELDS, original_language=original, language=language
    )
    return lesson
