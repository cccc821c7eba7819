"""Project-wide system checks (registered by accounts.apps, the first of the project's apps)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """With DEBUG off, the default cache must be shared by every process.

    Cached pages are invalidated by version numbers kept in the cache, and rate limits count in it: with a
    per-process cache (locmem) and several gunicorn workers, one worker would keep serving a course page
    that another worker's edit has changed, and every worker would count sign-in attempts on its own.
    """
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or not backend.endswith("LocMemCache"):
        return []
    return [
        checks.Warning(
            "The default cache is local to each process.",
            hint="Set CACHE_URL to a Redis server (redis://host:6379/1) that every process shares.",
            id="training.W001",
        )
    ]
