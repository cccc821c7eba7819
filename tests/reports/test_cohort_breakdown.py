"""The online figures by cohort (issue 7): an enrolment belongs to the cohort whose Participant row links it.

A small data set whose every figure is worked out by hand (k = 5). Courses A and B (programme P1):

  cohort "Vientiane youth", held in Laos, course A:
    6 LA trainees enrolled 2025-02: 5 completed (active 3 days ago), 1 idle;
    also 2 participants without an account and 1 whose enrolment is withdrawn (neither is an enrolment here).
    The 5 completers took the pre-test (40 50 60 30 20) and the post-test (80 70 90 60 65): gains
    40 20 30 30 45, mean +33.0; 5 post-test attempts, all passed (pass mark 60): 100.0 %.
  cohort "Hue farmers", held in Vietnam, course B:
    7 VN trainees enrolled 2025-03: 6 completed (active 40 days ago), 1 idle;
    2 LA trainees enrolled 2025-03 (they crossed the border): 1 completed, both active 1 day ago.
  no cohort: 4 LA trainees in course A (2025-02) and 5 VN trainees in course B (2025-01), none completed,
    idle.

Regional, by cohort:  Hue farmers (Vietnam) 9 enrolled, 7 completed (77.8 %);
                      Vientiane youth (Laos) 6, 5 (83.3 %), pass rate 100.0 %, gain +33.0;
                      No cohort (self-paced) 9, 0 (0.0 %); total 24, 12 (50.0 %). Active: 5 + 2 = 7.
Laos coordinator (Lao trainees only, and no Vietnamese cohort named):
  Vientiane youth (Laos) 6 enrolled; Cohorts held in other countries 2 ("<5"); No cohort 4 ("<5");
  total 12. Completed 5, 1, 0: the two small rows hide theirs ("<5"), and 1 + 0 < 5, so the 5 is hidden
  too ("-"); total 6 (50.0 %).
Vietnam coordinator: Hue farmers (Vietnam) 7, 6 completed (85.7 %); No cohort 5, 0; total 12, 6.
"""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from accounts.models import AgeBand, Country, Sex
from learning.models import EnrolmentStatus
from quizzes.models import QuizPurpose
from reports import selectors, services
from reports.models import ExportLog
from reports.permissions import Scope, scope_for
from reports.selectors import Filters
from reports.suppression import HIDDEN
from tests.cohorts.factories import CohortFactory, ParticipantFactory
from tests.factories import ProgrammeFactory, course_with_lessons
from tests.quizzes.factories import QuizFactory
from tests.reports.exports import csv_rows, export_url, xlsx_rows
from tests.reports.factories import attempt, enrol, national_coordinator, person, regional_coordinator
from tests.reports.test_summary_queries import live_active_count, normalised, one_group_by_per_breakdown

COMPLETED, WITHDRAWN = EnrolmentStatus.COMPLETED, EnrolmentStatus.WITHDRAWN
DASHBOARD = reverse("reports:dashboard")
HUE, VIENTIANE, SELF_PACED = "Hue farmers (Vietnam)", "Vientiane youth (Laos)", "No cohort (self-paced)"
ELSEWHERE = "Cohorts held in other countries"


def in_cohort(cohort, trainee, course, **kwargs):
    """An enrolment of ``trainee`` taken in ``cohort``: the Participant row links the two."""
    enrolment = enrol(trainee, course, **kwargs)
    profile = trainee.profile
    ParticipantFactory(
        cohort=cohort,
        enrolment=enrolment,
        country=profile.country,
        sex=profile.sex,
        age_band=profile.age_band,
    )
    return enrolment


