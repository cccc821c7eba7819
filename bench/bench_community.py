"""A discussion thread with 500 replies and a Knowledge Hub search over 10,000 cases, on PostgreSQL.

20 concurrent clients for BENCH_SECONDS (default 20) per page against gunicorn with 2 workers, with the
baseline view measured in the same run. Targets: each page at least 50% of the baseline's requests/s and a
p95 at most twice the baseline's (bench.common.compare).
"""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench import common

DB = "mct_bench_community"
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
CASES = int(os.environ.get("BENCH_CASES", "10000"))
EMAIL, PASSWORD = "bench.member@example.org", "bench-password-123"
PLACES = ["Cà Mau", "Tonle Sap", "Savannakhet", "Ubon Ratchathani", "Magway", "Kunming", "Luang Prabang"]
TOPICS = [
    ("mangrove", "belts replanted in front of sea dykes to break storm waves"),
    ("flood", "early warning volunteers and painted river markers"),
    ("solar", "mini-grids with batteries for clinics and schools"),
    ("drought", "community ponds and drip irrigation for the dry season"),
    ("transport", "bus corridors with shaded stations and safe crossings"),
    ("heat", "cool refuges and check-in calls for older residents"),
    ("salinity", "rice and shrimp rotation on brackish fields"),
    ("budget", "commune councils reserving funds for small adaptation works"),
]


def create_data() -> tuple[str, str]:
    common.django_setup(DB)
    from django.db import connection
    from django.utils import timezone

    from accounts.models import MEKONG_COUNTRIES, User
    from community.models import CaseStatus, CaseStudy, CaseTheme, Post, Thread
    from community.services.cases import build_search_text
    from courses.markdown import render_markdown
    from courses.models import Theme
    from learning.models import Enrolment
    from tests.community.factories import ThreadFactory
    from tests.factories import CourseFactory, ProfileFactory, TraineeFactory, TrainerFactory

    rng = random.Random(9)
    member = User.objects.create_user(EMAIL, PASSWORD)
    ProfileFactory(user=member)
    course = CourseFactory(trainers=[TrainerFactory()])
    Enrolment.objects.create(trainee=member, course=course)
    thread = ThreadFactory(course=course, author=member)
    authors = [TraineeFactory() for _ in range(20)]
    body = "In our commune we tried **this** first:\n\n- map the low ground\n- ask the elders\n\nIt worked."
    html = render_markdown(body)
    Post.objects.bulk_create(
        Post(thread=thread, author=authors[i % 20], body=body, body_html=html) for i in range(500)
    )
    Thread.objects.filter(pk=thread.pk).update(reply_count=500)  # as 500 calls of post_reply would leave it
    submitter = TraineeFactory()
    now = timezone.now()
    batch, themes = [], []
    for n in range(CASES):
        topic, detail = rng.choice(TOPICS)
        place = rng.choice(PLACES)
        text = f"## What was done\n\nIn {place}, {detail}. Households and local officials shared the work."
        case = CaseStudy(
            title=f"{topic.capitalize()} practice {n} in {place}",
            country=rng.choice(MEKONG_COUNTRIES),
            year=rng.randint(2010, 2025),
            summary=f"{detail.capitalize()} in {place}.",
            body=text,
            body_html=render_markdown(text),
            status=CaseStatus.PUBLISHED,
            submitted_by=submitter,
            submitted_at=now,
            published_at=now,
        )
        chosen = rng.sample(Theme.values, rng.randint(1, 2))
        case.search_text = build_search_text(case, chosen, None)  # search_vector: filled by the trigger
        batch.append(case)
        themes.append(chosen)
    CaseStudy.objects.bulk_create(batch, batch_size=1000)
    CaseTheme.objects.bulk_create(
        (CaseTheme(case=case, theme=t) for case, chosen in zip(batch, themes, strict=True) for t in chosen),
        batch_size=2000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return thread.get_absolute_url(), "/community/cases/?q=mangrove+dykes&theme=community_adaptation"


def main() -> int:
    env = common.setup_database(DB)
    thread_path, search_path = create_data()
    with common.serve(env=env) as base:
        headers = common.login_headers(base, EMAIL, PASSWORD)
        print(f"  {SECONDS:.0f} s per page, 20 clients, gunicorn 2 workers, PostgreSQL, {CASES} cases")
        baseline = common.load(base + common.BASELINE_PATH, seconds=SECONDS)
        print(f"  {'baseline':<28} {baseline}")
        thread = common.load(base + thread_path, seconds=SECONDS, headers=headers)
        ok = common.compare("thread, 500 replies", thread, baseline)
        search = common.load(base + search_path, seconds=SECONDS)
        ok = common.compare("Knowledge Hub search", search, baseline) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
