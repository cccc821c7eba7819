import threading
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from certificates import services, tasks
from certificates.models import Certificate, CertificateEvent, EventKind, TemplateLogo
from learning import services as learning_services
from learning.models import EnrolmentStatus
from tests.certificates.conftest import wait_for
from tests.certificates.factories import CertificateTemplateFactory, CompletedEnrolmentFactory
from tests.factories import (
    CoordinatorFactory,
    CourseFactory,
    EnrolmentFactory,
    LessonFactory,
    ModuleFactory,
)


def test_issue_creates_one_certificate_with_a_snapshot_and_a_pdf(completed_enrolment):
    certificate = services.issue_certificate(enrolment_id=completed_enrolment.pk)
    profile = completed_enrolment.trainee.profile
    assert certificate.holder_name == profile.full_name
    assert certificate.holder_latin_name == profile.latin_name
    assert certificate.course_title == completed_enrolment.course.title
    assert certificate.hours == completed_enrolment.course.estimated_hours
    assert certificate.completed_on == timezone.localdate(completed_enrolment.completed_at)
    assert certificate.issuer_name == certificate.template.issuer_name
    assert certificate.has_current_pdf
    assert certificate.pdf.read(5) == b"%PDF-"
    assert len(certificate.pdf_sha256) == 64
    assert list(certificate.events.values_list("kind", flat=True)) == [EventKind.ISSUED]


def test_code_is_long_random_and_not_in_the_file_name(completed_enrolment):
    certificate = services.issue_certificate(enrolment_id=completed_enrolment.pk)
    other = services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk)
    assert len(certificate.code) >= 22
    assert certificate.code != other.code
    assert certificate.code not in certificate.pdf.name
    assert certificate.reference == f"MCT-{certificate.code[:4]}-{certificate.code[4:8]}".upper()


def test_issuing_again_returns_the_same_certificate(completed_enrolment):
    first = services.issue_certificate(enrolment_id=completed_enrolment.pk)
    second = services.issue_certificate(enrolment_id=completed_enrolment.pk)
    assert first.pk == second.pk
    assert second.pdf.name == first.pdf.name
    assert Certificate.objects.count() == 1
    assert CertificateEvent.objects.count() == 1


def test_no_certificate_for_an_enrolment_that_is_not_completed(db):
    enrolment = EnrolmentFactory()
    assert services.issue_certificate(enrolment_id=enrolment.pk) is None
    assert services.issue_certificate(enrolment_id=999_999) is None
    assert not Certificate.objects.exists()


def test_database_allows_one_certificate_per_enrolment(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrolment=certificate.enrolment,
            template=certificate.template,
            holder_name="x",
            course_title="x",
            course_language="en",
            hours=1,
            issuer_name="x",
            completed_on=certificate.completed_on,
        )


