"""A trainee's enrolment in a course and the lessons they completed, cached per (trainee, course).

Every lesson page needs both (may they read it? which ticks does the outline show?). They are cached with the
generation number of that (trainee, course) pair, and any write to the enrolment or its progress bumps the
generation, so the next request reads them again:

- saves and deletes of Enrolment and LessonProgress (the admin, create, get_or_create, cascades) through the
  post_save/post_delete receivers connected in LearningConfig.ready;
- QuerySet.update() on an enrolment, which sends no signal: each service that calls it calls ``forget``,
  except recording a visit, which only changes the cached "last lesson" fields in place (``remember_visit``),
  so reading lesson after lesson keeps the cached progress.

Only existing enrolments are cached: a reader without one is looked up every time, so an enrolment created
in bulk (bulk_create sends no signal) is seen at once. The generation is bumped again once the writing
transaction commits, as for the catalogue version (courses/cache.py): a reader between the write and the
commit may have cached the old rows under the first new generation.
"""

import time

from django.core.cache import cache
from django.db import transaction

from learning.models import Enrolment

ENTRY_TTL = 300
GENERATION_TTL = 24 * 3600


def _keys(trainee_id: int, course_id: int) -> tuple[str, str]:
    return (
        f"learning:progress-generation:{trainee_id}:{course_id}",
        f"learning:progress:{trainee_id}:{course_id}",
    )


def cached(*, trainee_id: int, course_id: int, load):
    """``load()``'s (enrolment, completed lesson ids), from the cache while no write has happened since.

    ``load`` returns (None, ...) when there is no enrolment; that answer is not cached.
    """
    generation_key, entry_key = _keys(trainee_id, course_id)
    found = cache.get_many([generation_key, entry_key])
    generation, entry = found.get(generation_key), found.get(entry_key)
    if generation is not None and entry is not None and entry[0] == generation:
        return entry[1]
    if generation is None:
        cache.add(generation_key, time.time_ns(), timeout=GENERATION_TTL)
        generation = cache.get(generation_key)
    value = load()
    if value[0] is not None and generation is not None:
        cache.set(entry_key, (generation, value), ENTRY_TTL)
    return value


def forget(*, trainee_id: int, course_id: int) -> None:
    """Call after any write to the enrolment of ``trainee_id`` in ``course_id`` or to its progress."""
    generation_key, _entry_key = _keys(trainee_id, course_id)
    cache.set(generation_key, time.time_ns(), timeout=GENERATION_TTL)
    transaction.on_commit(lambda: cache.set(generation_key, time.time_ns(), timeout=GENERATION_TTL))


def remember_visit(*, enrolment: Enrolment) -> None:
    """Copy a recorded visit (last lesson, last activity) into the cached entry, if it is current.

    The entry keeps the generation it was read with: a write by someone else in between bumped the
    generation, and then this entry is ignored anyway.
    """
    generation_key, entry_key = _keys(enrolment.trainee_id, enrolment.course_id)
    found = cache.get_many([generation_key, entry_key])
    generation, entry = found.get(generation_key), found.get(entry_key)
    if generation is None or entry is None or entry[0] != generation:
        return
    cached_enrolment, done_ids = entry[1]
    cached_enrolment.last_lesson_id = enrolment.last_lesson_id
    cached_enrolment.last_activity_at = enrolment.last_activity_at
    cache.set(entry_key, (generation, (cached_enrolment, done_ids)), ENTRY_TTL)


def forget_enrolment(sender, instance, **kwargs) -> None:
    """post_save/post_delete receiver for Enrolment."""
    forget(trainee_id=instance.trainee_id, course_id=instance.course_id)


def forget_progress(sender, instance, **kwargs) -> None:
    """post_save/post_delete receiver for LessonProgress."""
    if type(instance).enrolment.is_cached(instance):
        enrolment = instance.enrolment
        forget(trainee_id=enrolment.trainee_id, course_id=enrolment.course_id)
        return
    pair = Enrolment.objects.filter(pk=instance.enrolment_id).values_list("trainee_id", "course_id").first()
    if pair is not None:
        forget(trainee_id=pair[0], course_id=pair[1])
