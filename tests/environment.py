"""Environment defaults for the test run, loaded as a pytest plugin before Django starts (-p in pyproject)."""

import os

# Tests run with the embedded defaults unless CI points them at PostgreSQL and Redis.
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdefghijklmnop")
os.environ.setdefault("CELERY_BROKER_URL", "memory://")
os.environ.setdefault("PASSWORD_HASHERS", "django.contrib.auth.hashers.MD5PasswordHasher")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
