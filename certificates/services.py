"""Writes for certificates: issue (idempotent), render the PDF, revoke, re-issue, notify.

Issuing runs in two short steps. First the row: the enrolment is locked (select_for_update) and the
certificate fetched or created, so a retried task, a duplicate message or two workers at once end with one
row (the unique enrolment column is the final guard). Then the PDF: the certificate row is locked and the
PDF rendered only if the stored one is not for the current version. A rendering failure therefore never
loses the certificate; the periodic sweep renders what is missing.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from certificates import permissions, signals
from certificates.models import (
    MAX_LOGOS,
    MAX_SIGNATORIES,
    Certificate,
    CertificateEvent,
    CertificateTemplate,
    EventKind,
    ItemStatus,
    ManualCompletion,
    ReissueBatch,
    ReissueItem,
)
from certificates.rendering import CertificateDocument, Signatory, render_certificate
from courses.models import Course
from learning import services as learning_services
from learning.models import Enrolment, EnrolmentStatus

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATE_NAME = "Mekong Climate Training"
DEFAULT_ISSUER = "Mekong Climate Training Platform"


# Errors worth retrying (the database or broker was unreachable for a moment); the tasks retry on these.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


class CertificateError(Exception):
    """A business rule refused the action; the message is shown to the user as it is."""


def default_template() -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is not None:
        return template
    try:
        with transaction.atomic():
            template, _created = CertificateTemplate.objects.get_or_create(
                name=DEFAULT_TEMPLATE_NAME, defaults={"issuer_name": DEFAULT_ISSUER, "is_default": True}
            )
    except IntegrityError:  # another worker created the default at the same moment
        template = CertificateTemplate.objects.get(is_default=True)
    return template


def template_for(enrolment: Enrolment) -> CertificateTemplate:
    return template_for_course(enrolment.course)


def template_for_course(course: Course) -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(programme_id=course.programme_id).first()
    return template or default_template()


def _snapshot(enrolment: Enrolment, template: CertificateTemplate) -> dict:
    profile = getattr(enrolment.trainee, "profile", None)
    course = enrolment.course
    return {
        "template": template,
        "holder_name": profile.full_name if profile else enrolment.trainee.display_name,
        "holder_latin_name": profile.latin_name if profile else "",
        "course_title": course.title,
        "course_language": course.language,
        "hours": course.estimated_hours,
        "issuer_name": template.issuer_name,
        "signatories": [
            {"name": s.name, "title": s.title, "signature": s.signature.name or ""}
            for s in template.signatories.order_by("position")[:MAX_SIGNATORIES]
        ],
        "logos": [logo.image.name for logo in template.logos.order_by("position")[:MAX_LOGOS]],
        "completed_on": timezone.localdate(enrolment.completed_at),
    }


def _locked_enrolment(enrolment_id: int) -> Enrolment | None:
    # `of=("self",)`: PostgreSQL cannot lock the nullable side of the outer join to the profile.
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("trainee__profile", "course")
        .filter(pk=enrolment_id)
        .first()
    )


def issue_certificate(*, enrolment_id: int, render: bool = True) -> Certificate | None:
    """The certificate of a completed enrolment, created if missing; None if it is not completed.

    Safe to call any number of times, from any number of processes at once.
    """
    with transaction.atomic():
        enrolment = _locked_enrolment(enrolment_id)
        if enrolment is None or enrolment.status != EnrolmentStatus.COMPLETED:
            return None
        certificate = Certificate.objects.filter(enrolment=enrolment).first()
        if certificate is None:
            certificate, created = Certificate.objects.get_or_create(
                enrolment=enrolment, defaults=_snapshot(enrolment, template_for(enrolment))
            )
            if created:
                # A course marked completed by hand (face to face) records who did it, and why.
                manual = ManualCompletion.objects.filter(enrolment=enrolment).first()
                CertificateEvent.objects.create(
                    certificate=certificate,
                    kind=EventKind.ISSUED,
                    actor_id=manual.actor_id if manual else None,
                    reason=manual.reason if manual else "",
                )
                transaction.on_commit(lambda: _queue_notification(certificate.pk), robust=True)
        elif certificate.notified_at is None and not certificate.is_revoked:
            # A worker killed between the commit and publishing the notification leaves the issue message
            # unacknowledged; its redelivery lands here and queues the notification again. A notification
            # already on its way makes this one a no-op (the claim in notify_certificate_issued).
            transaction.on_commit(lambda: _queue_notification(certificate.pk), robust=True)
    if render:
        return render_pdf(certificate_id=certificate.pk)
    return certificate


def _queue_notification(certificate_id: int) -> None:
    from certificates import tasks  # tasks import this module

    tasks.notify_certificate_issued.delay(certificate_id)


def render_pdf(*, certificate_id: int, force: bool = False) -> Certificate:
    """Render and store the PDF for the certificate's current version (skipped if already done)."""
    old_name = ""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("template")
            .get(pk=certificate_id)
        )
        if certificate.has_current_pdf and not force:
            return certificate
        rendered = render_certificate(document_for(certificate))
        old_name = certificate.pdf.name
        # The stored name is chosen here and never derived from the code, so knowing a code does not
        # give a file path; the file is only ever served through the authorising view.
        certificate.pdf.save(f"{secrets.token_hex(16)}.pdf", ContentFile(rendered.pdf), save=False)
        certificate.pdf_version = certificate.version
        certificate.pdf_sha256 = hashlib.sha256(rendered.pdf).hexdigest()
        certificate.render_warnings = "\n".join(rendered.warnings)
        storage, new_name = certificate.pdf.storage, certificate.pdf.name
        try:
            certificate.save(update_fields=["pdf", "pdf_version", "pdf_sha256", "render_warnings"])
        except Exception:
            storage.delete(new_name)
            raise
        # The replaced file goes only once the new one is committed.
        if old_name:
            transaction.on_commit(lambda: storage.delete(old_name))
    for warning in rendered.warnings:
        logger.warning("certificate %s: %s", certificate.pk, warning)
    return certificate


