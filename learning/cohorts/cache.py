"""The .ics feed is cached: calendar apps poll it often and it changes rarely. Every service that changes a
cohort or its sessions bumps a version number that is part of the cache key, so a change is seen at once
where the cache is shared (Redis in production); the TTL bounds staleness for edits made in the admin."""

import time

from django.core.cache import cache

VERSION_KEY = "cohorts:calendar-version"
FEED_TTL = 300


def calendar_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def bump_calendar_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def feed_key(*, token: str, host: str) -> str:
    return f"cohorts:ics:{calendar_version()}:{host}:{token}"
