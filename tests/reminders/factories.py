"""Factories and helpers for the reminders tests: enrolments placed in time, and running the pipeline."""

from datetime import UTC, datetime, timedelta

import factory

from learning.models import Enrolment
from quizzes.models import Attempt, AttemptStatus
from reminders import delivery, dispatch
from reminders.models import Delivery, DeliveryStatus, NotificationPreference
from tests.factories import CourseFactory, EnrolmentFactory, ProfileFactory, TraineeFactory, UserFactory

# Monday 2 March 2026, 03:00 UTC: 10:00 in Bangkok and Hanoi, 11:00 in Kunming, 09:30 in Yangon.
MONDAY_MORNING = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationPreference

    user = factory.SubFactory(TraineeFactory)


def person(*, country: str = "VN", language: str = "en", **kwargs):
    user = UserFactory(**kwargs)
    ProfileFactory(user=user, country=country, preferred_language=language)
    return user


def enrol(
    *, course=None, trainee=None, at: datetime, last_activity: datetime | None = None, **kwargs
) -> Enrolment:
    enrolment = EnrolmentFactory(
        course=course or CourseFactory(), trainee=trainee or person(**kwargs), last_activity_at=last_activity
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=at)
    enrolment.refresh_from_db()
    return enrolment


def failed_attempt(*, quiz, trainee, at: datetime, number: int = 1, passed: bool = False) -> Attempt:
    return Attempt.objects.create(
        quiz=quiz,
        trainee=trainee,
        number=number,
        status=AttemptStatus.SUBMITTED,
        started_at=at - timedelta(minutes=10),
        submitted_at=at,
        score=80 if passed else 40,
        passed=passed,
    )


def send_all(now: datetime, connection=None) -> delivery.SendReport:
    """What the worker does with queued rows (in these tests on_commit never fires: nothing is queued)."""
    ids = list(Delivery.objects.filter(status=DeliveryStatus.PENDING).values_list("pk", flat=True))
    return delivery.send_deliveries(delivery_ids=ids, now=now, connection=connection)


def run(now: datetime) -> dispatch.DispatchReport:
    report = dispatch.dispatch_due(now=now)
    send_all(now)
    return report
