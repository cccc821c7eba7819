"""News from community (and, when it exists, certificates) becomes notifications through `notify`."""

import pytest
from django.core import mail
from django.dispatch import Signal

from community.models import ThreadFollow
from community.services import discussions as community_services
from learning.models import Enrolment
from reminders import delivery, receivers
from reminders.models import Delivery, Kind, Notification
from tests.community.factories import ThreadFactory
from tests.factories import CourseFactory, TraineeFactory

pytestmark = pytest.mark.django_db


def send_everything() -> None:
    for row in Delivery.objects.all():
        delivery.send_deliveries(delivery_ids=[row.pk], now=row.not_before)


def test_reply_notifies_followers_but_not_the_author(django_capture_on_commit_callbacks):
    course = CourseFactory()
    starter, follower, replier = TraineeFactory(), TraineeFactory(), TraineeFactory()
    for person in (starter, follower, replier):
        Enrolment.objects.create(trainee=person, course=course)
    thread = ThreadFactory(course=course, author=starter, title="Mangroves or dykes?")
    ThreadFollow.objects.create(thread=thread, user=follower)
    with django_capture_on_commit_callbacks(execute=True):
        community_services.post_reply(thread=thread, author=replier, body="Both, **together**.")
    assert sorted(Delivery.objects.values_list("recipient_id", flat=True)) == sorted(
        [starter.pk, follower.pk]
    )
    send_everything()
    assert {m.to[0] for m in mail.outbox} == {starter.email, follower.email}
    assert mail.outbox[0].subject == 'New reply in "Mangroves or dykes?"'
    notification = Notification.objects.filter(recipient=follower).get()
    assert "Both, **together**." in notification.body
    assert notification.url.endswith(f"/community/threads/{thread.pk}/?page=last")


def test_certificate_signal_is_received_when_it_exists(monkeypatch):
    certificate_issued = Signal()
    monkeypatch.setattr(
        receivers,
        "_signal",
        lambda module, name: certificate_issued if name == "certificate_issued" else None,
    )
    receivers.connect()
    enrolment = Enrolment.objects.create(trainee=TraineeFactory(), course=CourseFactory(title="Flood maps"))
    # Any object with a trainee (or an enrolment) and a course will do; certificates decides its own model.
    certificate_issued.send(sender=None, certificate=enrolment)
    row = Delivery.objects.get()
    assert (row.kind, row.recipient_id) == (Kind.CERTIFICATE_READY, enrolment.trainee_id)
    send_everything()
    assert mail.outbox[0].subject == "Your certificate for Flood maps is ready"


def test_connect_survives_missing_signals(monkeypatch):
    monkeypatch.setattr(receivers, "_signal", lambda module, name: None)
    receivers.connect()
    assert receivers._signal("certificates.no_such_module", "certificate_issued") is None


@pytest.mark.django_db
def test_an_issued_certificate_becomes_one_certificate_ready_reminder(mailoutbox):
    from certificates import services as certificate_services
    from tests.certificates.factories import CompletedEnrolmentFactory

    enrolment = CompletedEnrolmentFactory()
    certificate = certificate_services.issue_certificate(enrolment_id=enrolment.pk, render=False)
    certificate_services.notify_certificate_issued(certificate_id=certificate.pk)
    certificate_services.notify_certificate_issued(certificate_id=certificate.pk)
    assert Delivery.objects.filter(recipient=enrolment.trainee, kind=Kind.CERTIFICATE_READY).count() == 1
