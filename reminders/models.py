"""Reminders and notifications: the right nudge, once, at a sensible local hour, in the trainee's language.

A *kind* names one reason to tell someone something (welcome, inactivity nudge, deadline, failed quiz,
certificate ready, discussion reply, trainers' weekly digest, and the daily digest of everything else).
ReminderRule lets trainers (per course) and coordinators (per programme) change a kind's defaults; the most
specific rule wins (course, then programme, then the defaults in reminders.kinds).

Delivery is the sent-log, Delivery: one row per (recipient, kind, subject object, sequence), unique in the
database, inserted *before* anything is sent. Whoever inserts the row owns the message; a second dispatcher,
a second beat tick or a retried task finds the row already there (or already sent) and does nothing. The
sequence tells apart messages about the same object: the 7-day and 1-day deadline reminders, the three
inactivity nudges of one idle spell, the ISO week of a weekly digest.

Notification is the in-app copy a person sees under "Notifications", written in their language when the
delivery is processed. NotificationPreference holds a person's own choices (email mode, time zone); an
OptOut row switches one kind off for one person (the settings page and the unsubscribe link write them).
"""

import uuid
import zoneinfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    WELCOME = "welcome", _("Welcome to a course")
    INACTIVITY = "inactivity", _("Nudge after a quiet spell")
    DEADLINE = "deadline", _("Course end date approaching")
    QUIZ_FAILED = "quiz_failed", _("Quiz not passed yet")
    CERTIFICATE_READY = "certificate_ready", _("Certificate ready")
    DISCUSSION_REPLY = "discussion_reply", _("New reply in a discussion I follow")
    TRAINER_DIGEST = "trainer_digest", _("Weekly progress digest for trainers")
    DAILY_DIGEST = "daily_digest", _("Daily digest email")


class EmailMode(models.TextChoices):
    EACH = "each", _("An email for each notification")
    DAILY = "daily", _("One daily digest email")
    NONE = "none", _("No emails, only notifications on the site")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Skipped")
    FAILED = "failed", _("Failed")


def validate_time_zone(value: str) -> None:
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone."))


class ReminderRule(models.Model):
    """A change to one kind's defaults for one course or one programme (exactly one of the two)."""

    course = models.ForeignKey(
        "courses.Course", on_delete=models.CASCADE, null=True, blank=True, related_name="reminder_rules"
    )
    programme = models.ForeignKey(
        "courses.Programme", on_delete=models.CASCADE, null=True, blank=True, related_name="reminder_rules"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind)
    is_enabled = models.BooleanField(_("send"), default=True)
    delay_days = models.PositiveSmallIntegerField(
        _("days without activity before the first nudge"), null=True, blank=True
    )
    max_count = models.PositiveSmallIntegerField(_("nudges at most"), null=True, blank=True)
    days_before = models.JSONField(_("days before the end date"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(course__isnull=False, programme__isnull=True)
                | Q(course__isnull=True, programme__isnull=False),
                name="reminderrule_one_scope",
            ),
            models.UniqueConstraint(
                fields=["course", "kind"],
                condition=Q(course__isnull=False),
                name="reminderrule_once_per_course",
            ),
            models.UniqueConstraint(
                fields=["programme", "kind"],
                condition=Q(programme__isnull=False),
                name="reminderrule_once_per_programme",
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="reminderrule_kind_known"),
            models.CheckConstraint(
                condition=Q(delay_days__isnull=True) | Q(delay_days__gte=1, delay_days__lte=90),
                name="reminderrule_delay_days_range",
            ),
            models.CheckConstraint(
                condition=Q(max_count__isnull=True) | Q(max_count__gte=1, max_count__lte=3),
                name="reminderrule_max_count_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.course or self.programme}"


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_mode = models.CharField(_("emails"), max_length=8, choices=EmailMode, default=EmailMode.EACH)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Leave empty to use your country's time zone."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.CheckConstraint(
                condition=Q(email_mode__in=EmailMode.values), name="notificationpreference_mode_known"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email_mode}"


class OptOut(models.Model):
    """One kind switched off for one person: no email and no notification of that kind."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_opt_outs"
    )
    kind = models.CharField(max_length=32, choices=Kind)
    created_at = models.DateTimeField(auto_now_add=True)
    via_link = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("opt-out")
        verbose_name_plural = _("opt-outs")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="optout_once_per_kind"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="optout_kind_known"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind}"


class Delivery(models.Model):
    """The sent-log (and outbox): one row per message that must go out at most once."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=32, choices=Kind)
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    sequence = models.BigIntegerField(default=0)
    status = models.CharField(max_length=8, choices=DeliveryStatus, default=DeliveryStatus.PENDING)
    context = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()
    not_before = models.DateTimeField()
    queued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    # Which dispatcher run inserted the row: a run fans out exactly the rows it inserted itself.
    batch = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject_type", "subject_id", "sequence"], name="delivery_once"
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="delivery_kind_known"),
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values), name="delivery_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(status=DeliveryStatus.SENT) | Q(sent_at__isnull=False),
                name="delivery_sent_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["batch"], name="delivery_batch_idx"),
            models.Index(
                fields=["not_before"],
                condition=Q(status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
                name="delivery_open_idx",
            ),
            models.Index(fields=["kind", "subject_type", "subject_id"], name="delivery_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.sequence} to {self.recipient_id} ({self.status})"


class Notification(models.Model):
    """What a person sees on the site, written once in their language."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    delivery = models.OneToOneField(
        Delivery, on_delete=models.SET_NULL, null=True, blank=True, related_name="notification"
    )
    kind = models.CharField(max_length=32, choices=Kind)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Only notifications of people on the daily digest wait for an email; everyone else's are done.
    awaits_digest = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="notification_kind_known")
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_list_idx"),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread_idx"
            ),
            models.Index(
                fields=["recipient"], condition=Q(awaits_digest=True), name="notification_digest_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title
