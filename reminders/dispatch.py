"""The dispatcher: find what is due, record it in the sent-log, fan out send tasks.

Celery beat runs `dispatch_due` every few minutes. Each kind is one SQL selection walked in keyset batches
(`pk > last ORDER BY pk LIMIT n`), already narrowed in SQL to people whose local time is daytime and who
have not switched the kind off. Per batch: one SELECT of candidates, one SELECT of sent-log keys that exist
already, one INSERT of the new rows and one SELECT of the ids this run inserted. So the number of queries
grows with the number of batches, never with the number of enrolments.

Nothing is sent twice: the sent-log's unique key (recipient, kind, subject, sequence) is the arbiter. Two
overlapping dispatchers insert each row once between them, and each fans out only the rows it inserted.
The sweep at the end re-queues rows whose task was lost (broker down, worker killed).
"""

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User
from courses.models import Course, CourseStatus
from learning.models import Enrolment, EnrolmentStatus
from quizzes.models import Attempt, AttemptStatus
from reminders import kinds, services, timezones
from reminders.models import (
    Delivery,
    DeliveryStatus,
    EmailMode,
    Kind,
    Notification,
    NotificationPreference,
    OptOut,
)

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
REQUEUE_AFTER = timedelta(minutes=15)  # a queued row still pending after this lost its task
LEASE = timedelta(minutes=15)  # longer than the task time limit: a row "sending" this long lost its worker
INACTIVITY_GRACE = timedelta(days=7)  # a nudge missed by more than this (site down, night) is dropped


@dataclass
class DispatchReport:
    created: Counter = field(default_factory=Counter)
    requeued: int = 0
    batches: int = 0

    @property
    def total(self) -> int:
        return sum(self.created.values())

    def as_dict(self) -> dict:
        return {
            "created": {str(k): n for k, n in self.created.items()},
            "requeued": self.requeued,
            "batches": self.batches,
        }


@dataclass
class Candidate:
    recipient_id: int
    subject_id: int
    sequence: int = 0
    context: dict = field(default_factory=dict)


