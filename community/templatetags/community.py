from django import template

from community import selectors

register = template.Library()


@register.simple_tag
def related_cases(lesson) -> list:
    """Published good-practice cases linked to a lesson (one query)."""
    return selectors.related_cases_for_lesson(lesson=lesson)
