"""Reads for cohorts: the pages' data, the completion rule's arithmetic, and the figures the reports app
counts (participants, sessions held, attendance rate), disaggregable by country, sex and age band.

Every function runs a fixed number of queries, however many participants or sessions there are. The
reporting functions take an optional `cohorts` queryset so that reports can pass a permission-scoped set
(a national coordinator's country, one programme, a date range ...). Small-cell suppression is the reports
app's job: these functions return raw counts. See docs/cohorts.md, "Figures for reports".
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from learning.models import Attendance, Cohort, CohortSession, Participant

DIMENSIONS = ("country", "sex", "age_band", "has_account")


# --- The completion rule ----------------------------------------------------------------------------
def meets_rule(*, attended: int, total: int, percent: int | None) -> bool:
    """At least `percent` % of the cohort's sessions (cancelled ones do not count). Without a rule, having
    attended one session is enough for an attendance certificate."""
    if percent is None:
        return attended > 0
    return total > 0 and attended * 100 >= percent * total


def countable_sessions(cohort_id: int) -> QuerySet[CohortSession]:
    return CohortSession.objects.filter(cohort_id=cohort_id, is_cancelled=False)


def participant_attendance(*, participant: Participant) -> tuple[int, int]:
    """(sessions attended, sessions counted) for one participant, in one query."""
    row = CohortSession.objects.filter(cohort_id=participant.cohort_id, is_cancelled=False).aggregate(
        total=Count("pk", distinct=True),
        attended=Count(
            "attendance",
            filter=Q(attendance__participant=participant, attendance__present=True),
            distinct=True,
        ),
    )
    return row["attended"], row["total"]


# --- Pages ------------------------------------------------------------------------------------------
def cohort_list(*, visible: QuerySet[Cohort]) -> QuerySet[Cohort]:
    return (
        visible.select_related("course", "partner")
        .annotate(
            participant_count=Coalesce(
                Subquery(
                    Participant.objects.filter(cohort=OuterRef("pk"))
                    .values("cohort")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
            next_session_at=Subquery(
                CohortSession.objects.filter(
                    cohort=OuterRef("pk"), is_cancelled=False, ends_at__gte=timezone.now()
                ).values("starts_at")[:1]
            ),
        )
        .order_by("-starts_on", "name")
    )


def participants_with_attendance(*, cohort: Cohort) -> list[Participant]:
    """The cohort's participants, each with `attended` (present at countable sessions), `total` and
    `completed` (meets the rule). Two queries."""
    total = countable_sessions(cohort.pk).count()
    participants = list(
        Participant.objects.filter(cohort=cohort)
        .select_related("enrolment")
        .annotate(
            attended=Count(
                "attendance", filter=Q(attendance__present=True, attendance__session__is_cancelled=False)
            )
        )
    )
    for participant in participants:
        participant.total = total
        participant.completed = meets_rule(
            attended=participant.attended, total=total, percent=cohort.min_attendance_percent
        )
    return participants


def sessions_of(*, cohort: Cohort) -> QuerySet[CohortSession]:
    return (
        CohortSession.objects.filter(cohort=cohort)
        .select_related("module")
        .annotate(present_count=Count("attendance", filter=Q(attendance__present=True)))
    )


class SheetRow(NamedTuple):
    pk: int
    name: str
    present: bool | None  # None: not marked yet


def attendance_sheet(*, session: CohortSession) -> list[SheetRow]:
    """The cohort's participants and their mark for the session: one query (a filtered LEFT JOIN), no model
    instances."""
    rows = (
        Participant.objects.filter(cohort_id=session.cohort_id)
        .annotate(mark=FilteredRelation("attendance", condition=Q(attendance__session_id=session.pk)))
        .order_by("display_name", "pk")
        .values_list("pk", "display_name", "mark__present")
    )
    return [SheetRow(*row) for row in rows]


def certificate_recipients(*, cohort: Cohort) -> list[Participant]:
    """Participants without an account who meet the rule: they get a printed attendance certificate
    (account holders get theirs through the certificates app when the course completes)."""
    return [p for p in participants_with_attendance(cohort=cohort) if p.completed and not p.has_account]


def upcoming_sessions(*, cohort: Cohort) -> QuerySet[CohortSession]:
    return sessions_of(cohort=cohort).filter(ends_at__gte=timezone.now(), is_cancelled=False)


# --- Figures for reports ----------------------------------------------------------------------------
def _scope(cohorts: QuerySet[Cohort] | None) -> QuerySet[Cohort]:
    return Cohort.objects.all() if cohorts is None else cohorts


def _participant_dimensions(prefix: str, by: tuple[str, ...]) -> dict:
    for name in by:
        if name not in DIMENSIONS:
            raise ValueError(f"Unknown dimension {name!r}; use some of {DIMENSIONS}.")
    fields = {}
    for name in by:
        if name == "has_account":
            fields[name] = Q(**{f"{prefix}enrolment__isnull": False})
        else:
            fields[name] = f"{prefix}{name}"
    return fields


def _grouped(
    queryset, prefix: str, by: tuple[str, ...], *, also: tuple[str, ...] = (), **aggregates
) -> QuerySet:
    fields = _participant_dimensions(prefix, by)
    annotations = {
        f"_d_{name}": ExpressionWrapper(value, output_field=BooleanField())
        if isinstance(value, Q)
        else F(value)
        for name, value in fields.items()
    }
    return (
        queryset.annotate(**annotations)
        .values(*also, *annotations)
        .annotate(**aggregates)
        .order_by(*also, *annotations)
    )


def _key(row: dict, by: tuple[str, ...]) -> tuple:
    return tuple(row[f"_d_{name}"] for name in by)


def participant_counts(
    *, by: tuple[str, ...] = (), cohorts: QuerySet[Cohort] | None = None
) -> dict[tuple, int]:
    """How many participants, grouped by `by` (any of DIMENSIONS). One query.

    >>> participant_counts(by=("country", "sex"))
    {("KH", "female"): 31, ("KH", "male"): 12, ...}
    """
    participants = Participant.objects.filter(cohort__in=_scope(cohorts))
    if not by:
        return {(): participants.count()}
    return {_key(row, by): row["n"] for row in _grouped(participants, "", by, n=Count("pk"))}


def sessions_held(
    *, cohorts: QuerySet[Cohort] | None = None, by_country: bool = False, now: datetime | None = None
) -> dict[tuple, int]:
    """Sessions that have taken place (started, not cancelled), optionally by the cohort's country."""
    sessions = CohortSession.objects.filter(
        cohort__in=_scope(cohorts), is_cancelled=False, starts_at__lte=now or timezone.now()
    )
    if not by_country:
        return {(): sessions.count()}
    rows = sessions.values("cohort__country").annotate(n=Count("pk")).order_by("cohort__country")
    return {(row["cohort__country"],): row["n"] for row in rows}


