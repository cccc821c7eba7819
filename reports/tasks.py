from celery import shared_task
from django.db import OperationalError

from reports import services


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def rebuild_cube() -> int:
    """Recompute the reports' enrolment cube (idempotent: a whole rebuild under a row lock)."""
    rows = services.rebuild_cube().rows
    services.warm_dashboards()
    return rows
