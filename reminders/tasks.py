"""Celery tasks of reminders: thin wrappers; every guarantee lives in the sent-log (models.Delivery).

- dispatch_due: run by beat (CELERY_BEAT_SCHEDULE "reminders-dispatch"); safe to run twice or in parallel.
- send_deliveries: sends a chunk of deliveries over one SMTP connection; a retried or duplicated task finds
  the rows already claimed or sent and does nothing. Rows that SMTP refused come back with a countdown.
"""

from celery import shared_task
from django.db import OperationalError

from reminders import delivery, dispatch

SEND_CHUNK = 100  # messages per task: one SMTP connection and ~8 queries each; still spread over workers


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def dispatch_due() -> dict:
    return dispatch.dispatch_due().as_dict()


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def send_deliveries(delivery_ids: list[int]) -> dict:
    report = delivery.send_deliveries(delivery_ids=delivery_ids)
    if report.retry:
        # Backoff lives in the rows (not_before); this only wakes the worker when they are due again.
        send_deliveries.apply_async((report.retry,), countdown=report.retry_in.total_seconds())
    return {"sent": len(report.sent), "skipped": len(report.skipped), "retry": len(report.retry)}
