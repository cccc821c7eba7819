import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "PATH": os.environ["PATH"],
    "DEBUG": "0",
    "SECRET_KEY": "a-long-production-like-secret-key-with-many-different-characters-0123456789",
    "ALLOWED_HOSTS": "training.example.org",
    "SITE_URL": "https://training.example.org",
    "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:///" + str(ROOT / "var" / "check.sqlite3")),
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_app_refuses_to_start_without_secret_key_when_debug_is_off():
    env = {**PRODUCTION_ENV}
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_deploy_check_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "status": "ok"}


@pytest.mark.django_db
def test_healthz_says_503_when_the_broker_does_not_answer(client):
    with override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0"):  # nothing listens on port 1
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["broker"] == "unavailable"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_every_admin_changelist_and_add_page_works(admin_client):
    from django.contrib import admin

    from tests.factories import EnrolmentFactory, LessonProgressFactory

    LessonProgressFactory(enrolment=EnrolmentFactory())
    for model in admin.site._registry:
        meta = model._meta
        base = f"/admin/{meta.app_label}/{meta.model_name}/"
        assert admin_client.get(base).status_code == 200, base
        assert admin_client.get(base + "?q=climate").status_code == 200, base
        assert admin_client.get(base + "add/").status_code in (200, 403), base
