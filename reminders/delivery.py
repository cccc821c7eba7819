"""Sending: turn sent-log rows into in-app notifications and emails, in the recipient's language.

`send_deliveries(delivery_ids=...)` first *claims* the rows (pending -> sending, in one conditional UPDATE
that only one worker can win), then re-reads what each message is about. Anything that stopped being
true since the dispatcher chose it (the person left the course, the course was unpublished, they were
active again, they switched the kind off) is skipped with a reason, never sent. The rest are rendered from
templates in reminders/templates/reminders/email/ under the recipient's language: once per group of alike
messages (reminders.emails), then filled in with each person's name and unsubscribe link. They go out
over one SMTP connection per batch; a message the server refuses does not stop the others, and the
"sent" marks are written every MARK_EVERY accepted messages.

SMTP refusing or timing out puts that row back to pending with a growing delay (1, 2, 4, 8 minutes);
after MAX_ATTEMPTS it is marked failed and logged as an error. The in-app notification is written once
(unique per delivery), so a retry never shows it twice.
"""

import contextlib
import functools
import json
import logging
import smtplib
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from courses.models import Course, CourseStatus, Lesson
from learning.models import Enrolment, EnrolmentStatus
from quizzes.models import Answer, Attempt, AttemptStatus, FeedbackPolicy
from reminders import emails, kinds, services, timezones, tokens
from reminders.models import Delivery, DeliveryStatus, EmailMode, Kind, Notification, OptOut

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
SMTP_ERRORS = (smtplib.SMTPException, OSError)  # refused, timed out, reset, 4xx/5xx answers


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), 600))


@dataclass
class Prepared:
    url: str
    context: dict
    # Deliveries with the same group (and kind, language, zone) share one rendering: the context holds
    # nothing personal but the name and the unsubscribe link. None: this delivery is rendered on its own.
    group: tuple | None = None


@dataclass
class SendReport:
    sent: list[int] = field(default_factory=list)
    in_app_only: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)
    retry: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    retry_in: timedelta | None = None


def absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else f"{settings.SITE_URL}{path}"


# --- Claiming -------------------------------------------------------------------------------------------
def claim(delivery_ids: list[int], *, now: datetime) -> list[Delivery]:
    """Take the rows that are pending and due; a row another worker took (or that was sent) is left alone."""
    token = uuid.uuid4()
    Delivery.objects.filter(pk__in=delivery_ids, status=DeliveryStatus.PENDING, not_before__lte=now).update(
        status=DeliveryStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1, batch=token
    )
    return list(
        Delivery.objects.filter(batch=token, status=DeliveryStatus.SENDING).select_related("subject_type")
    )


# --- What each message is about ---------------------------------------------------------------------------
def _enrolment_messages(deliveries: list[Delivery], now: datetime) -> dict[int, Prepared | str]:
    enrolments = Enrolment.objects.select_related("course").in_bulk([d.subject_id for d in deliveries])
    course_urls: dict[int, str] = {}
    result: dict[int, Prepared | str] = {}
    for delivery in deliveries:
        enrolment = enrolments.get(delivery.subject_id)
        if enrolment is None or enrolment.trainee_id != delivery.recipient_id:
            result[delivery.pk] = "enrolment gone"
        elif enrolment.status != EnrolmentStatus.ACTIVE:
            result[delivery.pk] = f"enrolment {enrolment.status}"
        elif enrolment.course.status != CourseStatus.PUBLISHED:
            result[delivery.pk] = "course unpublished"
        elif delivery.kind == Kind.INACTIVITY and _active_again(enrolment, delivery):
            result[delivery.pk] = "active again"
        elif delivery.kind == Kind.DEADLINE and _deadline_moved(enrolment, delivery, now):
            result[delivery.pk] = "end date changed or passed"
        else:
            # Only what the templates show: the same for every trainee of the course at this stage.
            facts = {k: v for k, v in delivery.context.items() if k not in PERSONAL_FACTS}
            if delivery.kind == Kind.DEADLINE:
                facts["deadline"] = enrolment.course.enrolment_closes_at
            group = ("course", enrolment.course_id, *sorted(facts.items()))
            url = course_urls.get(enrolment.course_id) or absolute(enrolment.course.get_absolute_url())
            course_urls[enrolment.course_id] = url
            result[delivery.pk] = Prepared(url, {"course": enrolment.course, **facts}, group)
    return result


# Facts the dispatcher recorded to re-check a delivery, not to show: they differ from person to person.
PERSONAL_FACTS = {"idle_since"}


