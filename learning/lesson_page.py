"""The lesson page's shared parts, rendered once and cached.

Everything on a lesson page except the reader's own state is the same for every trainee who reads it in the
same language: the breadcrumbs, the lesson text and its downloads, the outline and the previous/next links.
Those parts are rendered once per (course, lesson, language) and cached under the catalogue version
(courses/cache.py), which any change by a trainer to a course, module, lesson, resource or translation bumps,
so the next request renders them again.

The outline carries markers where the reader's ticks and the "current lesson" attribute go; ``outline_for``
fills them in per request from the reader's completed lessons (one query, never cached), so a lesson
marked complete shows its tick on the very next page.
"""

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from courses import cache as catalogue_cache
from courses import selectors as course_selectors
from courses import translations
from courses.models import Course, Lesson
from training import request_cache

PARTS = "learning/_lesson_parts.html"
# Written by learning/_outline.html in its "markers" mode; titles are escaped there: no title forges one.
CURRENT = ' aria-current="page"'
MARKER = re.compile(r"<!--lesson-(tick|current):(\d+)-->")


@dataclass
class LessonPage:
    course: Course
    lesson: Lesson
    head_html: SafeString
    article_html: SafeString
    prev_next_html: SafeString
    tick_html: SafeString
    # The outline as literal HTML and (marker kind, lesson id) pairs, in page order.
    outline: list[str | tuple[str, int]] = field(default_factory=list)
    required_ids: frozenset[int] = frozenset()


def lesson_page(*, slug: str, lesson_id: int, language: str) -> LessonPage | None:
    """The shared parts of the lesson page, or None if the course has no such live lesson."""
    key = catalogue_cache.fragment_key(name=f"lesson-page:{slug}:{lesson_id}", language=language, query="")
    return request_cache.get_or_build(
        key, lambda: _render(slug=slug, lesson_id=lesson_id, language=language), catalogue_cache.FRAGMENT_TTL
    )


def outline_for(page: LessonPage, *, done_ids: set[int]) -> SafeString:
    """The cached outline with this reader's ticks and the current lesson marked (no query)."""
    html = []
    for part in page.outline:
        if isinstance(part, str):
            html.append(part)
        elif part[0] == "tick":
            if part[1] in done_ids:
                html.append(page.tick_html)
        elif part[1] == page.lesson.pk:
            html.append(CURRENT)
    return mark_safe("".join(html))  # noqa: S308 - joined from escaped template output


def percent_done(page: LessonPage, *, done_ids: set[int]) -> int:
    """The course progress shown on the page: required live lessons done, as selectors.course_percent."""
    if not page.required_ids:
        return 100
    return round(100 * len(page.required_ids & done_ids) / len(page.required_ids))


def _render(*, slug: str, lesson_id: int, language: str) -> LessonPage | None:
    lesson = course_selectors.live_lesson_in_course(slug=slug, lesson_id=lesson_id, language=language)
    if lesson is None:
        return None
    course = lesson.module.course
    outline = course_selectors.course_outline(course=course, language=language)
    ordered = course_selectors.lessons_in_order(outline=outline)
    index = next(i for i, item in enumerate(ordered) if item.pk == lesson.pk)
    context = {
        "course": course,
        "lesson": lesson,
        "module": lesson.module,
        "resources": list(lesson.resources.all()),
        "previous": ordered[index - 1] if index > 0 else None,
        "next": ordered[index + 1] if index + 1 < len(ordered) else None,
        "position": index + 1,
        "lesson_count": len(ordered),
        "content_note": translations.fallback_note(wanted=language, shown=lesson.content_language),
        "rows": [{"module": module} for module in outline],
    }
    rendered = {
        name: render_to_string(f"{PARTS}#{name}", context) for name in ("head", "article", "prev_next")
    }
    outline_html = render_to_string(
        "learning/_outline.html",
        {"rows": context["rows"], "course": course, "can_read": True, "markers": True},
    )
    return LessonPage(
        course=course,
        lesson=lesson,
        head_html=mark_safe(rendered["head"]),  # noqa: S308 - rendered templates, escaped there
        article_html=mark_safe(rendered["article"]),  # noqa: S308
        prev_next_html=mark_safe(rendered["prev_next"]),  # noqa: S308
        tick_html=mark_safe(render_to_string("learning/_tick.html")),  # noqa: S308
        outline=_split_markers(outline_html),
        required_ids=frozenset(item.pk for item in ordered if item.is_required),
    )


def _split_markers(html: str) -> list[str | tuple[str, int]]:
    parts: list[str | tuple[str, int]] = []
    last = 0
    for match in MARKER.finditer(html):
        parts.append(html[last : match.start()])
        parts.append((match.group(1), int(match.group(2))))
        last = match.end()
    parts.append(html[last:])
    return parts
