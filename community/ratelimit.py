"""Per-user posting limits, counted in the shared cache (Redis in production, so both web workers agree).

A fixed one-minute window per user and action: simple, one cache round trip, and a burst at a window's edge
is at most twice the limit, which is fine against flooding. If the cache is unreachable the limiter lets the
post through and logs a warning: losing a discussion post would hurt more than a short burst of spam.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 60


def posts_per_minute() -> int:
    return getattr(settings, "COMMUNITY_POSTS_PER_MINUTE", 5)


def allow(*, user_id: int, action: str, limit: int | None = None) -> bool:
    """Count one `action` by the user; False once the user has used up this minute's allowance."""
    limit = posts_per_minute() if limit is None else limit
    window = int(time.time() // WINDOW_SECONDS)
    key = f"community:rate:{action}:{user_id}:{window}"
    try:
        if cache.add(key, 1, timeout=WINDOW_SECONDS + 5):
            return True
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add() and incr()
            cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
            count = 1
    except Exception:  # the cache backend is down: fail open, loudly
        logger.warning("community rate limiter unavailable; allowing %s by user %s", action, user_id)
        return True
    return count <= limit
