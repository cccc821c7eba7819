"""Reads of the reports app. Every function takes the viewer's Scope and applies it in its WHERE clause;
figures leave this module only as suppressed tables (reports.suppression), never as raw small counts.

Figures, all over the enrolments that are not withdrawn, of trainees in scope:
- enrolled: enrolments; started: opened a lesson or completed one; half-way: at least half of the required
  lessons done; completed; certified: a certificate that is not revoked.
- completion rate: completed / enrolled. Quiz pass rate: passed / submitted attempts (pre-tests excluded).
- knowledge gain: mean of (best post-test score - first pre-test score) in points, over trainees with both.
- active trainees: distinct trainees with any activity in the 30 days before the last cube rebuild
  (models.ActiveTrainees, taken by the rebuild: distinct counts do not add up over courses).

Speed: a dashboard's figures come from three queries over the summary tables (docs/reports.md): the totals
and six breakdowns in one pass over the cube's "all" grain (GROUPING SETS on PostgreSQL), sex and age band
in one pass over their two grains, and the active trainees; plus the face-to-face ones.

Face-to-face (learning.Cohort), read live through learning.cohorts.selectors and cached with the rest:
- participants of cohorts held in the scope's countries (Cohort.country) whose own country is in scope too,
  with and without an account; sessions held (started, not cancelled) per cohort country; attendance rate:
  present marks / (participants x sessions held in their cohort); completed: meets the cohort's rule.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.models import AgeBand, Country, PartnerOrganisation, Sex
from courses.models import Course, Programme
from learning.cohorts import selectors as cohort_selectors
from learning.models import Cohort, Enrolment, EnrolmentStatus
from reports import suppression
from reports.models import ActiveTrainees, CubeState, EnrolmentCube, Grain
from reports.permissions import Scope
from reports.suppression import COMPLEMENTARY, PRIMARY, SHOWN, Cell

ACTIVE_DAYS = 30
FIGURES_TTL = 3600
COUNTS = ("enrolled", "started", "halfway", "completed", "certified")
SUMS = (*COUNTS, "quiz_attempts", "quiz_passed", "gain_people", "gain_sum")


@dataclass(frozen=True)
class Filters:
    """Validated filters (see forms.ReportFilterForm); None means "all"."""

    date_from: date | None = None
    date_to: date | None = None
    programme_id: int | None = None
    course_id: int | None = None
    country: str | None = None
    partner_id: int | None = None
    cohort_id: int | None = None

    def as_dict(self) -> dict:
        return {
            key: (value.isoformat()[:7] if isinstance(value, date) else value)
            for key, value in self.__dict__.items()
            if value is not None
        }


def certificate_model():
    """The certificates app's Certificate model, or None while that app has no model yet (it is built in
    parallel; a lazy lookup keeps reports working either way)."""
    try:
        return apps.get_model("certificates", "Certificate")
    except LookupError:
        return None


def _countries(scope: Scope, filters: Filters) -> tuple[str, ...]:
    if filters.country is None:
        return scope.countries
    if filters.country not in scope.countries:
        raise PermissionDenied
    return (filters.country,)


def cube_in_scope(
    *, scope: Scope, filters: Filters, grains: tuple[str, ...] = (Grain.ALL,)
) -> QuerySet[EnrolmentCube]:
    cube = EnrolmentCube.objects.filter(grain__in=grains, country__in=_countries(scope, filters))
    if filters.date_from:
        cube = cube.filter(month__gte=filters.date_from)
    if filters.date_to:
        cube = cube.filter(month__lte=filters.date_to)
    if filters.programme_id:
        cube = cube.filter(programme_id=filters.programme_id)
    if filters.course_id:
        cube = cube.filter(course_id=filters.course_id)
    if filters.partner_id:
        cube = cube.filter(organisation_id=filters.partner_id)
    if filters.cohort_id:
        cube = cube.filter(cohort_id=filters.cohort_id)
    return cube.order_by()


def _next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def enrolments_in_scope(*, scope: Scope, filters: Filters) -> QuerySet[Enrolment]:
    """Live enrolments of trainees in scope (participant export, active trainees)."""
    enrolments = Enrolment.objects.exclude(status=EnrolmentStatus.WITHDRAWN).filter(
        trainee__profile__country__in=_countries(scope, filters)
    )
    if filters.date_from:
        enrolments = enrolments.filter(enrolled_at__date__gte=filters.date_from)
    if filters.date_to:
        enrolments = enrolments.filter(enrolled_at__date__lt=_next_month(filters.date_to))
    if filters.programme_id:
        enrolments = enrolments.filter(course__programme_id=filters.programme_id)
    if filters.course_id:
        enrolments = enrolments.filter(course_id=filters.course_id)
    if filters.partner_id:
        enrolments = enrolments.filter(trainee__profile__organisation_id=filters.partner_id)
    if filters.cohort_id:
        enrolments = enrolments.filter(cohort_participant__cohort_id=filters.cohort_id)
    return enrolments


def active_trainee_count(*, scope: Scope, filters: Filters) -> int:
    """Distinct trainees active in the 30 days before the last rebuild. The month range does not apply (it
    is always "the last 30 days"). One level of ActiveTrainees is summed: every course, one programme, one
    course or one cohort. Raw: callers suppress it (see dashboard)."""
    active = ActiveTrainees.objects.filter(country__in=_countries(scope, filters))
    if filters.partner_id:
        active = active.filter(organisation_id=filters.partner_id)
    if filters.cohort_id:
        active = active.filter(cohort_id=filters.cohort_id)
        # A cohort of another course or programme: nobody.
        if filters.course_id:
            active = active.filter(course_id=filters.course_id)
        if filters.programme_id:
            active = active.filter(programme_id=filters.programme_id)
    elif filters.course_id:
        active = active.filter(course_id=filters.course_id, cohort__isnull=True)
        if filters.programme_id:  # a course of another programme: nobody
            active = active.filter(programme_id=filters.programme_id)
    elif filters.programme_id:
        active = active.filter(programme_id=filters.programme_id, course__isnull=True)
    else:
        active = active.filter(programme__isnull=True, course__isnull=True)
    return active.aggregate(n=Sum("trainees"))["n"] or 0


# --- tables -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    slug: str
    label: str


@dataclass
class Row:
    key: str
    label: str
    cells: dict[str, Cell]

    def __getitem__(self, slug: str) -> Cell:
        return self.cells[slug]

    @property
    def cell_list(self) -> list[Cell]:
        return list(self.cells.values())


@dataclass
class Table:
    slug: str
    title: str
    dimension: str
    columns: list[Column]
    rows: list[Row]
    total: Row | None = None

    def chart_rows(self, slug: str = "enrolled") -> list[tuple[str, Cell]]:
        return [(row.label, row[slug]) for row in self.rows]


def _columns() -> list[Column]:
    return [
        Column("enrolled", _("Enrolled")),
        Column("completed", _("Completed")),
        Column("completion_rate", _("Completion rate")),
        Column("certified", _("Certified")),
        Column("quiz_pass_rate", _("Quiz pass rate")),
        Column("knowledge_gain", _("Knowledge gain (points)")),
    ]


def _suppressed_rows(raw: list[dict], totals: dict) -> tuple[list[dict], dict]:
    """Cells for each count of each row, suppressed row-wise then column-wise; and the totals' cells."""
    states = {
        name: suppression.primary_states([r[name] for r in raw])
        for name in ("enrolled", "completed", "certified")
    }
    # A row whose base is hidden hides everything in it: "0 of <5 completed" would still say something.
    for index, state in enumerate(states["enrolled"]):
        if state == PRIMARY:
            for name in ("completed", "certified"):
                states[name][index] = PRIMARY
    cells = [{} for _ in raw]
    for name, column in states.items():
        column = suppression.complement([r[name] for r in raw], column)
        for index, state in enumerate(column):
            cells[index][name] = Cell(value=raw[index][name] if state == SHOWN else None, state=state)
    total_cells = {
        name: suppression.count_cell(totals[name]) for name in ("enrolled", "completed", "certified")
    }
    return cells, total_cells


