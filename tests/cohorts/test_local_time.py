"""Sessions are typed and shown in the local time of their place, stored in UTC, exported in UTC."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from learning.models import CohortSession
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, facilitator_of
from tests.factories import ModuleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("country", "stored_utc", "label"),
    [("LA", (2, 0), "UTC+7"), ("MM", (2, 30), "UTC+6:30"), ("CN", (1, 0), "UTC+8")],
)
def test_a_facilitator_types_the_local_time_of_the_place(client, country, stored_utc, label):
    cohort = CohortFactory(country=country)
    client.force_login(facilitator_of(cohort))
    url = reverse("learning:cohorts:session_create", kwargs={"cohort_id": cohort.pk})
    form_page = client.get(url).content.decode()
    assert f"Local time at the cohort's place ({label})." in form_page
    data = {"title": "Flood maps", "starts_at": "2026-05-02T09:00", "ends_at": "2026-05-02T11:00",
            "place": "Pagoda hall", "module": ModuleFactory(course=cohort.course).pk}  # fmt: skip
    assert client.post(url, data).status_code == 302

    session = CohortSession.objects.get()
    assert session.starts_at == datetime(2026, 5, 2, *stored_utc, tzinfo=UTC)

    detail = client.get(cohort.get_absolute_url()).content.decode()
    assert f"({label})" in detail
    assert "(UTC)" not in detail
    edit = reverse("learning:cohorts:session_edit", kwargs={"cohort_id": cohort.pk, "session_id": session.pk})
    assert 'value="2026-05-02T09:00"' in client.get(edit).content.decode()  # shown back as typed


def test_the_attendance_page_and_calendar_agree_on_the_moment(client):
    cohort = CohortFactory(country="KH")
    session = CohortSessionFactory(
        cohort=cohort,
        starts_at=datetime(2026, 6, 1, 1, 30, tzinfo=UTC),
        ends_at=datetime(2026, 6, 1, 3, 30, tzinfo=UTC),
    )
    client.force_login(facilitator_of(cohort))
    page = client.get(
        reverse("learning:cohorts:attendance", kwargs={"cohort_id": cohort.pk, "session_id": session.pk})
    ).content.decode()
    assert 'datetime="2026-06-01T08:30:00+07:00"' in page
    assert "(UTC+7)" in page
    feed = client.get(reverse("learning:cohorts:calendar", kwargs={"token": cohort.calendar_token}))
    assert "DTSTART:20260601T013000Z" in feed.content.decode()
