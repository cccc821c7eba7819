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


def test_deploy_check_warns_when_the_cache_is_not_shared():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION_ENV, "CACHE_URL": "locmem://"}
    )
    assert result.returncode != 0
    assert "training.W001" in result.stdout + result.stderr


def test_redis_cache_shares_one_client_and_works_against_redis():
    import redis

    from training.cache_backends import RedisCache

    url = os.environ.get("TEST_CACHE_REDIS_URL", "redis://127.0.0.1:6379/7")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    cache = RedisCache(url, {"KEY_PREFIX": f"test-{os.getpid()}"})
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    cache.set("page", {"title": "ສູນ"}, 30)
    cache.set("count", 1, 30)
    assert cache.get("page") == {"title": "ສູນ"}
    assert cache.incr("count") == 2
    assert cache.get_many(["page", "count", "missing"]) == {"page": {"title": "ສູນ"}, "count": 2}
    cache.delete_many(["page", "count"])
    assert cache.get("page") is None


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


HEADER_PROBE = """
from django.test import Client
response = Client().get("/accounts/login/", secure=True, headers={"host": "training.example.org"})
print("STATUS", response.status_code)
for name, value in response.headers.items():
    print("HEADER", name.lower(), "=", value)
for cookie in response.cookies.values():
    print("COOKIE", cookie.key, cookie["secure"], cookie["httponly"], cookie["samesite"])
"""


def test_production_responses_carry_the_security_headers(tmp_path):
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path / "static")}
    collected = manage("collectstatic", "--noinput", "-v", "0", env=env)
    assert collected.returncode == 0, collected.stderr
    result = manage("shell", "-c", HEADER_PROBE, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    headers = dict(line[7:].split(" = ", 1) for line in lines if line.startswith("HEADER "))
    assert "STATUS 200" in lines
    assert headers["strict-transport-security"].startswith("max-age=31536000; includeSubDomains")
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    # COOKIE <name> <secure> <httponly> <samesite>
    _, _, secure, _, samesite = next(line for line in lines if line.startswith("COOKIE csrftoken")).split(" ")
    assert secure == "True"
    assert samesite == "Lax"


def test_plain_http_is_redirected_to_https_in_production():
    probe = (
        "from django.test import Client\n"
        "r = Client().get('/courses/', headers={'host': 'training.example.org'})\n"
        "print(r.status_code, r.headers.get('Location'))"
    )
    result = manage("shell", "-c", probe, env=PRODUCTION_ENV)
    assert result.stdout.strip().splitlines()[-1] == "301 https://training.example.org/courses/"
