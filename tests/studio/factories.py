"""Factories and helpers for the studio's tests (shared ones come from tests.factories)."""

import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.models import Role
from courses.models import CourseStatus, LessonImage
from tests.factories import (
    CoordinatorFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    TraineeFactory,
    TrainerFactory,
)

__all__ = [
    "AdminFactory",
    "CoordinatorFactory",
    "CourseFactory",
    "LessonFactory",
    "LessonImageFactory",
    "ModuleFactory",
    "TraineeFactory",
    "TrainerFactory",
    "image_bytes",
    "image_upload",
    "pdf_upload",
]


class AdminFactory(TraineeFactory):
    role = Role.ADMIN


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (64, 48), colour=(200, 60, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt)
    return out.getvalue()


def image_upload(name: str = "photo.png", fmt: str = "PNG", size=(64, 48)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(fmt, size), content_type=f"image/{fmt.lower()}")


def pdf_upload(name: str = "handout.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf"
    )


class LessonImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonImage

    lesson = factory.SubFactory(LessonFactory)
    alt_text = "Flooded rice fields"
    width = 64
    height = 48
    size = 100
    file = factory.django.FileField(filename="image.webp", data=image_bytes("WEBP"))


def draft_course(trainer, **kwargs):
    return CourseFactory(status=CourseStatus.DRAFT, trainers=[trainer], **kwargs)
