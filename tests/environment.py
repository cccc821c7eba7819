"""Environment defaults for the test run, loaded as a pytest plugin before Django starts (-p in pyproject)."""

import os

# Tests run with the embedded defaults unless CI points them at PostgreSQL and Redis.
os.environ.setdefault("DEBUG", "true")
# Production behaviour in tests, whatever a developer's .env says.
os.environ.setdefault("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
os.environ.setdefault("MFA_REQUIRED", "true")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdefghijklmnop")
os.environ.setdefault("CELERY_BROKER_URL", "memory://")
os.environ.setdefault("PASSWORD_HASHERS", "django.contrib.auth.hashers.MD5PasswordHasher")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Parallel test processes (pytest-xdist) each run their own worker thread: give each its own queue so that one
# process's worker never takes a task whose rows live in the other process's test database.
# Assigned, not defaulted: xdist's worker processes inherit the controller's environment, which ran this too.
os.environ["CELERY_TASK_DEFAULT_QUEUE"] = "tests-" + os.environ.get("PYTEST_XDIST_WORKER", "main")
# Results only for the worker fixture's start-up ping (the worker is a thread of this process).
os.environ.setdefault("CELERY_RESULT_BACKEND", "cache+memory://")
