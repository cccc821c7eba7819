"""A large synthetic data set for the reports' benchmark (issue 7): trainees spread realistically over the
six countries, sexes, age bands, partner organisations, programmes and 24 months of enrolments.

On PostgreSQL the rows go in with COPY (a million enrolments in well under a minute); elsewhere with
bulk_create in batches. Every synthetic user's email ends in @synthetic.invalid, so the set is easy to
recognise and cannot receive mail.
"""

import contextlib
import random
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import PartnerOrganisation, Profile, User
from courses.models import Course, CourseStatus, Lesson, Module, Programme, Theme
from learning.models import Enrolment, EnrolmentStatus

DOMAIN = "synthetic.invalid"
COUNTRIES = (("CN", 16), ("MM", 14), ("LA", 10), ("TH", 20), ("KH", 15), ("VN", 25))
SEXES = (("female", 49), ("male", 47), ("other", 2), ("undisclosed", 2))
AGES = (("under_18", 7), ("18_24", 21), ("25_34", 33), ("35_49", 28), ("50_plus", 11))
PROGRAMMES = (
    ("synthetic-climate-governance", "Climate governance", Theme.values[0]),
    ("synthetic-low-carbon-cities", "Low-carbon cities", Theme.values[1 % len(Theme.values)]),
    ("synthetic-community-adaptation", "Community adaptation", Theme.values[2 % len(Theme.values)]),
    ("synthetic-women-children", "Women, children and climate", Theme.values[3 % len(Theme.values)]),
)
COURSES_PER_PROGRAMME = 3
PARTNERS = 8
MONTHS = 24
BATCH = 10_000


def _choices(pairs):
    values, weights = zip(*pairs, strict=True)
    return list(values), list(weights)


def _catalogue() -> tuple[list[Course], list[PartnerOrganisation]]:
    courses = []
    for slug, name, theme in PROGRAMMES:
        programme, _ = Programme.objects.get_or_create(slug=slug, defaults={"name": name, "theme": theme})
        for number in range(1, COURSES_PER_PROGRAMME + 1):
            course, created = Course.objects.get_or_create(
                slug=f"{slug}-{number}",
                defaults={
                    "title": f"{name} {number}",
                    "summary": "Synthetic course for benchmarks.",
                    "programme": programme,
                    "status": CourseStatus.PUBLISHED,
                    "published_at": timezone.now(),
                },
            )
            if created:
                module = Module.objects.create(course=course, title="Module 1", position=1)
                for position in range(1, 5):
                    Lesson.objects.create(module=module, title=f"Lesson {position}", position=position)
            courses.append(course)
    partners = [
        PartnerOrganisation.objects.get_or_create(
            short_name=f"SYN{number}", defaults={"name": f"Synthetic partner {number}"}
        )[0]
        for number in range(1, PARTNERS + 1)
    ]
    return courses, partners


def _copy(table: str, columns: list[str], rows) -> None:
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg 3 cursor under Django's wrapper
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # constant names only
            for row in rows:
                copy.write_row(row)


@contextlib.contextmanager
def _keep_enrolled_at():
    """bulk_create would stamp auto_now_add fields with now; synthetic enrolments keep their own dates."""
    field = Enrolment._meta.get_field("enrolled_at")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def generate(*, users: int, enrolments: int, seed: int = 7, stdout=None) -> None:
    """Add ``users`` trainees and about ``enrolments`` enrolments (each trainee in distinct courses)."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, reproducible on purpose
    courses, partners = _catalogue()
    start = User.objects.filter(email__endswith="@" + DOMAIN).count()
    now = timezone.now()
    countries, country_w = _choices(COUNTRIES)
    sexes, sex_w = _choices(SEXES)
    ages, age_w = _choices(AGES)
    first_month = (now.replace(day=1) - timedelta(days=MONTHS * 31)).replace(day=1)
    postgres = connection.vendor == "postgresql"
    emails = [f"trainee{start + i}@{DOMAIN}" for i in range(users)]
    with transaction.atomic():
        user_rows = (("!", email, "trainee", "", False, True, False, now) for email in emails)
        user_columns = ["password", "email", "role", "coordinator_country", "is_staff", "is_active",
                        "is_superuser", "date_joined"]  # fmt: skip
        if postgres:
            _copy(User._meta.db_table, user_columns, user_rows)
        else:
            User.objects.bulk_create((User(**dict(zip(user_columns, r, strict=True))) for r in user_rows),
                                     batch_size=BATCH)  # fmt: skip
        synthetic = User.objects.filter(email__endswith="@" + DOMAIN).order_by("pk")
        ids = list(synthetic.values_list("pk", flat=True))[start:]
        if stdout:
            stdout.write(f"{len(ids)} users")
        profile_columns = [
            "user_id", "full_name", "latin_name", "country", "sex", "age_band", "organisation_id",
            "organisation_name", "preferred_language", "guardian_consent", "guardian_consent_at",
            "updated_at", "buddhist_era",
        ]  # fmt: skip
        profile_rows = []
        for pk in ids:
            age = rng.choices(ages, age_w)[0]
            minor = age == "under_18"
            organisation = rng.choice(partners).pk if rng.random() < 0.7 else None
            profile_rows.append((pk, f"Trainee {pk}", "", rng.choices(countries, country_w)[0],
                                 rng.choices(sexes, sex_w)[0], age, organisation, "", "en", minor,
                                 now if minor else None, now, False))  # fmt: skip
        if postgres:
            _copy(Profile._meta.db_table, profile_columns, profile_rows)
        else:
            Profile.objects.bulk_create(
                (Profile(**dict(zip(profile_columns, r, strict=True))) for r in profile_rows),
                batch_size=BATCH,
            )
        per_user = max(1, round(enrolments / max(1, users)))

        def enrolment_rows():
            for pk in ids:
                for course in rng.sample(courses, min(len(courses), max(1, int(rng.gauss(per_user, 1.2))))):
                    # More enrolments in recent months: a growing programme.
                    month = int(MONTHS * rng.random() ** 0.7)
                    enrolled = first_month + timedelta(days=month * 30.4 + rng.random() * 28)
                    enrolled = min(enrolled, now - timedelta(hours=1))
                    roll = rng.random()
                    status = EnrolmentStatus.COMPLETED if roll < 0.38 else (
                        EnrolmentStatus.WITHDRAWN if roll > 0.96 else EnrolmentStatus.ACTIVE)  # fmt: skip
                    completed = (
                        enrolled + timedelta(days=rng.randint(5, 90)) if status == "completed" else None
                    )
                    if completed and completed > now:
                        completed = now
                    active = None if roll > 0.85 else min(now, enrolled + timedelta(days=rng.randint(0, 400)))
                    yield (pk, course.pk, status, enrolled, completed, active)

        enrolment_columns = [
            "trainee_id",
            "course_id",
            "status",
            "enrolled_at",
            "completed_at",
            "last_activity_at",
        ]
        if postgres:
            _copy(Enrolment._meta.db_table, enrolment_columns, enrolment_rows())
        else:
            with _keep_enrolled_at():
                batch = []
                for row in enrolment_rows():
                    batch.append(Enrolment(**dict(zip(enrolment_columns, row, strict=True))))
                    if len(batch) == BATCH:
                        Enrolment.objects.bulk_create(batch)
                        batch = []
                Enrolment.objects.bulk_create(batch)
    if stdout:
        stdout.write(f"{Enrolment.objects.filter(trainee__email__endswith='@' + DOMAIN).count()} enrolments")