def dispatch_due(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> DispatchReport:
    run = _Run(now or timezone.now(), batch_size)
    run.welcome()
    run.inactivity()
    run.deadlines()
    run.quiz_failed()
    run.trainer_digest()
    run.daily_digest()
    run.sweep()
    if run.report.total or run.report.requeued:
        logger.info("reminders dispatched: %s", run.report.as_dict())
    return run.report


class _Run:
    def __init__(self, now: datetime, batch_size: int) -> None:
        self.now = now
        self.batch_size = batch_size
        self.report = DispatchReport()
        self.book = kinds.RuleBook.load()
        self.chosen_zones = set(
            NotificationPreference.objects.exclude(time_zone="")
            .values_list("time_zone", flat=True)
            .distinct()
        )
        self.enrolment_type = ContentType.objects.get_for_model(Enrolment)
        self.attempt_type = ContentType.objects.get_for_model(Attempt)
        self.user_type = ContentType.objects.get_for_model(User)

    # --- shared pieces ---------------------------------------------------------------------------
    def reachable(self, queryset: QuerySet, *, kind: str, person: str) -> QuerySet:
        """Only active people, in their daytime, who have not switched `kind` off."""
        prefix = f"{person}__" if person else ""
        daytime = timezones.daytime_q(
            self.now,
            chosen_zones=self.chosen_zones,
            tz_field=f"{prefix}notification_preference__time_zone",
            country_field=f"{prefix}profile__country",
        )
        opted_out = OptOut.objects.filter(user_id=OuterRef(f"{person}_id" if person else "pk"), kind=kind)
        return queryset.filter(daytime, **{f"{prefix}is_active": True}).exclude(Exists(opted_out))

    def batches(self, queryset: QuerySet, *fields: str) -> Iterator[list[dict]]:
        last = 0
        while True:
            rows = list(queryset.filter(pk__gt=last).order_by("pk").values("pk", *fields)[: self.batch_size])
            self.report.batches += 1
            if rows:
                yield rows
            if len(rows) < self.batch_size:
                return
            last = rows[-1]["pk"]

    def record(self, kind: str, subject_type: ContentType, candidates: list[Candidate]) -> None:
        if not candidates:
            return
        existing = set(
            Delivery.objects.filter(
                kind=kind, subject_type=subject_type, subject_id__in={c.subject_id for c in candidates}
            ).values_list("recipient_id", "subject_id", "sequence")
        )
        rows = [
            Delivery(
                recipient_id=c.recipient_id,
                kind=kind,
                subject_type=subject_type,
                subject_id=c.subject_id,
                sequence=c.sequence,
                context=c.context,
                created_at=self.now,
                not_before=self.now,
                queued_at=self.now,
            )
            for c in candidates
            if (c.recipient_id, c.subject_id, c.sequence) not in existing
        ]
        if not rows:
            return
        with transaction.atomic():
            ids = services.record_deliveries(rows)
            services.queue_for_sending(ids)
        self.report.created[kind] += len(ids)

    def rule(self, kind: str, row: dict, course: str = "course_id", programme: str = "course__programme_id"):
        return self.book.rule(kind=kind, course_id=row[course], programme_id=row[programme])

    def live_enrolments(self, kind: str) -> QuerySet:
        enrolments = Enrolment.objects.filter(
            status=EnrolmentStatus.ACTIVE, course__status=CourseStatus.PUBLISHED
        )
        return self.reachable(enrolments, kind=kind, person="trainee")

    # --- the kinds ---------------------------------------------------------------------------------
    def welcome(self) -> None:
        queryset = self.live_enrolments(Kind.WELCOME).filter(
            enrolled_at__gt=self.now - kinds.WELCOME_WITHIN, enrolled_at__lte=self.now
        )
        for rows in self.batches(queryset, "trainee_id", "course_id", "course__programme_id"):
            due = [
                Candidate(row["trainee_id"], row["pk"])
                for row in rows
                if self.rule(Kind.WELCOME, row).is_enabled
            ]
            self.record(Kind.WELCOME, self.enrolment_type, due)

    def inactivity(self) -> None:
        rules = [rule for rule in self.book.all_rules(Kind.INACTIVITY) if rule.is_enabled]
        if not rules:
            return
        shortest = min(rule.nudge_offsets()[0] for rule in rules)
        longest = max(rule.nudge_offsets()[-1] for rule in rules)
        queryset = (
            self.live_enrolments(Kind.INACTIVITY)
            .annotate(idle_since=Coalesce("last_activity_at", "enrolled_at"))
            .filter(idle_since__lte=self.now - shortest, idle_since__gt=self.now - longest - INACTIVITY_GRACE)
        )
        for rows in self.batches(queryset, "trainee_id", "course_id", "course__programme_id", "idle_since"):
            due = []
            for row in rows:
                rule = self.rule(Kind.INACTIVITY, row)
                if not rule.is_enabled:
                    continue
                idle = self.now - row["idle_since"]
                offsets = rule.nudge_offsets()
                stages = [n for n, offset in enumerate(offsets, 1) if idle >= offset]
                if not stages or idle > offsets[stages[-1] - 1] + INACTIVITY_GRACE:
                    continue
                stage = stages[-1]  # a missed earlier nudge is not sent late: only the latest that is due
                # One idle spell, one set of nudges: the spell is named by when it started.
                sequence = int(row["idle_since"].timestamp()) * 10 + stage
                context = {"stage": stage, "of": len(offsets), "idle_since": row["idle_since"].isoformat()}
                due.append(Candidate(row["trainee_id"], row["pk"], sequence, context))
            self.record(Kind.INACTIVITY, self.enrolment_type, due)

    def deadlines(self) -> None:
        """End dates approaching while the course is incomplete.

        Only the course's enrolment end date exists today; a cohort end date (learning's cohorts) becomes
        a second source with the same shape: (enrolment row, deadline) pairs, sequence from the date.
        """
        rules = [rule for rule in self.book.all_rules(Kind.DEADLINE) if rule.is_enabled]
        if not rules:
            return
        horizon = max(max(rule.days_before) for rule in rules)
        queryset = self.live_enrolments(Kind.DEADLINE).filter(
            course__enrolment_closes_at__gt=self.now,
            course__enrolment_closes_at__lte=self.now + timedelta(days=horizon),
        )
        fields = ("trainee_id", "course_id", "course__programme_id", "course__enrolment_closes_at")
        for rows in self.batches(queryset, *fields):
            due = []
            for row in rows:
                rule = self.rule(Kind.DEADLINE, row)
                deadline = row["course__enrolment_closes_at"]
                stages = [d for d in rule.days_before if self.now >= deadline - timedelta(days=d)]
                if not rule.is_enabled or not stages:
                    continue
                days = min(stages)  # enrolled late: the nearest reminder only, not both at once
                sequence = deadline.date().toordinal() * 100 + days
                context = {"days_before": days, "deadline": deadline.isoformat()}
                due.append(Candidate(row["trainee_id"], row["pk"], sequence, context))
            self.record(Kind.DEADLINE, self.enrolment_type, due)

    def quiz_failed(self) -> None:
        same = {"quiz_id": OuterRef("quiz_id"), "trainee_id": OuterRef("trainee_id")}
        later = Attempt.objects.filter(**same, number__gt=OuterRef("number"))
        passed = Attempt.objects.filter(**same, passed=True)
        used = (
            Attempt.objects.filter(**same, status=AttemptStatus.SUBMITTED)
            .order_by()
            .values("quiz_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        enrolled = Enrolment.objects.filter(
            trainee_id=OuterRef("trainee_id"),
            course_id=OuterRef("quiz__course_id"),
            status=EnrolmentStatus.ACTIVE,
        )
        attempts = Attempt.objects.filter(
            status=AttemptStatus.SUBMITTED,
            passed=False,
            submitted_at__lte=self.now - kinds.QUIZ_FAILED_AFTER,
            submitted_at__gt=self.now - kinds.QUIZ_FAILED_WITHIN,
            quiz__is_published=True,
            quiz__course__status=CourseStatus.PUBLISHED,
        )
        queryset = (
            self.reachable(attempts, kind=Kind.QUIZ_FAILED, person="trainee")
            .filter(Exists(enrolled))
            .exclude(Exists(later))
            .exclude(Exists(passed))
            .annotate(used=Subquery(used))
            .filter(Q(quiz__max_attempts__isnull=True) | Q(used__lt=F("quiz__max_attempts")))
        )
        for rows in self.batches(queryset, "trainee_id", "quiz__course_id", "quiz__course__programme_id"):
            due = [
                Candidate(row["trainee_id"], row["pk"])
                for row in rows
                if self.rule(
                    Kind.QUIZ_FAILED, row, "quiz__course_id", "quiz__course__programme_id"
                ).is_enabled
            ]
            self.record(Kind.QUIZ_FAILED, self.attempt_type, due)

    def trainer_digest(self) -> None:
        teaching = Course.trainers.through.objects.filter(course__status=CourseStatus.PUBLISHED).values(
            "user_id"
        )
        queryset = self.reachable(User.objects.filter(pk__in=teaching), kind=Kind.TRAINER_DIGEST, person="")
        for rows in self.batches(queryset, "notification_preference__time_zone", "profile__country"):
            due = []
            for row in rows:
                zone_name = timezones.zone_name_for(
                    time_zone=row["notification_preference__time_zone"], country=row["profile__country"]
                )
                today = timezones.local(self.now, zone_name).date()
                if today.weekday() != kinds.TRAINER_DIGEST_WEEKDAY:
                    continue
                week = today.isocalendar()
                due.append(
                    Candidate(
                        row["pk"], row["pk"], week.year * 100 + week.week, {"week_of": today.isoformat()}
                    )
                )
            self.record(Kind.TRAINER_DIGEST, self.user_type, due)

    def daily_digest(self) -> None:
        waiting = Notification.objects.filter(recipient_id=OuterRef("pk"), awaits_digest=True)
        people = User.objects.filter(notification_preference__email_mode=EmailMode.DAILY).filter(
            Exists(waiting)
        )
        queryset = self.reachable(people, kind=Kind.DAILY_DIGEST, person="")
        for rows in self.batches(queryset, "notification_preference__time_zone", "profile__country"):
            due = []
            for row in rows:
                zone_name = timezones.zone_name_for(
                    time_zone=row["notification_preference__time_zone"], country=row["profile__country"]
                )
                today = timezones.local(self.now, zone_name).date()
                due.append(Candidate(row["pk"], row["pk"], today.toordinal(), {"day": today.isoformat()}))
            self.record(Kind.DAILY_DIGEST, self.user_type, due)

    # --- lost tasks --------------------------------------------------------------------------------
    def sweep(self) -> None:
        stuck = Delivery.objects.filter(status=DeliveryStatus.SENDING, claimed_at__lt=self.now - LEASE)
        revived = stuck.update(status=DeliveryStatus.PENDING, queued_at=None)
        if revived:
            logger.warning(
                "reminders: %s deliveries were left sending by a lost worker; queued again", revived
            )
        open_rows = Delivery.objects.filter(status=DeliveryStatus.PENDING, not_before__lte=self.now).filter(
            Q(queued_at__isnull=True) | Q(queued_at__lt=self.now - REQUEUE_AFTER)
        )
        while True:
            ids = list(open_rows.order_by("pk").values_list("pk", flat=True)[: self.batch_size])
            if not ids:
                return
            with transaction.atomic():
                Delivery.objects.filter(pk__in=ids).update(queued_at=self.now)
                services.queue_for_sending(ids)
            self.report.requeued += len(ids)
            if len(ids) < self.batch_size:
                return
