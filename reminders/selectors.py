"""Reads of the reminders app: a person's notifications, unread count, the rules in force for a scope."""

from django.core.cache import cache
from django.db.models import QuerySet

from accounts.models import User
from courses.models import Course, Programme
from reminders import kinds
from reminders.models import Notification, NotificationPreference, OptOut, ReminderRule
from training import request_cache


def notifications_for(*, user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).only(
        "pk", "kind", "title", "body", "url", "created_at", "read_at"
    )


UNREAD_TTL = 600  # bounds staleness after a change made outside the services (the admin, a shell)


def unread_key(user_id: int) -> str:
    return f"reminders:unread:{user_id}"


def unread_count(*, user: User) -> int:
    """The layout shows it on every page, so it is cached per person; every service that creates or reads
    notifications forgets the count of the people concerned (services.forget_unread_counts)."""
    key = unread_key(user.pk)
    count = request_cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_TTL)
    return count


def preferences_of(*, user: User) -> tuple[NotificationPreference | None, set[str]]:
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference, set(OptOut.objects.filter(user=user).values_list("kind", flat=True))


def rules_in_force(*, scope: Course | Programme) -> dict[str, kinds.Rule]:
    """Each configurable kind's rule as it applies to the course (or programme) now."""
    if isinstance(scope, Course):
        rows = ReminderRule.objects.filter(course=scope) | ReminderRule.objects.filter(
            programme_id=scope.programme_id
        )
        course_id, programme_id = scope.pk, scope.programme_id
    else:
        rows = ReminderRule.objects.filter(programme=scope)
        course_id, programme_id = None, scope.pk
    book = kinds.RuleBook(rows)
    return {
        kind: book.rule(kind=kind, course_id=course_id, programme_id=programme_id)
        for kind in kinds.CONFIGURABLE
    }


def has_own_rules(*, scope: Course | Programme) -> bool:
    field = "course" if isinstance(scope, Course) else "programme"
    return ReminderRule.objects.filter(**{field: scope}).exists()
