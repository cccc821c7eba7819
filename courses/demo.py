"""Studio demo data on top of the foundation's demo courses (idempotent; missing courses are skipped).

- every lesson of the demo courses gets its first revision, so "History" has something to show;
- the flood early-warning course gets a picture of a river gauge inside its first lesson;
- a Khmer draft copy of that course shows the "copy as the base of a translation" workflow.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw

from courses import authoring, demo_translations, exchange
from courses.models import Course, Lesson, LessonRevision

FLOOD_SLUG = "flood-early-warning-volunteers"
KHMER_TITLE = "ការព្រមានទឹកជំនន់ជាមុន សម្រាប់អ្នកស្ម័គ្រចិត្ត"


def _gauge_png() -> SimpleUploadedFile:
    image = Image.new("RGB", (480, 320), (235, 244, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 200, 480, 320), fill=(70, 130, 180))  # the river
    draw.rectangle((220, 40, 260, 300), fill=(255, 255, 255), outline=(30, 30, 30), width=3)  # the gauge
    for n, y in enumerate(range(60, 300, 40)):
        colour = (200, 30, 30) if n < 2 else (240, 170, 0) if n < 4 else (30, 140, 60)
        draw.rectangle((222, y, 258, y + 36), fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile("river-gauge.png", out.getvalue(), content_type="image/png")


def _first_revisions() -> int:
    revisions = 0
    for lesson in Lesson.objects.filter(revisions__isnull=True).select_related("module"):
        LessonRevision.objects.get_or_create(
            lesson=lesson,
            version=lesson.version,
            defaults={name: getattr(lesson, name) for name in authoring.LESSON_CONTENT_FIELDS},
        )
        revisions += 1
    return revisions


@transaction.atomic
def seed(*, stdout) -> None:
    demo_translations.seed(stdout=stdout)
    course = Course.objects.filter(slug=FLOOD_SLUG).first()
    trainer = course.trainers.order_by("pk").first() if course else None
    if course is None or trainer is None:
        revisions = _first_revisions()
        stdout.write(f"  studio: {revisions} first revisions; flood course or its trainer missing, skipped")
        return
    first = (
        Lesson.objects.live().filter(module__course=course).order_by("module__position", "position").first()
    )
    if first and not first.images.exists():
        image = authoring.add_lesson_image(
            lesson=first,
            upload=_gauge_png(),
            alt_text="A river gauge: green, amber and red bands show safe, alert and danger levels",
            author=trainer,
        )
        authoring.update_lesson(
            lesson=first,
            expected_version=first.version,
            author=trainer,
            body=f"{first.body}\n\n{image.markdown}\n",
        )
    if not Course.objects.filter(title=KHMER_TITLE).exists():
        exchange.copy_course(course=course, trainer=trainer, title=KHMER_TITLE, language="km")
    revisions = _first_revisions()
    stdout.write(f"  studio: {revisions} first revisions, gauge picture, Khmer draft copy")
