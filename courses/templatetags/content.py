from django import template
from django.utils.safestring import SafeString, mark_safe

from courses.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown rendered by the one sanitiser (courses.markdown); safe because nh3 cleaned it."""
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 in render_markdown
