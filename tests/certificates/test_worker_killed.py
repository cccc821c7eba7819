"""Kill a real `celery worker` with SIGKILL while it issues 200 certificates, start another, and check that
exactly 200 exist. Needs PostgreSQL (the worker is another process on the same test database) and starts
its own redis-server on a spare loopback port, which it stops afterwards."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count

from certificates import tasks
from certificates.models import Certificate, CertificateEvent, EventKind
from learning.models import Enrolment, EnrolmentStatus
from tests.certificates.conftest import wait_for
from tests.factories import CourseFactory, TraineeFactory
from training.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]
REDIS_PORT = int(os.environ.get("SIGKILL_TEST_REDIS_PORT", "6394"))
BROKER = f"redis://127.0.0.1:{REDIS_PORT}/0"
COUNT = 200

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@contextlib.contextmanager
def redis_server(tmp_path: Path):
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", REDIS_PORT)) == 0:
            pytest.skip(f"port {REDIS_PORT} is busy; set SIGKILL_TEST_REDIS_PORT")
    process = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path), "--maxmemory-policy", "noeviction"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(lambda: socket.socket().connect_ex(("127.0.0.1", REDIS_PORT)) == 0, timeout=10)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


def start_worker(name: str, env: dict, log: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "celery", "-A", "tests.certificates.sigkill_app", "worker",
        "-P", "prefork", "-c", "2", "-n", f"{name}@%h", "--without-gossip", "--without-mingle",
        "--without-heartbeat", "--loglevel", "INFO",
    ]  # fmt: skip
    with log.open("ab") as output:
        # Its own session, so that SIGKILL reaches the main process and its pool children at once,
        # as when a machine or container dies.
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=output, start_new_session=True
        )


@contextlib.contextmanager
def worker_log_on_failure(log: Path):
    try:
        yield
    except AssertionError as error:
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else "(no log)"
        raise AssertionError(f"{error}\n--- worker log ---\n{tail}") from error


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_sigkill_during_issuing_loses_nothing_and_duplicates_nothing(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the worker subprocess must share the test database (set DATABASE_URL)")
    if shutil.which("redis-server") is None:
        pytest.skip("needs the redis-server binary to start a broker of its own")

    course = CourseFactory()
    trainees = TraineeFactory.create_batch(COUNT)
    now = course.created_at
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(trainee=t, course=course, status=EnrolmentStatus.COMPLETED, completed_at=now)
        for t in trainees
    )
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": BROKER,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_URL": "dummymail://",
        "DJANGO_SETTINGS_MODULE": "training.settings",
        # As in production: no result backend (the test run's in-process one means nothing to a subprocess).
        "CELERY_RESULT_BACKEND": "",
    }
    log = tmp_path / "worker.log"
    with redis_server(tmp_path):
        # An explicit connection: Celery lets the CELERY_BROKER_URL environment variable win over a
        # broker passed in code, and the test run's own broker is not this one.
        with celery_app.connection_for_write(BROKER) as conn:
            for enrolment in enrolments:
                tasks.issue_certificate.apply_async(args=[enrolment.pk], connection=conn)

        first = start_worker("first", env, log)
        try:
            with worker_log_on_failure(log):
                wait_for(lambda: Certificate.objects.count() >= 20, timeout=60, interval=0.01)
        finally:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
        at_kill = Certificate.objects.count()
        assert at_kill < COUNT, "the worker finished before it was killed; the test proved nothing"

        second = start_worker("second", env, log)
        try:
            with worker_log_on_failure(log):
                wait_for(
                    lambda: (
                        Certificate.objects.filter(pdf_version=1).count() == COUNT
                        and not Certificate.objects.filter(notified_at__isnull=True).exists()
                    ),
                    timeout=120,
                    interval=0.2,
                )
        finally:
            stop(second)

    assert Certificate.objects.count() == COUNT
    duplicates = Certificate.objects.values("enrolment").annotate(n=Count("pk")).filter(n__gt=1)
    assert not duplicates.exists()
    assert CertificateEvent.objects.filter(kind=EventKind.ISSUED).count() == COUNT
    assert set(Certificate.objects.values_list("enrolment_id", flat=True)) == {e.pk for e in enrolments}
