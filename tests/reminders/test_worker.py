"""The dispatcher and the send tasks through a real Celery worker (in-memory broker locally, Redis in CI)."""

import time

import pytest
from django.core import mail
from django.utils import timezone

from reminders import tasks
from reminders.models import Delivery, DeliveryStatus
from tests.reminders.factories import enrol


def wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def always_daytime(settings):
    settings.REMINDERS_WINDOW = (0, 24)  # the worker uses the real clock


@pytest.mark.worker
def test_beat_task_dispatches_and_the_worker_sends(celery_worker, always_daytime):
    now = timezone.now()
    enrolments = [enrol(at=now, last_activity=now) for _ in range(3)]
    tasks.dispatch_due.delay()
    assert wait_for(lambda: len(mail.outbox) == 3)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.trainee.email for e in enrolments)
    assert wait_for(lambda: set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT})


@pytest.mark.worker
def test_beat_firing_twice_and_duplicated_send_tasks_send_once(celery_worker, always_daytime):
    now = timezone.now()
    enrol(at=now, last_activity=now)
    enrol(at=now, last_activity=now)
    tasks.dispatch_due.delay()
    tasks.dispatch_due.delay()
    assert wait_for(lambda: Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 2)
    ids = list(Delivery.objects.values_list("pk", flat=True))
    tasks.send_deliveries.delay(ids)  # a redelivered task message
    tasks.send_deliveries.delay(ids)
    tasks.dispatch_due.delay()
    time.sleep(1.0)
    assert len(mail.outbox) == 2
    assert Delivery.objects.count() == 2