def _row(key: str, label: str, counts: dict[str, Cell], raw: dict) -> Row:
    return Row(
        key=key,
        label=label,
        cells={
            "enrolled": counts["enrolled"],
            "completed": counts["completed"],
            "completion_rate": suppression.rate_cell(counts["completed"], counts["enrolled"]),
            "certified": counts["certified"],
            "quiz_pass_rate": (
                suppression.pass_rate_cell(raw["quiz_passed"], raw["quiz_attempts"])
                if not counts["enrolled"].is_hidden
                else Cell(value=None, kind="percent")
            ),
            "knowledge_gain": suppression.mean_cell(raw["gain_sum"], raw["gain_people"]),
        },
    )


def _table(slug: str, title: str, dimension: str, raw: list[dict], totals: dict) -> Table:
    cells, total_cells = _suppressed_rows(raw, totals)
    rows = [_row(r["key"], r["label"], c, r) for r, c in zip(raw, cells, strict=True)]
    return Table(
        slug=slug,
        title=title,
        dimension=dimension,
        columns=_columns(),
        rows=rows,
        total=_row("total", _("Total"), total_cells, totals),
    )


def _sums() -> dict:
    return {name: Sum(name) for name in SUMS}


def _clean(row: dict) -> dict:
    return {**row, **{name: row.get(name) or 0 for name in SUMS}}