@pytest.fixture
def world(db):
    programme = ProgrammeFactory(name="Community adaptation")
    course_a = course_with_lessons(lessons_per_module=2, title="Course A", programme=programme)
    course_b = course_with_lessons(lessons_per_module=2, title="Course B", programme=programme)
    vientiane = CohortFactory(name="Vientiane youth", country=Country.LAOS, course=course_a)
    hue = CohortFactory(name="Hue farmers", country=Country.VIETNAM, course=course_b)

    youth = [person(country=Country.LAOS, age_band=AgeBand.FROM_18_TO_24) for _ in range(7)]
    for trainee in youth[:5]:
        in_cohort(vientiane, trainee, course_a, month="2025-02", status=COMPLETED, active_days_ago=3)
    in_cohort(vientiane, youth[5], course_a, month="2025-02")
    in_cohort(vientiane, youth[6], course_a, month="2025-02", status=WITHDRAWN, active_days_ago=3)
    ParticipantFactory.create_batch(2, cohort=vientiane, country=Country.LAOS)  # no account

    farmers = [
        person(country=Country.VIETNAM, sex=Sex.MALE, age_band=AgeBand.FROM_35_TO_49) for _ in range(7)
    ]
    for trainee in farmers[:6]:
        in_cohort(hue, trainee, course_b, month="2025-03", status=COMPLETED, active_days_ago=40)
    in_cohort(hue, farmers[6], course_b, month="2025-03")
    visitors = [person(country=Country.LAOS) for _ in range(2)]
    in_cohort(hue, visitors[0], course_b, month="2025-03", status=COMPLETED, active_days_ago=1)
    in_cohort(hue, visitors[1], course_b, month="2025-03", active_days_ago=1)

    for _ in range(4):
        enrol(person(country=Country.LAOS), course_a, month="2025-02")
    for _ in range(5):
        enrol(person(country=Country.VIETNAM), course_b, month="2025-01")

    module_a = course_a.modules.get()
    pre = QuizFactory(course=course_a, module=module_a, purpose=QuizPurpose.PRE_TEST, is_required=False)
    post = QuizFactory(course=course_a, module=module_a, purpose=QuizPurpose.POST_TEST)
    for trainee, before, after in zip(youth[:5], (40, 50, 60, 30, 20), (80, 70, 90, 60, 65), strict=True):
        attempt(pre, trainee, score=before)
        attempt(post, trainee, score=after)

    services.rebuild_cube()
    return {
        "programme": programme,
        "courses": (course_a, course_b),
        "vientiane": vientiane,
        "hue": hue,
        "regional": regional_coordinator(),
        "laos": national_coordinator(Country.LAOS),
        "vietnam": national_coordinator(Country.VIETNAM),
    }


def by_cohort(user, **filters):
    board = selectors.dashboard(scope=scope_for(user), filters=Filters(**filters))
    table = next(t for t in board.tables if t.slug == "cohort")
    return board, table, {row.label: row for row in table.rows}


def displays(row, *slugs):
    return [row[slug].display for slug in slugs]


COLUMNS = ("enrolled", "completed", "completion_rate", "quiz_pass_rate", "knowledge_gain")


def test_figures_by_cohort_for_the_region(world):
    board, table, rows = by_cohort(world["regional"])
    assert table.title == "By cohort"
    assert list(rows) == [HUE, VIENTIANE, SELF_PACED]
    assert displays(rows[HUE], *COLUMNS) == ["9", "7", "77.8%", HIDDEN, HIDDEN]
    assert displays(rows[VIENTIANE], *COLUMNS) == ["6", "5", "83.3%", "100.0%", "+33.0"]
    assert displays(rows[SELF_PACED], *COLUMNS) == ["9", "0", "0.0%", HIDDEN, HIDDEN]
    assert displays(table.total, *COLUMNS) == ["24", "12", "50.0%", "100.0%", "+33.0"]
    assert rows[VIENTIANE]["certified"].value == 0
    assert [row.key for row in table.rows] == [str(world["hue"].pk), str(world["vientiane"].pk), ""]
    assert board.headline["enrolled"].value == 24
    assert board.headline["active"].value == 7


def test_laos_coordinator_sees_lao_trainees_and_no_vietnamese_cohort(world):
    board, table, rows = by_cohort(world["laos"])
    assert list(rows) == [VIENTIANE, ELSEWHERE, SELF_PACED]
    assert displays(rows[VIENTIANE], "enrolled", "completed", "completion_rate") == ["6", HIDDEN, HIDDEN]
    assert displays(rows[ELSEWHERE], "enrolled", "completed") == ["<5", "<5"]
    assert displays(rows[SELF_PACED], "enrolled", "completed") == ["<5", "<5"]
    assert displays(table.total, "enrolled", "completed", "completion_rate") == ["12", "6", "50.0%"]
    assert rows[ELSEWHERE].key == "elsewhere"
    # Not even the cached raw figures hold the Vietnamese cohort's id or name.
    raw = selectors.raw_figures(scope=scope_for(world["laos"]), filters=Filters(), built_at=board.built_at)
    assert world["hue"].pk not in {row["cohort_id"] for row in raw["breakdowns"]["cohort"]}
    assert "Hue" not in repr(raw)


