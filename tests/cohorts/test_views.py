"""Cohort pages: creating a group, scheduling sessions, adding participants, who sees what."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.cohorts import services
from learning.models import Cohort, CohortSession, Participant
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, ParticipantFactory, facilitator_of
from tests.factories import (
    CoordinatorFactory,
    CourseFactory,
    ModuleFactory,
    TraineeFactory,
    TrainerFactory,
    warm_layout,
)

pytestmark = pytest.mark.django_db


def cohort_data(course, **extra) -> dict:
    today = timezone.localdate()
    ends = (today + timedelta(days=30)).isoformat()
    return {
        "course": course.pk, "name": "Bati village group", "country": "KH", "province": "Takeo",
        "mode": "face_to_face", "starts_on": today.isoformat(), "ends_on": ends,
        "min_attendance_percent": "80", **extra,
    }  # fmt: skip


def test_a_trainer_creates_a_group_on_a_course_they_teach_and_becomes_its_facilitator(client):
    trainer = TrainerFactory()
    colleague = TrainerFactory(email="colleague@example.org")
    course = CourseFactory(trainers=[trainer])
    client.force_login(trainer)
    response = client.post(
        reverse("learning:cohorts:create"), cohort_data(course, co_facilitators=colleague.email)
    )
    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert response.url == cohort.get_absolute_url()
    assert set(cohort.facilitators.all()) == {trainer, colleague}
    assert len(cohort.join_code) == 8
    assert cohort.min_attendance_percent == 80


def test_a_trainer_cannot_start_a_group_on_someone_elses_course(client):
    trainer = TrainerFactory()
    client.force_login(trainer)
    response = client.post(reverse("learning:cohorts:create"), cohort_data(CourseFactory()))
    assert response.status_code == 200
    assert not Cohort.objects.exists()


def test_trainees_cannot_create_groups(client, trainee):
    client.force_login(trainee)
    assert client.get(reverse("learning:cohorts:create")).status_code == 403


def test_bad_dates_and_unknown_co_facilitators_are_refused(client):
    trainer = TrainerFactory()
    course = CourseFactory(trainers=[trainer])
    client.force_login(trainer)
    today = timezone.localdate()
    data = cohort_data(
        course, ends_on=(today - timedelta(days=1)).isoformat(), co_facilitators="nobody@example.org"
    )
    body = client.post(reverse("learning:cohorts:create"), data).content.decode()
    assert "The group cannot end before it starts." in body
    assert "No trainer account has this email: nobody@example.org" in body
    assert not Cohort.objects.exists()


def test_a_facilitator_schedules_and_edits_a_session(client):
    cohort = CohortFactory()
    module = ModuleFactory(course=cohort.course)
    client.force_login(facilitator_of(cohort))
    url = reverse("learning:cohorts:session_create", kwargs={"cohort_id": cohort.pk})
    data = {"title": "Flood maps", "starts_at": "2026-05-02T09:00", "ends_at": "2026-05-02T11:00",
            "place": "Pagoda hall", "module": module.pk}  # fmt: skip
    assert client.post(url, data).status_code == 302
    session = CohortSession.objects.get()
    assert session.module == module
    edit = reverse("learning:cohorts:session_edit", kwargs={"cohort_id": cohort.pk, "session_id": session.pk})
    assert client.post(edit, {**data, "place": "School"}).status_code == 302
    session.refresh_from_db()
    assert (session.place, session.sequence) == ("School", 1)


def test_a_session_needs_a_place_or_link_and_a_module_of_this_course(client):
    cohort = CohortFactory()
    client.force_login(facilitator_of(cohort))
    url = reverse("learning:cohorts:session_create", kwargs={"cohort_id": cohort.pk})
    data = {"title": "x", "starts_at": "2026-05-02T09:00", "ends_at": "2026-05-02T08:00",
            "module": ModuleFactory().pk}  # fmt: skip
    body = client.post(url, data).content.decode()
    assert "The session must end after it starts." in body
    assert "Give a place or an online meeting link." in body
    assert not CohortSession.objects.exists()


def test_editing_a_session_of_another_cohort_is_403(client):
    cohort = CohortFactory()
    other = CohortSessionFactory()
    client.force_login(facilitator_of(cohort))
    url = reverse("learning:cohorts:session_edit", kwargs={"cohort_id": cohort.pk, "session_id": other.pk})
    assert client.get(url).status_code == 403


def test_a_facilitator_adds_a_minor_only_with_guardian_consent(client):
    cohort = CohortFactory()
    client.force_login(facilitator_of(cohort))
    url = reverse("learning:cohorts:participant_add", kwargs={"cohort_id": cohort.pk})
    data = {"display_name": "ស.ម.", "country": "KH", "sex": "female", "age_band": "under_18"}
    assert client.post(url, data).status_code == 200
    assert not Participant.objects.exists()
    assert client.post(url, {**data, "guardian_consent": "on"}).status_code == 302
    assert client.post(url, {**data, "guardian_consent": "on"}).status_code == 200  # the same person twice
    participant = Participant.objects.get()
    assert participant.guardian_consent_at is not None
    assert participant.email == ""


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("edit", {}), ("regenerate_code", {}), ("participant_add", {}), ("participant_import", {}),
        ("import_template", {}), ("session_create", {}), ("certificates", {}),
    ],
)  # fmt: skip
def test_facilitator_pages_refuse_participants_and_hide_from_strangers(client, name, kwargs):
    cohort = CohortFactory()
    url = reverse(f"learning:cohorts:{name}", kwargs={"cohort_id": cohort.pk, **kwargs})
    method = client.post if name == "regenerate_code" else client.get
    member = TraineeFactory()
    services.join_cohort(user=member, code=cohort.join_code)
    client.force_login(member)
    assert method(url).status_code == 403
    client.force_login(TrainerFactory())
    assert method(url).status_code == 404
    client.force_login(facilitator_of(cohort))
    assert method(url).status_code in (200, 302)


def test_participants_see_the_schedule_but_not_the_other_participants(client):
    cohort = CohortFactory()
    CohortSessionFactory(cohort=cohort, title="Mapping the river")
    ParticipantFactory(cohort=cohort, display_name="Someone Else")
    member = TraineeFactory()
    services.join_cohort(user=member, code=cohort.join_code)
    client.force_login(member)
    body = client.get(cohort.get_absolute_url()).content.decode()
    assert "Mapping the river" in body
    assert "Someone Else" not in body
    assert cohort.join_code not in body
    assert "You attended 0 of 1 sessions." in body


def test_coordinators_see_counts_not_names(client):
    cohort = CohortFactory()
    ParticipantFactory(cohort=cohort, display_name="A Minor Child")
    client.force_login(CoordinatorFactory())
    body = client.get(cohort.get_absolute_url()).content.decode()
    assert "1 participant" in body
    assert "A Minor Child" not in body


def test_strangers_do_not_see_a_group(client):
    cohort = CohortFactory()
    client.force_login(TraineeFactory())
    assert client.get(cohort.get_absolute_url()).status_code == 404


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_detail_and_list_query_counts_do_not_grow(client):
    cohort = CohortFactory()
    facilitator = facilitator_of(cohort)
    client.force_login(facilitator)
    warm_layout(client)
    detail, listing = cohort.get_absolute_url(), reverse("learning:cohorts:list")
    few = (queries_for(client, detail), queries_for(client, listing))
    ParticipantFactory.create_batch(20, cohort=cohort)
    CohortSessionFactory.create_batch(8, cohort=cohort)
    for _ in range(4):
        CohortFactory(facilitators=[facilitator])
    assert (queries_for(client, detail), queries_for(client, listing)) == few


def test_the_list_shows_my_groups_only(client):
    mine = CohortFactory(name="Mine")
    CohortFactory(name="Not mine")
    client.force_login(facilitator_of(mine))
    body = client.get(reverse("learning:cohorts:list")).content.decode()
    assert "Mine" in body
    assert "Not mine" not in body


def test_the_example_file_imports_cleanly(client):
    cohort = CohortFactory()
    client.force_login(facilitator_of(cohort))
    response = client.get(reverse("learning:cohorts:import_template", kwargs={"cohort_id": cohort.pk}))
    assert services.preview_import(cohort=cohort, data=response.content).is_valid
