"""The dashboard's figures come from three summary queries (GROUPING SETS over the cube's "all" grain, one
GROUP BY over the sex and age-band grains, the active-trainee snapshot): the same figures as one GROUP BY per
breakdown over the cube and a live distinct count over the enrolments, for every scope and filter."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Count, Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Country
from learning.models import Enrolment
from reports import selectors, services
from reports.models import Grain
from reports.permissions import Scope, scope_for
from reports.selectors import SUMS, Filters
from tests.reports.factories import enrol, person

REGION = Scope(tuple(Country.values), True)


def filter_sets(world) -> list[Filters]:
    (p1, p2), (course_a, course_b, _c) = world["programmes"], world["courses"]
    return [
        Filters(),
        Filters(date_from=date(2025, 2, 1)),
        Filters(date_to=date(2025, 1, 1)),
        Filters(date_from=date(2025, 2, 1), date_to=date(2025, 2, 1), programme_id=p1.pk),
        Filters(programme_id=p2.pk),
        Filters(course_id=course_a.pk),
        Filters(course_id=course_b.pk, programme_id=p2.pk),  # a course of another programme: nothing
        Filters(partner_id=world["org"].pk),
        Filters(country="VN"),
        Filters(country="LA", course_id=course_a.pk),
        Filters(date_from=date(2030, 1, 1)),  # nothing at all
    ]


def normalised(rows: list[dict]) -> list[dict]:
    rows = [{**row, "gain_sum": round(float(row["gain_sum"] or 0), 6)} for row in rows]
    return sorted(rows, key=lambda row: repr(sorted((k, v) for k, v in row.items() if k not in SUMS)))


def one_group_by_per_breakdown(scope: Scope, filters: Filters) -> dict:
    """What the dashboard ran before: one ORM GROUP BY per breakdown, each on its grain of the cube."""
    sums = {name: Sum(name) for name in SUMS}
    fields = {
        "country": (Grain.ALL, ("country",)),
        "sex": (Grain.SEX, ("sex",)),
        "age_band": (Grain.AGE, ("age_band",)),
        "organisation": (Grain.ALL, ("organisation_id", "organisation__short_name")),
        "programme": (Grain.ALL, ("programme_id", "programme__name")),
        "course": (Grain.ALL, ("course_id", "course__title")),
        "cohort": (Grain.ALL, ("cohort_id", "cohort__name", "cohort__country")),
        "month": (Grain.ALL, ("month",)),
    }

    def cube(grain):
        return selectors.cube_in_scope(scope=scope, filters=filters, grains=(grain,))

    totals = {name: value or 0 for name, value in cube(Grain.ALL).aggregate(**sums).items()}
    breakdowns = {
        slug: [
            {**row, **{name: row[name] or 0 for name in SUMS}}
            for row in cube(grain).values(*columns).annotate(**sums)
        ]
        for slug, (grain, columns) in fields.items()
    }
    # Cohorts held outside the scope are summed into one unnamed row.
    cohorts = breakdowns["cohort"]
    in_view = [r for r in cohorts if r["cohort_id"] is None or r["cohort__country"] in scope.countries]
    elsewhere = [r for r in cohorts if r not in in_view]
    if elsewhere:
        unnamed = {"cohort_id": None, "cohort__name": None, "cohort__country": None, "elsewhere": True}
        in_view.append({**unnamed, **{name: sum(r[name] for r in elsewhere) for name in SUMS}})
    breakdowns["cohort"] = in_view
    return {"totals": totals, "breakdowns": breakdowns}


def live_active_count(scope: Scope, filters: Filters) -> int:
    """What the dashboard counted before: distinct trainees active in the last 30 days, live."""
    undated = Filters(**{**filters.__dict__, "date_from": None, "date_to": None})
    since = timezone.now() - timedelta(days=selectors.ACTIVE_DAYS)
    return (
        selectors.enrolments_in_scope(scope=scope, filters=undated)
        .filter(last_activity_at__gte=since)
        .aggregate(n=Count("trainee_id", distinct=True))["n"]
    )


@pytest.mark.parametrize("who", ["regional", "laos", "vietnam"])
def test_summary_queries_give_the_figures_of_one_group_by_per_breakdown(world, who):
    scope = scope_for(world[who])
    for filters in filter_sets(world):
        if filters.country and filters.country not in scope.countries:
            continue
        figures = selectors.raw_figures(scope=scope, filters=filters, built_at=selectors.cube_built_at())
        expected = one_group_by_per_breakdown(scope, filters)
        assert normalised([figures["totals"]]) == normalised([expected["totals"]]), filters
        for slug in selectors.DIMENSIONS:
            assert normalised(figures["breakdowns"][slug]) == normalised(expected["breakdowns"][slug]), (
                filters,
                slug,
            )
        assert figures["active"] == live_active_count(scope, filters), filters


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GROUPING SETS: PostgreSQL only")
def test_the_portable_union_all_gives_the_rows_of_grouping_sets(world):
    for filters in filter_sets(world):
        with_sets = selectors._all_grain_figures(scope=REGION, filters=filters, grouping_sets=True)
        portable = selectors._all_grain_figures(scope=REGION, filters=filters, grouping_sets=False)
        assert with_sets.keys() == portable.keys()
        for name in with_sets:
            rows = with_sets[name] if name != "totals" else [with_sets[name]]
            other = portable[name] if name != "totals" else [portable[name]]
            assert normalised(rows) == normalised(other), (filters, name)


def test_a_national_scope_reads_no_cell_of_another_country(world):
    figures = selectors.raw_figures(scope=scope_for(world["laos"]), filters=Filters())
    assert [row["country"] for row in figures["breakdowns"]["country"]] == ["LA"]
    assert figures["totals"]["enrolled"] == 3  # the Lao group only (conftest.py)
    assert sum(row["enrolled"] for row in figures["breakdowns"]["sex"]) == 3
    assert sum(row["enrolled"] for row in figures["breakdowns"]["course"]) == 3
    assert figures["active"] == 1


def test_a_trainee_active_in_two_courses_counts_once_in_total_and_once_in_each_course(world):
    p1, _p2 = world["programmes"]
    course_a, course_b, _c = world["courses"]
    trainee = person(country=Country.VIETNAM, organisation=world["org"])
    enrol(trainee, course_a, month="2025-02", active_days_ago=3)
    enrol(trainee, course_b, month="2025-02", active_days_ago=4)
    services.rebuild_cube()
    scope = scope_for(world["regional"])
    built_at = selectors.cube_built_at()

    def active(**filters):
        return selectors.raw_figures(scope=scope, filters=Filters(**filters), built_at=built_at)["active"]

    assert active() == 11
    assert active(programme_id=p1.pk) == 6  # VA half-way, 3 of VB, LA, and the new trainee once
    assert active(course_id=course_a.pk) == 3
    assert active(course_id=course_b.pk) == 4
    assert active(partner_id=world["org"].pk) == 2
    for filters in ({}, {"programme_id": p1.pk}, {"course_id": course_a.pk}, {"partner_id": world["org"].pk}):
        assert active(**filters) == live_active_count(scope, Filters(**filters))


def test_active_trainees_are_those_of_the_last_rebuild_and_a_rebuild_shows_new_activity(world):
    laos = scope_for(world["laos"])

    def active(month: int) -> int:  # a new filter each time, so nothing comes from the cache
        filters = Filters(date_from=date(2000, month, 1))
        return selectors.raw_figures(scope=laos, filters=filters, built_at=selectors.cube_built_at())[
            "active"
        ]

    assert active(1) == 1
    # The two idle Lao trainees become active: the figures are "as of" the last rebuild until the next one.
    Enrolment.objects.filter(trainee__profile__country="LA", last_activity_at__isnull=True).update(
        last_activity_at=timezone.now()
    )
    assert active(2) == 1
    services.rebuild_cube()
    assert active(1) == 3


def test_an_uncached_dashboard_reads_the_summary_tables_in_three_queries(client, world):
    client.force_login(world["regional"])
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("reports:dashboard") + "?date_from=2024-01")  # a new combination
    assert response.status_code == 200
    sql = [query["sql"] for query in ctx.captured_queries]
    assert sum("reports_enrolmentcube" in q for q in sql) == 2
    assert sum("reports_activetrainees" in q for q in sql) == 1
    assert not any("learning_enrolment" in q for q in sql)  # no live count over the enrolments
