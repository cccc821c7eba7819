"""Course content in several languages: reads that show a trainee their language, and the trainers' writes.

A course is written in its own language (``Course.language``). A trainer may add translations of the course's
title and summary, and of its modules' and lessons' titles and text (``CourseTranslation``,
``ModuleTranslation``, ``LessonTranslation``; quiz questions and choices live in quizzes). A trainee
reading in another interface language sees the translation where one exists and the course's own language
otherwise, with a note saying so.

Reads add no query: the translation into the wanted language is fetched by a correlated subquery in the
same SELECT as the object (``with_translation``), and ``localise`` then swaps the values on the instance.
The instances are for display only: nothing that has been localised is ever saved.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.utils.translation import get_language_info

from courses.markdown import render_markdown
from courses.models import Course, CourseTranslation, Lesson, LessonTranslation, Module, ModuleTranslation

PREFIX = "tr_"

# What can be translated, by model: (translation model, its foreign key to the original, fields).
COURSE_FIELDS = ("title", "summary")
MODULE_FIELDS = ("title", "summary")
LESSON_FIELDS = ("title", "body_html")
TRANSLATIONS = {
    Course: (CourseTranslation, "course", COURSE_FIELDS),
    Module: (ModuleTranslation, "module", MODULE_FIELDS),
    Lesson: (LessonTranslation, "lesson", LESSON_FIELDS),
}


def is_platform_language(language: str | None) -> bool:
    return bool(language) and language in dict(settings.LANGUAGES)


def with_translation(
    queryset: QuerySet,
    *,
    language: str | None,
    translation_model: type[Model],
    fk: str,
    fields: tuple[str, ...],
    outer: str = "pk",
    prefix: str = PREFIX,
) -> QuerySet:
    """Annotate each row with ``tr_<field>``: its translation into ``language``, or NULL (no extra query).

    ``outer`` names the column holding the original object's id (``"pk"`` or e.g. ``"question_id"``);
    ``prefix`` tells apart the translations of several related objects annotated on one row.
    """
    if not is_platform_language(language):
        return queryset
    # At most one row per (original, language): no ORDER BY, whose default ordering would join the original's
    # tables (lesson, module, course) into every subquery.
    rows = translation_model.objects.filter(**{fk: OuterRef(outer)}, language=language).order_by()
    return queryset.annotate(**{prefix + name: Subquery(rows.values(name)[:1]) for name in fields})


def translated(
    queryset: QuerySet, *, language: str | None, fields: tuple[str, ...] | None = None
) -> QuerySet:
    """``with_translation`` for a course, module or lesson queryset."""
    translation_model, fk, all_fields = TRANSLATIONS[queryset.model]
    return with_translation(
        queryset, language=language, translation_model=translation_model, fk=fk, fields=fields or all_fields
    )


def localise(instance, *, fields: tuple[str, ...], original_language: str, language: str | None):
    """Show the annotated translation on ``instance`` if there is one; record which language it is in.

    Sets ``content_language`` (for the ``lang`` attribute) and ``is_translated``. Returns the instance.
    """
    values = {name: getattr(instance, PREFIX + name, None) for name in fields}
    found = language != original_language and values.get(fields[0]) is not None
    if found:
        for name, value in values.items():
            if value is not None and value != "":
                setattr(instance, name, value)
    instance.content_language = language if found else original_language
    instance.is_translated = found
    return instance


def localise_outline(outline: list[Module], *, course: Course, language: str | None) -> list[Module]:
    """Localise the modules and lessons of ``courses.selectors.course_outline(..., language=...)``."""
    for module in outline:
        localise(module, fields=MODULE_FIELDS, original_language=course.language, language=language)
        for lesson in module.lessons.all():
            localise(lesson, fields=("title",), original_language=course.language, language=language)
    return outline


def fallback_note(*, wanted: str | None, shown: str) -> dict | None:
    """What the trainee asked for and what they get instead, as localised language names; None if no gap."""
    if not is_platform_language(wanted) or wanted == shown:
        return None
    return {
        "wanted": get_language_info(wanted)["name_translated"],
        "shown": get_language_info(shown)["name_translated"],
    }


# --- Writes (the studio and the admin) -----------------------------------------------------------------


class TranslationError(ValueError):
    pass


def _check_language(*, course: Course, language: str) -> None:
    if not is_platform_language(language):
        raise TranslationError("Unknown language.")
    if language == course.language:
        raise TranslationError("This is the course's own language: edit the course itself.")


@transaction.atomic
def save_course_translation(*, course: Course, language: str, title: str, summary: str) -> CourseTranslation:
    _check_language(course=course, language=language)
    translation, _created = CourseTranslation.objects.update_or_create(
        course=course, language=language, defaults={"title": title.strip(), "summary": summary.strip()}
    )
    return translation


@transaction.atomic
def save_module_translation(*, module: Module, language: str, title: str, summary: str) -> ModuleTranslation:
    _check_language(course=module.course, language=language)
    translation, _created = ModuleTranslation.objects.update_or_create(
        module=module, language=language, defaults={"title": title.strip(), "summary": summary.strip()}
    )
    return translation


@transaction.atomic
def save_lesson_translation(*, lesson: Lesson, language: str, title: str, body: str) -> LessonTranslation:
    """The translated Markdown gets its own sanitised HTML, rendered once here, never on a page view."""
    _check_language(course=lesson.module.course, language=language)
    translation, _created = LessonTranslation.objects.update_or_create(
        lesson=lesson,
        language=language,
        defaults={"title": title.strip(), "body": body, "body_html": render_markdown(body)},
    )
    return translation


def delete_translation(*, instance: Model, language: str) -> None:
    translation_model, fk, _fields = TRANSLATIONS[type(instance)]
    translation_model.objects.filter(**{fk: instance}, language=language).delete()