def _active_again(enrolment: Enrolment, delivery: Delivery) -> bool:
    idle_since = enrolment.last_activity_at or enrolment.enrolled_at
    return idle_since.isoformat() != delivery.context.get("idle_since")


def _deadline_moved(enrolment: Enrolment, delivery: Delivery, now: datetime) -> bool:
    deadline = enrolment.course.enrolment_closes_at
    return deadline is None or deadline <= now or deadline.isoformat() != delivery.context.get("deadline")


def _quiz_messages(deliveries: list[Delivery], now: datetime) -> dict[int, Prepared | str]:
    attempts = Attempt.objects.select_related("quiz__course", "quiz__module").in_bulk(
        [d.subject_id for d in deliveries]
    )
    pairs = Q(pk__in=[])
    for attempt in attempts.values():
        pairs |= Q(quiz_id=attempt.quiz_id, trainee_id=attempt.trainee_id)
    history = {
        (row["quiz_id"], row["trainee_id"]): row
        for row in Attempt.objects.filter(pairs)
        .values("quiz_id", "trainee_id")
        .annotate(
            latest=Max("number"),
            used=Count("pk", filter=Q(status=AttemptStatus.SUBMITTED)),
            passes=Count("pk", filter=Q(passed=True)),
        )
    }
    # What to review: the lessons of the quiz's module (the course's first lessons for a final quiz), and
    # the questions missed when the quiz shows answers after each attempt anyway.
    module_ids = {a.quiz.module_id for a in attempts.values() if a.quiz.module_id}
    course_ids = {a.quiz.course_id for a in attempts.values() if not a.quiz.module_id}
    lessons: dict[tuple[str, int], list[Lesson]] = {}
    for lesson in (
        Lesson.objects.live()
        .filter(Q(module_id__in=module_ids) | Q(module__course_id__in=course_ids))
        .select_related("module")
        .order_by("module__position", "position")
    ):
        lessons.setdefault(("module", lesson.module_id), []).append(lesson)
        lessons.setdefault(("course", lesson.module.course_id), []).append(lesson)
    open_ids = [
        a.pk for a in attempts.values() if a.quiz.feedback_policy == FeedbackPolicy.AFTER_EACH_ATTEMPT
    ]
    missed: dict[int, list[str]] = {}
    for answer in Answer.objects.filter(attempt_id__in=open_ids, is_correct=False).select_related("question"):
        missed.setdefault(answer.attempt_id, []).append(answer.question.text)

    result: dict[int, Prepared | str] = {}
    for delivery in deliveries:
        attempt = attempts.get(delivery.subject_id)
        if attempt is None or attempt.trainee_id != delivery.recipient_id:
            result[delivery.pk] = "attempt gone"
            continue
        quiz = attempt.quiz
        seen = history.get((quiz.pk, attempt.trainee_id), {})
        left = None if quiz.max_attempts is None else quiz.max_attempts - seen.get("used", 0)
        if not quiz.is_published or quiz.course.status != CourseStatus.PUBLISHED:
            result[delivery.pk] = "quiz or course unpublished"
        elif seen.get("passes") or seen.get("latest", 0) > attempt.number:
            result[delivery.pk] = "tried again"
        elif left is not None and left <= 0:
            result[delivery.pk] = "no attempts left"
        else:
            scope = ("module", quiz.module_id) if quiz.module_id else ("course", quiz.course_id)
            context = {
                "course": quiz.course,
                "quiz": quiz,
                "attempt": attempt,
                "attempts_left": left,
                "review_lessons": [
                    (lesson.title, absolute(lesson.get_absolute_url()))
                    for lesson in lessons.get(scope, [])[:5]
                ],
                "missed_questions": [text[:160] for text in missed.get(attempt.pk, [])[:5]],
            }
            result[delivery.pk] = Prepared(absolute(quiz.get_absolute_url()), context)
    return result


def _trainer_digest(deliveries: list[Delivery], now: datetime) -> dict[int, Prepared | str]:
    week_ago = now - timedelta(days=7)
    quiet = now - timedelta(days=14)
    result: dict[int, Prepared | str] = {}
    for delivery in deliveries:
        courses = list(
            Course.objects.filter(trainers=delivery.recipient_id, status=CourseStatus.PUBLISHED)
            .annotate(
                active=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.ACTIVE)),
                joined=Count("enrolments", filter=Q(enrolments__enrolled_at__gte=week_ago)),
                completed=Count("enrolments", filter=Q(enrolments__completed_at__gte=week_ago)),
                quiet=Count(
                    "enrolments",
                    filter=Q(enrolments__status=EnrolmentStatus.ACTIVE)
                    & (
                        Q(enrolments__last_activity_at__lt=quiet)
                        | Q(enrolments__last_activity_at__isnull=True)
                    ),
                ),
            )
            .order_by("title")
        )
        if not courses:
            result[delivery.pk] = "teaches no published course"
        else:
            result[delivery.pk] = Prepared(
                absolute(reverse("studio:home")), {"courses": courses, **delivery.context}
            )
    return result


