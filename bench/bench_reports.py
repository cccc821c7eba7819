"""Coordinators' dashboard over a large synthetic data set (issue 7).

Creates BENCH_USERS trainees and about BENCH_ENROLMENTS enrolments (200,000 and 1,000,000 by default) on
PostgreSQL with COPY, rebuilds the report cube, then, in the same run:
1. the dashboard through gunicorn for a regional coordinator (no filters) and a national coordinator
   (Vietnam, the largest country), median of 5 sequential requests after one warm-up, and the baseline
   view measured the same way;
2. raw SQL GROUP BY queries computing the same figures (the headline, the funnel's enrolled/started/
   completed, seven breakdowns, active trainees), median of 5, (a) over the live tables (enrolment joined to
   profile and course: what the dashboard would cost without the cube) and (b) over the cube (what the
   dashboard's own queries cost without Django).
Targets: dashboard <= 2x the raw SQL time over the live tables; under 500 ms (regional) and 150 ms
(national).
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
CUBE_QUERIES = (
    [f"SELECT {CUBE_SUMS} {CUBE}"]
    + [
        f"SELECT {key}, {CUBE_SUMS} {CUBE} GROUP BY 1"
        for key in ("country", "sex", "age_band", "organisation_id", "programme_id", "course_id", "month")
    ]
    + [LIVE_QUERIES[-1]]
)


def create_data() -> None:
    common.django_setup(DB)
    from django.db import connection

    from accounts.models import Role, User
    from reports import services, synthetic

    started = time.monotonic()
    synthetic.generate(users=USERS, enrolments=ENROLMENTS)
    print(
        f"data: {USERS:,} users and {ENROLMENTS:,} enrolments (approx.) in {time.monotonic() - started:.1f} s"
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    state = services.rebuild_cube()
    print(f"cube rebuild: {state.rows:,} rows in {state.duration_ms / 1000:.1f} s")
    services.warm_dashboards()  # what the Celery task does after each rebuild
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE reports_enrolmentcube")
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


def main() -> None:
    env = common.setup_database(DB)
    # A shared cache, as in production (docs/reports.md): both gunicorn workers see the same figures.
    env["CACHE_URL"] = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
    os.environ["CACHE_URL"] = env["CACHE_URL"]
    create_data()
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
    figures["sql_cube_regional"] = sql_ms(CUBE_QUERIES, all_countries)
    figures["sql_cube_national"] = sql_ms(CUBE_QUERIES, ["VN"])
    print(f"baseline page: {figures['baseline']:.1f} ms (median of {RUNS})")
    for who, target in (("regional", 500), ("national", 150)):
        page, live, cube = figures[who], figures[f"sql_live_{who}"], figures[f"sql_cube_{who}"]
        print(
            f"{who:>8}: dashboard {page:.1f} ms "
            f"(target < {target} ms: {'ok' if page < target else 'MISSED'}); "
            f"raw SQL over live tables {live:.1f} ms -> ratio {page / live:.2f} (target <= 2: "
            f"{'ok' if page <= 2 * live else 'MISSED'}); raw SQL over the cube {cube:.1f} ms -> ratio "
            f"{page / cube:.2f}; {page / figures['baseline']:.1f}x the baseline page"
        )
        cold = figures[f"{who}_cold"]
        print(
            f"{who:>8}: dashboard, figures not cached {cold:.1f} ms (target < {target} ms: "
            f"{'ok' if cold < target else 'MISSED'}); ratio to raw SQL over live tables {cold / live:.2f}, "
            f"over the cube {cold / cube:.2f}"
        )


if __name__ == "__main__":
    main()
