"""The catalogue's rendered HTML, course outlines and lesson pages are cached. Any change to a programme,
course, module, lesson, resource or translation bumps a version number that is part of every cache key, so
stale pages are never served (a TTL bounds memory)."""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction

from training import request_cache

VERSION_KEY = "courses:catalogue-version"
FRAGMENT_TTL = 600


def catalogue_version() -> int:
    version = request_cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def bump_catalogue_version(**kwargs) -> None:
    """Bump now, and again once the surrounding transaction commits: a reader between the change and the
    commit may have cached the old rows under the first new version."""

    def bump() -> None:
        request_cache.forget(VERSION_KEY)  # the rest of this request reads the new version too
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)

    bump()
    transaction.on_commit(bump)


def fragment_key(*, name: str, language: str, query: str) -> str:
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    return f"courses:{name}:{catalogue_version()}:{language}:{digest}"
