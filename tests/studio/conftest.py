import pytest

from courses import services
from courses.models import Module
from tests.studio.factories import (
    AdminFactory,
    CoordinatorFactory,
    LessonImageFactory,
    TraineeFactory,
    TrainerFactory,
    draft_course,
    pdf_upload,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def trainer(db):
    return TrainerFactory(email="amara.trainer@example.org")


@pytest.fixture
def course(trainer):
    """A draft course with one module and two lessons, an image and a download, taught by `trainer`."""
    course = draft_course(
        trainer, title="Flood early warning", summary="Warn villages before the water comes."
    )
    module = services.add_module(course=course, title="Understanding floods")
    first = services.add_lesson(module=module, title="How floods form", body="Rain **upstream**.")
    services.add_lesson(module=module, title="Reading river gauges", body="Gauges show the level.")
    LessonImageFactory(lesson=first)
    services.add_resource(lesson=first, title="Checklist", upload=pdf_upload())
    return course


@pytest.fixture
def module(course) -> Module:
    return course.modules.get()


@pytest.fixture
def lessons(module):
    return list(module.lessons.order_by("position"))


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


ROLE_FACTORIES = {
    "trainee": TraineeFactory,
    "other_trainer": TrainerFactory,
    "coordinator": CoordinatorFactory,
    "admin": AdminFactory,
}
