"""Writes of the reports app: rebuilding the enrolment cube and logging exports."""

import time
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from accounts.models import MEKONG_COUNTRIES, User
from courses.models import Lesson
from learning.models import Enrolment, EnrolmentStatus, LessonProgress
from quizzes.models import Attempt, AttemptStatus, QuizPurpose
from reports import selectors
from reports.models import ActiveTrainees, CubeState, EnrolmentCube, ExportKind, ExportLog, Grain
from reports.permissions import Scope
from reports.selectors import certificate_model

BATCH = 5000


def _count_subquery(queryset, field: str = "pk") -> Subquery:
    """A correlated COUNT(*) as a scalar subquery (0 when nothing matches)."""
    counted = queryset.order_by().values(field).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _per_enrolment() -> "Enrolment":
    """Live enrolments annotated with the per-enrolment facts the cube counts."""
    required = Lesson.objects.live().filter(module__course_id=OuterRef("course_id"), is_required=True)
    done = LessonProgress.objects.filter(
        enrolment_id=OuterRef("pk"), lesson__is_required=True, lesson__archived_at__isnull=True
    )
    attempts = Attempt.objects.filter(
        trainee_id=OuterRef("trainee_id"),
        quiz__course_id=OuterRef("course_id"),
        status=AttemptStatus.SUBMITTED,
    ).exclude(quiz__purpose=QuizPurpose.PRE_TEST)
    # Knowledge gain as quizzes.selectors.knowledge_gains defines it: first pre-test attempt, best post-test.
    pre = (
        Attempt.objects.filter(
            trainee_id=OuterRef("trainee_id"),
            quiz__course_id=OuterRef("course_id"),
            quiz__purpose=QuizPurpose.PRE_TEST,
            status=AttemptStatus.SUBMITTED,
        )
        .order_by("number")
        .values("score")[:1]
    )
    post = (
        Attempt.objects.filter(
            trainee_id=OuterRef("trainee_id"),
            quiz__course_id=OuterRef("course_id"),
            quiz__purpose=QuizPurpose.POST_TEST,
            status=AttemptStatus.SUBMITTED,
        )
        .order_by("-score")
        .values("score")[:1]
    )
    certificate = certificate_model()
    certified = (
        Exists(certificate.objects.filter(enrolment_id=OuterRef("pk"), revoked_at__isnull=True))
        if certificate is not None
        else Value(False)
    )
    return (
        Enrolment.objects.exclude(status=EnrolmentStatus.WITHDRAWN)
        .filter(trainee__profile__isnull=False)
        .annotate(
            n_required=_count_subquery(required, "module__course_id"),
            n_done=_count_subquery(done, "enrolment_id"),
            n_attempts=_count_subquery(attempts, "trainee_id"),
            n_passed=_count_subquery(attempts.filter(passed=True), "trainee_id"),
            pre=Subquery(pre, output_field=FloatField()),
            post=Subquery(post, output_field=FloatField()),
            is_certified=certified,
        )
    )


def _cube_rows() -> list[EnrolmentCube]:
    is_completed = Q(status=EnrolmentStatus.COMPLETED)
    is_started = is_completed | Q(last_activity_at__isnull=False) | Q(n_done__gt=0)
    # Half-way: at least half of the required lessons done (twice the lessons done >= lessons required).
    is_halfway = is_completed | Q(n_required__gt=0, twice_done__gte=F("n_required"))
    has_gain = Q(pre__isnull=False, post__isnull=False)
    rows = (
        _per_enrolment()
        .annotate(twice_done=F("n_done") * 2)
        .values(
            "course_id",
            country=F("trainee__profile__country"),
            sex=F("trainee__profile__sex"),
            age_band=F("trainee__profile__age_band"),
            organisation_id=F("trainee__profile__organisation_id"),
            programme_id=F("course__programme_id"),
            cohort_id=F("cohort_participant__cohort_id"),  # one Participant per enrolment at most
            month=TruncMonth("enrolled_at"),
        )
        .annotate(
            c_enrolled=Count("*"),
            c_started=Count("pk", filter=is_started),
            c_halfway=Count("pk", filter=is_halfway),
            c_completed=Count("pk", filter=is_completed),
            c_certified=Count("pk", filter=Q(is_certified=True)),
            c_attempts=Sum("n_attempts"),
            c_passed=Sum("n_passed"),
            c_gain_people=Count("pk", filter=has_gain),
            c_gain_sum=Sum(F("post") - F("pre"), filter=has_gain),
        )
        .order_by()
    )
    return _roll_up(rows.iterator(chunk_size=BATCH))


