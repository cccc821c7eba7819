"""Thin Celery tasks around quizzes services."""

from celery import shared_task
from django.db import OperationalError

from quizzes import services


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def submit_overdue_attempts() -> int:
    """Beat sweep (every few minutes): submit attempts whose time ran out while nobody was looking.

    Safe to run twice: each attempt is closed under its row lock, and a submitted attempt is skipped.
    """
    return services.submit_overdue_attempts()
