"""Serving uploaded course media. Media are never on a public URL; each request is checked here.

Covers follow the catalogue (anyone may see a published course's cover). Lesson images follow the course's
visibility for signed-in users. Both are immutable under their URL (a new upload gets a new name), so
browsers may keep them for a day.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from courses import permissions
from courses.models import LessonImage


def _image_response(field_file) -> FileResponse:
    response = FileResponse(field_file.open("rb"), content_type="image/webp")
    response["Cache-Control"] = "private, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def lesson_image(request: HttpRequest, key) -> FileResponse:
    visible = permissions.courses_visible_to(request.user)
    image = get_object_or_404(LessonImage, key=key, lesson__module__course__in=visible)
    return _image_response(image.file)


@login_not_required
@require_GET
def course_cover(request: HttpRequest, slug: str) -> FileResponse:
    course = get_object_or_404(permissions.courses_visible_to(request.user), slug=slug)
    if not course.cover_image:
        raise Http404
    return _image_response(course.cover_image)