MEASURES = {
    "enrolled": "c_enrolled",
    "started": "c_started",
    "halfway": "c_halfway",
    "completed": "c_completed",
    "certified": "c_certified",
    "quiz_attempts": "c_attempts",
    "quiz_passed": "c_passed",
    "gain_people": "c_gain_people",
    "gain_sum": "c_gain_sum",
}


def _roll_up(rows) -> list[EnrolmentCube]:
    """Sum the finest cells (with sex and age band) into the three grains the reports read."""
    cells: dict[tuple, dict] = {}
    for row in rows:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        base = (
            row["country"],
            row["organisation_id"],
            row["programme_id"],
            row["course_id"],
            row["cohort_id"],
            month,
        )
        for key in (
            (Grain.ALL, "", "", *base),
            (Grain.SEX, row["sex"], "", *base),
            (Grain.AGE, "", row["age_band"], *base),
        ):
            sums = cells.setdefault(key, dict.fromkeys(MEASURES, 0))
            for name, column in MEASURES.items():
                sums[name] += row[column] or 0
    return [
        EnrolmentCube(
            grain=grain,
            sex=sex,
            age_band=age_band,
            country=country,
            organisation_id=organisation_id,
            programme_id=programme_id,
            course_id=course_id,
            cohort_id=cohort_id,
            month=month,
            **{**sums, "gain_sum": float(sums["gain_sum"])},
        )
        for (
            grain,
            sex,
            age_band,
            country,
            organisation_id,
            programme_id,
            course_id,
            cohort_id,
            month,
        ), sums in cells.items()
    ]


def _active_rows(now: datetime) -> list[ActiveTrainees]:
    """Distinct trainees active in the 30 days before ``now``, per (country, organisation), per programme
    too, per course too and per cohort too (selectors.active_trainee_count sums the rows of one level). The
    cohort level has rows for enrolments taken in a cohort only: the course level counts the rest."""
    active = (
        Enrolment.objects.exclude(status=EnrolmentStatus.WITHDRAWN)
        .filter(
            trainee__profile__isnull=False,
            last_activity_at__gte=now - timedelta(days=selectors.ACTIVE_DAYS),
        )
        .order_by()
    )
    dimensions = {
        "country": "trainee__profile__country",
        "organisation_id": "trainee__profile__organisation_id",
        "programme_id": "course__programme_id",
        "course_id": "course_id",
        "cohort_id": "cohort_participant__cohort_id",
    }
    rows = []
    for depth in (2, 3, 4, 5):  # every course; per programme; per course; per cohort
        names = list(dimensions)[:depth]
        enrolments = active.filter(cohort_participant__isnull=False) if depth == 5 else active
        grouped = enrolments.values(*(dimensions[name] for name in names))
        for row in grouped.annotate(trainees=Count("trainee_id", distinct=True)):
            fields = {name: row[dimensions[name]] for name in names}
            rows.append(ActiveTrainees(trainees=row["trainees"], **fields))
    return rows


@transaction.atomic
def rebuild_cube() -> CubeState:
    """Recompute the whole cube from the live tables. Idempotent; concurrent rebuilds queue on a row lock."""
    started = time.monotonic()
    CubeState.objects.get_or_create(pk=1)
    state = CubeState.objects.select_for_update().get(pk=1)
    now = timezone.now()
    rows = _cube_rows()
    active = _active_rows(now)
    EnrolmentCube.objects.all().delete()
    EnrolmentCube.objects.bulk_create(rows, batch_size=BATCH)
    ActiveTrainees.objects.all().delete()
    ActiveTrainees.objects.bulk_create(active, batch_size=BATCH)
    state.built_at = timezone.now()
    state.rows = len(rows)
    state.duration_ms = int((time.monotonic() - started) * 1000)
    state.save()
    return state


def warm_dashboards() -> None:
    """Compute the unfiltered figures of every scope (all six countries, then each one) right after a
    rebuild, so the first coordinator to open the dashboard does not wait for them."""
    built_at = selectors.cube_built_at()
    for countries, is_regional in [
        (tuple(MEKONG_COUNTRIES), True),
        *[((c,), False) for c in MEKONG_COUNTRIES],
    ]:
        selectors.raw_figures(
            scope=Scope(countries, is_regional), filters=selectors.Filters(), built_at=built_at
        )


def log_export(
    *, user: User, scope: Scope, kind: str, table: str, file_format: str, filters: dict
) -> ExportLog:
    if kind not in ExportKind.values:
        raise ValueError(kind)
    return ExportLog.objects.create(
        user=user, kind=kind, table=table, file_format=file_format, filters=filters, scope=scope.label
    )
