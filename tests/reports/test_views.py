"""The dashboard and exports over HTTP: roles, scope, bad input, suppression, headers, exports parsed back."""

import pytest
from django.urls import reverse

from reports.models import ExportLog
from reports.suppression import HIDDEN
from tests.factories import TraineeFactory, TrainerFactory
from tests.reports.exports import csv_rows, export_url, xlsx_rows

DASHBOARD = reverse("reports:dashboard")


PARTICIPANTS = reverse("reports:export_participants")
ALL_URLS = [DASHBOARD, export_url("country"), export_url("sex", "xlsx"), export_url("funnel"), PARTICIPANTS]


@pytest.mark.parametrize("url", ALL_URLS)
def test_anonymous_is_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("url", ALL_URLS)
@pytest.mark.parametrize("factory", [TraineeFactory, TrainerFactory])
def test_trainees_and_trainers_are_refused(client, db, url, factory):
    client.force_login(factory())
    assert client.get(url).status_code == 403


def test_dashboard_renders_charts_and_tables_without_caching(client, world):
    client.force_login(world["regional"])
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert html.count('role="img"') == 9  # map, funnel, months, five breakdowns, face-to-face by sex
    assert 'aria-labelledby="chart-map-title chart-map-desc"' in html
    assert "<caption>" in html
    assert "&lt;5" in html  # a suppressed cell
    assert 'style="' not in html  # strict CSP: no inline styles


def test_nav_shows_reports_to_coordinators_only(client, world):
    client.force_login(world["laos"])
    assert DASHBOARD in client.get(reverse("learning:dashboard")).content.decode()
    client.force_login(TraineeFactory())
    assert DASHBOARD not in client.get(reverse("learning:dashboard")).content.decode()


def test_laos_coordinator_never_sees_vietnam_on_the_dashboard(client, world):
    client.force_login(world["laos"])
    response = client.get(DASHBOARD)
    board = response.context["board"]
    assert [row.key for row in next(t for t in board.tables if t.slug == "country").rows] == ["LA"]
    assert {row.label for row in next(t for t in board.tables if t.slug == "course").rows} == {"Course A"}
    assert board.headline["enrolled"].display == "<5"
    assert "Course B" not in {row.label for t in board.tables for row in t.rows}
    assert "ORG1" not in response.content.decode()


@pytest.mark.parametrize(
    "url", [DASHBOARD, export_url("country"), export_url("course", "xlsx"), export_url("funnel")]
)
def test_a_country_outside_the_scope_is_forbidden(client, world, url):
    client.force_login(world["laos"])
    assert client.get(url, {"country": "VN"}).status_code == 403
    assert not ExportLog.objects.exists()


def test_laos_coordinator_exports_hold_laos_only(client, world):
    client.force_login(world["laos"])
    rows = csv_rows(client.get(export_url("country")))
    assert [r[0] for r in rows[1:]] == ["Laos", "Total"]
    assert rows[1][1] == "<5"
    course_rows = xlsx_rows(client.get(export_url("course", "xlsx")))
    assert [r[0] for r in course_rows[1:]] == ["Course A", "Total"]
    organisations = csv_rows(client.get(export_url("organisation")))
    assert "ORG1" not in {r[0] for r in organisations}