def _daily_digest(deliveries: list[Delivery], now: datetime) -> dict[int, Prepared | str]:
    result: dict[int, Prepared | str] = {}
    for delivery in deliveries:
        waiting = list(
            Notification.objects.filter(recipient_id=delivery.recipient_id, awaits_digest=True).order_by(
                "created_at"
            )[:50]
        )
        if not waiting:
            result[delivery.pk] = "nothing waiting"
        else:
            context = {"notifications": [(n.title, absolute(n.url) if n.url else "") for n in waiting]}
            context["notification_ids"] = [n.pk for n in waiting]
            result[delivery.pk] = Prepared(absolute(reverse("reminders:list")), context)
    return result


def _generic(deliveries: list[Delivery], now: datetime) -> dict[int, Prepared | str]:
    """Kinds sent through `notify` by other apps: the subject must still exist (and not be hidden)."""
    result: dict[int, Prepared | str] = {}
    by_type: dict[ContentType, list[Delivery]] = {}
    for delivery in deliveries:
        by_type.setdefault(delivery.subject_type, []).append(delivery)
    for subject_type, group in by_type.items():
        model = subject_type.model_class()
        objects = model._base_manager.in_bulk([d.subject_id for d in group]) if model else {}
        for delivery in group:
            subject = objects.get(delivery.subject_id)
            if subject is None:
                result[delivery.pk] = "subject gone"
            elif getattr(subject, "is_hidden", False):
                result[delivery.pk] = "subject hidden"
            else:
                url = delivery.context.get("url") or (
                    subject.get_absolute_url() if hasattr(subject, "get_absolute_url") else ""
                )
                # Every follower of one discussion post gets the same message (but for name and link).
                group = ("subject", subject_type.pk, subject.pk, json.dumps(delivery.context, sort_keys=True))
                result[delivery.pk] = Prepared(
                    absolute(url) if url else "", {"subject": subject, **delivery.context}, group
                )
    return result


PREPARERS = {
    Kind.WELCOME: _enrolment_messages,
    Kind.INACTIVITY: _enrolment_messages,
    Kind.DEADLINE: _enrolment_messages,
    Kind.QUIZ_FAILED: _quiz_messages,
    Kind.TRAINER_DIGEST: _trainer_digest,
    Kind.DAILY_DIGEST: _daily_digest,
}


def prepare(deliveries: list[Delivery], now: datetime) -> dict[int, Prepared | str]:
    by_kind: dict[str, list[Delivery]] = {}
    for delivery in deliveries:
        by_kind.setdefault(delivery.kind, []).append(delivery)
    result: dict[int, Prepared | str] = {}
    for kind, group in by_kind.items():
        result.update(PREPARERS.get(kind, _generic)(group, now))
    return result


# --- Rendering ---------------------------------------------------------------------------------------------
@functools.cache
def _settings_path() -> str:
    return reverse("reminders:settings")


@functools.cache
def _unsubscribe_prefix() -> str:
    return reverse("reminders:unsubscribe", args=["TOKEN"]).removesuffix("TOKEN/")


def _unsubscribe_url(token: str) -> str:
    return absolute(f"{_unsubscribe_prefix()}{token}/")