@dataclass(frozen=True)
class Dimension:
    slug: str
    fields: tuple[str, ...]

    def title(self) -> str:
        return {
            "country": _("By country"),
            "sex": _("By sex"),
            "age_band": _("By age band"),
            "organisation": _("By organisation or partner"),
            "programme": _("By programme"),
            "course": _("By course"),
            "cohort": _("By cohort"),
            "month": _("By month of enrolment"),
        }[self.slug]

    def heading(self) -> str:
        return {
            "country": _("Country"),
            "sex": _("Sex"),
            "age_band": _("Age band"),
            "organisation": _("Organisation"),
            "programme": _("Programme"),
            "course": _("Course"),
            "cohort": _("Cohort"),
            "month": _("Month"),
        }[self.slug]


DIMENSIONS = {
    d.slug: d
    for d in (
        Dimension("country", ("country",)),
        Dimension("sex", ("sex",)),
        Dimension("age_band", ("age_band",)),
        Dimension("organisation", ("organisation_id", "organisation__short_name")),
        Dimension("programme", ("programme_id", "programme__name")),
        Dimension("course", ("course_id", "course__title")),
        Dimension("cohort", ("cohort_id", "cohort__name", "cohort__country")),
        Dimension("month", ("month",)),
    )
}


def _ordered(dimension: Dimension, rows: list[dict]) -> list[dict]:
    """Key and label for each row, in the dimension's natural order."""
    if dimension.slug in ("country", "sex", "age_band"):
        choices = {"country": Country, "sex": Sex, "age_band": AgeBand}[dimension.slug]
        order = {value: index for index, value in enumerate(choices.values)}
        labels = dict(choices.choices)
        for row in rows:
            code = row[dimension.fields[0]]
            row["key"], row["label"], row["_order"] = code, str(labels.get(code, code)), order.get(code, 99)
        return sorted(rows, key=lambda r: r["_order"])
    if dimension.slug == "month":
        for row in rows:
            row["key"] = row["label"] = row["month"].strftime("%Y-%m")
        return sorted(rows, key=lambda r: r["key"])
    if dimension.slug == "cohort":
        return _ordered_cohorts(rows)
    id_field, label_field = dimension.fields
    for row in rows:
        row["key"] = str(row[id_field] or "")
        row["label"] = row[label_field] or _("No partner organisation")
    return sorted(rows, key=lambda r: (r[id_field] is None, r["label"].casefold()))


ELSEWHERE = "elsewhere"  # the by-cohort row of cohorts held outside the viewer's countries


def _ordered_cohorts(rows: list[dict]) -> list[dict]:
    """Cohorts by name (and the country they are held in), then the enrolments in cohorts held outside the
    viewer's countries (one row, see _cohorts_in_view), then the enrolments taken in no cohort."""
    countries = dict(Country.choices)
    for row in rows:
        if row.get(ELSEWHERE):
            row["key"], row["label"], row["_order"] = ELSEWHERE, _("Cohorts held in other countries"), 1
        elif row["cohort_id"] is None:
            row["key"], row["label"], row["_order"] = "", _("No cohort (self-paced)"), 2
        else:
            country = countries.get(row["cohort__country"], row["cohort__country"])
            row["key"], row["label"], row["_order"] = (
                str(row["cohort_id"]),
                f"{row['cohort__name']} ({country})",
                0,
            )
    return sorted(rows, key=lambda r: (r["_order"], r["label"].casefold(), r["key"]))


