"""Dates as the reader expects them: the language's own format and, for Thai readers who ask for it, years
in the Buddhist era (2026 CE is 2569 BE). Use ``{% local_date value %}`` where learning pages show a date.
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import DateFormat
from django.utils.formats import get_format
from django.utils.translation import get_language

from accounts.middleware import prefers_buddhist_era

register = template.Library()

BUDDHIST_ERA_OFFSET = 543
BUDDHIST_ERA_LANGUAGES = {"th"}


class BuddhistEraDateFormat(DateFormat):
    """Django's date formatting with the year counted from the Buddha's passing (Thai solar calendar)."""

    def Y(self) -> str:
        return str(self.data.year + BUDDHIST_ERA_OFFSET)

    def y(self) -> str:
        return f"{(self.data.year + BUDDHIST_ERA_OFFSET) % 100:02d}"

    def o(self) -> str:
        return str(self.data.isocalendar().year + BUDDHIST_ERA_OFFSET)


def format_date(value, format_name: str = "DATE_FORMAT", *, buddhist_era: bool = False) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    pattern = get_format(format_name)
    if buddhist_era and get_language() in BUDDHIST_ERA_LANGUAGES:
        return BuddhistEraDateFormat(value).format(pattern)
    return DateFormat(value).format(pattern)


@register.simple_tag(takes_context=True)
def local_date(context, value, format_name: str = "DATE_FORMAT") -> str:
    """``value`` in the active language's ``format_name`` (a format setting name such as DATE_FORMAT)."""
    request = context.get("request")
    buddhist_era = (
        get_language() in BUDDHIST_ERA_LANGUAGES and request is not None and prefers_buddhist_era(request)
    )
    return format_date(value, format_name, buddhist_era=buddhist_era)