class Renderer:
    """Renders the messages of one send_deliveries call: once per group (see reminders.emails), then per
    person. Lives as long as the call, so every rendering reflects the objects that call loaded."""

    def __init__(self) -> None:
        self._drafts: dict[tuple, emails.Draft] = {}
        self._skeletons: dict[tuple, emails.Skeleton | None] = {}
        self._tokens: dict[tuple[int, str], str] = {}

    def render(
        self, delivery: Delivery, recipient: User, prepared: Prepared, *, with_email: bool
    ) -> emails.Rendered:
        profile = getattr(recipient, "profile", None) if recipient.has_profile else None
        language = profile.preferred_language if profile else settings.LANGUAGE_CODE
        preference = getattr(recipient, "notification_preference", None)
        zone_name = timezones.zone_name_for(
            time_zone=preference.time_zone if preference else "", country=profile.country if profile else ""
        )
        name = profile.full_name if profile else recipient.email.split("@")[0]
        unsubscribe_url = self.unsubscribe_url(recipient.pk, delivery.kind)
        group = prepared.group or ("delivery", delivery.pk)
        key = (delivery.kind, group, language, zone_name, with_email)
        context = {
            **prepared.context,
            "kind": delivery.kind,
            "url": prepared.url,
            "site_url": settings.SITE_URL,
            "settings_url": absolute(_settings_path()),
        }
        draft = self._drafts.get(key)
        if draft is None:
            draft = self._drafts[key] = emails.render_draft(
                kind=delivery.kind,
                context=context,
                language=language,
                zone_name=zone_name,
                with_email=with_email,
            )
        if not draft.shareable:
            values = {"name": name, "unsubscribe_url": unsubscribe_url}
            own = emails.render_texts(
                kind=delivery.kind,
                context=context,
                language=language,
                zone_name=zone_name,
                personal=(values, values),
                with_email=with_email,
            )
            return emails.Rendered(own.subject, own.summary, own.text, own.html, unsubscribe_url)
        rendered = emails.personalise(draft, name=name, unsubscribe_url=unsubscribe_url)
        if with_email:
            if key not in self._skeletons:
                self._skeletons[key] = emails.Skeleton.build(kind=delivery.kind, draft=draft)
            rendered.skeleton = self._skeletons[key]
        return rendered

    def unsubscribe_url(self, user_id: int, kind: str) -> str:
        unsubscribe_kind = kind if kind in kinds.PERSONAL else tokens.ALL
        token = self._tokens.get((user_id, unsubscribe_kind))
        if token is None:
            token = tokens.make_token(user_id=user_id, kind=unsubscribe_kind)
            self._tokens[(user_id, unsubscribe_kind)] = token
        return _unsubscribe_url(token)


def wants_email(kind: str, mode: str) -> bool:
    if kind == Kind.DAILY_DIGEST:
        return mode == EmailMode.DAILY
    if kind == Kind.TRAINER_DIGEST:
        return mode != EmailMode.NONE  # already a digest: it is not folded into the daily one
    return mode == EmailMode.EACH


# --- Sending ---------------------------------------------------------------------------------------------
def send_deliveries(*, delivery_ids: list[int], now: datetime | None = None, connection=None) -> SendReport:
    now = now or timezone.now()
    report = SendReport()
    claimed = claim(delivery_ids, now=now)
    if not claimed:
        return report
    recipients = User.objects.select_related("profile", "notification_preference").in_bulk(
        {d.recipient_id for d in claimed}
    )
    opted_out = set(
        OptOut.objects.filter(user_id__in=recipients, kind__in={d.kind for d in claimed}).values_list(
            "user_id", "kind"
        )
    )
    prepared = prepare(claimed, now)
    renderer = Renderer()

    notifications: list[Notification] = []
    outgoing: list[tuple[Delivery, emails.ReminderEmail]] = []
    digest_ids: dict[int, list[int]] = {}
    for delivery in claimed:
        recipient = recipients.get(delivery.recipient_id)
        item = prepared.get(delivery.pk, "not prepared")
        if recipient is None or not recipient.is_active:
            item = "recipient gone"
        elif (recipient.pk, delivery.kind) in opted_out:
            item = "opted out"
        if isinstance(item, str):
            report.skipped[delivery.pk] = item
            continue
        preference = getattr(recipient, "notification_preference", None)
        mode = preference.email_mode if preference else EmailMode.EACH
        with_email = wants_email(delivery.kind, mode) and bool(recipient.email)
        rendered = renderer.render(delivery, recipient, item, with_email=with_email)
        if delivery.kind not in kinds.DIGESTS:
            notifications.append(
                Notification(
                    recipient=recipient,
                    delivery=delivery,
                    kind=delivery.kind,
                    title=rendered.subject[:300],
                    body=rendered.summary[:2000],
                    url=item.url,
                    created_at=now,
                    awaits_digest=mode == EmailMode.DAILY and delivery.kind != Kind.TRAINER_DIGEST,
                )
            )
        if delivery.kind == Kind.DAILY_DIGEST:
            digest_ids[delivery.pk] = item.context["notification_ids"]
        if with_email:
            outgoing.append(
                (delivery, emails.build_message(kind=delivery.kind, to=recipient.email, rendered=rendered))
            )
        else:
            report.in_app_only.append(delivery.pk)

    # The in-app copy exists before any email goes out; a retried delivery finds it and adds none.
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    services.forget_unread_counts(n.recipient_id for n in notifications)
    _mark_skipped(report.skipped)
    if report.in_app_only:
        Delivery.objects.filter(pk__in=report.in_app_only).update(status=DeliveryStatus.SENT, sent_at=now)
    if outgoing:
        _send(outgoing, report, now=now, connection=connection, digest_ids=digest_ids)
    return report