def _cohorts_in_view(rows: list[dict], scope: Scope) -> list[dict]:
    """The by-cohort rows a viewer may see. The online figures count trainees of the scope's countries
    wherever their cohort is held; a cohort held outside the scope (a Lao trainee in a Vietnamese cohort,
    seen from Laos) is neither named nor placed: its enrolments are summed into one "held in other
    countries" row, so the table still adds up to its total."""
    kept, elsewhere = [], None
    for row in rows:
        if row["cohort_id"] is None or row["cohort__country"] in scope.countries:
            kept.append(row)
            continue
        if elsewhere is None:
            elsewhere = _clean(
                {"cohort_id": None, "cohort__name": None, "cohort__country": None, ELSEWHERE: True}
            )
        for name in SUMS:
            elsewhere[name] += row[name]
    return [*kept, elsewhere] if elsewhere else kept


def _fill_months(rows: list[dict]) -> list[dict]:
    """Months without enrolments appear with zeros, so the time series has no gaps."""
    if not rows:
        return rows
    by_key = {r["key"]: r for r in rows}
    month, last, filled = rows[0]["month"], rows[-1]["month"], []
    while month <= last:
        key = month.strftime("%Y-%m")
        filled.append(by_key.get(key) or _clean({"key": key, "label": key, "month": month}))
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return filled


# The totals and the breakdowns read from the "all" grain, as (name, grouped cube column).
ALL_GRAIN_SETS = (
    ("totals", None),
    ("country", "country"),
    ("organisation", "organisation_id"),
    ("programme", "programme_id"),
    ("course", "course_id"),
    ("cohort", "cohort_id"),
    ("month", "month"),
)
GROUPED = tuple(column for _name, column in ALL_GRAIN_SETS if column)
LABELS = {  # the labels of an id column: model, ((label key as the ORM names it, label column), ...)
    "organisation_id": (PartnerOrganisation, (("organisation__short_name", "short_name"),)),
    "programme_id": (Programme, (("programme__name", "name"),)),
    "course_id": (Course, (("course__title", "title"),)),
    "cohort_id": (Cohort, (("cohort__name", "name"), ("cohort__country", "country"))),
}
LABEL_KEYS = tuple(key for _model, labels in LABELS.values() for key, _column in labels)


def _grouping_mask(column: str | None) -> int:
    """What PostgreSQL's GROUPING(country, organisation_id, ...) returns for the rows grouped by ``column``
    alone: a bit set for each column not grouped by, the first column the highest bit."""
    return sum(1 << (len(GROUPED) - 1 - i) for i, name in enumerate(GROUPED) if name != column)


def _db_type(column: str) -> str:
    """The column's SQL type, for a typed NULL (a UNION needs the same type in every branch)."""
    return EnrolmentCube._meta.get_field(column).cast_db_type(connection)


def _all_grain_sql(inner: str, *, grouping_sets: bool) -> tuple[str, int]:
    """The totals and the six breakdowns of the "all" grain in one statement over ``inner`` (the cube
    rows in scope), each row tagged with its grouping mask, ids joined to their labels afterwards (on a few
    dozen rows rather than on every cube cell). PostgreSQL reads the cube once (GROUPING SETS); other
    databases (SQLite for `make run`) get the same rows from a UNION ALL of one GROUP BY per breakdown.
    Returns the SQL and how many times ``inner``'s parameters appear in it. No value is ever written into
    the SQL: only quoted names of this app's columns and tables, and ``inner``, which the ORM compiled with
    placeholders (its values travel as parameters)."""
    q = connection.ops.quote_name
    sums = ", ".join(f"SUM(c.{q(name)}) AS {q(name)}" for name in SUMS)
    if grouping_sets:
        columns = ", ".join(f"c.{q(name)}" for name in GROUPED)
        sets = ", ".join(f"(c.{q(column)})" if column else "()" for _name, column in ALL_GRAIN_SETS)
        grouped = (
            f"SELECT GROUPING({columns}) AS g, {columns}, {sums} FROM ({inner}) c "  # noqa: S608 - see above
            f"GROUP BY GROUPING SETS ({sets})"
        )
        repeats = 1
    else:
        branches = []
        for _name, column in ALL_GRAIN_SETS:
            columns = ", ".join(
                f"c.{q(name)}" if name == column else f"CAST(NULL AS {_db_type(name)}) AS {q(name)}"
                for name in GROUPED
            )
            group_by = f" GROUP BY c.{q(column)}" if column else ""
            branches.append(
                f"SELECT {_grouping_mask(column)} AS g, {columns}, {sums} FROM ({inner}) c{group_by}"  # noqa: S608
            )
        grouped = " UNION ALL ".join(branches)
        repeats = len(branches)
    aliases = [f"l{index}" for index in range(len(LABELS))]
    labels = ", ".join(
        f"{alias}.{q(column)}"
        for alias, (_model, columns) in zip(aliases, LABELS.values(), strict=True)
        for _key, column in columns
    )
    joins = " ".join(
        f"LEFT JOIN {q(model._meta.db_table)} {alias} "
        f"ON {alias}.{q(model._meta.pk.column)} = f.{q(id_column)}"
        for alias, (id_column, (model, _columns)) in zip(aliases, LABELS.items(), strict=True)
    )
    return f"SELECT f.*, {labels} FROM ({grouped}) f {joins}", repeats  # noqa: S608


