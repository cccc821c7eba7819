import time

import pytest
from django.db import OperationalError

from learning.models import Enrolment
from reports import tasks
from reports.models import CubeState, EnrolmentCube
from tests.factories import CourseFactory, EnrolmentFactory


def wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OperationalError:  # SQLite: the worker's thread holds the table lock mid-rebuild
            pass
        time.sleep(0.05)
    return False


@pytest.mark.worker
def test_rebuild_task_runs_on_a_real_worker_and_is_idempotent(celery_worker):
    EnrolmentFactory.create_batch(3, course=CourseFactory())  # same profile, course and month: one cell
    tasks.rebuild_cube.delay()
    assert wait_for(lambda: CubeState.objects.filter(built_at__isnull=False).exists())
    first = CubeState.objects.get().built_at
    tasks.rebuild_cube.delay()
    assert wait_for(lambda: CubeState.objects.get().built_at > first)
    assert EnrolmentCube.objects.get(grain="all").enrolled == Enrolment.objects.count() == 3
    assert CubeState.objects.get().rows == 3  # one cell in each of the three grains


def test_generate_report_data_command(db):
    from django.core.management import call_command

    from reports.models import EnrolmentCube as Cube

    call_command("generate_report_data", users=50, enrolments=200, stdout=open("/dev/null", "w"))  # noqa: SIM115
    enrolments = Enrolment.objects.exclude(status="withdrawn").count()
    assert 150 <= Enrolment.objects.count() <= 300
    assert sum(Cube.objects.filter(grain="all").values_list("enrolled", flat=True)) == enrolments
    assert len(set(Cube.objects.values_list("month", flat=True))) > 6
