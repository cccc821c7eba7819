"""Studio under load: the outline editor (3 modules x 10 lessons) and the autosave endpoint.

20 concurrent clients for BENCH_SECONDS (default 20) each, gunicorn with 2 workers on PostgreSQL, against
the baseline view measured in the same run (bench/common.py). Targets (issue 3): the outline editor at
least 40% of the baseline's requests/s, autosave (one upsert per request) at least 40%, p95 within 3x.
"""

import os
import sys
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench import common

DB = "mct_bench_studio"
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
EMAIL, PASSWORD = "bench.trainer@example.org", "bench-password-123"


def create_data() -> tuple[str, str]:
    common.django_setup(DB)
    from accounts.models import Role, User
    from courses import services
    from tests.factories import CourseFactory, ProfileFactory

    trainer = User.objects.create_user(EMAIL, PASSWORD, role=Role.TRAINER)
    ProfileFactory(user=trainer)
    course = CourseFactory(status="draft", trainers=[trainer], slug="bench-studio")
    lesson = None
    for m in range(3):
        module = services.add_module(course=course, title=f"Module {m + 1}")
        for n in range(10):
            lesson = services.add_lesson(module=module, title=f"Lesson {n + 1}", body="Text " * 200)
    return f"/studio/courses/{course.slug}/", f"/studio/courses/{course.slug}/lessons/{lesson.pk}/autosave/"


def main() -> int:
    env = common.setup_database(DB)
    outline_path, autosave_path = create_data()
    with common.serve(env=env) as base:
        headers = common.login_headers(base, EMAIL, PASSWORD)
        print(f"  {SECONDS:.0f} s per page, 20 clients, gunicorn 2 workers, PostgreSQL")
        baseline = common.load(base + common.BASELINE_PATH, seconds=SECONDS)
        print(f"  {'baseline':<28} {baseline}")
        outline = common.load(base + outline_path, seconds=SECONDS, headers=headers)
        ok = common.compare("outline editor (30 lessons)", outline, baseline, rps_target=0.4, p95_target=3.0)
        body = urlencode({"title": "Lesson", "body": "Typing " * 300, "version": 1}).encode()
        post_headers = {
            **headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Requested-With": "fetch",
        }
        autosave = common.load(
            base + autosave_path, method="POST", data=body, headers=post_headers, seconds=SECONDS
        )
        ok = common.compare("autosave POST", autosave, baseline, rps_target=0.4, p95_target=3.0) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