def _all_grain_figures(*, scope: Scope, filters: Filters, grouping_sets: bool | None = None) -> dict:
    """{"totals": {...}, "country": [...], "organisation": [...], ...} from the "all" grain, in one query.
    Rows carry the same keys as ``QuerySet.values(...).annotate(...)`` gave (e.g. "programme_id" and
    "programme__name"). Like the inner joins that query made, a course or programme that no longer exists
    drops out of its breakdown (not out of the totals)."""
    if grouping_sets is None:
        grouping_sets = connection.vendor == "postgresql"
    inner, params = (
        cube_in_scope(scope=scope, filters=filters).values(*GROUPED, *SUMS).query.sql_with_params()
    )
    sql, repeats = _all_grain_sql(inner, grouping_sets=grouping_sets)
    by_mask = {_grouping_mask(column): (name, column) for name, column in ALL_GRAIN_SETS}
    figures: dict = {name: [] for name, _column in ALL_GRAIN_SETS}
    figures["totals"] = _clean({})
    names = ["g", *GROUPED, *SUMS, *LABEL_KEYS]
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params) * repeats)
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            name, column = by_mask[row["g"]]
            measures = {measure: row[measure] for measure in SUMS}
            if column is None:
                figures["totals"] = _clean(measures)
                continue
            key = {column: row[column]}
            if column == "month" and isinstance(row["month"], str):  # SQLite returns dates as text
                key["month"] = date.fromisoformat(row["month"])
            if column in LABELS:
                label_keys = [label for label, _column in LABELS[column][1]]
                if row[label_keys[0]] is None and row[column] is not None and column != "organisation_id":
                    continue  # the course, programme or cohort is gone (an inner join would have dropped it)
                key.update({label: row[label] for label in label_keys})
            figures[name].append(_clean({**key, **measures}))
    return figures


def _demographic_figures(*, scope: Scope, filters: Filters) -> dict:
    """{"sex": [...], "age_band": [...]}: both breakdowns in one GROUP BY over their two grains (a cell of
    the sex grain has a blank age band, and the other way round)."""
    cube = cube_in_scope(scope=scope, filters=filters, grains=(Grain.SEX, Grain.AGE))
    figures: dict = {"sex": [], "age_band": []}
    for row in cube.values("grain", "sex", "age_band").annotate(**_sums()):
        slug = "sex" if row["grain"] == Grain.SEX else "age_band"
        figures[slug].append(_clean({slug: row[slug], **{name: row[name] for name in SUMS}}))
    return figures


def _build_breakdown(dimension: str, raw: list[dict], totals: dict) -> Table:
    spec = DIMENSIONS[dimension]
    raw = _ordered(spec, [dict(r) for r in raw])
    if dimension == "month":
        raw = _fill_months(raw)
    return _table(spec.slug, spec.title(), spec.heading(), raw, totals)