def _mark_skipped(skipped: dict[int, str]) -> None:
    by_reason: dict[str, list[int]] = {}
    for pk, reason in skipped.items():
        by_reason.setdefault(reason, []).append(pk)
    for reason, ids in by_reason.items():
        Delivery.objects.filter(pk__in=ids).update(status=DeliveryStatus.SKIPPED, last_error=reason)
        logger.info("reminders: skipped %s deliveries (%s)", len(ids), reason)


def _send(
    outgoing, report: SendReport, *, now: datetime, connection, digest_ids: dict[int, list[int]]
) -> None:
    with _fast_commits():
        _send_each(
            outgoing, report, now=now, connection=connection or get_connection(), digest_ids=digest_ids
        )


@contextlib.contextmanager
def _fast_commits():
    """Marks are written every few messages (see _Marks), and a durable commit for each (an fsync, 3-5 ms)
    would still cap a worker. PostgreSQL's asynchronous commit keeps every write atomic and ordered; only
    a crash of the database itself can lose the last fraction of a second of "sent" marks, and those few
    would be sent again."""
    if db_connection.vendor != "postgresql":
        yield
        return
    with db_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with db_connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


MARK_EVERY = 10  # messages accepted by SMTP before their "sent" marks are written in one UPDATE
MARK_WITHIN = 0.25  # seconds: a slow server does not leave accepted messages unmarked for longer


class _Marks:
    """ "Sent" marks written in small groups. One UPDATE per message cost as much as the rest of the
    message; a group of MARK_EVERY keeps the price of a killed worker small: at most that many messages
    (accepted but not yet marked) go out again after the lease."""

    def __init__(self, now: datetime, report: SendReport, digest_ids: dict[int, list[int]]) -> None:
        self.now, self.report, self.digest_ids = now, report, digest_ids
        self.ids: list[int] = []
        self.since = 0.0

    def add(self, delivery_id: int) -> None:
        if not self.ids:
            self.since = time.monotonic()
        self.ids.append(delivery_id)
        if len(self.ids) >= MARK_EVERY or time.monotonic() - self.since >= MARK_WITHIN:
            self.flush()

    def flush(self) -> None:
        if not self.ids:
            return
        ids, self.ids = self.ids, []
        Delivery.objects.filter(pk__in=ids).update(
            status=DeliveryStatus.SENT, sent_at=self.now, last_error=""
        )
        read = [pk for delivery_id in ids for pk in self.digest_ids.get(delivery_id, ())]
        if read:
            Notification.objects.filter(pk__in=read).update(awaits_digest=False)
        self.report.sent.extend(ids)


def _send_each(
    outgoing, report: SendReport, *, now: datetime, connection, digest_ids: dict[int, list[int]]
) -> None:
    opened = False
    marks = _Marks(now, report, digest_ids)
    try:
        for delivery, message in outgoing:
            try:
                if not opened:
                    connection.open()
                    opened = True
                connection.send_messages([message])
            except SMTP_ERRORS as error:
                _failed(delivery, error, report, now=now)
                if not _answered(error):
                    opened = _reset(connection)
                continue
            marks.add(delivery.pk)
    finally:
        marks.flush()
        if opened:
            _reset(connection)


def _answered(error: Exception) -> bool:
    """The server refused this one message and stays usable (smtplib already sent RSET): keep the
    connection for the rest of the batch. 421 means the server is closing it."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
    elif isinstance(error, (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)):
        codes = [error.smtp_code]
    else:
        return False
    return bool(codes) and 421 not in codes


def _reset(connection) -> bool:
    with contextlib.suppress(*SMTP_ERRORS):
        connection.close()
    return False


def _failed(delivery: Delivery, error: Exception, report: SendReport, *, now: datetime) -> None:
    reason = f"{type(error).__name__}: {error}"[:500]
    if delivery.attempts >= MAX_ATTEMPTS:
        Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.FAILED, last_error=reason)
        report.failed.append(delivery.pk)
        logger.error(
            "reminders: delivery %s failed for good after %s attempts: %s",
            delivery.pk,
            delivery.attempts,
            reason,
        )
        return
    delay = backoff(delivery.attempts)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.PENDING, not_before=now + delay, queued_at=now, last_error=reason
    )
    report.retry.append(delivery.pk)
    report.retry_in = min(report.retry_in or delay, delay)
    logger.warning(
        "reminders: delivery %s attempt %s failed (%s); retry in %s",
        delivery.pk,
        delivery.attempts,
        reason,
        delay,
    )