@dataclass(frozen=True)
class AttendanceFigure:
    participants: int
    possible: int  # participant-sessions: each participant times the sessions held in their cohort
    present: int

    @property
    def rate(self) -> float | None:
        """Share of possible attendances that happened (0..1), or None when no session was held."""
        return self.present / self.possible if self.possible else None


def attendance_rates(
    *, by: tuple[str, ...] = (), cohorts: QuerySet[Cohort] | None = None, now: datetime | None = None
) -> dict[tuple, AttendanceFigure]:
    """Attendance rate by group: present marks at held sessions / (participants x sessions held in their
    cohort). Three queries, whatever the number of cohorts or participants."""
    now = now or timezone.now()
    scope = _scope(cohorts)
    held = dict(
        CohortSession.objects.filter(cohort__in=scope, is_cancelled=False, starts_at__lte=now)
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values_list("cohort_id", "n")
    )
    per_cohort = _grouped(
        Participant.objects.filter(cohort__in=scope), "", by, also=("cohort_id",), n=Count("pk")
    )
    participants: dict[tuple, int] = defaultdict(int)
    possible: dict[tuple, int] = defaultdict(int)
    for row in per_cohort:
        key = _key(row, by)
        participants[key] += row["n"]
        possible[key] += row["n"] * held.get(row["cohort_id"], 0)
    present_marks = Attendance.objects.filter(
        participant__cohort__in=scope, present=True, session__is_cancelled=False, session__starts_at__lte=now
    )
    if not by:
        present = {(): present_marks.count()}
    else:
        present = {
            _key(row, by): row["n"] for row in _grouped(present_marks, "participant__", by, n=Count("pk"))
        }
    return {
        key: AttendanceFigure(
            participants=participants[key], possible=possible[key], present=present.get(key, 0)
        )
        for key in sorted(participants, key=lambda k: tuple(str(part) for part in k))
    }


def completions(*, cohorts: QuerySet[Cohort] | None = None, by: tuple[str, ...] = ()) -> dict[tuple, int]:
    """Participants who meet their cohort's attendance rule, grouped by `by`. Two queries."""
    scope = _scope(cohorts)
    totals = dict(
        CohortSession.objects.filter(cohort__in=scope, is_cancelled=False)
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values_list("cohort_id", "n")
    )
    fields = _participant_dimensions("", by)
    rows = (
        Participant.objects.filter(cohort__in=scope)
        .annotate(
            attended=Count(
                "attendance", filter=Q(attendance__present=True, attendance__session__is_cancelled=False)
            )
        )
        .values(
            "pk",
            "cohort_id",
            "cohort__min_attendance_percent",
            "attended",
            "enrolment_id",
            *[value for value in fields.values() if isinstance(value, str)],
        )
    )
    result: dict[tuple, int] = defaultdict(int)
    for row in rows:
        if meets_rule(
            attended=row["attended"],
            total=totals.get(row["cohort_id"], 0),
            percent=row["cohort__min_attendance_percent"],
        ):
            key = tuple(
                row["enrolment_id"] is not None if name == "has_account" else row[name] for name in by
            )
            result[key] += 1
    return dict(result)
