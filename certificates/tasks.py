"""Celery tasks: thin wrappers that take ids and call one service. Each is safe to run twice.

acks_late + reject_on_worker_lost: a worker killed mid-task leaves the message unacknowledged, so the broker
delivers it again; the service's row locks and the unique enrolment make the second run a no-op.
"""

from datetime import timedelta

from celery import shared_task

from certificates import services

TRANSIENT = services.TRANSIENT_ERRORS
RETRY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT,
    "retry_backoff": 2,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 8,
}
SWEEP_GRACE = timedelta(minutes=10)  # leave time for the task enqueued at completion to do its work
SWEEP_BATCH = 500


@shared_task(**RETRY)
def issue_certificate(enrolment_id: int) -> int | None:
    certificate = services.issue_certificate(enrolment_id=enrolment_id)
    return certificate.pk if certificate else None


@shared_task(**RETRY)
def render_certificate_pdf(certificate_id: int) -> None:
    services.render_pdf(certificate_id=certificate_id)


@shared_task(**{**RETRY, "autoretry_for": (*TRANSIENT, OSError)})
def notify_certificate_issued(certificate_id: int) -> None:
    services.notify_certificate_issued(certificate_id=certificate_id)


@shared_task(**RETRY)
def reissue_batch_item(item_id: int) -> str | None:
    return services.reissue_batch_item(item_id=item_id)


@shared_task(acks_late=True)
def sweep_missing_certificates() -> dict[str, int]:
    """Beat: what a lost message or a broker outage left behind: a certificate, a PDF, a notification or
    an item of a bulk re-issue."""
    enrolment_ids = services.enrolments_missing_certificates(older_than=SWEEP_GRACE, limit=SWEEP_BATCH)
    for enrolment_id in enrolment_ids:
        issue_certificate.delay(enrolment_id)
    certificate_ids = services.certificates_missing_pdf(older_than=SWEEP_GRACE, limit=SWEEP_BATCH)
    for certificate_id in certificate_ids:
        render_certificate_pdf.delay(certificate_id)
    unnotified_ids = services.certificates_missing_notification(older_than=SWEEP_GRACE, limit=SWEEP_BATCH)
    for certificate_id in unnotified_ids:
        notify_certificate_issued.delay(certificate_id)
    item_ids = services.batch_items_pending(older_than=SWEEP_GRACE, limit=SWEEP_BATCH)
    for item_id in item_ids:
        reissue_batch_item.delay(item_id)
    return {
        "certificates": len(enrolment_ids),
        "pdfs": len(certificate_ids),
        "notifications": len(unnotified_ids),
        "reissues": len(item_ids),
    }
