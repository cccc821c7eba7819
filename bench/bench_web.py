"""Catalogue and lesson page under 20 concurrent clients for 20 s, gunicorn with 2 workers on PostgreSQL.

Targets (issue 2): each page at least 50% of the baseline's requests/s, p95 at most twice the baseline's.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench import common

DB = "mct_bench_web"
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
EMAIL, PASSWORD = "bench.trainee@example.org", "bench-password-123"


def create_data() -> str:
    common.django_setup(DB)
    from accounts.models import User
    from learning.models import Enrolment
    from tests.factories import ProfileFactory, course_with_lessons

    user = User.objects.create_user(EMAIL, PASSWORD)
    ProfileFactory(user=user)
    courses = [course_with_lessons(modules=3, lessons_per_module=5) for _ in range(30)]
    for course in courses[:20]:
        Enrolment.objects.create(trainee=user, course=course)
    lesson = courses[0].modules.order_by("position").first().lessons.order_by("position").first()
    return lesson.get_absolute_url()


def main() -> int:
    env = common.setup_database(DB)
    lesson_path = create_data()
    with common.serve(env=env) as base:
        headers = common.login_headers(base, EMAIL, PASSWORD)
        print(f"  {SECONDS:.0f} s per page, 20 clients, gunicorn 2 workers, PostgreSQL")
        baseline = common.load(base + common.BASELINE_PATH, seconds=SECONDS)
        print(f"  {'baseline':<28} {baseline}")
        ok = common.compare("catalogue /courses/", common.load(base + "/courses/", seconds=SECONDS), baseline)
        lesson = common.load(base + lesson_path, seconds=SECONDS, headers=headers)
        ok = common.compare("lesson page (signed in)", lesson, baseline) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