def test_database_refuses_a_short_code_and_a_revocation_without_reason(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(code="short")
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(revoked_at=timezone.now())


def test_later_profile_and_course_edits_do_not_change_an_issued_certificate(certificate):
    enrolment = certificate.enrolment
    enrolment.trainee.profile.full_name = "Trần Quốc Việt"
    enrolment.trainee.profile.save()
    enrolment.course.title = "Renamed course"
    enrolment.course.estimated_hours = 99
    enrolment.course.save()
    services.issue_certificate(enrolment_id=enrolment.pk)
    certificate.refresh_from_db()
    assert certificate.holder_name == "Nguyễn Thị Hương"
    assert certificate.course_title.startswith("Community climate adaptation")
    assert certificate.hours == 4


def test_reissue_takes_a_fresh_snapshot_keeps_the_code_and_replaces_the_pdf(certificate):
    coordinator = CoordinatorFactory()
    old_pdf = certificate.pdf.name
    storage = certificate.pdf.storage
    profile = certificate.enrolment.trainee.profile
    profile.full_name = "Nguyễn Thị Hường"
    profile.save()
    reissued = services.reissue_certificate(
        certificate=certificate, acting_user=coordinator, reason="Name typo"
    )
    assert reissued.pk == certificate.pk
    assert reissued.code == certificate.code
    assert reissued.holder_name == "Nguyễn Thị Hường"
    assert reissued.version == 2
    assert reissued.has_current_pdf
    assert reissued.pdf.name != old_pdf
    event = reissued.events.get(kind=EventKind.REISSUED)
    assert (event.actor, event.reason) == (coordinator, "Name typo")
    assert storage.exists(reissued.pdf.name)


def test_revoke_needs_a_reason_and_is_audited(certificate):
    coordinator = CoordinatorFactory()
    with pytest.raises(services.CertificateError):
        services.revoke_certificate(certificate=certificate, reason="  ", acting_user=coordinator)
    revoked = services.revoke_certificate(
        certificate=certificate, reason="Fraudulent", acting_user=coordinator
    )
    assert revoked.is_revoked
    assert revoked.revoked_by == coordinator
    with pytest.raises(services.CertificateError):
        services.revoke_certificate(certificate=revoked, reason="again", acting_user=coordinator)
    event = revoked.events.get(kind=EventKind.REVOKED)
    assert (event.actor, event.reason) == (coordinator, "Fraudulent")


def test_reissue_makes_a_revoked_certificate_valid_again(certificate):
    coordinator = CoordinatorFactory()
    services.revoke_certificate(certificate=certificate, reason="Mistake", acting_user=coordinator)
    reissued = services.reissue_certificate(certificate=certificate, acting_user=coordinator)
    assert not reissued.is_revoked
    assert reissued.revoked_reason == ""


def test_the_programmes_template_is_used(db):
    enrolment = CompletedEnrolmentFactory()
    template = CertificateTemplateFactory(
        programme=enrolment.course.programme, issuer_name="UNICEF-like partner"
    )
    certificate = services.issue_certificate(enrolment_id=enrolment.pk)
    assert certificate.template == template
    assert certificate.issuer_name == "UNICEF-like partner"


def test_a_missing_logo_file_issues_the_certificate_with_a_warning(db):
    enrolment = CompletedEnrolmentFactory()
    template = CertificateTemplateFactory(programme=enrolment.course.programme)
    logo = TemplateLogo(template=template, position=1)
    logo.image.save("logo.png", ContentFile(b"\x89PNG not really"), save=True)
    logo.image.storage.delete(logo.image.name)
    certificate = services.issue_certificate(enrolment_id=enrolment.pk)
    assert certificate.has_current_pdf
    assert "logo" in certificate.render_warnings


def test_a_name_with_no_glyph_issues_with_a_warning_for_the_coordinator(db):
    enrolment = CompletedEnrolmentFactory(trainee__profile__full_name="Sok \U0001f331")
    certificate = services.issue_certificate(enrolment_id=enrolment.pk)
    assert certificate.has_current_pdf
    assert "U+1F331" in certificate.render_warnings


def test_a_trainee_without_profile_gets_a_certificate_in_their_display_name(db):
    enrolment = CompletedEnrolmentFactory(trainee__profile=None)
    certificate = services.issue_certificate(enrolment_id=enrolment.pk)
    assert certificate.holder_name == enrolment.trainee.email.split("@")[0]


def test_holder_is_told_once_through_reminders(certificate, mailoutbox):
    from reminders.models import Delivery, Kind

    assert services.notify_certificate_issued(certificate_id=certificate.pk) is True
    assert services.notify_certificate_issued(certificate_id=certificate.pk) is False
    trainee = certificate.enrolment.trainee
    assert Delivery.objects.filter(recipient=trainee, kind=Kind.CERTIFICATE_READY).count() == 1
    assert mailoutbox == []  # reminders sends it, in the holder's daytime, honouring their preferences


def test_without_a_receiver_the_holder_is_emailed_once_in_their_language(certificate, mailoutbox):
    from certificates.signals import certificate_issued

    profile = certificate.enrolment.trainee.profile
    profile.preferred_language = "vi"
    profile.save()
    receivers = certificate_issued.receivers[:]
    certificate_issued.receivers.clear()
    certificate_issued.sender_receivers_cache.clear()
    try:
        assert services.notify_certificate_issued(certificate_id=certificate.pk) is True
        assert services.notify_certificate_issued(certificate_id=certificate.pk) is False
    finally:
        certificate_issued.receivers[:] = receivers
        certificate_issued.sender_receivers_cache.clear()
    assert len(mailoutbox) == 1
    assert certificate.verify_url in mailoutbox[0].body
    assert mailoutbox[0].to == [certificate.enrolment.trainee.email]


def test_completion_survives_a_broker_outage_and_the_sweep_issues_later(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    course = CourseFactory()
    lesson = LessonFactory(module=ModuleFactory(course=course))
    enrolment = EnrolmentFactory(course=course)

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.issue_certificate, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        assert learning_services.complete_lesson(enrolment=enrolment, lesson=lesson) is True
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert not Certificate.objects.exists()

    monkeypatch.undo()
    assert services.enrolments_missing_certificates(older_than=tasks.SWEEP_GRACE, limit=10) == []
    enrolment_ids = services.enrolments_missing_certificates(older_than=timedelta(0), limit=10)
    assert enrolment_ids == [enrolment.pk]
    for enrolment_id in enrolment_ids:
        services.issue_certificate(enrolment_id=enrolment_id)
    assert Certificate.objects.get().enrolment == enrolment


def test_a_notification_lost_between_commit_and_publish_is_queued_again_by_the_redelivery(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    """A worker killed right after the commit never published the notification; the issue message was not
    acknowledged, so it is delivered again, and that second run queues the notification."""
    from reminders.models import Delivery, Kind

    enrolment = CompletedEnrolmentFactory()
    monkeypatch.setattr(services, "_queue_notification", lambda certificate_id: None)  # the lost publish
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(enrolment_id=enrolment.pk)
    assert certificate.notified_at is None
    # The broker hop, run in this process: the service the notification task wraps.
    monkeypatch.setattr(
        services,
        "_queue_notification",
        lambda certificate_id: services.notify_certificate_issued(certificate_id=certificate_id),
    )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.issue_certificate(enrolment_id=enrolment.pk).pk == certificate.pk
    # One notification queued by the redelivery. (reminders adds its own send callback in the daytime of
    # the recipient and none at night, so only this app's callbacks are counted.)
    assert len([c for c in callbacks if c.__qualname__.startswith("issue_certificate.")]) == 1
    certificate.refresh_from_db()
    assert certificate.notified_at is not None
    assert Delivery.objects.filter(recipient=enrolment.trainee, kind=Kind.CERTIFICATE_READY).count() == 1

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.issue_certificate(enrolment_id=enrolment.pk)
    assert callbacks == []  # once notified, a further delivery queues nothing
    assert Delivery.objects.filter(recipient=enrolment.trainee, kind=Kind.CERTIFICATE_READY).count() == 1


def test_the_sweep_finds_old_certificates_never_notified_but_not_revoked_ones(db, django_user_model):
    old = services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk)
    revoked = services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk)
    recent = services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Certificate.objects.filter(pk__in=[old.pk, revoked.pk]).update(issued_at=an_hour_ago)
    Certificate.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now(), revoked_reason="Duplicate")
    assert Certificate.objects.filter(notified_at__isnull=True).count() == 3
    found = services.certificates_missing_notification(older_than=tasks.SWEEP_GRACE, limit=10)
    assert found == [old.pk]
    assert services.notify_certificate_issued(certificate_id=old.pk) is True
    assert services.certificates_missing_notification(older_than=tasks.SWEEP_GRACE, limit=10) == []
    assert recent.pk not in found