def test_vietnam_coordinator_sees_the_vietnamese_trainees_only(world):
    _board, table, rows = by_cohort(world["vietnam"])
    assert list(rows) == [HUE, SELF_PACED]
    assert displays(rows[HUE], "enrolled", "completed", "completion_rate") == ["7", "6", "85.7%"]
    assert displays(rows[SELF_PACED], "enrolled", "completed") == ["5", "0"]
    assert displays(table.total, "enrolled", "completed") == ["12", "6"]


def test_a_larger_minimum_cell_hides_every_cohort_row(world, settings):
    settings.REPORTS_MIN_CELL = 10
    _board, table, rows = by_cohort(world["regional"])
    assert {label: row["enrolled"].display for label, row in rows.items()} == dict.fromkeys(rows, "<10")
    assert {displays(row, "completed", "completion_rate")[1] for row in table.rows} == {HIDDEN}
    assert {row["completed"].display for row in table.rows} == {"<10"}
    assert table.total["enrolled"].display == "24"


def test_the_cohort_filter_narrows_every_figure(world):
    hue = world["hue"].pk
    board, _table, rows = by_cohort(world["regional"], cohort_id=hue)
    assert list(rows) == [HUE]
    assert board.headline["enrolled"].value == 9
    assert board.headline["completed"].value == 7
    assert board.headline["active"].display == "<5"  # the two Lao visitors
    countries = {
        row.key: row["enrolled"].display for row in next(t for t in board.tables if t.slug == "country").rows
    }
    assert countries == {"LA": "<5", "VN": HIDDEN}
    assert board.face_to_face.headline["participants"].value == 9  # the Hue cohort's participants only
    _board, _table, rows = by_cohort(
        world["regional"], cohort_id=world["vientiane"].pk, date_to=date(2025, 1, 1)
    )
    assert rows == {}
    board, _table, rows = by_cohort(world["laos"], cohort_id=world["vientiane"].pk)
    assert list(rows) == [VIENTIANE]
    assert board.headline["enrolled"].value == 6
    assert board.headline["active"].value == 5


@pytest.mark.parametrize("who", ["regional", "laos", "vietnam"])
def test_cohort_figures_match_one_group_by_and_a_live_count(world, who):
    scope = scope_for(world[who])
    course_a, course_b = world["courses"]
    for filters in [
        Filters(),
        Filters(cohort_id=world["vientiane"].pk),
        Filters(cohort_id=world["hue"].pk, course_id=course_b.pk),
        Filters(cohort_id=world["hue"].pk, course_id=course_a.pk),  # a cohort of another course: nothing
        Filters(course_id=course_a.pk),
        Filters(country="LA", date_from=date(2025, 3, 1)),
    ]:
        if filters.country and filters.country not in scope.countries:
            continue
        figures = selectors.raw_figures(scope=scope, filters=filters, built_at=selectors.cube_built_at())
        expected = one_group_by_per_breakdown(scope, filters)
        for slug in selectors.DIMENSIONS:
            assert normalised(figures["breakdowns"][slug]) == normalised(expected["breakdowns"][slug]), (
                filters,
                slug,
            )
        assert figures["active"] == live_active_count(scope, filters), filters


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GROUPING SETS: PostgreSQL only")
def test_the_portable_union_all_gives_the_cohort_rows_of_grouping_sets(world):
    region = Scope(tuple(Country.values), True)
    for filters in (Filters(), Filters(cohort_id=world["hue"].pk)):
        with_sets = selectors._all_grain_figures(scope=region, filters=filters, grouping_sets=True)
        portable = selectors._all_grain_figures(scope=region, filters=filters, grouping_sets=False)
        assert normalised(with_sets["cohort"]) == normalised(portable["cohort"])


# --- over HTTP ----------------------------------------------------------------------------------------------


def test_dashboard_shows_the_cohort_table_and_the_filter(client, world):
    client.force_login(world["regional"])
    html = client.get(DASHBOARD).content.decode()
    assert 'id="cohort-heading"' in html
    assert "chart-cohort" not in html  # a table, not a chart: cohorts add up to hundreds in time
    assert "<details open><summary>The numbers</summary>" in html  # a few rows: shown open
    assert f'<option value="{world["hue"].pk}">Hue farmers (Vietnam, ' in html
    assert export_url("cohort") in html