def test_national_coordinator_cannot_export_participants(client, world):
    client.force_login(world["vietnam"])
    assert client.get(PARTICIPANTS).status_code == 403
    assert "participants.csv" not in client.get(DASHBOARD).content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "2025-13"}, "Enter a month as YYYY-MM"),
        ({"date_from": "yesterday"}, "Enter a month as YYYY-MM"),
        ({"date_from": "2025-05", "date_to": "2025-01"}, "The start month is after the end month."),
        ({"programme": "999999"}, "Select a valid choice"),
        ({"course": "abc"}, "Select a valid choice"),
        ({"partner": "-1"}, "Select a valid choice"),
        ({"country": "ZZ"}, "Select a valid choice"),
    ],
)
def test_bad_filters_get_a_clear_message_and_no_figures(client, world, params, message):
    client.force_login(world["regional"])
    response = client.get(DASHBOARD, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "board" not in response.context
    export = client.get(export_url("sex"), params)
    assert export.status_code == 400
    assert message in export.content.decode()


def test_unknown_table_or_format_is_404(client, world):
    client.force_login(world["regional"])
    assert client.get(export_url("salaries")).status_code == 404
    assert client.get(export_url("sex", "pdf")).status_code == 404


def test_filters_stay_in_the_export_links(client, world):
    client.force_login(world["regional"])
    html = client.get(DASHBOARD, {"date_from": "2025-02", "country": "VN"}).content.decode()
    assert export_url("sex") + "?date_from=2025-02&amp;country=VN" in html


def test_csv_export_numbers_match_the_hand_count(client, world):
    client.force_login(world["regional"])
    response = client.get(export_url("programme"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith('attachment; filename="mekong-programme-')
    rows = csv_rows(response)
    assert rows[0][:4] == ["Programme", "Enrolled", "Completed", "Completion rate"]
    by_label = {r[0]: r for r in rows[1:]}
    assert by_label["Community adaptation"][1:4] == ["17", "9", "52.9"]
    assert by_label["Low-carbon cities"][1:3] == ["5", "0"]
    assert by_label["Total"][1:3] == ["22", "9"]


def test_xlsx_export_numbers_match_the_hand_count(client, world):
    client.force_login(world["regional"])
    rows = xlsx_rows(client.get(export_url("month", "xlsx")))
    assert rows[0][:2] == ["Month", "Enrolled"]
    assert [(r[0], r[1]) for r in rows[1:]] == [("2025-01", 8), ("2025-02", 9), ("2025-03", 5), ("Total", 22)]
    funnel = xlsx_rows(client.get(export_url("funnel", "xlsx")))
    assert [(r[0], r[1]) for r in funnel[1:]] == [
        ("Enrolled", 22), ("Started", 18), ("Half-way", 10), ("Completed", 9), ("Certified", 0),
    ]  # fmt: skip


def test_exports_suppress_like_the_page(client, world):
    client.force_login(world["regional"])
    rows = {r[0]: r for r in csv_rows(client.get(export_url("age_band")))[1:]}
    assert rows["18-24"][1] == "<5"
    assert rows["35-49"][1] == HIDDEN
    assert rows["25-34"][1] == "13"


def test_every_export_is_logged(client, world):
    client.force_login(world["regional"])
    client.get(export_url("sex", "xlsx"), {"date_from": "2025-02", "country": "VN"})
    b"".join(client.get(PARTICIPANTS).streaming_content)
    first, second = ExportLog.objects.order_by("pk")
    assert (first.user, first.kind, first.table, first.file_format) == (
        world["regional"],
        "table",
        "sex",
        "xlsx",
    )
    assert first.filters == {"date_from": "2025-02", "country": "VN"}
    assert first.scope == "all"
    assert (second.kind, second.file_format) == ("participants", "csv")


def test_participant_export_is_pseudonymised_and_filtered(client, world):
    client.force_login(world["regional"])
    rows = csv_rows(client.get(PARTICIPANTS, {"country": "LA"}))
    assert len(rows) == 1 + 3
    header, *data = rows
    assert "email" not in " ".join(header).lower()
    assert {r[1] for r in data} == {"LA"}
    assert all(len(r[0]) == 20 for r in data)
    again = csv_rows(client.get(PARTICIPANTS, {"country": "LA"}))
    assert sorted(r[0] for r in again[1:]) == sorted(r[0] for r in data)  # stable pseudonyms
    text = "".join(",".join(r) for r in rows)
    assert "@example.org" not in text
    all_rows = csv_rows(client.get(PARTICIPANTS))
    assert len(all_rows) == 1 + 22  # the withdrawn enrolment is left out


def test_export_cells_are_neutralised_against_formulas(client, world):
    course_a, _b, _c = world["courses"]
    course_a.title = '=HYPERLINK("http://evil","x")'
    course_a.save()
    from reports import services

    services.rebuild_cube()
    client.force_login(world["regional"])
    labels = [r[0] for r in csv_rows(client.get(export_url("course")))]
    assert labels[1].startswith("'=")
    xlsx_labels = [r[0] for r in xlsx_rows(client.get(export_url("course", "xlsx")))]
    assert '\'=HYPERLINK("http://evil","x")' in xlsx_labels
    participants = csv_rows(client.get(PARTICIPANTS))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in participants for cell in row)
