"""Tasks go through a real Celery worker: in-memory broker locally, the machine's Redis in CI."""

import time

import pytest
from django.db import transaction

from learning import tasks
from learning.models import Enrolment, EnrolmentStatus, LessonProgress
from tests.factories import EnrolmentFactory, course_with_lessons


def wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.worker
def test_completion_task_enqueued_on_commit_runs_in_the_worker(celery_worker):
    course = course_with_lessons(lessons_per_module=2)
    enrolment = EnrolmentFactory(course=course)
    first, second = course.modules.get().lessons.order_by("position")
    LessonProgress.objects.create(enrolment=enrolment, lesson=first)
    second.is_required = False
    second.save()

    with transaction.atomic():
        transaction.on_commit(lambda: tasks.evaluate_completion.delay(enrolment.pk))
        # Nothing is sent before the transaction commits.
        assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.ACTIVE

    assert wait_for(lambda: Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.COMPLETED)


@pytest.mark.worker
def test_running_the_task_twice_completes_once(celery_worker):
    course = course_with_lessons(lessons_per_module=1)
    enrolment = EnrolmentFactory(course=course)
    LessonProgress.objects.create(enrolment=enrolment, lesson=course.modules.get().lessons.get())
    tasks.evaluate_completion.delay(enrolment.pk)
    tasks.evaluate_completion.delay(enrolment.pk)
    tasks.evaluate_completion.delay(999_999)  # a deleted enrolment is not an error
    assert wait_for(lambda: Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.COMPLETED)
    completed_at = Enrolment.objects.get(pk=enrolment.pk).completed_at
    time.sleep(0.5)
    assert Enrolment.objects.get(pk=enrolment.pk).completed_at == completed_at
