"""Joining a cohort with a code or a link."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.cohorts import services
from learning.models import Enrolment, EnrolmentStatus, Participant, ParticipantSource
from tests.cohorts.factories import CohortFactory
from tests.factories import TraineeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_trainee_joins_with_the_code_as_written_on_the_board(trainee):
    cohort = CohortFactory()
    written = f" {cohort.join_code[:4].lower()}-{cohort.join_code[4:]} "
    participant, created = services.join_cohort(user=trainee, code=written)
    assert created
    assert participant.cohort == cohort
    assert participant.enrolment == Enrolment.objects.get(trainee=trainee, course=cohort.course)
    assert participant.source == ParticipantSource.JOIN_CODE
    assert (participant.country, participant.sex, participant.age_band) == ("VN", "female", "25_34")


def test_joining_twice_changes_nothing(trainee):
    cohort = CohortFactory()
    first, _ = services.join_cohort(user=trainee, code=cohort.join_code)
    again, created = services.join_cohort(user=trainee, code=cohort.join_code)
    assert again == first
    assert not created
    assert Participant.objects.count() == 1


def test_an_expired_code_is_refused(trainee):
    cohort = CohortFactory(join_code_expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.CohortError, match="expired"):
        services.join_cohort(user=trainee, code=cohort.join_code)
    assert not Participant.objects.exists()
    assert not Enrolment.objects.exists()


def test_a_code_is_valid_until_its_expiry(trainee):
    cohort = CohortFactory(join_code_expires_at=timezone.now() + timedelta(hours=1))
    services.join_cohort(user=trainee, code=cohort.join_code)


def test_an_unknown_code_is_refused(trainee):
    CohortFactory()
    for code in ("", "ZZZZ-ZZZZ", "'; drop table"):
        with pytest.raises(services.CohortError, match="does not match any group"):
            services.join_cohort(user=trainee, code=code)


def test_a_trainee_in_another_group_of_the_same_course_is_told_which(trainee):
    mine = CohortFactory(name="Takeo morning group")
    wrong = CohortFactory(course=mine.course)
    services.join_cohort(user=trainee, code=mine.join_code)
    with pytest.raises(services.CohortError, match="already in another group for this course: Takeo morning"):
        services.join_cohort(user=trainee, code=wrong.join_code)
    assert not Participant.objects.filter(cohort=wrong).exists()


def test_a_replaced_code_no_longer_works(trainee):
    cohort = CohortFactory()
    old = cohort.join_code
    services.regenerate_join_code(cohort=cohort)
    assert cohort.join_code != old
    with pytest.raises(services.CohortError):
        services.join_cohort(user=trainee, code=old)
    services.join_cohort(user=trainee, code=cohort.join_code)


def test_a_finished_group_cannot_be_joined(trainee):
    today = timezone.localdate()
    cohort = CohortFactory(starts_on=today - timedelta(days=30), ends_on=today - timedelta(days=1))
    with pytest.raises(services.CohortError, match="finished"):
        services.join_cohort(user=trainee, code=cohort.join_code)


def test_a_withdrawn_enrolment_is_reactivated(trainee):
    cohort = CohortFactory()
    Enrolment.objects.create(trainee=trainee, course=cohort.course, status=EnrolmentStatus.WITHDRAWN)
    participant, _ = services.join_cohort(user=trainee, code=cohort.join_code)
    assert participant.enrolment.status == EnrolmentStatus.ACTIVE


def test_an_imported_row_with_the_trainees_email_becomes_their_record_when_they_join_later():
    cohort = CohortFactory()
    data = b"name,email,country,sex,age_band\nHuong,huong.new@example.org,VN,female,25-34\n"
    services.import_participants(cohort=cohort, data=data)
    assert Participant.objects.get(cohort=cohort).enrolment is None  # no account yet
    trainee = TraineeFactory(email="huong.new@example.org")

    participant, created = services.join_cohort(user=trainee, code=cohort.join_code)

    assert not created
    assert Participant.objects.filter(cohort=cohort).count() == 1
    assert participant.enrolment.trainee == trainee


def test_the_join_link_shows_the_group_and_joins_on_post(trainee_client, trainee):
    cohort = CohortFactory(name="Bati youth group")
    url = reverse("learning:cohorts:join_code", kwargs={"code": cohort.join_code})
    page = trainee_client.get(url)
    assert page.status_code == 200
    assert "Bati youth group" in page.content.decode()
    response = trainee_client.post(reverse("learning:cohorts:join"), {"code": cohort.join_code})
    assert response.status_code == 302
    assert response.url == cohort.get_absolute_url()
    assert trainee_client.get(response.url).status_code == 200  # a participant sees the group


def test_an_expired_code_shows_the_message_on_the_form(trainee_client):
    cohort = CohortFactory(join_code_expires_at=timezone.now() - timedelta(days=1))
    response = trainee_client.post(reverse("learning:cohorts:join"), {"code": cohort.join_code})
    assert response.status_code == 200
    assert "This code has expired" in response.content.decode()


def test_a_trainee_without_a_profile_is_sent_to_complete_it(client):
    user = UserFactory()
    client.force_login(user)
    cohort = CohortFactory()
    response = client.post(reverse("learning:cohorts:join"), {"code": cohort.join_code})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:profile"))
    assert not Participant.objects.exists()


def test_joining_needs_an_account(client):
    cohort = CohortFactory()
    url = reverse("learning:cohorts:join_code", kwargs={"code": cohort.join_code})
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response.url