def funnel(totals: dict) -> Table:
    """Enrolled -> started -> half-way -> completed -> certified. The stages are nested, not summed, so only
    primary suppression applies; the share of each stage is relative to the enrolled."""
    labels = {
        "enrolled": _("Enrolled"),
        "started": _("Started"),
        "halfway": _("Half-way"),
        "completed": _("Completed"),
        "certified": _("Certified"),
    }
    enrolled = suppression.count_cell(totals["enrolled"])
    rows = []
    for name in COUNTS:
        count = suppression.count_cell(totals[name]) if not enrolled.is_hidden else Cell(None, PRIMARY)
        rows.append(
            Row(
                key=name,
                label=labels[name],
                cells={"count": count, "share": suppression.rate_cell(count, enrolled)},
            )
        )
    return Table(
        slug="funnel",
        title=_("From enrolment to certificate"),
        dimension=_("Stage"),
        columns=[Column("count", _("Enrolments")), Column("share", _("Share of enrolled"))],
        rows=rows,
    )


# --- face-to-face cohorts -----------------------------------------------------------------------------------

F2F_BY = ("country", "sex", "age_band", "has_account")
F2F_COUNTS = ("participants", "with_account", "without_account", "completed")
F2F_PARTS = ("participants", "with_account", "without_account")  # the first is the sum of the other two
F2F_TABLES = {
    "face_to_face_country": "country",
    "face_to_face_sex": "sex",
    "face_to_face_age_band": "age_band",
}


def cohorts_in_scope(*, scope: Scope, filters: Filters) -> QuerySet[Cohort]:
    """Cohorts held in a country of the scope (Cohort.country) that started in the month range, of the
    programme, course and partner organisation (Cohort.partner) filtered on."""
    cohorts = Cohort.objects.filter(country__in=_countries(scope, filters))
    if filters.date_from:
        cohorts = cohorts.filter(starts_on__gte=filters.date_from)
    if filters.date_to:
        cohorts = cohorts.filter(starts_on__lt=_next_month(filters.date_to))
    if filters.programme_id:
        cohorts = cohorts.filter(course__programme_id=filters.programme_id)
    if filters.course_id:
        cohorts = cohorts.filter(course_id=filters.course_id)
    if filters.partner_id:
        cohorts = cohorts.filter(partner_id=filters.partner_id)
    if filters.cohort_id:
        cohorts = cohorts.filter(pk=filters.cohort_id)
    return cohorts.order_by()


def raw_face_to_face(*, scope: Scope, filters: Filters) -> dict:
    """Raw face-to-face counts at the finest grain (participant's country, sex, age band, with an account or
    not), for participants whose own country is in scope, plus sessions held per cohort country. Six
    queries whatever the number of cohorts, participants or sessions (all grouped, except the completions
    query, which reads one small row per participant to apply each cohort's rule)."""
    countries = _countries(scope, filters)
    cohorts = cohorts_in_scope(scope=scope, filters=filters)
    now = timezone.now()
    rates = cohort_selectors.attendance_rates(by=F2F_BY, cohorts=cohorts, now=now)
    completed = cohort_selectors.completions(by=F2F_BY, cohorts=cohorts)
    cells = [
        {
            "country": key[0],
            "sex": key[1],
            "age_band": key[2],
            "has_account": bool(key[3]),
            "participants": figure.participants,
            "possible": figure.possible,
            "present": figure.present,
            "completed": completed.get(key, 0),
        }
        for key, figure in rates.items()
        if key[0] in countries  # a cohort in scope may include someone from another country: not theirs
    ]
    held = cohort_selectors.sessions_held(cohorts=cohorts, by_country=True, now=now)
    return {"cells": cells, "sessions": {key[0]: n for key, n in held.items() if key[0] in countries}}


def _f2f_sum(cells: list[dict]) -> dict:
    sums = dict.fromkeys(("participants", "with_account", "without_account", "possible", "present"), 0)
    sums["completed"] = 0
    for cell in cells:
        for name in ("participants", "possible", "present", "completed"):
            sums[name] += cell[name]
        sums["with_account" if cell["has_account"] else "without_account"] += cell["participants"]
    return sums


