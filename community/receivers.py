"""Cache invalidation for writes that bypass community's services, such as the admin or data fixes
(community/cache.py). The services bump the same versions themselves."""

from community import cache
from community.models import Post

# Fields of a user or profile that change nothing cached posts show (they show display names).
UNSHOWN_FIELDS = frozenset(
    {"last_login", "password", "preferred_language", "buddhist_era", "is_active", "role", "is_staff"}
)


def bump_hub(sender, **kwargs) -> None:
    cache.bump_hub_version()


def bump_thread(sender, instance, **kwargs) -> None:
    cache.bump_thread_version(instance.pk)


def bump_thread_of_post(sender, instance, **kwargs) -> None:
    cache.bump_thread_version(instance.thread_id)


def bump_thread_of_report(sender, instance, **kwargs) -> None:
    if sender.post.is_cached(instance):
        thread_id = instance.post.thread_id
    else:  # a cascade from a deleted post may have removed it already
        thread_id = Post.objects.filter(pk=instance.post_id).values_list("thread_id", flat=True).first()
    if thread_id is not None:
        cache.bump_thread_version(thread_id)


def bump_people(sender, update_fields=None, **kwargs) -> None:
    """Signing in saves last_login: that changes no name, and must not empty every thread's cache."""
    if update_fields is not None and set(update_fields) <= UNSHOWN_FIELDS:
        return
    cache.bump_people_version()
