"""Factories for cohorts (issue 8)."""

import secrets
from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import AgeBand, Country, Sex
from learning.cohorts import csv_import, services
from learning.models import Cohort, CohortMode, CohortSession, Participant, ParticipantSource
from tests.factories import CourseFactory, TrainerFactory


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    name = factory.Sequence(lambda n: f"Takeo women's group {n}")
    country = Country.CAMBODIA
    province = "Takeo"
    mode = CohortMode.FACE_TO_FACE
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))
    join_code = factory.LazyFunction(services.new_join_code)
    calendar_token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))

    @factory.post_generation
    def facilitators(obj, create, extracted, **kwargs):
        if create:
            obj.facilitators.add(*(extracted if extracted is not None else [TrainerFactory()]))


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    cohort = factory.SubFactory(CohortFactory)
    display_name = factory.Sequence(lambda n: f"សុខា {n}")
    country = Country.CAMBODIA
    sex = Sex.FEMALE
    age_band = AgeBand.FROM_25_TO_34
    source = ParticipantSource.MANUAL
    identity_key = factory.LazyAttribute(
        lambda o: csv_import.row_key(
            email="", display_name=o.display_name, country=o.country, sex=o.sex, age_band=o.age_band
        )
    )


class CohortSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CohortSession

    cohort = factory.SubFactory(CohortFactory)
    title = factory.Sequence(lambda n: f"Session {n}: flood maps")
    starts_at = factory.Sequence(
        lambda n: timezone.now() - timedelta(days=6) + timedelta(days=n % 5, hours=n)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = "Commune hall, Bati"


def facilitator_of(cohort: Cohort):
    return cohort.facilitators.first()
