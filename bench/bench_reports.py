"""Coordinators' dashboard over a large synthetic data set (issue 7).

Creates BENCH_USERS trainees and about BENCH_ENROLMENTS enrolments (200,000 and 1,000,000 by default) on
PostgreSQL with COPY, rebuilds the report cube, then, in the same run:
1. the dashboard through gunicorn for a regional coordinator (no filters) and a national coordinator
   (Vietnam, the largest country), median of 5 sequential requests after one warm-up (the default view,
   whose figures the rebuild pre-computes), and the baseline view measured the same way;
2. the first view of a new filter combination: 5 requests, each with a filter never asked for before
   (enrolments since 2000-0N: a new cache key that still reads every cell in scope, the worst case),
   median;
3. raw SQL computing the same figures (the headline, the funnel's enrolled/started/completed, seven
   breakdowns, active trainees), median of 5: (a) GROUP BY over the live tables (enrolment joined to profile
   and course: what the dashboard would cost without the summary tables; the target's reference), (b) the
   dashboard's own three summary queries without Django, (c) what the dashboard ran before (one GROUP BY per
   breakdown over the cube and a live distinct count of active trainees).
Targets: dashboard <= 2x the raw SQL time over the live tables; under 500 ms (regional) and 150 ms
(national), for the default view and for a new filter combination.

BENCH_REPORTS_REUSE=1 keeps the data of a previous run (the cube is still rebuilt with the current code).
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench import common

DB = "mct_bench_reports"
USERS = int(os.environ.get("BENCH_USERS", "200000"))
ENROLMENTS = int(os.environ.get("BENCH_ENROLMENTS", "1000000"))
PASSWORD = "bench-password-0123"  # noqa: S105 - a throwaway bench database
RUNS = 5

LIVE = """
FROM learning_enrolment e JOIN accounts_profile p ON p.user_id = e.trainee_id
JOIN courses_course c ON c.id = e.course_id
WHERE e.status <> 'withdrawn' AND p.country = ANY(%(countries)s)
"""
MEASURES = """count(*),
count(*) FILTER (WHERE e.status = 'completed' OR e.last_activity_at IS NOT NULL),
count(*) FILTER (WHERE e.status = 'completed')"""
LIVE_QUERIES = (
    [f"SELECT {MEASURES} {LIVE}"]
    + [
        f"SELECT {key}, {MEASURES} {LIVE} GROUP BY 1"
        for key in (
            "p.country",
            "p.sex",
            "p.age_band",
            "p.organisation_id",
            "c.programme_id",
            "e.course_id",
            "date_trunc('month', e.enrolled_at)",
        )
    ]
    + [f"SELECT count(DISTINCT e.trainee_id) {LIVE} AND e.last_activity_at >= now() - interval '30 days'"]
)

CUBE_SUMS = (
    "sum(enrolled), sum(started), sum(halfway), sum(completed), sum(certified), sum(quiz_attempts), "
    "sum(quiz_passed), sum(gain_people), sum(gain_sum)"
)
CUBE = "FROM reports_enrolmentcube WHERE country = ANY(%(countries)s)"
# Before: one GROUP BY per breakdown, each on its grain, and the live distinct count.
CUBE_BEFORE = (
    [f"SELECT {CUBE_SUMS} {CUBE} AND grain = 'all'"]
    + [
        f"SELECT {key}, {CUBE_SUMS} {CUBE} AND grain = '{grain}' GROUP BY 1"
        for key, grain in (
            ("country", "all"),
            ("sex", "sex"),
            ("age_band", "age"),
            ("organisation_id", "all"),
            ("programme_id", "all"),
            ("course_id", "all"),
            ("month", "all"),
        )
    ]
    + [LIVE_QUERIES[-1]]
)
# Now (reports.selectors.raw_figures): the "all" grain in one GROUPING SETS pass, sex and age band in one
# GROUP BY, the active trainees from the rebuild's snapshot.
CUBE_NOW = [
    f"SELECT GROUPING(country, organisation_id, programme_id, course_id, month), country, organisation_id, "
    f"programme_id, course_id, month, {CUBE_SUMS} {CUBE} AND grain = 'all' GROUP BY GROUPING SETS "
    "((), (country), (organisation_id), (programme_id), (course_id), (month))",
    f"SELECT grain, sex, age_band, {CUBE_SUMS} {CUBE} AND grain IN ('sex', 'age') GROUP BY 1, 2, 3",
    "SELECT sum(trainees) FROM reports_activetrainees WHERE country = ANY(%(countries)s) "
    "AND programme_id IS NULL AND course_id IS NULL",
]


def create_data(*, reuse: bool) -> None:
    common.django_setup(DB)
    from django.db import connection

    from accounts.models import Role, User
    from reports import services, synthetic

    if reuse:
        print("data: kept from the previous run")
    else:
        started = time.monotonic()
        synthetic.generate(users=USERS, enrolments=ENROLMENTS)
        elapsed = time.monotonic() - started
        print(f"data: {USERS:,} users and {ENROLMENTS:,} enrolments (approx.) in {elapsed:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    state = services.rebuild_cube()
    print(f"cube rebuild: {state.rows:,} rows in {state.duration_ms / 1000:.1f} s")
    services.warm_dashboards()  # what the Celery task does after each rebuild
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE reports_enrolmentcube")
    if not reuse:
        User.objects.create_user("regional@bench.invalid", PASSWORD, role=Role.REGIONAL_COORDINATOR)
        User.objects.create_user(
            "national@bench.invalid", PASSWORD, role=Role.NATIONAL_COORDINATOR, coordinator_country="VN"
        )
    connection.close()


def median_ms(fn) -> float:
    fn()  # warm-up
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def sql_ms(queries: list[str], countries: list[str]) -> float:
    import psycopg

    with psycopg.connect(common.database_url(DB)) as conn:

        def run():
            for query in queries:
                conn.execute(query, {"countries": countries}).fetchall()

        return median_ms(run)


def page_ms(url: str, headers: dict) -> float:
    def run():
        status, _, _ = common.request(url, headers=headers)
        assert status == 200, status

    return median_ms(run)


def cold_page_ms(url: str, headers: dict) -> float:
    """Each request with a filter that changes nothing (enrolments since 2000-0N) but is a new cache key, so
    every figure is computed: the first view of a new filter combination after a rebuild."""
    times = []
    for month in range(1, RUNS + 1):
        started = time.perf_counter()
        status, _, _ = common.request(f"{url}?date_from=2000-{month:02d}", headers=headers)
        times.append((time.perf_counter() - started) * 1000)
        assert status == 200, status
    return statistics.median(times)


def main() -> int:
    reuse = os.environ.get("BENCH_REPORTS_REUSE") == "1"
    env = common.setup_database(DB, fresh=not reuse)
    # A shared cache, as in production (docs/reports.md): both gunicorn workers see the same figures.
    env["CACHE_URL"] = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
    os.environ["CACHE_URL"] = env["CACHE_URL"]
    create_data(reuse=reuse)
    all_countries = ["CN", "MM", "LA", "TH", "KH", "VN"]
    figures = {}
    with common.serve(env=env) as base:
        regional = common.login_headers(base, "regional@bench.invalid", PASSWORD)
        national = common.login_headers(base, "national@bench.invalid", PASSWORD)
        figures["baseline"] = page_ms(base + common.BASELINE_PATH, {})
        figures["regional"] = page_ms(base + "/coordinator/", regional)
        figures["national"] = page_ms(base + "/coordinator/", national)
        figures["regional_cold"] = cold_page_ms(base + "/coordinator/", regional)
        figures["national_cold"] = cold_page_ms(base + "/coordinator/", national)
    figures["sql_live_regional"] = sql_ms(LIVE_QUERIES, all_countries)
    figures["sql_live_national"] = sql_ms(LIVE_QUERIES, ["VN"])
    for who, countries in (("regional", all_countries), ("national", ["VN"])):
        figures[f"sql_cube_{who}"] = sql_ms(CUBE_NOW, countries)
        figures[f"sql_before_{who}"] = sql_ms(CUBE_BEFORE, countries)
    print(f"baseline page: {figures['baseline']:.1f} ms (median of {RUNS})")
    missed = False
    for who, target in (("regional", 500), ("national", 150)):
        live, cube, before = (figures[f"sql_{kind}_{who}"] for kind in ("live", "cube", "before"))
        print(
            f"{who:>8}: raw SQL over the live tables {live:.1f} ms; the dashboard's summary queries "
            f"{cube:.1f} ms; the queries it ran before {before:.1f} ms"
        )
        for label, page in (
            ("default view (cached)", figures[who]),
            ("new filter combination (not cached)", figures[f"{who}_cold"]),
        ):
            ok = page < target and page <= 2 * live
            missed |= not ok
            print(
                f"{who:>8}: {label}: {page:.1f} ms (target < {target} ms, <= 2x raw SQL: "
                f"{'ok' if ok else 'MISSED'}); ratio to raw SQL over live tables {page / live:.2f}, "
                f"to the summary queries {page / cube:.2f}; "
                f"{page / figures['baseline']:.1f}x the baseline page"
            )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
