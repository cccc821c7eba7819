"""Builders for the reports tests: trainees with a given profile, enrolments made in a given month."""

from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import AgeBand, Role, Sex
from learning.models import Enrolment, EnrolmentStatus
from quizzes.models import Attempt, AttemptStatus
from tests.factories import CoordinatorFactory, EnrolmentFactory, ProfileFactory, UserFactory


def person(*, country: str, sex: str = Sex.FEMALE, age_band: str = AgeBand.FROM_25_TO_34, organisation=None):
    user = UserFactory()
    consent = (
        {"guardian_consent": True, "guardian_consent_at": timezone.now()} if age_band == "under_18" else {}
    )
    ProfileFactory(
        user=user, country=country, sex=sex, age_band=age_band, organisation=organisation, **consent
    )
    return user


def enrol(
    trainee,
    course,
    *,
    month: str,
    status: str = EnrolmentStatus.ACTIVE,
    active_days_ago: int | None = None,
) -> Enrolment:
    """An enrolment made on the 10th of ``month`` (YYYY-MM), perhaps completed, last active N days ago."""
    enrolment = EnrolmentFactory(trainee=trainee, course=course)
    enrolled_at = timezone.make_aware(datetime.strptime(month + "-10", "%Y-%m-%d"))  # noqa: DTZ007
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=enrolled_at,
        status=status,
        completed_at=enrolled_at + timedelta(days=20) if status == EnrolmentStatus.COMPLETED else None,
        last_activity_at=(timezone.now() - timedelta(days=active_days_ago))
        if active_days_ago is not None
        else None,
    )
    enrolment.refresh_from_db()
    return enrolment


def attempt(quiz, trainee, *, number: int = 1, score: int) -> Attempt:
    now = timezone.now()
    return Attempt.objects.create(
        quiz=quiz,
        trainee=trainee,
        number=number,
        status=AttemptStatus.SUBMITTED,
        started_at=now - timedelta(minutes=10),
        submitted_at=now,
        score=Decimal(score),
        passed=score >= quiz.pass_mark,
    )


def national_coordinator(country: str):
    return CoordinatorFactory(role=Role.NATIONAL_COORDINATOR, coordinator_country=country)


def regional_coordinator():
    return CoordinatorFactory(role=Role.REGIONAL_COORDINATOR)
