import pytest

from learning.models import Enrolment
from reports import tasks
from reports.models import CubeState, EnrolmentCube
from tests.factories import CourseFactory, EnrolmentFactory


@pytest.mark.worker
def test_rebuild_task_runs_on_a_real_worker_and_is_idempotent(celery_worker):
    EnrolmentFactory.create_batch(3, course=CourseFactory())  # same profile, course and month: one cell
    assert tasks.rebuild_cube.delay().get(timeout=20) == 1
    assert tasks.rebuild_cube.delay().get(timeout=20) == 1
    assert EnrolmentCube.objects.get().enrolled == Enrolment.objects.count() == 3
    assert CubeState.objects.get().rows == 1
