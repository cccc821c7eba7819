"""Receivers of news from learning (connected in CertificatesConfig.ready)."""

from django.db import transaction
from django.dispatch import receiver

from certificates import tasks
from learning.models import Enrolment
from learning.signals import course_completed


@receiver(course_completed, sender=Enrolment, dispatch_uid="certificates.queue_certificate")
def queue_certificate(sender, *, enrolment: Enrolment, **kwargs) -> None:
    enrolment_id = enrolment.pk

    def enqueue_certificate() -> None:
        tasks.issue_certificate.delay(enrolment_id)

    # After commit, so the worker sees the completed enrolment; robust, so a broker outage never undoes
    # the trainee's completion (the beat sweep issues the certificate later). A named function, not
    # functools.partial: Django 5.2 logs a failed robust callback by its __qualname__, which a partial
    # lacks, so the error handler itself would raise.
    transaction.on_commit(enqueue_certificate, robust=True)
