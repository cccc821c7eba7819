"""Demo data for reminders: a few notifications for demo trainees, one person abroad with their own time
zone, and a course whose trainers nudge after five quiet days. Idempotent; skips what is missing."""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learning.models import Enrolment, EnrolmentStatus
from reminders.models import Kind, Notification, NotificationPreference, ReminderRule


def seed(*, stdout) -> None:
    enrolments = list(
        Enrolment.objects.filter(status=EnrolmentStatus.ACTIVE)
        .select_related("course", "trainee__profile")
        .order_by("pk")[:12]
    )
    if not enrolments:
        stdout.write("Reminders: no demo enrolments yet; skipped.")
        return
    now = timezone.now()
    created = 0
    for n, enrolment in enumerate(enrolments):
        trainee, course = enrolment.trainee, enrolment.course
        language = trainee.profile.preferred_language if trainee.has_profile else "en"
        with translation.override(language):
            items = [
                (Kind.WELCOME, _("Welcome to %(title)s") % {"title": course.title}, now - timedelta(days=3)),
                (Kind.INACTIVITY, _("Continue %(title)s where you left off") % {"title": course.title}, now),
            ]
        for kind, title, at in items[: 1 + n % 2]:
            _notification, was_created = Notification.objects.get_or_create(
                recipient=trainee,
                kind=kind,
                title=title,
                defaults={"url": course.get_absolute_url(), "created_at": at, "body": ""},
            )
            created += was_created
    abroad = next(
        (e.trainee for e in enrolments if e.trainee.has_profile and e.trainee.profile.country == "MM"), None
    )
    if abroad is not None:
        NotificationPreference.objects.update_or_create(user=abroad, defaults={"time_zone": "Asia/Bangkok"})
    first = enrolments[0].course
    ReminderRule.objects.update_or_create(
        course=first, kind=Kind.INACTIVITY, defaults={"is_enabled": True, "delay_days": 5, "max_count": 3}
    )
    stdout.write(f"Reminders: {created} new notifications; inactivity nudges after 5 days in {first.title}.")
