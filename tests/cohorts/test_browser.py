"""Taking attendance on a 360-px phone screen, including a connection that drops mid-way."""

import pytest
from django.conf import settings
from django.test import Client

from learning.models import Attendance
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, ParticipantFactory, facilitator_of


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def drop_connection(page) -> None:
    """Every tap's request fails as on a lost connection (more reliable than offline mode on loopback)."""
    page.route("**/attendance/mark/", lambda route: route.abort("internetdisconnected"))


def restore_connection(page) -> None:
    page.unroute("**/attendance/mark/")
    page.evaluate("window.dispatchEvent(new Event('online'))")


def present_ids(session) -> set[int]:
    return set(
        Attendance.objects.filter(session=session, present=True).values_list("participant_id", flat=True)
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_facilitator_takes_attendance_on_a_phone_and_nothing_is_lost_offline(page, live_server):
    cohort = CohortFactory(name="Bati women's group")
    session = CohortSessionFactory(cohort=cohort, title="Flood maps")
    names = ["សុភ័ក្ត្រ ស្រីមុំ", "အောင်ကျော်", "Nguyễn Thị Hương", "Dara"]
    people = {name: ParticipantFactory(cohort=cohort, display_name=name) for name in names}
    sign_in(page, live_server, facilitator_of(cohort))
    page.set_viewport_size({"width": 360, "height": 740})
    errors = []
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.location.get("url", "").endswith("favicon.ico")
            else None
        ),
    )

    page.goto(f"{live_server.url}/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/")
    page.get_by_role("heading", name="Flood maps").wait_for()

    # Fits the screen, and every name is a large tap target.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for name in names:
        box = page.locator("label.tap", has_text=name).bounding_box()
        assert box["height"] >= 48
        assert box["width"] >= 300

    page.get_by_text(names[0]).click()
    page.get_by_text(names[1]).click()
    page.get_by_role("status").filter(has_text="All taps saved.").wait_for()
    assert present_ids(session) == {people[names[0]].pk, people[names[1]].pk}

    # The connection drops: the taps are kept and sent when it comes back.
    drop_connection(page)
    page.get_by_text(names[2]).click()
    page.get_by_role("status").filter(has_text="Waiting for the connection").wait_for()
    page.get_by_text(names[0]).click()  # and a correction: the first person is absent after all
    assert present_ids(session) == {people[names[0]].pk, people[names[1]].pk}
    restore_connection(page)
    page.get_by_role("status").filter(has_text="All taps saved.").wait_for()
    assert present_ids(session) == {people[names[1]].pk, people[names[2]].pk}

    # A reload shows what the server has.
    page.reload()
    assert page.get_by_role("checkbox", name=names[2]).is_checked()
    assert not page.get_by_role("checkbox", name=names[0]).is_checked()
    assert [e for e in errors if "Failed to fetch" not in e and "ERR_INTERNET_DISCONNECTED" not in e] == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_taps_kept_on_the_phone_are_sent_when_the_page_is_opened_again(page, live_server):
    cohort = CohortFactory()
    session = CohortSessionFactory(cohort=cohort, title="Water and health")
    person = ParticipantFactory(cohort=cohort, display_name="Lan")
    sign_in(page, live_server, facilitator_of(cohort))
    page.set_viewport_size({"width": 360, "height": 740})
    url = f"{live_server.url}/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/"
    page.goto(url)
    drop_connection(page)
    page.get_by_role("checkbox", name="Lan", exact=True).click()
    page.get_by_role("status").filter(has_text="Waiting for the connection").wait_for()
    page.goto("about:blank")  # the page is closed before the connection returns
    page.unroute("**/attendance/mark/")
    assert not present_ids(session)

    page.goto(url)
    page.get_by_role("status").filter(has_text="All taps saved.").wait_for()
    assert present_ids(session) == {person.pk}
