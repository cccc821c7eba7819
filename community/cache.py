"""Rendered community HTML is cached under version numbers that are part of every key (the pattern of
courses/cache.py): a change bumps the version, so a stale page is never served, and a TTL bounds memory.

- The Knowledge Hub's public listing (filters and results) is cached per language and query string under
  the hub version, bumped when a case is submitted, edited, published or returned, and when a case, its
  themes or a partner organisation is saved or deleted anywhere else (the admin).
- A thread's posts are cached per page, viewer kind (participant or moderator), language and time zone
  under two versions: the thread's own, bumped by every reply, moderation step and report, and the people
  version, bumped when anyone's profile (their display name) changes.

Each bump happens now and again once the surrounding transaction commits: a reader between the change and
the commit may have cached the old rows under the first new version.
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction

from training import request_cache

FRAGMENT_TTL = 600
HUB_VERSION_KEY = "community:hub-version"
PEOPLE_VERSION_KEY = "community:people-version"


def _thread_version_key(thread_id: int) -> str:
    return f"community:thread-version:{thread_id}"


def _bump(key: str) -> None:
    def bump() -> None:
        request_cache.forget(key)  # the rest of this request reads the new version too
        cache.set(key, time.time_ns(), timeout=None)

    bump()
    transaction.on_commit(bump)


def _versions(*keys: str) -> list[int]:
    """Current values of version keys, in one round trip; a missing one starts now."""
    found = request_cache.get_many(keys)
    versions = []
    for key in keys:
        if key not in found:
            cache.add(key, time.time_ns(), timeout=None)
            found[key] = cache.get(key, time.time_ns())
        versions.append(found[key])
    return versions


# --- Knowledge Hub -----------------------------------------------------------------------------------
def bump_hub_version(**kwargs) -> None:
    """Also a post_save/post_delete receiver (community.apps)."""
    _bump(HUB_VERSION_KEY)


def hub_key(*, name: str, language: str, query: str) -> str:
    (version,) = _versions(HUB_VERSION_KEY)
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    return f"community:hub:{name}:{version}:{language}:{digest}"


# --- Discussions -------------------------------------------------------------------------------------
def bump_thread_version(thread_id: int) -> None:
    _bump(_thread_version_key(thread_id))


def bump_people_version(**kwargs) -> None:
    """A post_save receiver for profiles and users (community.apps): display names are in cached posts."""
    _bump(PEOPLE_VERSION_KEY)


def thread_page_key(*, thread_id: int, page: str, is_moderator: bool, language: str, timezone: str) -> str:
    """`page` is a page number or "last" as asked for; only pages that exist are stored (the view checks)."""
    thread_version, people_version = _versions(_thread_version_key(thread_id), PEOPLE_VERSION_KEY)
    viewer = "moderator" if is_moderator else "participant"
    versions = f"{thread_version}:{people_version}"
    return f"community:thread:{thread_id}:{versions}:{viewer}:{language}:{timezone}:{page}"
