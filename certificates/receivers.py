"""Receivers of news from learning (connected in CertificatesConfig.ready)."""

import logging
from functools import partial

from django.db import transaction
from django.dispatch import receiver

from certificates import tasks
from learning.models import Enrolment
from learning.signals import course_completed

logger = logging.getLogger(__name__)


@receiver(course_completed, sender=Enrolment, dispatch_uid="certificates.queue_certificate")
def queue_certificate(sender, *, enrolment: Enrolment, **kwargs) -> None:
    # After commit, so the worker sees the completed enrolment; robust, so a broker outage never undoes
    # the trainee's completion (the beat sweep issues the certificate later).
    transaction.on_commit(partial(tasks.issue_certificate.delay, enrolment.pk), robust=True)
