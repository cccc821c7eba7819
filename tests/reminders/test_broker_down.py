"""The broker goes away between dispatch and send: nothing crashes, nothing is lost, nothing is doubled.

Starts its own redis-server on a loopback port (never the machine's Redis), points the Celery app at it,
kills it, and brings it back.
"""

import shutil
import socket
import subprocess
import time
from datetime import timedelta

import pytest
import redis

from reminders import dispatch
from reminders.models import Delivery, DeliveryStatus
from tests.reminders.factories import MONDAY_MORNING, enrol
from training.celery import app

PORT = 6398
REDIS_SERVER = shutil.which("redis-server") or "redis-server"
NOW = MONDAY_MORNING
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed"),
]


def start_redis() -> subprocess.Popen:
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")


def _use_broker(url: str, options: dict) -> None:
    """Point publishing at another broker with fresh pools. The pools in use are set aside, never closed:
    the test run's worker thread shares them, and closing them made later worker tests in this process
    fail with "Acquire on closed pool"."""
    app._pool = None
    app.amqp._producer_pool = None
    app.conf.broker_url = url
    app.conf.broker_transport_options = options


@pytest.fixture
def own_broker(monkeypatch):
    previous = (app.conf.broker_url, dict(app.conf.broker_transport_options or {}))
    saved_pools = (app._pool, app.amqp._producer_pool)
    holder = {"process": start_redis()}
    url = f"redis://127.0.0.1:{PORT}/0"
    monkeypatch.setenv("CELERY_BROKER_URL", url)  # Celery reads the environment before its own settings
    _use_broker(url, {"socket_connect_timeout": 0.5, "socket_timeout": 1})
    yield holder
    holder["process"].kill()
    holder["process"].wait()
    monkeypatch.undo()
    if app._pool is not None and app._pool is not saved_pools[0]:
        app._pool.force_close_all()  # only the pool made for this test's broker
    app.conf.broker_url, app.conf.broker_transport_options = previous
    app._pool, app.amqp._producer_pool = saved_pools


def queued_messages() -> int:
    return redis.Redis(port=PORT).llen(app.conf.task_default_queue)


def test_broker_killed_then_back(own_broker, django_capture_on_commit_callbacks, caplog):
    enrol(at=NOW, last_activity=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        assert dispatch.dispatch_due(now=NOW).total == 1
    assert queued_messages() == 1

    own_broker["process"].kill()
    own_broker["process"].wait()
    enrol(at=NOW, last_activity=NOW)
    later = NOW + timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert dispatch.dispatch_due(now=later).total == 1  # recorded; queueing fails and is logged
    assert "Error calling" in caplog.text or "send_deliveries" in caplog.text
    lost = Delivery.objects.order_by("pk").last()
    assert lost.status == DeliveryStatus.PENDING

    own_broker["process"] = start_redis()  # empty: the earlier message is gone with it
    with django_capture_on_commit_callbacks(execute=True):
        report = dispatch.dispatch_due(now=later + dispatch.REQUEUE_AFTER + timedelta(seconds=1))
    assert report.total == 0  # nothing new recorded
    assert report.requeued == 2  # both pending rows are queued again
    assert queued_messages() == 1  # one send task carries both (chunks of SEND_CHUNK)
    assert Delivery.objects.count() == 2
