import secrets
import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.worker import state as worker_state
from django.core.cache import caches

from accounts.models import Role
from tests.factories import PASSWORD, TraineeFactory, UserFactory
from training.celery import app as celery_app


@pytest.fixture(autouse=True)
def _fresh_cache_keys():
    """Each test sees an empty cache (rate limits) without flushing a Redis that parallel processes share."""
    cache = caches["default"]
    previous = cache.version
    cache.version = secrets.randbits(48)
    yield
    cache.version = previous


@pytest.fixture
def admin_user(db):
    """pytest-django's admin, made by the factory: it has the second factor administrators must have."""
    return UserFactory(email="admin@example.org", role=Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def trainee(db):
    return TraineeFactory()


@pytest.fixture
def trainee_client(client, trainee):
    client.force_login(trainee)
    return client


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture(scope="session")
def _celery_worker(django_db_setup, django_db_blocker):
    """One real Celery worker (a thread) for the whole session, on the configured broker.

    Locally that is the in-memory broker; in CI CELERY_BROKER_URL points at the machine's Redis.
    """
    import celery.contrib.testing.tasks  # noqa: F401 - registers celery.ping for the start-up check

    with (
        django_db_blocker.unblock(),
        start_worker(
            celery_app, pool="solo", perform_ping_check=True, shutdown_timeout=10, loglevel="WARNING"
        ) as worker,
    ):
        yield worker


@pytest.fixture
def celery_worker(_celery_worker, transactional_db):
    """Tasks run in the worker's own thread and DB connection, so tests must commit (transactional_db).

    Before the test's tables are flushed, wait until the worker has finished what the test sent it: a task
    still writing during the flush would lock the shared SQLite database or leak rows into the next test.
    """
    celery_app.control.purge()  # nothing left over from an earlier test (this process's own queue only)
    yield _celery_worker
    _wait_until_idle()
    celery_app.control.purge()


def _wait_until_idle(*, quiet: float = 0.3, timeout: float = 15) -> None:
    """Idle for `quiet` seconds in a row: a finished task may have just queued a follow-up (completion ->
    certificate -> notification), which the worker has not fetched yet at the instant it looks idle. A task
    running while the tables are flushed deadlocked with the TRUNCATE on PostgreSQL."""
    deadline = time.monotonic() + timeout
    idle_since = None
    while time.monotonic() < deadline:
        if worker_state.active_requests or worker_state.reserved_requests:
            idle_since = None
        elif idle_since is None:
            idle_since = time.monotonic()
        elif time.monotonic() - idle_since >= quiet:
            return
        time.sleep(0.02)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, never a downloaded browser."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def page(page):
    """Browser steps wait up to a minute: the suite runs two processes on a two-core machine."""
    page.set_default_timeout(60_000)
    return page
