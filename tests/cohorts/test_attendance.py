"""Taking attendance: only the cohort's facilitators, only its own sessions and participants; idempotent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from learning.cohorts import services
from learning.models import Attendance
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, ParticipantFactory, facilitator_of
from tests.factories import CoordinatorFactory, TraineeFactory, TrainerFactory, warm_layout

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    cohort = CohortFactory()
    session = CohortSessionFactory(cohort=cohort)
    participants = ParticipantFactory.create_batch(3, cohort=cohort)
    return cohort, session, participants


def page_url(session) -> str:
    return reverse(
        "learning:cohorts:attendance", kwargs={"cohort_id": session.cohort_id, "session_id": session.pk}
    )


def mark_url(session, cohort=None) -> str:
    return reverse(
        "learning:cohorts:attendance_mark",
        kwargs={"cohort_id": (cohort or session.cohort).pk, "session_id": session.pk},
    )


def tap(client, session, participant, present=True, cohort=None):
    return client.post(
        mark_url(session, cohort),
        {"participant": participant.pk, "present": "1" if present else "0"},
        headers={"accept": "application/json"},
    )


def test_a_facilitator_marks_one_participant_per_tap(client, setup):
    cohort, session, (a, b, _c) = setup
    client.force_login(facilitator_of(cohort))
    response = tap(client, session, a)
    assert response.status_code == 200
    assert response.json() == {"saved": True, "participant": a.pk, "present": True}
    assert Attendance.objects.get(session=session, participant=a).present
    assert not Attendance.objects.filter(participant=b).exists()


def test_a_repeated_tap_is_idempotent_and_absent_is_explicit(client, setup):
    cohort, session, (a, *_rest) = setup
    client.force_login(facilitator_of(cohort))
    for _ in range(3):
        tap(client, session, a)
    assert Attendance.objects.filter(session=session, participant=a).count() == 1
    tap(client, session, a, present=False)
    tap(client, session, a, present=False)
    assert not Attendance.objects.get(session=session, participant=a).present


def test_without_javascript_the_whole_sheet_is_saved(client, setup):
    cohort, session, (a, b, c) = setup
    client.force_login(facilitator_of(cohort))
    response = client.post(page_url(session), {"present": [a.pk, c.pk]})
    assert response.status_code == 302
    marks = dict(Attendance.objects.filter(session=session).values_list("participant_id", "present"))
    assert marks == {a.pk: True, b.pk: False, c.pk: True}
    client.post(page_url(session), {"present": [a.pk, c.pk]})  # a resubmitted form changes nothing
    assert Attendance.objects.filter(session=session).count() == 3


def test_a_tap_without_javascript_redirects_back_to_the_sheet(client, setup):
    cohort, session, (a, *_rest) = setup
    client.force_login(facilitator_of(cohort))
    response = client.post(mark_url(session), {"participant": a.pk, "present": "1"})
    assert response.status_code == 302
    assert response.url == page_url(session)


@pytest.mark.parametrize("who", ["other_trainer", "course_trainer", "coordinator", "participant_trainee"])
def test_someone_who_is_not_a_facilitator_gets_403(client, setup, who):
    cohort, session, (a, *_rest) = setup
    if who == "other_trainer":
        user = TrainerFactory()
    elif who == "course_trainer":
        user = TrainerFactory()
        cohort.course.trainers.add(user)
    elif who == "coordinator":
        user = CoordinatorFactory()
    else:
        user = TraineeFactory()
        services.join_cohort(user=user, code=cohort.join_code)
    client.force_login(user)
    visible = who in ("coordinator", "participant_trainee")
    expected = 403 if visible else 404  # not visible: no hint that it exists
    assert client.get(page_url(session)).status_code == expected
    assert tap(client, session, a).status_code == expected
    assert client.post(page_url(session), {"present": [a.pk]}).status_code == expected
    assert not Attendance.objects.exists()


def test_a_national_coordinator_of_another_country_does_not_see_the_group(client, setup):
    cohort, session, _ = setup
    coordinator = CoordinatorFactory(role=Role.NATIONAL_COORDINATOR, coordinator_country="TH")
    client.force_login(coordinator)
    assert client.get(cohort.get_absolute_url()).status_code == 404
    coordinator.coordinator_country = "KH"
    coordinator.save()
    assert client.get(cohort.get_absolute_url()).status_code == 200
    assert client.get(page_url(session)).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, setup):
    _cohort, session, _ = setup
    assert client.get(page_url(session)).status_code == 302


def test_a_session_of_another_cohort_is_403_even_for_a_facilitator(client, setup):
    cohort, _session, (a, *_rest) = setup
    other_session = CohortSessionFactory()  # another cohort, another facilitator
    client.force_login(facilitator_of(cohort))
    wrong_page = reverse(
        "learning:cohorts:attendance", kwargs={"cohort_id": cohort.pk, "session_id": other_session.pk}
    )
    assert client.get(wrong_page).status_code == 403
    assert tap(client, other_session, a, cohort=cohort).status_code == 403
    assert not Attendance.objects.exists()


def test_a_participant_of_another_cohort_is_403(client, setup):
    cohort, session, _ = setup
    stranger = ParticipantFactory()
    client.force_login(facilitator_of(cohort))
    assert tap(client, session, stranger).status_code == 403
    assert client.post(page_url(session), {"present": [stranger.pk]}).status_code == 403
    assert not Attendance.objects.exists()


def test_a_facilitator_of_two_groups_cannot_cross_them(client, setup):
    cohort, session, _ = setup
    facilitator = facilitator_of(cohort)
    other = CohortFactory(facilitators=[facilitator])
    other_participant = ParticipantFactory(cohort=other)
    client.force_login(facilitator)
    assert tap(client, session, other_participant).status_code == 403


def test_a_cancelled_session_takes_no_attendance(client, setup):
    cohort, session, (a, *_rest) = setup
    session.is_cancelled = True
    session.save()
    client.force_login(facilitator_of(cohort))
    assert tap(client, session, a).status_code == 409
    assert not Attendance.objects.exists()


def test_bad_input_is_a_400(client, setup):
    cohort, session, _ = setup
    client.force_login(facilitator_of(cohort))
    response = client.post(mark_url(session), {"participant": "x", "present": "maybe"})
    assert response.status_code == 400


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_attendance_page_query_count_does_not_grow_with_participants(client, setup):
    cohort, session, _ = setup
    client.force_login(facilitator_of(cohort))
    warm_layout(client)
    few = queries_for(client, page_url(session))
    ParticipantFactory.create_batch(30, cohort=cohort)
    assert queries_for(client, page_url(session)) == few


def test_the_page_shows_who_is_marked(client, setup):
    cohort, session, (a, b, _c) = setup
    client.force_login(facilitator_of(cohort))
    tap(client, session, a)
    body = client.get(page_url(session)).content.decode()
    assert f'value="{a.pk}" checked' in body
    assert f'value="{b.pk}" checked' not in body
    assert "style=" not in body
    assert "<script>" not in body
