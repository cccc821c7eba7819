"""Face-to-face participation on the coordinators' dashboard and in its exports (issues 7 and 8).

A small data set whose every figure is worked out by hand (k = 5; "now" is the test run):

  cohort "Vientiane youth": Laos, course A (programme P1), no partner, starts 2025-02-10, rule 50 %.
    sessions: s1, s2 held (past); s3 past but cancelled; s4 in the future.
    -> held 2; sessions counted by the rule 3 (s1 s2 s4), so completing needs 2 present (2*100 >= 50*3).
    participants: 6 LA female 18-24, no account: 4 present at s1+s2, 2 present at s1 only
                  (and one mark at the cancelled s3, which never counts);
                  2 LA male 25-34 with an account: present at s1, absent at s2;
                  1 VN female 25-34, no account (crosses the border): present at s1+s2.
  cohort "Hue farmers": Vietnam, course B (programme P2), partner ORG1, starts 2025-03-01, no rule.
    sessions: s1 held. participants: 7 VN male 35-49, no account: 5 present at s1.
    -> without a rule, one session attended completes: 5.

Regional (all six countries), no filter:
  participants 16 (LA 8, VN 8); with an account 2 ("<5"), without 14 (hidden with it: "-"); sessions 3.
  attendance: LA participants 12 present of 8*2 = 16 possible -> 75.0 %; VN: (2 of 2) + (5 of 7) = 7 of 9
  -> 77.8 %; all 19 of 25 -> 76.0 %. completed: LA 4, VN 1 + 5 = 6, total 10 -> 62.5 %.
  by sex: female 7 (6 LA + 1 VN), male 9 (2 + 7); completed 5 and 5 -> 71.4 % and 55.6 %;
  attendance female 12 of 14 -> 85.7 %, male 7 of 11 -> 63.6 %.
  by age band: 18-24: 6, 25-34: 3 ("<5"), 35-49: 7; the 6 is hidden as well ("-") so 3 cannot be
  worked out from the total.
Laos coordinator: only the Laos cohort and only its Lao participants: 8 (6 F, 2 M), sessions 2,
  attendance 12 of 16 -> 75.0 %, completed 4 ("<5"), no completion rate.
Vietnam coordinator: only the Hue cohort (the Vietnamese participant in Laos is in a Lao cohort): 7,
  sessions 1, attendance 5 of 7 -> 71.4 %, completed 5 -> 71.4 %.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AgeBand, Country, Sex
from learning.models import Attendance, Participant, ParticipantSource
from reports import services
from reports.models import ExportLog
from reports.suppression import HIDDEN
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, ParticipantFactory
from tests.factories import (
    CourseFactory,
    PartnerOrganisationFactory,
    ProgrammeFactory,
    TraineeFactory,
    warm_layout,
)
from tests.reports.exports import csv_rows, export_url, xlsx_rows
from tests.reports.factories import enrol, national_coordinator, person, regional_coordinator

DASHBOARD = reverse("reports:dashboard")
F2F_SLUGS = ("face_to_face_country", "face_to_face_sex", "face_to_face_age_band")


def session(cohort, *, days: float, cancelled: bool = False):
    starts = timezone.now() + timedelta(days=days)
    return CohortSessionFactory(
        cohort=cohort, starts_at=starts, ends_at=starts + timedelta(hours=2), is_cancelled=cancelled
    )


def participants(cohort, count, *, country, sex, age_band, enrolments=()):
    made = [
        ParticipantFactory(
            cohort=cohort,
            country=country,
            sex=sex,
            age_band=age_band,
            enrolment=enrolments[i] if enrolments else None,
        )
        for i in range(count)
    ]
    return made


def mark(sessions_, people, present=True):
    for s in sessions_:
        for p in people:
            Attendance.objects.create(session=s, participant=p, present=present)


@pytest.fixture
def world(db):
    org = PartnerOrganisationFactory(short_name="ORG1", country=Country.VIETNAM)
    p1, p2 = ProgrammeFactory(name="Community adaptation"), ProgrammeFactory(name="Low-carbon cities")
    course_a, course_b = (
        CourseFactory(title="Course A", programme=p1),
        CourseFactory(title="Course B", programme=p2),
    )

    laos = CohortFactory(
        name="Vientiane youth",
        course=course_a,
        country=Country.LAOS,
        starts_on=date(2025, 2, 10),
        ends_on=date(2030, 1, 1),
        min_attendance_percent=50,
    )
    s1, s2 = session(laos, days=-10), session(laos, days=-3)
    s3 = session(laos, days=-2, cancelled=True)
    session(laos, days=10)
    women = participants(laos, 6, country=Country.LAOS, sex=Sex.FEMALE, age_band=AgeBand.FROM_18_TO_24)
    mark([s1, s2], women[:4])
    mark([s1], women[4:])
    mark([s2], women[4:], present=False)
    mark([s3], women[:1])
    accounts = [
        enrol(
            person(country=Country.LAOS, sex=Sex.MALE, age_band=AgeBand.FROM_25_TO_34),
            course_a,
            month="2025-02",
        )
        for _ in range(2)
    ]
    men = participants(
        laos, 2, country=Country.LAOS, sex=Sex.MALE, age_band=AgeBand.FROM_25_TO_34, enrolments=accounts
    )
    mark([s1], men)
    mark([s2], men, present=False)
    visitor = participants(laos, 1, country=Country.VIETNAM, sex=Sex.FEMALE, age_band=AgeBand.FROM_25_TO_34)
    mark([s1, s2], visitor)

    hue = CohortFactory(
        name="Hue farmers",
        course=course_b,
        partner=org,
        country=Country.VIETNAM,
        starts_on=date(2025, 3, 1),
        ends_on=date(2030, 1, 1),
    )
    h1 = session(hue, days=-5)
    farmers = participants(hue, 7, country=Country.VIETNAM, sex=Sex.MALE, age_band=AgeBand.FROM_35_TO_49)
    mark([h1], farmers[:5])
    mark([h1], farmers[5:6], present=False)

    services.rebuild_cube()
    return {
        "org": org,
        "programmes": (p1, p2),
        "regional": regional_coordinator(),
        "laos": national_coordinator(Country.LAOS),
        "vietnam": national_coordinator(Country.VIETNAM),
    }


def board_for(client, user, query=""):
    client.force_login(user)
    response = client.get(DASHBOARD + query)
    assert response.status_code == 200
    return response, response.context["board"].face_to_face


def table(f2f, slug):
    return next(t for t in f2f.tables if t.slug == slug)


def displays(row):
    return {slug: cell.display for slug, cell in row.cells.items()}


def test_headline_figures_regional(client, world):
    _response, f2f = board_for(client, world["regional"])
    assert {k: c.display for k, c in f2f.headline.items()} == {
        "sessions": "3",
        "participants": "16",
        "with_account": "<5",
        "without_account": HIDDEN,  # 16 - 14 would give the 2 away
        "attendance_rate": "76.0%",
        "completed": "10",
        "completion_rate": "62.5%",
    }


def test_by_country_regional(client, world):
    _response, f2f = board_for(client, world["regional"])
    by_country = table(f2f, "face_to_face_country")
    assert [row.key for row in by_country.rows] == ["LA", "VN"]
    lao, vietnam = by_country.rows
    assert displays(lao) == {
        "sessions": "2",
        "participants": "8",
        "with_account": "<5",
        "without_account": HIDDEN,
        "attendance_rate": "75.0%",
        "completed": "<5",
        "completion_rate": HIDDEN,
    }
    assert displays(vietnam) == {
        "sessions": "1",
        "participants": "8",
        # 0 with an account, 8 without: both hidden, or the Lao 6 would follow from the total 14.
        "with_account": HIDDEN,
        "without_account": HIDDEN,
        "attendance_rate": "77.8%",
        "completed": HIDDEN,  # 6, hidden so that the Lao 4 cannot be worked out from the total 10
        "completion_rate": HIDDEN,
    }
    assert by_country.total["participants"].display == "16"
    assert by_country.total["sessions"].display == "3"


def test_by_sex_and_age_band_regional(client, world):
    _response, f2f = board_for(client, world["regional"])
    female, male = table(f2f, "face_to_face_sex").rows
    assert (female.key, male.key) == ("female", "male")
    assert displays(female) == {
        "participants": "7",
        "with_account": HIDDEN,  # 0, hidden with the 7 without an account (see below)
        "without_account": HIDDEN,  # 7: hidden so that the male 7 cannot be worked out from the total
        "attendance_rate": "85.7%",
        "completed": "5",
        "completion_rate": "71.4%",
    }
    assert displays(male) == {
        "participants": "9",
        "with_account": "<5",
        "without_account": HIDDEN,
        "attendance_rate": "63.6%",
        "completed": "5",
        "completion_rate": "55.6%",
    }
    assert "sessions" not in table(f2f, "face_to_face_sex").total.cells  # sessions have no sex

    ages = {row.key: row for row in table(f2f, "face_to_face_age_band").rows}
    assert ages["25_34"]["participants"].display == "<5"
    assert ages["18_24"]["participants"].display == HIDDEN  # complementary: 3 = 16 - 6 - 7 otherwise
    assert ages["35_49"]["participants"].display == "7"
    # No rate from a hidden count.
    assert ages["25_34"]["attendance_rate"].display == HIDDEN
    assert ages["18_24"]["completion_rate"].display == HIDDEN
    assert ages["35_49"]["attendance_rate"].display == "71.4%"


def test_laos_coordinator_never_sees_vietnam_cohorts_or_participants(client, world):
    response, f2f = board_for(client, world["laos"])
    assert [row.key for row in table(f2f, "face_to_face_country").rows] == ["LA"]
    assert {k: c.display for k, c in f2f.headline.items()} == {
        "sessions": "2",
        "participants": "8",  # not the Vietnamese visitor in the Lao cohort
        "with_account": "<5",
        "without_account": HIDDEN,
        "attendance_rate": "75.0%",  # 12 of 16: the visitor's marks do not count
        "completed": "<5",
        "completion_rate": HIDDEN,
    }
    assert [row.key for row in table(f2f, "face_to_face_sex").rows] == ["female", "male"]
    assert [row.key for row in table(f2f, "face_to_face_age_band").rows] == ["18_24", "25_34"]
    html = response.content.decode()
    assert "Face-to-face sessions" in html
    assert "Vietnam" not in html


def test_vietnam_coordinator_sees_only_the_vietnamese_cohort(client, world):
    _response, f2f = board_for(client, world["vietnam"])
    assert {k: f2f.headline[k].display for k in ("sessions", "participants", "attendance_rate")} == {
        "sessions": "1",
        "participants": "7",  # the Vietnamese visitor is in a Lao cohort: not in this scope
        "attendance_rate": "71.4%",
    }
    assert f2f.headline["completion_rate"].display == "71.4%"


@pytest.mark.parametrize(
    ("query", "participants", "sessions"),
    [
        ("?date_to=2025-02", "9", "2"),  # the Lao cohort started in February, Hue in March
        ("?date_from=2025-03", "7", "1"),
        ("?date_from=2025-04", "0", "0"),
        ("?country=LA", "8", "2"),
    ],
)
def test_filters_apply_to_cohorts(client, world, query, participants, sessions):
    _response, f2f = board_for(client, world["regional"], query)
    assert f2f.headline["participants"].display == participants
    assert f2f.headline["sessions"].display == sessions


def test_programme_course_and_partner_filters(client, world):
    p1, p2 = world["programmes"]
    _response, f2f = board_for(client, world["regional"], f"?programme={p2.pk}")
    assert f2f.headline["participants"].display == "7"
    _response, f2f = board_for(client, world["regional"], f"?partner={world['org'].pk}")
    assert f2f.headline["participants"].display == "7"
    course_a = p1.courses.get()
    _response, f2f = board_for(client, world["regional"], f"?course={course_a.pk}")
    assert f2f.headline["participants"].display == "9"


def test_no_participants_shows_zeros_and_no_rates(client, world):
    response, f2f = board_for(client, world["regional"], "?date_from=2026-01")
    assert f2f.headline["participants"].display == "0"
    assert f2f.headline["attendance_rate"].display == HIDDEN
    assert f2f.is_empty
    assert "No face-to-face participants match these filters." in response.content.decode()


def test_a_larger_minimum_cell_hides_every_small_figure(client, world, settings):
    settings.REPORTS_MIN_CELL = 10
    _response, f2f = board_for(client, world["laos"])
    assert f2f.headline["participants"].display == "<10"
    assert f2f.headline["attendance_rate"].display == HIDDEN
    assert f2f.headline["completion_rate"].display == HIDDEN
    assert f2f.headline["sessions"].display == "2"  # sessions are not people


def test_chart_for_face_to_face_is_drawn(client, world):
    response, _f2f = board_for(client, world["regional"])
    html = response.content.decode()
    assert 'aria-labelledby="chart-face-to-face-title chart-face-to-face-desc"' in html
    assert "Face-to-face participants by sex" in html


@pytest.mark.parametrize("slug", F2F_SLUGS)
def test_exports_match_the_page_and_are_logged(client, world, slug):
    client.force_login(world["regional"])
    page = table(client.get(DASHBOARD).context["board"].face_to_face, slug)
    rows = csv_rows(client.get(export_url(slug)))
    assert rows[0] == [page.dimension, *[c.label for c in page.columns]]
    assert [r[0] for r in rows[1:]] == [*(row.label for row in page.rows), "Total"]
    for exported, shown in zip(rows[1:], [*page.rows, page.total], strict=True):
        assert exported[1:] == [str(cell.export_value) for cell in shown.cell_list]
    for cell in (c for r in rows for c in r):
        assert not cell.startswith(("=", "+", "-", "@", "|", "%"))  # formula-neutralised
    book = xlsx_rows(client.get(export_url(slug, "xlsx")))
    assert book[0] == rows[0]
    assert len(book) == len(rows)
    assert ExportLog.objects.filter(table=slug, user=world["regional"]).count() == 2


def test_export_by_country_parsed_back(client, world):
    client.force_login(world["regional"])
    rows = csv_rows(client.get(export_url("face_to_face_country")))
    assert rows[0] == [
        "Country",
        "Sessions held",
        "Participants",
        "With an account",
        "Without an account",
        "Attendance rate",
        "Completed by attendance",
        "Completion rate",
    ]
    assert rows[1] == ["Laos", "2", "8", "<5", HIDDEN, "75.0", "<5", HIDDEN]
    assert rows[3] == ["Total", "3", "16", "<5", HIDDEN, "76.0", "10", "62.5"]
    book = xlsx_rows(client.get(export_url("face_to_face_country", "xlsx")))
    assert book[1] == ["Laos", 2, 8, "<5", HIDDEN, 75.0, "<5", HIDDEN]


@pytest.mark.parametrize("slug", F2F_SLUGS)
def test_laos_coordinator_exports_hold_no_vietnam(client, world, slug):
    client.force_login(world["laos"])
    for file_format, parse in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        rows = parse(client.get(export_url(slug, file_format)))
        text = " ".join(str(cell) for row in rows for cell in row)
        assert "Viet" not in text
        assert rows[-1][0] == "Total"
    if slug == "face_to_face_country":
        assert [r[0] for r in csv_rows(client.get(export_url(slug)))[1:]] == ["Laos", "Total"]
    assert client.get(export_url(slug) + "?country=VN").status_code == 403


def test_face_to_face_exports_refuse_trainees(client, world):
    client.force_login(TraineeFactory())
    assert client.get(export_url("face_to_face_sex")).status_code == 403
    client.logout()
    assert client.get(export_url("face_to_face_sex")).status_code == 302


# --- query count -------------------------------------------------------------------------------------------


def add_participants(count: int, *, offset: int) -> None:
    """`count` participants over two cohorts (Laos and Cambodia), each with two held sessions, marked."""
    courses = [CourseFactory() for _ in range(2)]
    for index, (country, course) in enumerate(zip((Country.LAOS, Country.CAMBODIA), courses, strict=True)):
        cohort = CohortFactory(course=course, country=country)
        held = [session(cohort, days=-4), session(cohort, days=-2)]
        people = Participant.objects.bulk_create(
            Participant(
                cohort=cohort,
                display_name=f"P{offset}-{index}-{n}",
                country=country,
                sex=(Sex.FEMALE, Sex.MALE)[n % 2],
                age_band=(AgeBand.FROM_18_TO_24, AgeBand.FROM_25_TO_34, AgeBand.FROM_35_TO_49)[n % 3],
                source=ParticipantSource.CSV,
                identity_key=f"k{offset}-{index}-{n}",
            )
            for n in range(count // 2 + (index < count % 2))
        )
        Attendance.objects.bulk_create(
            Attendance(session=s, participant=p, present=(n + i) % 3 != 0)
            for i, s in enumerate(held)
            for n, p in enumerate(people)
        )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_dashboard_query_count_is_the_same_for_5_and_200_participants(client, db):
    client.force_login(regional_coordinator())
    warm_layout(client)
    filtered = DASHBOARD + f"?country={Country.LAOS}&date_from=2020-01"
    add_participants(5, offset=0)
    services.rebuild_cube()
    few = queries_for(client, DASHBOARD)  # computed
    few_cached = queries_for(client, DASHBOARD)  # from the cache
    assert few_cached < few
    add_participants(195, offset=1)
    services.rebuild_cube()  # a rebuild invalidates the cached figures
    assert queries_for(client, DASHBOARD) == few
    assert client.get(DASHBOARD).context["board"].face_to_face.headline["participants"].value == 200
    assert queries_for(client, DASHBOARD) == few_cached
    assert queries_for(client, filtered) == few
