"""training.request_cache: the per-request copy of the page keys and the per-process copy of versioned
values. Fewer round trips to the shared cache, never a stale value."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.utils import timezone

from courses import cache as catalogue_cache
from learning import services
from learning.models import Enrolment
from reminders import selectors as reminder_selectors
from reminders.models import Notification
from tests.factories import TraineeFactory, course_with_lessons, warm_layout
from training import request_cache


class CacheReads:
    """Counts the reads that reach the shared cache (each one a round trip to Redis in production; the
    memory cache of the tests answers a multi-get with one get per key, which are not counted again)."""

    def __init__(self):
        self.calls: list[tuple[str, object]] = []
        self.cache = caches["default"]
        self.inside_get_many = False

    def __enter__(self):
        real_get, real_get_many = self.cache.get, self.cache.get_many

        def get(key, *args, **kwargs):
            if not self.inside_get_many:
                self.calls.append(("get", key))
            return real_get(key, *args, **kwargs)

        def get_many(keys, *args, **kwargs):
            keys = list(keys)
            self.calls.append(("get_many", tuple(keys)))
            self.inside_get_many = True
            try:
                return real_get_many(keys, *args, **kwargs)
            finally:
                self.inside_get_many = False

        self.patches = [
            mock.patch.object(self.cache, "get", side_effect=get),
            mock.patch.object(self.cache, "get_many", side_effect=get_many),
        ]
        for patch in self.patches:
            patch.start()
        return self

    def __exit__(self, *exc):
        for patch in self.patches:
            patch.stop()


@pytest.mark.django_db
def test_a_warm_signed_in_lesson_page_reads_the_shared_cache_three_times(client):
    trainee = TraineeFactory()
    client.force_login(trainee)
    warm_layout(client)
    course = course_with_lessons(lessons_per_module=3)
    enrolment = Enrolment.objects.create(trainee=trainee, course=course)
    lesson = course.modules.get().lessons.order_by("position").first()
    services.complete_lesson(enrolment=enrolment, lesson=lesson)
    url = lesson.get_absolute_url()
    assert client.get(url).status_code == 200  # warms the page, the outline and the progress
    with CacheReads() as reads:
        response = client.get(url)
    assert response.status_code == 200
    # The session, the page keys (catalogue and hub versions, unread count) in one go, the reader's progress.
    assert len(reads.calls) == 3, reads.calls
    page_keys = next(
        keys for kind, keys in reads.calls if kind == "get_many" and catalogue_cache.VERSION_KEY in keys
    )
    assert reminder_selectors.unread_key(trainee.pk) in page_keys


@pytest.mark.django_db
def test_a_change_during_the_request_is_read_afresh_by_the_rest_of_it():
    trainee = TraineeFactory()
    seen = []

    def view(request):
        seen.append(reminder_selectors.unread_count(user=trainee))
        Notification.objects.create(
            recipient=trainee, kind="welcome", title="Welcome", created_at=timezone.now()
        )
        from reminders import services as reminder_services

        reminder_services.forget_unread_counts([trainee.pk])
        seen.append(reminder_selectors.unread_count(user=trainee))
        before = catalogue_cache.catalogue_version()
        catalogue_cache.bump_catalogue_version()
        seen.append(catalogue_cache.catalogue_version() != before)
        return None

    request = RequestFactory().get("/")
    request.user = trainee
    request_cache.RequestCacheMiddleware(view)(request)
    assert seen == [0, 1, True]


def test_versioned_values_are_built_once_and_every_reader_gets_its_own_copy():
    built = []

    def build():
        built.append(1)
        return {"titles": ["ສູນ", "ខ្មែរ"]}

    key = "test:request-cache:versioned:1"
    first = request_cache.get_or_build(key, build, 60)
    first["titles"].append("changed by one reader")
    second = request_cache.get_or_build(key, build, 60)
    assert built == [1]
    assert second == {"titles": ["ສູນ", "ខ្មែរ"]}
    assert request_cache.get_or_build("test:request-cache:none", lambda: None, 60) is None
    assert caches["default"].get("test:request-cache:none") is None
