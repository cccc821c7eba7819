"""Celery tasks of learning: thin, idempotent wrappers around services."""

from celery import shared_task
from django.db import OperationalError

from learning import services
from learning.models import Enrolment


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def evaluate_completion(enrolment_id: int) -> bool:
    """Re-check an enrolment's completion rules, e.g. after a trainer made a lesson optional."""
    enrolment = Enrolment.objects.filter(pk=enrolment_id).first()
    if enrolment is None:
        return False
    return services.evaluate_completion(enrolment=enrolment)
