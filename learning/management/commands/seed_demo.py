"""`manage.py seed_demo`: realistic demo data for `make run`. Idempotent: running it twice changes nothing.

It lives in learning, the highest app it needs.

The foundation seeds partners, programmes, courses with their modules and lessons, and people; every other
local app that has a `demo` module with `seed(*, stdout)` adds its own data on top (quizzes, certificates,
community ...), in INSTALLED_APPS order.
"""

import importlib

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts import services as account_services
from accounts.models import PartnerOrganisation, Profile, Role, User
from courses import demo_content, services
from courses.models import Course, CourseStatus, Programme
from learning import services as learning_services
from learning.models import Enrolment

DEMO_PASSWORD = "mekong-demo-2026"  # noqa: S105 - documented demo password, `make run` only
STAFF = [
    # email, role, coordinator country, full name, latin name, country, sex, age band, language
    ("trainer@example.org", Role.TRAINER, "", "Dr. Lan Phương", "Lan Phuong", "VN", "female", "35_49", "vi"),
    ("coordinator.la@example.org", Role.NATIONAL_COORDINATOR, "LA", "ບຸນມີ ສີສະຫວັດ", "Bounmy Sisavath", "LA",
     "male", "35_49", "lo"),
    ("coordinator@example.org", Role.REGIONAL_COORDINATOR, "", "Chen Jing 陈静", "Chen Jing", "CN", "female",
     "35_49", "en"),
    ("admin@example.org", Role.ADMIN, "", "Platform administrator", "", "TH", "undisclosed", "35_49", "en"),
]  # fmt: skip


class Command(BaseCommand):
    help = "Create demo partners, programmes, courses and people (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--accounts-only", action="store_true", help="Only print the demo accounts.")

    def handle(self, *args, accounts_only: bool = False, **options):
        if not accounts_only:
            with transaction.atomic():
                self.seed_catalogue()
                self.seed_people()
            for config in apps.get_app_configs():
                if not str(config.path).startswith(str(settings.BASE_DIR)):
                    continue
                try:
                    demo = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError:
                    continue
                with transaction.atomic():
                    demo.seed(stdout=self.stdout)
        self.print_accounts()

    def seed_catalogue(self) -> None:
        partners = {}
        for item in demo_content.PARTNERS:
            partner, _ = PartnerOrganisation.objects.update_or_create(
                short_name=item["short_name"], defaults={"name": item["name"], "country": item["country"]}
            )
            partners[item["short_name"]] = partner
        programmes = {}
        for item in demo_content.PROGRAMMES:
            programme, _ = Programme.objects.update_or_create(
                slug=item["slug"],
                defaults={"name": item["name"], "theme": item["theme"], "description": item["description"]},
            )
            programme.partners.set([partners[name] for name in item["partners"] if name in partners])
            programmes[item["slug"]] = programme
        created = 0
        for item in demo_content.COURSES:
            course, was_created = Course.objects.get_or_create(
                slug=item["slug"],
                defaults={
                    "title": item["title"],
                    "summary": item["summary"],
                    "language": item["language"],
                    "programme": programmes[item["programme"]],
                    "estimated_hours": item["estimated_hours"],
                    "status": CourseStatus.PUBLISHED,
                    "published_at": timezone.now(),
                },
            )
            if not was_created:
                continue
            created += 1
            for module_item in item["modules"]:
                module = services.add_module(
                    course=course, title=module_item["title"], summary=module_item["summary"]
                )
                for lesson_item in module_item["lessons"]:
                    services.add_lesson(
                        module=module,
                        title=lesson_item["title"],
                        body=lesson_item["body"],
                        is_required=lesson_item["required"],
                        estimated_minutes=lesson_item["minutes"],
                        video_url=lesson_item.get("video_url", ""),
                    )
        self.stdout.write(f"Catalogue: {len(programmes)} programmes, {created} new courses.")

    def seed_people(self) -> None:
        partners = {p.short_name: p for p in PartnerOrganisation.objects.all()}
        rows = [
            (t["email"], Role.TRAINEE, "", t["full_name"], t["latin_name"], t["country"], t["sex"],
             t["age_band"], t["language"], t.get("organisation", ""))
            for t in demo_content.TRAINEES
        ] + [(*row, "") for row in STAFF]  # fmt: skip
        for email, role, coordinator_country, full_name, latin, country, sex, age_band, language, org in rows:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email,
                    DEMO_PASSWORD,
                    role=role,
                    coordinator_country=coordinator_country,
                    is_staff=role == Role.ADMIN,
                    is_superuser=role == Role.ADMIN,
                )
                self._verify_email(user)
            if not Profile.objects.filter(user=user).exists():
                account_services.save_profile(
                    user=user,
                    data={
                        "full_name": full_name,
                        "latin_name": latin,
                        "country": country,
                        "sex": sex,
                        "age_band": age_band,
                        "preferred_language": language if language in dict(settings.LANGUAGES) else "en",
                        "organisation": partners.get(org),
                        "organisation_name": "",
                        "guardian_consent": False,
                    },
                )
        trainer = User.objects.get(email="trainer@example.org")
        for course in Course.objects.filter(slug__in=[c["slug"] for c in demo_content.COURSES]):
            course.trainers.add(trainer)
        self._enrol_trainees()

    def _verify_email(self, user: User) -> None:
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )

    def _enrol_trainees(self) -> None:
        """Give the demo trainees some history: enrolments, progress, and one completed course each."""
        courses = list(Course.objects.published().filter(slug__in=[c["slug"] for c in demo_content.COURSES]))
        trainees = list(
            User.objects.filter(email__in=[t["email"] for t in demo_content.TRAINEES]).order_by("email")
        )
        for index, trainee in enumerate(trainees):
            for offset in (0, 1):
                course = courses[(index + offset) % len(courses)]
                if Enrolment.objects.filter(trainee=trainee, course=course).exists():
                    continue
                enrolment = learning_services.enrol_trainee(trainee=trainee, course=course)
                lessons = [
                    lesson
                    for module in course.modules.order_by("position")
                    for lesson in module.lessons.order_by("position")
                ]
                # The first course is finished by every other trainee; the second is started.
                count = len(lessons) if offset == 0 and index % 2 == 0 else min(2, len(lessons))
                for lesson in lessons[:count]:
                    learning_services.complete_lesson(enrolment=enrolment, lesson=lesson)

    def print_accounts(self) -> None:
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for email, role, country, *_ in STAFF:
            label = Role(role).label + (f" ({country})" if country else "")
            self.stdout.write(f"  {email:<32} {label}")
        for trainee in demo_content.TRAINEES[:3]:
            self.stdout.write(f"  {trainee['email']:<32} Trainee ({trainee['country']})")
        self.stdout.write(f"  ... and {len(demo_content.TRAINEES) - 3} more trainees, listed in README.md")
