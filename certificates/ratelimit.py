"""A fixed-window rate limit per client address, kept in the cache (a shared Redis cache in production)."""

import time

from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it, and the
    # deployment's proxy is expected to pass the real address as REMOTE_ADDR (docs/certificates.md).
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(*, scope: str, ident: str, limit: int, window: int) -> bool:
    """Count this request; False once `limit` requests were made in the current `window` seconds."""
    key = f"ratelimit:{scope}:{ident}:{int(time.time() // window)}"
    if cache.add(key, 1, timeout=window + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return count <= limit
