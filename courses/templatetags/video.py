from django import template

from courses import video

register = template.Library()


@register.filter
def video_thumbnail(url: str) -> str | None:
    return video.thumbnail_url(url)
