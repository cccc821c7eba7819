"""Writes of the reminders app: the generic entry point `notify`, preferences, opt-outs, rules, reading.

Other apps tell people things through `notify(recipient=, kind=, subject_object=, context=)`: it records a
Delivery (once per recipient, kind, subject and sequence) and queues it for sending after the transaction
commits, at the next daytime hour of the recipient. The dispatcher (reminders.dispatch) finds the scheduled
kinds itself; reminders.delivery turns a Delivery into a notification and an email.
"""

import logging
import uuid
from collections.abc import Iterable
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from accounts.models import User
from courses.models import Course, Programme
from reminders import kinds, selectors, timezones, tokens
from reminders.models import (
    Delivery,
    EmailMode,
    Kind,
    Notification,
    NotificationPreference,
    OptOut,
    ReminderRule,
)
from training import request_cache

logger = logging.getLogger(__name__)


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


# --- Recording and queueing deliveries ---------------------------------------------------------------
def record_deliveries(rows: list[Delivery]) -> list[int]:
    """Insert the rows that are not there yet; return the ids of those this call inserted.

    The unique key makes concurrent callers safe: each row is inserted by exactly one of them, and each
    caller reads back only its own rows (by a batch id), so no message is queued by two dispatchers.
    """
    if not rows:
        return []
    batch = uuid.uuid4()
    for row in rows:
        row.batch = batch
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return list(Delivery.objects.filter(batch=batch).values_list("pk", flat=True))


def queue_for_sending(delivery_ids: list[int]) -> None:
    """Hand the rows (already marked queued) to the worker in chunks, after the transaction commits.

    If the broker is down the rows stay pending and the dispatcher's sweep queues them again later.
    """
    if not delivery_ids:
        return
    from reminders import tasks

    size = tasks.SEND_CHUNK
    for start in range(0, len(delivery_ids), size):
        transaction.on_commit(_sender(tasks, delivery_ids[start : start + size]), robust=True)


def _sender(tasks, chunk: list[int]):
    # A named function, not functools.partial: Django logs a robust hook's failure by its __qualname__.
    def send_chunk() -> None:
        tasks.send_deliveries.delay(chunk)

    return send_chunk


def notify(
    *,
    recipient: User,
    kind: str,
    subject_object: Model,
    context: dict | None = None,
    sequence: int = 0,
    now: datetime | None = None,
) -> Delivery | None:
    """Tell `recipient` about `subject_object` once. Returns the Delivery, or None when they opted out.

    Safe to call twice: the second call finds the first call's row and queues nothing.
    """
    created = notify_many(
        recipients=[recipient],
        kind=kind,
        subject_object=subject_object,
        context=context,
        sequence=sequence,
        now=now,
    )
    if created:
        return Delivery.objects.get(pk=created[0])
    return Delivery.objects.filter(
        recipient=recipient,
        kind=kind,
        subject_type=ContentType.objects.get_for_model(subject_object),
        subject_id=subject_object.pk,
        sequence=sequence,
    ).first()


def notify_many(
    *,
    recipients: Iterable[User],
    kind: str,
    subject_object: Model,
    context: dict | None = None,
    sequence: int = 0,
    now: datetime | None = None,
) -> list[int]:
    """`notify` for many people about one object (followers of a thread): three queries in all."""
    if kind not in Kind.values:
        raise ValueError(f"Unknown reminder kind {kind!r}")
    now = _now(now)
    people = list(recipients)
    if not people:
        return []
    ids = [person.pk for person in people]
    opted_out = set(OptOut.objects.filter(user_id__in=ids, kind=kind).values_list("user_id", flat=True))
    zones = {
        row["pk"]: timezones.zone_name_for(
            time_zone=row["notification_preference__time_zone"], country=row["profile__country"]
        )
        for row in User.objects.filter(pk__in=ids, is_active=True).values(
            "pk", "notification_preference__time_zone", "profile__country"
        )
    }
    subject_type = ContentType.objects.get_for_model(subject_object)
    rows = []
    for pk, zone_name in zones.items():
        if pk in opted_out:
            continue
        not_before = timezones.next_daytime(now, zone_name)
        rows.append(
            Delivery(
                recipient_id=pk,
                kind=kind,
                subject_type=subject_type,
                subject_id=subject_object.pk,
                sequence=sequence,
                context=context or {},
                created_at=now,
                not_before=not_before,
                # Night-time messages wait for the dispatcher's sweep at the next daytime hour.
                queued_at=now if not_before <= now else None,
            )
        )
    with transaction.atomic():
        created = record_deliveries(rows)
        due_now = list(
            Delivery.objects.filter(pk__in=created, queued_at__isnull=False).values_list("pk", flat=True)
        )
        queue_for_sending(due_now)
    return created


