"""From a sent-log row to a notification and an email: language, preferences, changed facts, retries."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail

from courses.models import CourseStatus
from learning.models import Enrolment
from reminders import delivery, dispatch, services
from reminders.models import Delivery, DeliveryStatus, EmailMode, Kind, Notification, OptOut
from tests.factories import CourseFactory
from tests.reminders.factories import (
    MONDAY_MORNING,
    NotificationPreferenceFactory,
    enrol,
    person,
    run,
    send_all,
)

pytestmark = pytest.mark.django_db
NOW = MONDAY_MORNING
DAY = timedelta(days=1)


def test_email_has_text_html_and_one_click_unsubscribe_headers():
    enrolment = enrol(at=NOW, last_activity=NOW)
    run(NOW)
    [message] = mail.outbox
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert enrolment.course.title in html
    assert '<html lang="en">' in html
    assert "Hello Nguyễn Thị Hương," in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://training.example.org/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in message.body
    assert "https://training.example.org/courses/" in message.body


def test_email_is_written_in_the_recipients_language_and_time_zone():
    course = CourseFactory(enrolment_closes_at=NOW + 5 * DAY)
    enrol(course=course, at=NOW - 10 * DAY, last_activity=NOW, language="vi", country="VN")
    run(NOW)
    [message] = mail.outbox
    assert '<html lang="vi">' in message.alternatives[0][0]
    # Django's Vietnamese date format: the end date is shown the Vietnamese way, in Hanoi time.
    local = (NOW + 5 * DAY).astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    assert f"Ngày {local:%d} tháng {local.month} năm {local.year}" in message.body


def test_in_app_notification_is_written_once_and_counts_as_unread():
    enrolment = enrol(at=NOW, last_activity=NOW)
    dispatch.dispatch_due(now=NOW)
    ids = list(Delivery.objects.values_list("pk", flat=True))
    delivery.send_deliveries(delivery_ids=ids, now=NOW)
    delivery.send_deliveries(delivery_ids=ids, now=NOW)  # a duplicated or retried task
    assert len(mail.outbox) == 1
    notification = Notification.objects.get()
    assert notification.recipient == enrolment.trainee
    assert notification.read_at is None
    assert "You are enrolled in" in notification.body


def test_kind_switched_off_sends_nothing():
    enrolment = enrol(at=NOW, last_activity=NOW)
    services.update_preferences(
        user=enrolment.trainee, email_mode=EmailMode.EACH, time_zone="", enabled_kinds=[Kind.INACTIVITY]
    )
    run(NOW)
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_opting_out_between_dispatch_and_send_skips():
    enrolment = enrol(at=NOW, last_activity=NOW)
    dispatch.dispatch_due(now=NOW)
    OptOut.objects.create(user=enrolment.trainee, kind=Kind.WELCOME)
    report = send_all(NOW)
    assert list(report.skipped.values()) == ["opted out"]
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_in_app_only_mode():
    enrolment = enrol(at=NOW, last_activity=NOW)
    NotificationPreferenceFactory(user=enrolment.trainee, email_mode=EmailMode.NONE)
    run(NOW)
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=enrolment.trainee).count() == 1
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_daily_digest_gathers_the_days_notifications_into_one_email():
    trainee = person()
    NotificationPreferenceFactory(user=trainee, email_mode=EmailMode.DAILY)
    first = enrol(trainee=trainee, at=NOW, last_activity=NOW)
    second = enrol(trainee=trainee, at=NOW, last_activity=NOW)
    dispatch.dispatch_due(now=NOW)  # two welcomes, no digest yet: nothing waits
    send_all(NOW)
    assert mail.outbox == []
    assert Notification.objects.filter(awaits_digest=True).count() == 2
    run(NOW + timedelta(minutes=10))
    [digest] = mail.outbox
    assert digest.subject == "2 new notifications"
    assert first.course.title in digest.body
    assert second.course.title in digest.body
    assert not Notification.objects.filter(awaits_digest=True).exists()
    run(NOW + timedelta(hours=2))
    assert len(mail.outbox) == 1


def test_course_unpublished_between_dispatch_and_send_is_skipped():
    enrolment = enrol(at=NOW, last_activity=NOW)
    dispatch.dispatch_due(now=NOW)
    CourseFactory._meta.model.objects.filter(pk=enrolment.course_id).update(status=CourseStatus.DRAFT)
    report = send_all(NOW)
    assert list(report.skipped.values()) == ["course unpublished"]
    assert mail.outbox == []
    assert Delivery.objects.get().status == DeliveryStatus.SKIPPED


def test_activity_between_dispatch_and_send_cancels_the_nudge():
    enrolment = enrol(at=NOW - 20 * DAY, last_activity=NOW - 8 * DAY)
    dispatch.dispatch_due(now=NOW)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=NOW)
    report = send_all(NOW)
    assert list(report.skipped.values()) == ["active again"]


def test_user_deleted_between_dispatch_and_send():
    recipient = person()
    course = CourseFactory()
    delivery_row = services.notify(
        recipient=recipient, kind=Kind.CERTIFICATE_READY, subject_object=course, now=NOW
    )
    recipient.delete()
    report = delivery.send_deliveries(delivery_ids=[delivery_row.pk], now=NOW)
    assert report.sent == []
    assert report.skipped == {}
    assert mail.outbox == []


def test_subject_deleted_between_dispatch_and_send():
    recipient = person()
    course = CourseFactory()
    services.notify(recipient=recipient, kind=Kind.CERTIFICATE_READY, subject_object=course, now=NOW)
    course.delete()
    report = send_all(NOW)
    assert list(report.skipped.values()) == ["subject gone"]


def test_notify_is_idempotent_and_respects_opt_outs():
    recipient, other = person(), person()
    OptOut.objects.create(user=other, kind=Kind.CERTIFICATE_READY)
    course = CourseFactory()
    first = services.notify(recipient=recipient, kind=Kind.CERTIFICATE_READY, subject_object=course, now=NOW)
    again = services.notify(recipient=recipient, kind=Kind.CERTIFICATE_READY, subject_object=course, now=NOW)
    assert first.pk == again.pk
    assert (
        services.notify(recipient=other, kind=Kind.CERTIFICATE_READY, subject_object=course, now=NOW) is None
    )
    with pytest.raises(ValueError, match="Unknown reminder kind"):
        services.notify(recipient=recipient, kind="spam", subject_object=course, now=NOW)


def test_overlapping_dispatchers_insert_each_row_once():
    enrolment = enrol(at=NOW, last_activity=NOW)
    row = {
        "recipient_id": enrolment.trainee_id,
        "kind": Kind.WELCOME,
        "subject_type": ContentType.objects.get_for_model(Enrolment),
        "subject_id": enrolment.pk,
        "created_at": NOW,
        "not_before": NOW,
        "queued_at": NOW,
    }
    # Both runs saw the enrolment as due before either wrote: only one of them owns the row.
    assert len(services.record_deliveries([Delivery(**row)])) == 1
    assert services.record_deliveries([Delivery(**row)]) == []
    assert Delivery.objects.count() == 1
