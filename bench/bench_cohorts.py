"""The attendance page of a 60-participant cohort, one attendance tap (POST) and the .ics feed, on PostgreSQL.

20 concurrent clients for BENCH_SECONDS (default 20) per page against gunicorn with 2 workers, with the
baseline view measured in the same run. Targets: at least 50% of the baseline's requests/s and a p95 at most
twice the baseline's (bench.common.compare).
"""

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench import common

DB = "mct_bench_cohorts"
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "60"))
EMAIL, PASSWORD = "bench.facilitator@example.org", "bench-password-123"


def create_data() -> tuple[str, str, str, int]:
    common.django_setup(DB)
    from django.db import connection
    from django.utils import timezone

    from accounts.models import Role, User
    from learning.cohorts import services
    from tests.cohorts.factories import CohortFactory, CohortSessionFactory, ParticipantFactory
    from tests.factories import ProfileFactory

    facilitator = User.objects.create_user(EMAIL, PASSWORD, role=Role.TRAINER)
    ProfileFactory(user=facilitator)
    cohort = CohortFactory(facilitators=[facilitator], min_attendance_percent=80)
    start = timezone.now() - timedelta(days=30)
    starts = [start + timedelta(days=7 * i) for i in range(8)]
    sessions = [
        CohortSessionFactory(cohort=cohort, starts_at=s, ends_at=s + timedelta(hours=2)) for s in starts
    ]
    people = ParticipantFactory.create_batch(PARTICIPANTS, cohort=cohort)
    for session in sessions[:4]:
        for index, person in enumerate(people):
            services.mark_attendance(
                session=session, participant=person, present=index % 4 != 0, by=facilitator
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    base = f"/cohorts/{cohort.pk}/sessions/{sessions[3].pk}/attendance/"
    return base, base + "mark/", f"/cohorts/calendar/{cohort.calendar_token}.ics", people[1].pk


def main() -> int:
    env = common.setup_database(DB)
    page, mark, feed, participant = create_data()
    with common.serve(env=env) as base:
        headers = common.login_headers(base, EMAIL, PASSWORD)
        print(
            f"  {SECONDS:.0f} s per page, 20 clients, gunicorn 2 workers, PostgreSQL, {PARTICIPANTS} people"
        )
        baseline = common.load(base + common.BASELINE_PATH, seconds=SECONDS)
        print(f"  {'baseline':<28} {baseline}")
        ok = common.compare(
            "attendance page", common.load(base + page, seconds=SECONDS, headers=headers), baseline
        )
        tap = common.load(
            base + mark,
            seconds=SECONDS,
            method="POST",
            data=f"participant={participant}&present=1".encode(),
            headers={
                **headers,
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
        )
        ok = common.compare("attendance tap (POST)", tap, baseline) and ok
        ok = (
            common.compare("calendar feed (.ics)", common.load(base + feed, seconds=SECONDS), baseline) and ok
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
