import time

import pytest
from django.db import OperationalError

from certificates import services
from tests.certificates.factories import CompletedEnrolmentFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """PDFs go to a fresh folder per test (the cache keyspace is fresh per test: tests/conftest.py)."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def completed_enrolment(db):
    return CompletedEnrolmentFactory()


@pytest.fixture
def certificate(completed_enrolment):
    return services.issue_certificate(enrolment_id=completed_enrolment.pk)


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.05):
    """Poll the database until predicate() is truthy (the worker commits in its own connection)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except OperationalError as error:
            # SQLite's shared-cache test database locks whole tables and does not wait for them.
            if "locked" not in str(error):
                raise
            result = None
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout:.0f} s")
