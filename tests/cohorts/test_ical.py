"""The .ics feed of a cohort's sessions, parsed back with the icalendar package."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.urls import reverse

from learning.cohorts import ical, services
from tests.cohorts.factories import CohortFactory, CohortSessionFactory
from tests.factories import ModuleFactory

pytestmark = pytest.mark.django_db


def feed(client, cohort) -> bytes:
    response = client.get(reverse("learning:cohorts:calendar", kwargs={"token": cohort.calendar_token}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def test_the_feed_parses_back_with_every_session(client):
    cohort = CohortFactory(name="Takeo, women's group; 2026")
    module = ModuleFactory(course=cohort.course, title="Flood maps")
    start = datetime(2026, 3, 14, 2, 30, tzinfo=UTC)
    long_place = "សាលាឃុំ ស្រុកបាទី ខេត្តតាកែវ, beside the pagoda; bring the village map\\drawings " * 2
    first = CohortSessionFactory(
        cohort=cohort, title="Session 1: រៀនពីទឹកជំនន់", starts_at=start, ends_at=start + timedelta(hours=2),
        place=long_place, module=module,
    )  # fmt: skip
    later = start + timedelta(days=7)
    CohortSessionFactory(
        cohort=cohort, starts_at=later, ends_at=later + timedelta(hours=2), place="",
        online_url="https://meet.example.org/abc?x=1,2",
    )  # fmt: skip

    data = feed(client, cohort)  # the public feed needs no login: calendar apps send no cookies

    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    assert b"X-WR-CALNAME:Takeo\\, women's group\\; 2026\r\n" in data  # an X- property stays raw
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    event = events[0]
    assert str(event["SUMMARY"]) == "Session 1: រៀនពីទឹកជំនន់"
    assert str(event["LOCATION"]) == long_place  # unfolded and unescaped: commas, semicolons, backslashes
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") == start + timedelta(hours=2)
    assert str(event["UID"]) == f"{first.uid}@testserver"
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert "Flood maps" in str(event["DESCRIPTION"])
    assert str(events[1]["URL"]) == "https://meet.example.org/abc?x=1,2"
    assert str(events[1]["STATUS"]) == "CONFIRMED"


def test_lines_end_in_crlf_and_are_folded_at_75_octets(client):
    cohort = CohortFactory()
    CohortSessionFactory(cohort=cohort, title="ស" * 60, place="x" * 200)
    data = feed(client, cohort)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode()  # never cut inside a UTF-8 sequence


def test_text_is_escaped():
    assert ical.escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_a_changed_session_has_a_higher_sequence_and_a_cancelled_one_stays_cancelled(client):
    cohort = CohortFactory()
    session = CohortSessionFactory(cohort=cohort)
    services.update_session(
        session=session, module=None, title=session.title, starts_at=session.starts_at,
        ends_at=session.ends_at, place=session.place, online_url="", is_cancelled=True,
    )  # fmt: skip
    event = icalendar.Calendar.from_ical(feed(client, cohort)).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert str(event["STATUS"]) == "CANCELLED"


def test_an_unknown_token_is_404(client):
    CohortFactory()
    assert client.get(reverse("learning:cohorts:calendar", kwargs={"token": "nope"})).status_code == 404


def test_the_feed_holds_no_participant(client):
    from tests.cohorts.factories import ParticipantFactory

    cohort = CohortFactory()
    CohortSessionFactory(cohort=cohort)
    ParticipantFactory(cohort=cohort, display_name="Private Name")
    assert b"Private Name" not in feed(client, cohort)


def test_the_cached_feed_changes_as_soon_as_a_session_changes(client, django_capture_on_commit_callbacks):
    cohort = CohortFactory()
    session = CohortSessionFactory(cohort=cohort, title="Before")
    assert b"SUMMARY:Before" in feed(client, cohort)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_session(
            session=session, module=None, title="After", starts_at=session.starts_at,
            ends_at=session.ends_at, place=session.place, online_url="",
        )  # fmt: skip
        services.schedule_session(
            cohort=cohort, title="Added", starts_at=session.starts_at, ends_at=session.ends_at, place="Hall"
        )
    data = feed(client, cohort)
    assert b"SUMMARY:After" in data
    assert b"SUMMARY:Added" in data
    assert feed(client, cohort) == data  # served from the cache
