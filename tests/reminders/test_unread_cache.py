"""The unread count in the layout is cached per person and forgotten by every write that changes it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reminders import services
from reminders.models import Kind, Notification
from tests.reminders.factories import MONDAY_MORNING, enrol, person, send_all

pytestmark = pytest.mark.django_db
NOW = MONDAY_MORNING
QUIET = NOW - timedelta(days=8)


def badge(client) -> str:
    page = client.get(reverse("reminders:settings")).content.decode()
    start = page.find('Notifications <span class="badge">')
    return page[start:].split("</span>")[0].rsplit(">", 1)[-1] if start >= 0 else "none"


def test_the_count_follows_new_notifications_and_reading_them(client, django_capture_on_commit_callbacks):
    trainee = person()
    client.force_login(trainee)
    assert badge(client) == "none"

    enrol(trainee=trainee, at=NOW - timedelta(days=20), last_activity=QUIET)
    with django_capture_on_commit_callbacks(execute=True):
        from reminders import dispatch

        dispatch.dispatch_due(now=NOW)
        send_all(NOW)
    assert Notification.objects.filter(recipient=trainee, kind=Kind.INACTIVITY).count() == 1
    assert badge(client) == "1"  # the delivery forgot the cached "no notifications"

    notification = Notification.objects.get(recipient=trainee)
    client.get(reverse("reminders:open", args=[notification.pk]))
    assert badge(client) == "none"

    Notification.objects.filter(pk=notification.pk).update(read_at=None)
    services.forget_unread_counts([trainee.pk])  # what every service does after a change
    assert badge(client) == "1"
    client.post(reverse("reminders:mark_all_read"))
    assert badge(client) == "none"


def test_the_layout_counts_once_and_then_reads_the_cache(client):
    trainee = person()
    client.force_login(trainee)
    url = reverse("learning:dashboard")
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    counting = 'FROM "reminders_notification" WHERE'
    assert [q for q in first.captured_queries if counting in q["sql"]]
    assert not [q for q in second.captured_queries if counting in q["sql"]]
