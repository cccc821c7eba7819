"""Writes for the catalogue: one function per use case, each in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from courses import uploads
from courses.markdown import render_markdown
from courses.models import Course, Lesson, Module, Resource


@transaction.atomic
def add_module(*, course: Course, title: str, summary: str = "") -> Module:
    Course.objects.select_for_update().filter(pk=course.pk).first()  # serialises position allocation
    last = Module.objects.filter(course=course).aggregate(m=Max("position"))["m"] or 0
    return Module.objects.create(course=course, title=title, summary=summary, position=last + 1)


@transaction.atomic
def add_lesson(
    *,
    module: Module,
    title: str,
    body: str = "",
    is_required: bool = True,
    estimated_minutes: int = 10,
    video_url: str = "",
) -> Lesson:
    Module.objects.select_for_update().filter(pk=module.pk).first()
    last = Lesson.objects.filter(module=module).aggregate(m=Max("position"))["m"] or 0
    return Lesson.objects.create(
        module=module,
        title=title,
        body=body,
        body_html=render_markdown(body),
        is_required=is_required,
        estimated_minutes=estimated_minutes,
        video_url=video_url,
        position=last + 1,
    )


def save_lesson(*, lesson: Lesson) -> Lesson:
    """Save a lesson whose fields were changed, re-rendering its sanitised HTML."""
    lesson.body_html = render_markdown(lesson.body)
    lesson.save()
    return lesson


def add_resource(*, lesson: Lesson, title: str, upload) -> Resource:
    """Store a downloadable file after checking its type, content and size; raises ValidationError."""
    content_type = uploads.validate_resource_file(upload)
    if not title.strip():
        raise ValidationError({"title": "A title is required."})
    resource = Resource(
        lesson=lesson,
        title=title.strip(),
        original_name=upload.name[-200:],
        content_type=content_type,
        size=upload.size,
    )
    resource.file.save(upload.name, upload, save=False)
    resource.save()
    return resource