def _f2f_states(raw: list[dict], *, with_total: bool) -> list[dict[str, str]]:
    """The state of each count of each row. Primary suppression; a row whose participants are hidden hides
    all its counts; since participants = with an account + without one, hiding one of the three hides
    another of them in the same row; when the table shows its total, complementary suppression in each
    column. Repeated until nothing changes (cells are only ever hidden, so this ends)."""
    states = {name: suppression.primary_states([r[name] for r in raw]) for name in F2F_COUNTS}
    for index, state in enumerate(states["participants"]):
        if state == PRIMARY:
            for name in F2F_COUNTS[1:]:
                states[name][index] = PRIMARY
    while True:
        before = {name: list(column) for name, column in states.items()}
        if with_total:
            for name in F2F_COUNTS:
                states[name] = suppression.complement([r[name] for r in raw], states[name])
        for index in range(len(raw)):
            hidden = {name for name in F2F_PARTS if states[name][index] != SHOWN}
            if "participants" in hidden:
                to_hide = F2F_PARTS[1:]  # neither part may show: one would give the other away
            elif len(hidden) == 1:
                to_hide = F2F_PARTS[1:]  # one part hidden, the total shown: hide the other part too
            else:
                continue
            for name in to_hide:
                if states[name][index] == SHOWN:
                    states[name][index] = COMPLEMENTARY
        if states == before:
            return [{name: states[name][index] for name in F2F_COUNTS} for index in range(len(raw))]


def _f2f_columns(*, with_sessions: bool) -> list[Column]:
    sessions = [Column("sessions", _("Sessions held"))] if with_sessions else []
    return [
        *sessions,
        Column("participants", _("Participants")),
        Column("with_account", _("With an account")),
        Column("without_account", _("Without an account")),
        Column("attendance_rate", _("Attendance rate")),
        Column("completed", _("Completed by attendance")),
        Column("completion_rate", _("Completion rate")),
    ]


def _f2f_row(key: str, label: str, raw: dict, states: dict[str, str], sessions: int | None = None) -> Row:
    counts = {
        name: Cell(value=raw[name] if states[name] == SHOWN else None, state=states[name])
        for name in F2F_COUNTS
    }
    # A rate only from a shown base: attendance over at least k people, completion from two shown counts.
    attendance = (
        Cell(value=100.0 * raw["present"] / raw["possible"], kind="percent")
        if not counts["participants"].is_hidden and raw["possible"]
        else Cell(value=None, kind="percent")
    )
    cells = {} if sessions is None else {"sessions": Cell(value=sessions)}
    cells.update(
        participants=counts["participants"],
        with_account=counts["with_account"],
        without_account=counts["without_account"],
        attendance_rate=attendance,
        completed=counts["completed"],
        completion_rate=suppression.rate_cell(counts["completed"], counts["participants"]),
    )
    return Row(key=key, label=label, cells=cells)


def _f2f_total(raw: dict) -> Row:
    total = _f2f_sum(raw["cells"])
    return _f2f_row(
        "total", _("Total"), total, _f2f_states([total], with_total=False)[0], sum(raw["sessions"].values())
    )


def _f2f_table(slug: str, raw: dict) -> Table:
    dimension = F2F_TABLES[slug]
    by_country = dimension == "country"
    groups: dict[str, list[dict]] = defaultdict(list)
    for cell in raw["cells"]:
        groups[cell[dimension]].append(cell)
    keys = set(groups) | (set(raw["sessions"]) if by_country else set())
    choices = {"country": Country, "sex": Sex, "age_band": AgeBand}[dimension]
    order = {value: index for index, value in enumerate(choices.values)}
    labels = dict(choices.choices)
    keys = sorted(keys, key=lambda k: (order.get(k, 99), k))
    sums = [_f2f_sum(groups.get(key, [])) for key in keys]
    states = _f2f_states(sums, with_total=True)
    rows = [
        _f2f_row(
            key, str(labels.get(key, key)), row, state, raw["sessions"].get(key, 0) if by_country else None
        )
        for key, row, state in zip(keys, sums, states, strict=True)
    ]
    total = _f2f_total(raw)
    if not by_country:
        del total.cells["sessions"]  # sessions are not people: they have no sex or age band
    return Table(
        slug=slug,
        title={
            "country": _("Face-to-face participants by country"),
            "sex": _("Face-to-face participants by sex"),
            "age_band": _("Face-to-face participants by age band"),
        }[dimension],
        dimension=DIMENSIONS[dimension].heading(),
        columns=_f2f_columns(with_sessions=by_country),
        rows=rows,
        total=total,
    )


@dataclass
class FaceToFace:
    headline: dict[str, Cell]
    tables: list[Table]

    @property
    def is_empty(self) -> bool:
        return not any(table.rows for table in self.tables)