def test_laos_coordinator_page_names_no_vietnamese_cohort(client, world):
    client.force_login(world["laos"])
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hue farmers" not in html
    assert f'<option value="{world["vientiane"].pk}">Vientiane youth (Laos, ' in html
    assert ELSEWHERE in html


@pytest.mark.parametrize("cohort", ["hue", 999999, "abc"])
def test_an_unknown_or_out_of_scope_cohort_is_refused_with_a_message(client, world, cohort):
    client.force_login(world["laos"])
    value = world[cohort].pk if cohort == "hue" else cohort
    response = client.get(DASHBOARD, {"cohort": value})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert "board" not in response.context
    export = client.get(export_url("cohort"), {"cohort": value})
    assert export.status_code == 400
    assert "Select a valid choice" in export.content.decode()
    participants = client.get(reverse("reports:export_participants"), {"cohort": value})
    assert participants.status_code == 403  # national coordinators never get participant rows
    assert not ExportLog.objects.exists()


def test_a_regional_coordinator_may_filter_on_any_cohort(client, world):
    client.force_login(world["regional"])
    response = client.get(DASHBOARD, {"cohort": world["hue"].pk, "country": "LA"})
    assert response.status_code == 200
    assert response.context["board"].headline["enrolled"].display == "<5"
    rows = csv_rows(client.get(reverse("reports:export_participants"), {"cohort": world["hue"].pk}))
    assert len(rows) == 1 + 9
    assert {r[1] for r in rows[1:]} == {"LA", "VN"}


def test_cohort_export_csv_parsed_back_and_logged(client, world):
    client.force_login(world["regional"])
    response = client.get(export_url("cohort"), {"date_from": "2025-01"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="mekong-cohort-')
    rows = csv_rows(response)
    assert rows == [
        ["Cohort", "Enrolled", "Completed", "Completion rate", "Certified", "Quiz pass rate",
         "Knowledge gain (points)"],
        [HUE, "9", "7", "77.8", "0", HIDDEN, HIDDEN],
        [VIENTIANE, "6", "5", "83.3", "0", "100.0", "33.0"],
        [SELF_PACED, "9", "0", "0.0", "0", HIDDEN, HIDDEN],
        ["Total", "24", "12", "50.0", "0", "100.0", "33.0"],
    ]  # fmt: skip
    log = ExportLog.objects.get()
    assert (log.user, log.kind, log.table, log.file_format, log.scope) == (
        world["regional"],
        "table",
        "cohort",
        "csv",
        "all",
    )
    assert log.filters == {"date_from": "2025-01"}


def test_laos_cohort_export_xlsx_holds_no_vietnam(client, world):
    client.force_login(world["laos"])
    rows = xlsx_rows(client.get(export_url("cohort", "xlsx"), {"cohort": world["vientiane"].pk}))
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [(VIENTIANE, 6, 5), ("Total", 6, 5)]
    rows = xlsx_rows(client.get(export_url("cohort", "xlsx")))
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
        (VIENTIANE, 6, HIDDEN),
        (ELSEWHERE, "<5", "<5"),
        (SELF_PACED, "<5", "<5"),
        ("Total", 12, 6),
    ]
    assert not any("Hue" in str(cell) or cell == "VN" for row in rows for cell in row)
    logs = ExportLog.objects.order_by("pk")
    assert [(log.table, log.file_format, log.scope) for log in logs] == [("cohort", "xlsx", "LA")] * 2
    assert logs[0].filters == {"cohort_id": world["vientiane"].pk}


def test_cohort_names_are_neutralised_against_formulas_in_exports(client, world):
    world["vientiane"].name = '=HYPERLINK("http://evil","x")'
    world["vientiane"].save()
    services.rebuild_cube()
    client.force_login(world["regional"])
    labels = [r[0] for r in csv_rows(client.get(export_url("cohort")))]
    assert '\'=HYPERLINK("http://evil","x") (Laos)' in labels
    xlsx_labels = [r[0] for r in xlsx_rows(client.get(export_url("cohort", "xlsx")))]
    assert '\'=HYPERLINK("http://evil","x") (Laos)' in xlsx_labels
