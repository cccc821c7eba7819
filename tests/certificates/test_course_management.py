"""The course's trainers manage its certificates; bulk re-issue as a batch of tasks; manual issue for a
face-to-face course. Through the HTTP client and a real worker."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Country, Role
from certificates import services
from certificates.models import (
    Certificate,
    CertificateEvent,
    EventKind,
    ItemStatus,
    ManualCompletion,
    ReissueBatch,
    ReissueItem,
)
from learning.models import Enrolment, EnrolmentStatus
from tests.certificates.conftest import wait_for
from tests.certificates.factories import CompletedEnrolmentFactory
from tests.factories import CoordinatorFactory, CourseFactory, TraineeFactory, TrainerFactory


def course_url(course) -> str:
    return reverse("certificates:manage_course", kwargs={"course_id": course.pk})


def issued_for(course, n: int, **trainee) -> list[Certificate]:
    return [
        services.issue_certificate(
            enrolment_id=CompletedEnrolmentFactory(
                course=course, **({"trainee__profile__country": trainee["country"]} if trainee else {})
            ).pk
        )
        for _ in range(n)
    ]


@pytest.fixture
def course(db):
    trainer = TrainerFactory()
    course = CourseFactory()
    course.trainers.add(trainer)
    return course


def trainer_of(course):
    return course.trainers.get()


# --- permissions -------------------------------------------------------------------------------------


def test_the_courses_trainer_manages_its_certificates(client, course):
    certificate = issued_for(course, 1)[0]
    client.force_login(trainer_of(course))
    listing = client.get(reverse("certificates:manage_list")).content.decode()
    assert certificate.reference in listing
    assert course_url(course) in listing
    assert client.get(course_url(course)).status_code == 200
    detail = reverse("certificates:manage_detail", kwargs={"code": certificate.code})
    assert client.get(detail).status_code == 200
    response = client.post(
        reverse("certificates:revoke", kwargs={"code": certificate.code}), {"reason": "Copied"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked


def test_a_trainer_of_another_course_gets_404(client, course):
    certificate = issued_for(course, 1)[0]
    other = CourseFactory()
    stranger = TrainerFactory()
    other.trainers.add(stranger)
    client.force_login(stranger)
    assert client.get(course_url(course)).status_code == 404
    assert (
        client.get(reverse("certificates:manage_detail", kwargs={"code": certificate.code})).status_code
        == 404
    )
    assert (
        client.post(
            reverse("certificates:revoke", kwargs={"code": certificate.code}), {"reason": "x"}
        ).status_code
        == 404
    )
    assert (
        client.post(reverse("certificates:reissue_course", kwargs={"course_id": course.pk})).status_code
        == 404
    )
    assert (
        client.post(
            reverse("certificates:issue_manually", kwargs={"course_id": course.pk}),
            {"email": "a@b.org", "reason": "x"},
        ).status_code
        == 404
    )
    assert certificate.reference not in client.get(reverse("certificates:manage_list")).content.decode()


def test_trainees_and_trainers_without_courses_cannot_open_the_management_list(client, course):
    client.force_login(TraineeFactory())
    assert client.get(reverse("certificates:manage_list")).status_code == 403
    assert client.get(course_url(course)).status_code == 404
    client.force_login(TrainerFactory())
    assert client.get(reverse("certificates:manage_list")).status_code == 403


def test_a_national_coordinator_re_issues_only_their_countrys_certificates(client, course):
    issued_for(course, 2, country=Country.VIETNAM)
    issued_for(course, 1, country=Country.CAMBODIA)
    national = CoordinatorFactory(role=Role.NATIONAL_COORDINATOR, coordinator_country=Country.CAMBODIA)
    client.force_login(national)
    page = client.get(course_url(course)).content.decode()
    assert page.count("MCT-") == 1
    batch = services.start_course_reissue(course=course, acting_user=national)
    assert batch.total == 1


def test_a_national_coordinator_cannot_mark_a_trainee_of_another_country(client, course):
    national = CoordinatorFactory(role=Role.NATIONAL_COORDINATOR, coordinator_country=Country.CAMBODIA)
    trainee = TraineeFactory()  # Vietnam
    client.force_login(national)
    response = client.post(
        reverse("certificates:issue_manually", kwargs={"course_id": course.pk}),
        {"email": trainee.email, "reason": "Workshop in Hue"},
    )
    assert response.status_code == 400
    assert not Enrolment.objects.filter(trainee=trainee, course=course).exists()


# --- bulk re-issue ----------------------------------------------------------------------------------


def test_one_running_batch_per_course(course):
    issued_for(course, 1)
    services.start_course_reissue(course=course, acting_user=trainer_of(course))
    with pytest.raises(services.CertificateError):
        services.start_course_reissue(course=course, acting_user=trainer_of(course))
    with pytest.raises(IntegrityError), transaction.atomic():
        ReissueBatch.objects.create(course=course, total=0)


def test_a_batch_item_runs_once_and_the_last_one_finishes_the_batch(
    course, django_capture_on_commit_callbacks
):
    certificates = issued_for(course, 2)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        batch = services.start_course_reissue(course=course, acting_user=trainer_of(course), reason="Logo")
    assert len(callbacks) == 1  # one callback enqueues the items after the commit
    first, second = batch.items.order_by("pk")
    assert services.reissue_batch_item(item_id=first.pk) == ItemStatus.DONE
    assert services.reissue_batch_item(item_id=first.pk) == ItemStatus.DONE  # a redelivery: no-op
    batch.refresh_from_db()
    assert batch.finished_at is None
    services.revoke_certificate(certificate=certificates[1], reason="Fraud", acting_user=CoordinatorFactory())
    assert services.reissue_batch_item(item_id=second.pk) == ItemStatus.FAILED
    batch.refresh_from_db()
    assert batch.finished_at is not None
    versions = dict(Certificate.objects.values_list("pk", "version"))
    assert versions[certificates[0].pk] == 2  # re-issued exactly once
    assert versions[certificates[1].pk] == 1  # revoked meanwhile: left alone, still revoked
    assert CertificateEvent.objects.filter(kind=EventKind.REISSUED, reason="Logo").count() == 1


def test_the_progress_page_renders_for_htmx_and_without_javascript(client, course):
    issued_for(course, 3)
    batch = services.start_course_reissue(course=course, acting_user=trainer_of(course))
    services.reissue_batch_item(item_id=batch.items.order_by("pk").first().pk)
    client.force_login(trainer_of(course))
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "1 / 3" in page
    assert 'hx-trigger="every 3s"' in page
    assert f'href="{batch.get_absolute_url()}"' in page  # reload without JavaScript
    partial = client.get(batch.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert "1 / 3" in partial
    assert "<html" not in partial
    client.force_login(TrainerFactory())
    assert client.get(batch.get_absolute_url()).status_code == 404


@pytest.mark.worker
def test_bulk_re_issue_through_the_worker(client, celery_worker):
    trainer = TrainerFactory()
    course = CourseFactory()
    course.trainers.add(trainer)
    certificates = issued_for(course, 4)
    revoked = issued_for(course, 1)[0]
    services.revoke_certificate(certificate=revoked, reason="Fraud", acting_user=CoordinatorFactory())
    client.force_login(trainer)
    response = client.post(
        reverse("certificates:reissue_course", kwargs={"course_id": course.pk}), {"reason": "New logo"}
    )
    batch = ReissueBatch.objects.get(course=course)
    assert response.status_code == 302
    assert response["Location"] == batch.get_absolute_url()
    assert batch.total == 4
    wait_for(lambda: ReissueBatch.objects.filter(pk=batch.pk, finished_at__isnull=False).exists())
    assert ReissueItem.objects.filter(batch=batch, status=ItemStatus.DONE).count() == 4
    for certificate in certificates:
        certificate.refresh_from_db()
        assert (certificate.version, certificate.pdf_version) == (2, 2)
    revoked.refresh_from_db()
    assert (revoked.version, revoked.is_revoked) == (1, True)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "4 / 4" in page
    assert "hx-trigger" not in page  # finished: no more polling


# --- manual issue for a face-to-face course ------------------------------------------------------------


def test_manual_issue_needs_a_reason_and_a_known_trainee(client, course):
    client.force_login(trainer_of(course))
    url = reverse("certificates:issue_manually", kwargs={"course_id": course.pk})
    assert client.post(url, {"email": TraineeFactory().email, "reason": ""}).status_code == 400
    response = client.post(url, {"email": "nobody@example.org", "reason": "Workshop"})
    assert response.status_code == 400
    assert "No trainee with this email address was found." in response.content.decode()


def test_manual_issue_twice_is_refused(course):
    trainee = TraineeFactory()
    services.complete_face_to_face(
        course=course, trainee_email=trainee.email, reason="Hue", acting_user=trainer_of(course)
    )
    with pytest.raises(services.CertificateError):
        services.complete_face_to_face(
            course=course, trainee_email=trainee.email, reason="Hue", acting_user=trainer_of(course)
        )
    assert ManualCompletion.objects.count() == 1


@pytest.mark.worker
def test_manual_issue_enrols_completes_and_issues_through_the_worker(client, celery_worker):
    trainer = TrainerFactory()
    course = CourseFactory()
    course.trainers.add(trainer)
    trainee = TraineeFactory()
    client.force_login(trainer)
    response = client.post(
        reverse("certificates:issue_manually", kwargs={"course_id": course.pk}),
        {"email": trainee.email.upper(), "reason": "Attended the workshop in Hue, 3-5 March"},
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(trainee=trainee, course=course)
    assert enrolment.status == EnrolmentStatus.COMPLETED
    certificate = wait_for(lambda: Certificate.objects.filter(enrolment=enrolment, pdf_version=1).first())
    event = certificate.events.get(kind=EventKind.ISSUED)
    assert (event.actor, event.reason) == (trainer, "Attended the workshop in Hue, 3-5 March")
    wait_for(lambda: Certificate.objects.filter(pk=certificate.pk, notified_at__isnull=False).exists())
