"""Links on a course's studio page to the parts of a course that higher apps author or manage.

courses sits below quizzes and certificates, so it cannot name their pages; each of them registers its link
here in its AppConfig.ready (the same pattern as courses.exchange.register_part), and the outline shows the
registered links in order.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from courses.models import Course


@dataclass(frozen=True)
class StudioLink:
    key: str
    label: Promise | str  # lazy: translated when the page renders
    url_name: str
    kwargs: Callable[[Course], dict]


_LINKS: dict[str, StudioLink] = {}


def register(link: StudioLink) -> None:
    """Idempotent by key (ready() may run more than once in tests)."""
    _LINKS[link.key] = link


def links_for(course: Course) -> list[tuple[str, str]]:
    """(label, URL) for every registered link; no query."""
    return [(str(link.label), reverse(link.url_name, kwargs=link.kwargs(course))) for link in _LINKS.values()]