def face_to_face(raw: dict) -> FaceToFace:
    return FaceToFace(
        headline=dict(_f2f_total(raw).cells), tables=[_f2f_table(slug, raw) for slug in F2F_TABLES]
    )


@dataclass
class Dashboard:
    headline: dict[str, Cell]
    funnel: Table
    tables: list[Table] = field(default_factory=list)
    months: Table | None = None
    built_at: object = None
    certificates_available: bool = True
    face_to_face: FaceToFace | None = None


def table_slugs() -> list[str]:
    return [*DIMENSIONS, "funnel", *F2F_TABLES]


def _cache_key(built_at, scope: Scope, filters: Filters) -> str:
    stamp = built_at.timestamp() if built_at else 0
    query = urlencode(sorted(filters.as_dict().items()))
    digest = hashlib.sha256(f"{','.join(scope.countries)}|{query}".encode()).hexdigest()[:32]
    return f"reports:figures:v4:{stamp}:{digest}"


def raw_figures(*, scope: Scope, filters: Filters, built_at=None) -> dict:
    """The query results behind one dashboard: totals, every breakdown, the active trainees and the
    face-to-face counts (live, so they may lag the cohorts by up to one rebuild interval). Cached per
    cube rebuild (the key holds the rebuild time, so a rebuild invalidates it), scope and filters. The cache
    holds raw counts; they are suppressed each time a page or file is built from them."""
    _countries(scope, filters)  # refuse a country outside the scope before the cache is even consulted
    key = _cache_key(built_at, scope, filters)
    figures = cache.get(key)
    if figures is None:
        cube = {
            **_all_grain_figures(scope=scope, filters=filters),
            **_demographic_figures(scope=scope, filters=filters),
        }
        cube["cohort"] = _cohorts_in_view(cube["cohort"], scope)  # before caching: no other country's names
        figures = {
            "totals": cube["totals"],
            "breakdowns": {slug: cube[slug] for slug in DIMENSIONS},
            "active": active_trainee_count(scope=scope, filters=filters),
            "face_to_face": raw_face_to_face(scope=scope, filters=filters),
        }
        cache.set(key, figures, timeout=FIGURES_TTL)
    return figures


def cube_built_at():
    return CubeState.objects.filter(pk=1).values_list("built_at", flat=True).first()


def dashboard(*, scope: Scope, filters: Filters) -> Dashboard:
    """Every figure of the coordinator's dashboard: a fixed number of queries whatever the data size (two
    when the figures for this cube, scope and filters are cached)."""
    built_at = cube_built_at()
    figures = raw_figures(scope=scope, filters=filters, built_at=built_at)
    totals = figures["totals"]
    enrolled = suppression.count_cell(totals["enrolled"])
    completed = suppression.count_cell(totals["completed"]) if not enrolled.is_hidden else Cell(None, PRIMARY)
    certified = suppression.count_cell(totals["certified"]) if not enrolled.is_hidden else Cell(None, PRIMARY)
    headline = {
        "enrolled": enrolled,
        "active": suppression.count_cell(figures["active"]),
        "completed": completed,
        "completion_rate": suppression.rate_cell(completed, enrolled),
        "certified": certified,
        "quiz_pass_rate": suppression.pass_rate_cell(totals["quiz_passed"], totals["quiz_attempts"]),
        "knowledge_gain": suppression.mean_cell(totals["gain_sum"], totals["gain_people"]),
    }
    tables = [
        _build_breakdown(slug, figures["breakdowns"][slug], totals) for slug in DIMENSIONS if slug != "month"
    ]
    return Dashboard(
        headline=headline,
        funnel=funnel(totals),
        tables=tables,
        months=_build_breakdown("month", figures["breakdowns"]["month"], totals),
        built_at=built_at,
        certificates_available=certificate_model() is not None,
        face_to_face=face_to_face(figures["face_to_face"]),
    )


def export_table(*, scope: Scope, filters: Filters, slug: str) -> Table:
    """One dashboard table, from the same (cached) figures as the page, so a file matches what was seen."""
    if slug not in table_slugs():
        raise KeyError(slug)
    figures = raw_figures(scope=scope, filters=filters, built_at=cube_built_at())
    if slug in F2F_TABLES:
        return _f2f_table(slug, figures["face_to_face"])
    if slug == "funnel":
        return funnel(figures["totals"])
    return _build_breakdown(slug, figures["breakdowns"][slug], figures["totals"])
