import pytest

from learning.models import Enrolment, EnrolmentStatus
from tests.factories import CoordinatorFactory, CourseFactory, TraineeFactory, TrainerFactory, UserFactory


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test gets its own media folder (and a fresh cache keyspace: tests/conftest.py)."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def trainer(db):
    return TrainerFactory()


@pytest.fixture
def course(trainer):
    return CourseFactory(trainers=[trainer])


@pytest.fixture
def member(course):
    """A trainee enrolled in `course`."""
    trainee = TraineeFactory()
    Enrolment.objects.create(trainee=trainee, course=course)
    return trainee


@pytest.fixture
def roles(course, trainer, member):
    """Every kind of user, relative to `course`."""
    withdrawn = TraineeFactory()
    Enrolment.objects.create(trainee=withdrawn, course=course, status=EnrolmentStatus.WITHDRAWN)
    other_trainer = TrainerFactory()
    CourseFactory(trainers=[other_trainer])
    return {
        "member": member,
        "trainer": trainer,
        "outsider": TraineeFactory(),
        "withdrawn": withdrawn,
        "other_trainer": other_trainer,
        "coordinator": CoordinatorFactory(),
        "admin": UserFactory(role="admin", is_superuser=True, is_staff=True),
    }
