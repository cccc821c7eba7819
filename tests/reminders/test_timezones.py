"""Reminders go out only between 08:00 and 20:00 in the recipient's time zone."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from reminders import dispatch, services, timezones
from reminders.models import Delivery, DeliveryStatus, Kind
from tests.factories import CourseFactory
from tests.reminders.factories import NotificationPreferenceFactory, enrol, person, run, send_all

pytestmark = pytest.mark.django_db


def welcomes(now) -> set[str]:
    dispatch.dispatch_due(now=now)
    return {d.recipient.profile.country for d in Delivery.objects.filter(kind=Kind.WELCOME)}


def test_myanmar_half_hour_china_and_the_others():
    # 00:45 UTC: 08:45 in China, 07:15 in Myanmar, 07:45 elsewhere.
    start = datetime(2026, 3, 2, 0, 45, tzinfo=UTC)
    for country in ("CN", "MM", "VN", "KH"):
        enrol(at=start - timedelta(minutes=10), last_activity=start, country=country)
    assert welcomes(start) == {"CN"}
    assert welcomes(start + timedelta(minutes=15)) == {"CN", "VN", "KH"}  # 08:00 at UTC+7
    assert welcomes(start + timedelta(minutes=44)) == {"CN", "VN", "KH"}  # 07:59 in Yangon
    assert welcomes(start + timedelta(minutes=45)) == {"CN", "VN", "KH", "MM"}  # 08:00 in Yangon


def test_evening_window_closes_at_20_local():
    # 12:30 UTC: 20:30 in China (closed), 19:30 at UTC+7 (open), 19:00 in Myanmar (open).
    now = datetime(2026, 3, 2, 12, 30, tzinfo=UTC)
    for country in ("CN", "TH", "MM"):
        enrol(at=now - timedelta(minutes=10), last_activity=now, country=country)
    assert welcomes(now) == {"TH", "MM"}


def test_own_time_zone_overrides_the_country():
    now = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 10:00 in Hanoi, 03:00 in London
    abroad = enrol(at=now - timedelta(minutes=10), last_activity=now, country="VN")
    NotificationPreferenceFactory(user=abroad.trainee, time_zone="Europe/London")
    assert welcomes(now) == set()
    assert welcomes(now + timedelta(hours=5)) == {"VN"}  # 08:00 in London


def test_people_without_a_profile_or_from_elsewhere_use_utc_plus_7():
    assert timezones.zone_name_for(time_zone="", country="XX") == "Asia/Bangkok"
    assert timezones.zone_name_for(time_zone=None, country=None) == "Asia/Bangkok"
    now = datetime(2026, 3, 2, 0, 30, tzinfo=UTC)  # 07:30 at UTC+7
    enrol(at=now - timedelta(minutes=10), last_activity=now, country="XX")
    assert welcomes(now) == set()
    assert welcomes(now + timedelta(minutes=30)) == {"XX"}


def test_notify_at_night_waits_for_the_morning_sweep():
    night = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # 23:00 in Hanoi
    recipient = person(country="VN")
    course = CourseFactory()
    delivery = services.notify(
        recipient=recipient, kind=Kind.CERTIFICATE_READY, subject_object=course, now=night
    )
    assert delivery.queued_at is None
    assert delivery.not_before == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)  # 08:00 next day in Hanoi
    send_all(night)
    assert mail.outbox == []
    morning = datetime(2026, 3, 3, 1, 5, tzinfo=UTC)
    assert dispatch.dispatch_due(now=morning).requeued == 1
    send_all(morning)
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_next_daytime():
    zone = "Asia/Yangon"
    late = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # 21:30 in Yangon
    assert timezones.next_daytime(late, zone) == datetime(2026, 3, 3, 1, 30, tzinfo=UTC)
    early = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # 06:30 in Yangon
    assert timezones.next_daytime(early, zone) == datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
    assert timezones.next_daytime(late - timedelta(hours=8), zone) == late - timedelta(hours=8)


def test_run_sends_in_window_only(settings):
    settings.REMINDERS_WINDOW = (9, 17)
    now = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)  # 08:30 in Hanoi
    enrol(at=now, last_activity=now)
    run(now)
    assert mail.outbox == []
    run(now + timedelta(minutes=30))
    assert len(mail.outbox) == 1