def _read_file(name: str) -> bytes | None:
    try:
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def document_for(certificate: Certificate) -> CertificateDocument:
    """What to print, from the certificate's own snapshot (and the template's colour)."""
    warnings: list[str] = []
    logos = []
    for name in certificate.logos:
        data = _read_file(name)
        if data is None:
            warnings.append(_("The template's logo file is missing; the certificate was printed without it."))
        else:
            logos.append(data)
    signatories = []
    for entry in certificate.signatories:
        signature = _read_file(entry["signature"]) if entry.get("signature") else None
        if entry.get("signature") and signature is None:
            warnings.append(_("A signature image could not be read; the certificate was printed without it."))
        signatories.append(
            Signatory(name=entry.get("name", ""), title=entry.get("title", ""), signature=signature)
        )
    return CertificateDocument(
        holder_name=certificate.holder_name,
        holder_latin_name=certificate.holder_latin_name,
        course_title=certificate.course_title,
        hours=certificate.hours,
        completed_on=certificate.completed_on,
        issuer_name=certificate.issuer_name,
        signatories=signatories,
        logos=logos,
        code=certificate.code,
        reference=certificate.reference,
        verify_url=certificate.verify_url,
        language=certificate.course_language,
        accent_colour=certificate.template.accent_colour,
        image_warnings=warnings,
    )


def revoke_certificate(*, certificate: Certificate, reason: str, acting_user: User) -> Certificate:
    reason = reason.strip()
    if not reason:
        raise CertificateError(_("Give a reason for revoking the certificate."))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.is_revoked:
            raise CertificateError(_("This certificate is already revoked."))
        locked.revoked_at = timezone.now()
        locked.revoked_reason = reason
        locked.revoked_by = acting_user
        locked.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
        CertificateEvent.objects.create(
            certificate=locked, kind=EventKind.REVOKED, actor=acting_user, reason=reason
        )
    logger.info("certificate %s revoked by user %s", locked.pk, acting_user.pk)
    return locked


