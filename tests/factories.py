"""factory_boy factories shared by every app's tests."""

import factory
from allauth.mfa.totp.internal import auth as totp_auth
from django.utils.text import slugify

from accounts import mfa
from accounts.models import AgeBand, Country, PartnerOrganisation, Profile, Role, Sex, User
from courses.markdown import render_markdown
from courses.models import Course, CourseStatus, Lesson, Module, Programme, Theme
from learning.models import Enrolment, LessonProgress

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)
    role = Role.TRAINEE

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def second_factor(obj, create, extracted, **kwargs):
        """Coordinators and administrators have an authenticator app, as production wants (accounts/mfa.py).

        `second_factor=False` gives one who has not set it up yet. The secret is kept on the object, so a test
        can compute the codes the app would show."""
        if not create or extracted is False or not mfa.is_required_for(obj):
            return
        obj.totp_secret = totp_auth.generate_totp_secret()
        totp_auth.TOTP.activate(obj, obj.totp_secret)


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation
        django_get_or_create = ["short_name"]

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    short_name = factory.Sequence(lambda n: f"P{n}")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    full_name = "Nguyễn Thị Hương"
    latin_name = "Nguyen Thi Huong"
    country = Country.VIETNAM
    sex = Sex.FEMALE
    age_band = AgeBand.FROM_25_TO_34
    preferred_language = "en"


class TraineeFactory(UserFactory):
    profile = factory.RelatedFactory(ProfileFactory, factory_related_name="user")


class TrainerFactory(TraineeFactory):
    role = Role.TRAINER


class CoordinatorFactory(TraineeFactory):
    role = Role.REGIONAL_COORDINATOR


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    theme = Theme.COMMUNITY_ADAPTATION


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Community climate adaptation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Plan and lead adaptation with your community."
    programme = factory.SubFactory(ProgrammeFactory)
    status = CourseStatus.PUBLISHED
    estimated_hours = 4

    @factory.post_generation
    def trainers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.trainers.add(*extracted)


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    position = factory.Sequence(lambda n: n + 1)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    position = factory.Sequence(lambda n: n + 1)
    body = "## Why it matters\n\nFloods are rising in the **Mekong Delta**."
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))
    is_required = True


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    trainee = factory.SubFactory(TraineeFactory)
    course = factory.SubFactory(CourseFactory)


class LessonProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonProgress

    enrolment = factory.SubFactory(EnrolmentFactory)
    lesson = factory.SubFactory(LessonFactory)


def course_with_lessons(*, modules: int = 1, lessons_per_module: int = 3, **course_kwargs) -> Course:
    course = CourseFactory(**course_kwargs)
    for m in range(modules):
        module = ModuleFactory(course=course, position=m + 1)
        for position in range(lessons_per_module):
            LessonFactory(module=module, position=position + 1)
    return course


def warm_layout(client) -> None:
    """The layout's unread-notifications count is cached per person from their first page on; query-count
    tests compare pages after that first one."""
    from django.urls import reverse

    assert client.get(reverse("reminders:settings")).status_code == 200