# --- A person's own choices ---------------------------------------------------------------------------
def preference_for(user: User) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.get_or_create(user=user)
    return preference


@transaction.atomic
def update_preferences(*, user: User, email_mode: str, time_zone: str, enabled_kinds: Iterable[str]) -> None:
    NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_mode": email_mode, "time_zone": time_zone}
    )
    enabled = set(enabled_kinds)
    off = [kind for kind in kinds.PERSONAL if kind not in enabled]
    OptOut.objects.filter(user=user).exclude(kind__in=off).delete()
    OptOut.objects.bulk_create([OptOut(user=user, kind=kind) for kind in off], ignore_conflicts=True)
    if email_mode != EmailMode.DAILY:
        # Nothing waits for a digest any more; what was waiting stays readable on the site.
        Notification.objects.filter(recipient=user, awaits_digest=True).update(awaits_digest=False)


@transaction.atomic
def unsubscribe(*, token: str) -> tokens.Unsubscribe | None:
    """Apply a signed unsubscribe link. None when the token is bad or expired, or the person is gone."""
    data = tokens.read_token(token)
    if data is None or not User.objects.filter(pk=data.user_id).exists():
        return None
    if data.kind == tokens.ALL:
        NotificationPreference.objects.update_or_create(
            user_id=data.user_id, defaults={"email_mode": EmailMode.NONE}
        )
        Notification.objects.filter(recipient_id=data.user_id, awaits_digest=True).update(awaits_digest=False)
    elif data.kind in kinds.PERSONAL:
        OptOut.objects.get_or_create(user_id=data.user_id, kind=data.kind, defaults={"via_link": True})
    elif data.kind == Kind.DAILY_DIGEST:
        NotificationPreference.objects.update_or_create(
            user_id=data.user_id, defaults={"email_mode": EmailMode.NONE}
        )
    else:
        return None
    logger.info("unsubscribe: user %s from %s", data.user_id, data.kind)
    return data


# --- Reading notifications ---------------------------------------------------------------------------
def forget_unread_counts(user_ids) -> None:
    """Drop the cached unread counts now and again after commit (a reader in between may cache the old)."""
    keys = [selectors.unread_key(user_id) for user_id in set(user_ids)]
    if not keys:
        return

    def forget() -> None:
        request_cache.forget(*keys)
        cache.delete_many(keys)

    forget()
    transaction.on_commit(forget)


def mark_read(*, notification: Notification, now: datetime | None = None) -> None:
    if notification.read_at is None:
        notification.read_at = _now(now)
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
        forget_unread_counts([notification.recipient_id])


def mark_all_read(*, user: User, now: datetime | None = None) -> int:
    marked = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=_now(now))
    forget_unread_counts([user.pk])
    return marked


# --- Rules set by trainers and coordinators -------------------------------------------------------------
@transaction.atomic
def save_rules(
    *, scope: Course | Programme, values: dict[str, dict], acting_user: User
) -> list[ReminderRule]:
    """Write one rule per configurable kind for a course or a programme (`values[kind]` holds its fields)."""
    field = "course" if isinstance(scope, Course) else "programme"
    saved = []
    for kind in kinds.CONFIGURABLE:
        data = values.get(kind)
        if data is None:
            continue
        rule, _ = ReminderRule.objects.update_or_create(
            **{field: scope},
            kind=kind,
            defaults={
                "is_enabled": data.get("is_enabled", True),
                "delay_days": data.get("delay_days") or None,
                "max_count": data.get("max_count") or None,
                "days_before": data.get("days_before") or None,
                "updated_by": acting_user,
            },
        )
        saved.append(rule)
    return saved


def reset_rules(*, scope: Course | Programme) -> int:
    field = "course" if isinstance(scope, Course) else "programme"
    return ReminderRule.objects.filter(**{field: scope}).delete()[0]