def reissue_certificate(
    *, certificate: Certificate, acting_user: User | None, reason: str = ""
) -> Certificate:
    """Take a fresh snapshot (e.g. after a name correction) and a new PDF; same row, same code.

    A revoked certificate becomes valid again: re-issuing is the way to reverse a revocation.
    """
    with transaction.atomic():
        locked = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrolment__trainee__profile", "enrolment__course")
            .get(pk=certificate.pk)
        )
        snapshot = _snapshot(locked.enrolment, template_for(locked.enrolment))
        for field, value in snapshot.items():
            setattr(locked, field, value)
        locked.version += 1
        locked.revoked_at, locked.revoked_reason, locked.revoked_by = None, "", None
        locked.save()
        CertificateEvent.objects.create(
            certificate=locked, kind=EventKind.REISSUED, actor=acting_user, reason=reason.strip()
        )
    logger.info("certificate %s re-issued by user %s", locked.pk, getattr(acting_user, "pk", None))
    return render_pdf(certificate_id=locked.pk)


def start_course_reissue(*, course: Course, acting_user: User, reason: str = "") -> ReissueBatch:
    """Re-issue every valid certificate of the course that the user manages, in the background.

    One ReissueItem and one task per certificate, enqueued after the commit; at most one batch per
    course runs at a time. Revoked certificates are left alone (re-issuing would reverse the revocation).
    """
    certificate_ids = list(
        permissions.certificates_managed_by(acting_user)
        .filter(enrolment__course=course, revoked_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not certificate_ids:
        raise CertificateError(_("This course has no valid certificates to re-issue."))
    running = CertificateError(_("The certificates of this course are already being re-issued."))
    with transaction.atomic():
        if ReissueBatch.objects.filter(course=course, finished_at__isnull=True).exists():
            raise running
        try:
            with transaction.atomic():
                batch = ReissueBatch.objects.create(
                    course=course, requested_by=acting_user, reason=reason.strip(), total=len(certificate_ids)
                )
        except IntegrityError:  # another request started one at the same moment
            raise running from None
        items = ReissueItem.objects.bulk_create(
            ReissueItem(batch=batch, certificate_id=certificate_id) for certificate_id in certificate_ids
        )
        item_ids = [item.pk for item in items]

        def enqueue_items() -> None:
            from certificates import tasks  # tasks import this module

            for item_id in item_ids:
                tasks.reissue_batch_item.delay(item_id)

        # Robust: if the broker is down, the batch waits and the sweep enqueues its pending items later.
        transaction.on_commit(enqueue_items, robust=True)
    logger.info(
        "re-issue of %s certificates of course %s by user %s", len(item_ids), course.pk, acting_user.pk
    )
    return batch


def reissue_batch_item(*, item_id: int) -> str | None:
    """Re-issue one certificate of a batch; a no-op once the item is done or failed. Returns its status.

    The item row is locked for the whole re-issue, so a redelivered message waits and then finds it done.
    A transient database error propagates (the task retries); any other error marks the item failed.
    """
    with transaction.atomic():
        item = (
            ReissueItem.objects.select_for_update(of=("self",))
            .select_related("batch")
            .filter(pk=item_id)
            .first()
        )
        if item is None or item.status != ItemStatus.PENDING:
            return item.status if item else None
        certificate = Certificate.objects.get(pk=item.certificate_id)
        if certificate.is_revoked:
            item.status = ItemStatus.FAILED
            item.error = _("The certificate was revoked after the re-issue started, so it was not re-issued.")
        else:
            try:
                with transaction.atomic():
                    reissue_certificate(
                        certificate=certificate, acting_user=item.batch.requested_by, reason=item.batch.reason
                    )
            except TRANSIENT_ERRORS:
                raise
            except Exception as error:
                logger.exception(
                    "re-issue of certificate %s (batch %s) failed", certificate.pk, item.batch_id
                )
                item.status = ItemStatus.FAILED
                item.error = str(error)[:1000] or error.__class__.__name__
            else:
                item.status = ItemStatus.DONE
        item.save(update_fields=["status", "error", "updated_at"])
        # The batch row lock orders the items' last checks: the last item to commit sees no pending item.
        ReissueBatch.objects.select_for_update().filter(pk=item.batch_id).first()
        pending = ReissueItem.objects.filter(batch=OuterRef("pk"), status=ItemStatus.PENDING)
        ReissueBatch.objects.filter(pk=item.batch_id, finished_at__isnull=True).filter(
            ~Exists(pending)
        ).update(finished_at=timezone.now())
        return item.status


def batch_items_pending(*, older_than: timedelta, limit: int) -> list[int]:
    """Items of unfinished batches still waiting after `older_than`: their messages were lost."""
    cutoff = timezone.now() - older_than
    return list(
        ReissueItem.objects.filter(
            status=ItemStatus.PENDING, batch__finished_at__isnull=True, updated_at__lt=cutoff
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def complete_face_to_face(*, course: Course, trainee_email: str, reason: str, acting_user: User) -> Enrolment:
    """Mark a trainee's face-to-face course completed (enrolling them first if needed), with an audit record.

    Completion goes through learning's service, which sends course_completed: the certificate is then
    issued by the normal path, and its "issued" event names the person who marked the course and why.
    """
    reason = reason.strip()
    if not reason:
        raise CertificateError(_("Give a reason for marking the course completed."))
    trainee = User.objects.filter(email__iexact=trainee_email.strip()).select_related("profile").first()
    if trainee is None or not permissions.can_issue_to(acting_user, trainee):
        raise CertificateError(_("No trainee with this email address was found."))
    with transaction.atomic():
        enrolment, completed_now = learning_services.complete_course_manually(trainee=trainee, course=course)
        if not completed_now:
            raise CertificateError(_("This trainee has already completed the course."))
        ManualCompletion.objects.create(enrolment=enrolment, actor=acting_user, reason=reason)
    logger.info("course %s marked completed for user %s by user %s", course.pk, trainee.pk, acting_user.pk)
    return enrolment


def notify_certificate_issued(*, certificate_id: int) -> bool:
    """Email the holder once (at most once: the claim is a conditional update before sending)."""
    claimed = Certificate.objects.filter(pk=certificate_id, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return False
    certificate = Certificate.objects.select_related("enrolment__trainee__profile", "enrolment__course").get(
        pk=certificate_id
    )
    responses = signals.certificate_issued.send_robust(sender=Certificate, certificate=certificate)
    for receiver, result in responses:
        if isinstance(result, Exception):
            logger.error(
                "certificate_issued receiver %r failed for %s", receiver, certificate_id, exc_info=result
            )
    if any(result is True for _receiver, result in responses):
        return True
    trainee = certificate.enrolment.trainee
    profile = getattr(trainee, "profile", None)
    language = profile.preferred_language if profile else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "certificate": certificate,
            "download_url": settings.SITE_URL + "/learn/certificates/",
            "verify_url": certificate.verify_url,
        }
        subject = _("Your certificate for “%(course)s”") % {"course": certificate.course_title}
        body = render_to_string("certificates/email/issued.txt", context)
    try:
        send_mail(subject, body, None, [trainee.email])
    except Exception:
        # Give the claim back so that the task's retry sends it. A worker killed while sending keeps
        # the claim, so the email is sent at most once.
        Certificate.objects.filter(pk=certificate_id).update(notified_at=None)
        raise
    return True


def enrolments_missing_certificates(*, older_than: timedelta, limit: int) -> list[int]:
    cutoff = timezone.now() - older_than
    return list(
        Enrolment.objects.filter(
            status=EnrolmentStatus.COMPLETED, completed_at__lt=cutoff, certificate__isnull=True
        )
        .order_by("completed_at")
        .values_list("pk", flat=True)[:limit]
    )


def certificates_missing_notification(*, older_than: timedelta, limit: int) -> list[int]:
    cutoff = timezone.now() - older_than
    return list(
        Certificate.objects.filter(notified_at__isnull=True, revoked_at__isnull=True, issued_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def certificates_missing_pdf(*, older_than: timedelta, limit: int) -> list[int]:
    cutoff = timezone.now() - older_than
    return list(
        Certificate.objects.needing_pdf()
        .filter(issued_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