# --- through a real Celery worker -------------------------------------------------------------------


def settle() -> None:
    """Wait for the follow-up tasks (PDF, email) so nothing runs while the test database is flushed."""
    wait_for(
        lambda: (
            not Certificate.objects.filter(notified_at__isnull=True).exists()
            and not Certificate.objects.needing_pdf().exists()
        )
    )


@pytest.mark.worker
def test_completing_a_course_issues_the_certificate_through_the_worker(celery_worker):
    course = CourseFactory()
    lesson = LessonFactory(module=ModuleFactory(course=course))
    enrolment = EnrolmentFactory(course=course)
    learning_services.complete_lesson(enrolment=enrolment, lesson=lesson)  # commits: on_commit enqueues
    certificate = wait_for(lambda: Certificate.objects.filter(enrolment=enrolment, pdf_version=1).first())
    assert certificate.has_current_pdf
    settle()


@pytest.mark.worker
def test_duplicate_task_deliveries_give_exactly_one_certificate(celery_worker):
    *enrolments, marker = CompletedEnrolmentFactory.create_batch(6)
    for _ in range(3):
        for enrolment in enrolments:
            tasks.issue_certificate.delay(enrolment.pk)
    # The queue is processed in order: a marker task sent last has run once it shows its effect.
    tasks.issue_certificate.delay(marker.pk)
    wait_for(lambda: Certificate.objects.filter(enrolment=marker).exists())
    assert Certificate.objects.count() == 6
    assert CertificateEvent.objects.filter(kind=EventKind.ISSUED).count() == 6
    settle()


@pytest.mark.worker
def test_the_sweep_issues_for_old_completions_without_certificate(celery_worker):
    old = CompletedEnrolmentFactory(completed_at=timezone.now() - timedelta(hours=1))
    recent = CompletedEnrolmentFactory()
    result = tasks.sweep_missing_certificates.apply().get()
    assert result == {"certificates": 1, "pdfs": 0, "notifications": 0, "reissues": 0}
    wait_for(lambda: Certificate.objects.filter(enrolment=old).exists())
    settle()
    assert not Certificate.objects.filter(enrolment=recent).exists()


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_give_exactly_one_certificate():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serialises writers anyway")
    enrolment = CompletedEnrolmentFactory()
    barrier = threading.Barrier(4)
    results, errors = [], []

    def issue():
        try:
            barrier.wait()
            results.append(services.issue_certificate(enrolment_id=enrolment.pk).pk)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1
    assert Certificate.objects.count() == 1
    assert CertificateEvent.objects.count() == 1
