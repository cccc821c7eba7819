"""Fewer round trips to the shared cache (Redis) per request. Two parts:

1. **Page keys**: keys that most pages read and that are overwritten in place: the catalogue and Knowledge
   Hub version numbers and the reader's unread count. Apps register a function giving theirs for a request
   (``register_page_keys``, in AppConfig.ready). The first read of any of them during a request fetches all
   of them in one round trip, and later reads in the same request use that copy. Code that changes one of
   them calls ``forget`` as well, so the rest of the request reads it afresh. Outside a request (Celery
   tasks, commands, streamed response bodies) every read goes to the cache.
2. **Versioned values** (``get_or_build``): the rendered catalogue, course outlines, lesson pages and hub
   fragments are stored under keys that contain a version number, which is bumped on every change
   (courses/cache.py, community/cache.py). What is stored under one such key never has to change, so each
   process also keeps a copy. The copies are pickled, so every reader gets its own objects as from the
   shared cache, and they are bounded in number and by the shared cache's timeout.

A signed-in lesson page made seven round trips; it makes three (the session, the page keys, the reader's
progress). docs/performance.md has the figures.
"""

import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.http import HttpRequest

T = TypeVar("T")
PageKeys = Callable[[HttpRequest], Iterable[str]]

_page_key_providers: dict[str, PageKeys] = {}


def register_page_keys(name: str, provider: PageKeys) -> None:
    """Idempotent by name (ready() may run more than once in tests)."""
    _page_key_providers[name] = provider


class _Request:
    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.values: dict[str, object] | None = None  # page key -> value (missing keys absent)
        self.keys: set[str] = set()

    def fetch(self) -> None:
        keys = [key for provider in _page_key_providers.values() for key in provider(self.request)]
        self.keys = set(keys)
        self.values = cache.get_many(keys) if keys else {}


_current: ContextVar[_Request | None] = ContextVar("request_cache", default=None)


class RequestCacheMiddleware:
    """Opens the per-request copy of the page keys (fetched only when one of them is first read)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        token = _current.set(_Request(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


def _page_copy(key: str) -> _Request | None:
    """The request's copy if ``key`` is one of its page keys (fetching them all on first use)."""
    state = _current.get()
    if state is None:
        return None
    if state.values is None:
        state.fetch()
    return state if key in state.keys else None


def get(key: str):
    state = _page_copy(key)
    if state is not None:
        if key in state.values:
            return state.values[key]
        state.keys.discard(key)  # missing: the caller creates it, so read it from the cache from now on
    return cache.get(key)


def get_many(keys: Iterable[str]) -> dict:
    found: dict = {}
    rest = []
    for key in keys:
        state = _page_copy(key)
        if state is not None and key in state.values:
            found[key] = state.values[key]
            continue
        if state is not None:
            state.keys.discard(key)
        rest.append(key)
    if rest:
        found.update(cache.get_many(rest))
    return found


def forget(*keys: str) -> None:
    """This request reads ``keys`` afresh from now on (call it whenever one of them is changed)."""
    state = _current.get()
    if state is None or state.values is None:
        return
    for key in keys:
        state.keys.discard(key)
        state.values.pop(key, None)


# --- versioned values ------------------------------------------------------------------------------
MAX_ENTRIES = 256

_entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
_lock = threading.Lock()


def get_or_build(key: str, build: Callable[[], T | None], timeout: int) -> T | None:
    """The value under a versioned ``key``: this process's copy, else the shared cache's, else ``build()``
    (stored in both). A ``None`` from ``build`` is returned and not stored. Only for keys whose value never
    changes once stored (see the module's docstring)."""
    local_key = cache.make_key(key)  # the cache's own prefix and version, so tests stay apart
    data = _local(local_key)
    if data is not None:
        return pickle.loads(data)  # noqa: S301 - bytes this process pickled itself
    value = cache.get(key)
    if value is None:
        value = build()
        if value is None:
            return None
        cache.set(key, value, timeout)
    _remember(local_key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL), timeout)
    return value


def _local(local_key: str) -> bytes | None:
    now = time.monotonic()
    with _lock:
        entry = _entries.get(local_key)
        if entry is None:
            return None
        expires, data = entry
        if expires <= now:
            del _entries[local_key]
            return None
        _entries.move_to_end(local_key)
        return data


def _remember(local_key: str, data: bytes, timeout: int) -> None:
    with _lock:
        _entries[local_key] = (time.monotonic() + timeout, data)
        _entries.move_to_end(local_key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
