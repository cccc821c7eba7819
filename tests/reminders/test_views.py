"""Notification list, settings page, rules pages: who may do what, and query counts that do not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import CourseStatus
from reminders.models import EmailMode, Kind, Notification, NotificationPreference, OptOut, ReminderRule
from tests.factories import CoordinatorFactory, CourseFactory, TraineeFactory, TrainerFactory

pytestmark = pytest.mark.django_db


def notify_in_app(user, n: int, **kwargs) -> None:
    Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=Kind.DISCUSSION_REPLY,
            title=f"New reply {i}",
            body="Someone replied.",
            url="/community/",
            created_at=timezone.now(),
            **kwargs,
        )
        for i in range(n)
    )


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_list_shows_my_notifications_and_the_unread_count_in_the_nav(client):
    me, other = TraineeFactory(), TraineeFactory()
    notify_in_app(me, 3)
    notify_in_app(other, 2)
    client.force_login(me)
    page = client.get(reverse("reminders:list")).content.decode()
    assert page.count("New reply") == 3
    assert 'Notifications <span class="badge">3</span>' in page


def test_list_query_count_does_not_grow(client):
    me = TraineeFactory()
    client.force_login(me)
    notify_in_app(me, 2)
    client.get(reverse("reminders:list"))  # the layout's unread count is cached from the first page on
    few = queries(client, reverse("reminders:list"))
    notify_in_app(me, 15)
    assert queries(client, reverse("reminders:list")) == few


def test_nav_count_is_one_query_on_any_page(client):
    me = TraineeFactory()
    client.force_login(me)
    notify_in_app(me, 1)
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("learning:dashboard"))
    assert sum("reminders_notification" in q["sql"] for q in ctx.captured_queries) == 1


def test_opening_marks_read_and_stays_on_the_site(client):
    me = TraineeFactory()
    notify_in_app(me, 1)
    notification = Notification.objects.get()
    Notification.objects.filter(pk=notification.pk).update(url="https://evil.example.com/")
    client.force_login(me)
    response = client.get(reverse("reminders:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("reminders:list")
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_elses_notification_is_404(client):
    notify_in_app(TraineeFactory(), 1)
    client.force_login(TraineeFactory())
    assert client.get(reverse("reminders:open", args=[Notification.objects.get().pk])).status_code == 404


def test_mark_all_read(client):
    me = TraineeFactory()
    notify_in_app(me, 4)
    client.force_login(me)
    assert client.post(reverse("reminders:mark_all_read")).status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert client.get(reverse("reminders:mark_all_read")).status_code == 405


def test_anonymous_is_sent_to_sign_in(client):
    for name in ("reminders:list", "reminders:settings"):
        assert client.get(reverse(name)).status_code == 302


def test_settings_page_saves_kinds_mode_and_time_zone(client):
    me = TraineeFactory()
    client.force_login(me)
    page = client.get(reverse("reminders:settings")).content.decode()
    assert "Weekly progress digest" not in page  # trainers only
    response = client.post(
        reverse("reminders:settings"),
        {
            "enabled_kinds": [Kind.WELCOME, Kind.DEADLINE],
            "email_mode": EmailMode.DAILY,
            "time_zone": "Asia/Yangon",
        },
    )
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=me)
    assert (preference.email_mode, preference.time_zone) == (EmailMode.DAILY, "Asia/Yangon")
    assert set(OptOut.objects.filter(user=me).values_list("kind", flat=True)) == {
        Kind.INACTIVITY,
        Kind.QUIZ_FAILED,
        Kind.CERTIFICATE_READY,
        Kind.DISCUSSION_REPLY,
        Kind.TRAINER_DIGEST,
    }


def test_settings_page_rejects_an_unknown_time_zone(client):
    client.force_login(TraineeFactory())
    response = client.post(
        reverse("reminders:settings"), {"email_mode": EmailMode.EACH, "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


def test_course_trainer_changes_the_course_rules(client):
    trainer = TrainerFactory()
    course = CourseFactory(trainers=[trainer])
    client.force_login(trainer)
    url = reverse("reminders:course_rules", args=[course.slug])
    assert client.get(url).status_code == 200
    data = {
        "welcome__is_enabled": "on",
        "deadline__is_enabled": "on",
        "inactivity__is_enabled": "on",
        "inactivity__delay_days": "5",
        "inactivity__max_count": "2",
        "deadline__days_before": "10, 2",
    }
    assert client.post(url, data).status_code == 302
    rule = ReminderRule.objects.get(course=course, kind=Kind.INACTIVITY)
    assert (rule.delay_days, rule.max_count) == (5, 2)
    assert ReminderRule.objects.get(course=course, kind=Kind.DEADLINE).days_before == [10, 2]
    assert ReminderRule.objects.get(course=course, kind=Kind.QUIZ_FAILED).is_enabled is False
    assert client.post(url, {**data, "deadline__days_before": "0, x"}).status_code == 400
    assert client.post(url, {"reset": "1"}).status_code == 302
    assert not ReminderRule.objects.filter(course=course).exists()


@pytest.mark.parametrize(("who", "status"), [("other_trainer", 403), ("trainee", 403), ("coordinator", 200)])
def test_course_rules_permissions(client, who, status):
    course = CourseFactory(trainers=[TrainerFactory()])
    user = {"other_trainer": TrainerFactory, "trainee": TraineeFactory, "coordinator": CoordinatorFactory}[
        who
    ]()
    client.force_login(user)
    assert client.get(reverse("reminders:course_rules", args=[course.slug])).status_code == status


def test_draft_course_of_someone_else_is_404(client):
    course = CourseFactory(status=CourseStatus.DRAFT, trainers=[TrainerFactory()])
    client.force_login(TrainerFactory())
    assert client.get(reverse("reminders:course_rules", args=[course.slug])).status_code == 404


def test_programme_rules_for_coordinators_only(client):
    course = CourseFactory()
    url = reverse("reminders:programme_rules", args=[course.programme.slug])
    client.force_login(TrainerFactory())
    assert client.get(url).status_code == 403
    client.force_login(CoordinatorFactory())
    assert client.get(url).status_code == 200
    assert client.get(reverse("reminders:programme_rules", args=["no-such-programme"])).status_code == 404
    data = {"welcome__is_enabled": "", "inactivity__delay_days": "7", "inactivity__max_count": "3",
            "deadline__days_before": "7, 1"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert ReminderRule.objects.get(programme=course.programme, kind=Kind.WELCOME).is_enabled is False
