"""Each kind fires when it is due and not before, on a controllable clock (services take `now=`)."""

from datetime import timedelta

import pytest
from django.core import mail

from courses.models import CourseStatus
from learning.models import Enrolment, EnrolmentStatus
from reminders import dispatch, services
from reminders.models import Delivery, Kind, Notification
from tests.factories import CourseFactory, LessonFactory, ModuleFactory, TrainerFactory
from tests.quizzes.factories import QuizFactory
from tests.reminders.factories import MONDAY_MORNING, enrol, failed_attempt, run

pytestmark = pytest.mark.django_db
NOW = MONDAY_MORNING
DAY = timedelta(days=1)


def kinds_sent() -> list[str]:
    return sorted(Delivery.objects.values_list("kind", flat=True))


def subjects(kind: str) -> list[str]:
    return [m.subject for m in mail.outbox if m.extra_headers["X-Reminder-Kind"] == kind]


# --- welcome ---------------------------------------------------------------------------------------------
def test_welcome_is_sent_once_after_enrolling():
    enrolment = enrol(at=NOW - timedelta(minutes=5), last_activity=NOW - timedelta(minutes=5))
    run(NOW)
    assert subjects(Kind.WELCOME) == [f"Welcome to {enrolment.course.title}"]
    assert mail.outbox[0].to == [enrolment.trainee.email]
    run(NOW + timedelta(minutes=10))
    assert len(mail.outbox) == 1


def test_no_welcome_for_old_enrolments_or_unpublished_courses():
    enrol(at=NOW - 4 * DAY, last_activity=NOW - timedelta(hours=1))
    enrol(course=CourseFactory(status=CourseStatus.DRAFT), at=NOW, last_activity=NOW)
    run(NOW)
    assert mail.outbox == []


def test_no_welcome_for_withdrawn_enrolments():
    enrolment = enrol(at=NOW, last_activity=NOW)
    Enrolment.objects.filter(pk=enrolment.pk).update(status=EnrolmentStatus.WITHDRAWN)
    run(NOW)
    assert mail.outbox == []


# --- inactivity ------------------------------------------------------------------------------------------
def test_inactivity_nudges_after_7_21_and_49_quiet_days_then_stop():
    start = NOW - 30 * DAY
    enrolment = enrol(at=start - DAY, last_activity=start)
    sent_at = []
    for day in range(0, 80):
        now = start + day * DAY
        before = Delivery.objects.filter(kind=Kind.INACTIVITY).count()
        dispatch.dispatch_due(now=now)
        if Delivery.objects.filter(kind=Kind.INACTIVITY).count() > before:
            sent_at.append(day)
    assert sent_at == [7, 21, 49]
    stages = sorted(d.context["stage"] for d in Delivery.objects.filter(kind=Kind.INACTIVITY))
    assert stages == [1, 2, 3]
    assert enrolment.pk in set(Delivery.objects.values_list("subject_id", flat=True))


def test_inactivity_not_before_the_seventh_day():
    enrol(at=NOW - 20 * DAY, last_activity=NOW - 7 * DAY + timedelta(hours=1))
    run(NOW)
    assert subjects(Kind.INACTIVITY) == []
    run(NOW + timedelta(hours=1))
    assert len(subjects(Kind.INACTIVITY)) == 1


def test_coming_back_starts_a_new_quiet_spell():
    enrolment = enrol(at=NOW - 40 * DAY, last_activity=NOW - 7 * DAY)
    run(NOW)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=NOW + DAY)
    run(NOW + 3 * DAY)  # active again: nothing
    run(NOW + 8 * DAY)  # seven quiet days after coming back: the first nudge of a new spell
    assert len(subjects(Kind.INACTIVITY)) == 2


def test_course_rule_changes_the_delay_and_programme_rule_switches_off():
    trainer = TrainerFactory()
    quick = CourseFactory()
    services.save_rules(
        scope=quick, values={Kind.INACTIVITY: {"is_enabled": True, "delay_days": 3}}, acting_user=trainer
    )
    silent = CourseFactory()
    services.save_rules(
        scope=silent.programme, values={Kind.INACTIVITY: {"is_enabled": False}}, acting_user=trainer
    )
    enrol(course=quick, at=NOW - 10 * DAY, last_activity=NOW - 3 * DAY)
    enrol(course=silent, at=NOW - 10 * DAY, last_activity=NOW - 8 * DAY)
    run(NOW)
    assert len(subjects(Kind.INACTIVITY)) == 1
    assert quick.title in subjects(Kind.INACTIVITY)[0]


def test_course_rule_wins_over_programme_rule():
    trainer = TrainerFactory()
    course = CourseFactory()
    services.save_rules(
        scope=course.programme, values={Kind.WELCOME: {"is_enabled": False}}, acting_user=trainer
    )
    services.save_rules(scope=course, values={Kind.WELCOME: {"is_enabled": True}}, acting_user=trainer)
    enrol(course=course, at=NOW, last_activity=NOW)
    run(NOW)
    assert len(subjects(Kind.WELCOME)) == 1


# --- end date approaching --------------------------------------------------------------------------------
def test_deadline_reminders_seven_days_and_one_day_before():
    closes = NOW + 10 * DAY
    course = CourseFactory(enrolment_closes_at=closes)
    enrol(course=course, at=NOW - 20 * DAY, last_activity=NOW)
    fired = []
    for hours in range(0, 10 * 24, 6):
        now = NOW + timedelta(hours=hours)
        # keep the trainee active so only the deadline kind is in play
        Enrolment.objects.update(last_activity_at=now)
        if dispatch.dispatch_due(now=now).created[Kind.DEADLINE]:
            fired.append(closes - now)
    assert len(fired) == 2
    assert timedelta(days=6) < fired[0] <= timedelta(days=7)
    assert fired[1] <= timedelta(days=1)


def test_no_deadline_reminder_once_completed():
    course = CourseFactory(enrolment_closes_at=NOW + 2 * DAY)
    enrolment = enrol(course=course, at=NOW - 5 * DAY, last_activity=NOW)
    Enrolment.objects.filter(pk=enrolment.pk).update(status=EnrolmentStatus.COMPLETED, completed_at=NOW)
    run(NOW)
    assert subjects(Kind.DEADLINE) == []


def test_enrolled_late_gets_only_the_nearest_deadline_reminder():
    course = CourseFactory(enrolment_closes_at=NOW + timedelta(hours=20))
    enrol(course=course, at=NOW - 3 * DAY, last_activity=NOW)
    run(NOW)
    assert subjects(Kind.DEADLINE) == [f"{course.title} ends tomorrow"]


# --- quiz failed -----------------------------------------------------------------------------------------
def test_quiz_failed_waits_an_hour_then_says_what_to_review():
    course = CourseFactory()
    module = ModuleFactory(course=course)
    lesson = LessonFactory(module=module, title="Reading a flood map")
    quiz = QuizFactory(course=course, module=module, max_attempts=3)
    enrolment = enrol(course=course, at=NOW - 5 * DAY, last_activity=NOW)
    failed_attempt(quiz=quiz, trainee=enrolment.trainee, at=NOW - timedelta(minutes=30))
    run(NOW)
    assert subjects(Kind.QUIZ_FAILED) == []
    run(NOW + timedelta(hours=1))
    [message] = [m for m in mail.outbox if m.extra_headers["X-Reminder-Kind"] == Kind.QUIZ_FAILED]
    assert message.subject == f'Try "{quiz.title}" again'
    assert "You have 2 attempts left." in message.body
    assert lesson.title in message.body
    notification = Notification.objects.get(kind=Kind.QUIZ_FAILED)
    assert notification.url.endswith(quiz.get_absolute_url())


def test_no_quiz_reminder_without_attempts_left_or_after_passing():
    course = CourseFactory()
    quiz = QuizFactory(course=course, max_attempts=1)
    retried = QuizFactory(course=course)
    enrolment = enrol(course=course, at=NOW - 5 * DAY, last_activity=NOW)
    failed_attempt(quiz=quiz, trainee=enrolment.trainee, at=NOW - 2 * timedelta(hours=1))
    failed_attempt(quiz=retried, trainee=enrolment.trainee, at=NOW - timedelta(hours=3))
    failed_attempt(
        quiz=retried, trainee=enrolment.trainee, at=NOW - timedelta(hours=2), number=2, passed=True
    )
    run(NOW)
    assert subjects(Kind.QUIZ_FAILED) == []


# --- trainers' weekly digest -----------------------------------------------------------------------------
def test_trainer_digest_on_monday_once_a_week():
    trainer = TrainerFactory()
    course = CourseFactory(trainers=[trainer])
    enrol(course=course, at=NOW - 2 * DAY, last_activity=NOW - 20 * DAY)
    run(NOW)
    assert len(subjects(Kind.TRAINER_DIGEST)) == 1
    message = next(m for m in mail.outbox if m.to == [trainer.email])
    assert course.title in message.body
    assert "1 learning, 1 new, 0 completed, 1 quiet for two weeks" in message.body
    run(NOW + timedelta(hours=2))
    run(NOW + DAY)
    assert len(subjects(Kind.TRAINER_DIGEST)) == 1
    run(NOW + 7 * DAY)
    assert len(subjects(Kind.TRAINER_DIGEST)) == 2


# --- idempotency -----------------------------------------------------------------------------------------
def test_running_the_dispatcher_twice_sends_nothing_new():
    enrol(at=NOW - DAY, last_activity=NOW - 7 * DAY - timedelta(hours=1))
    enrol(course=CourseFactory(enrolment_closes_at=NOW + 6 * DAY), at=NOW - 9 * DAY, last_activity=NOW)
    first = dispatch.dispatch_due(now=NOW)
    second = dispatch.dispatch_due(now=NOW)
    assert first.total == 3  # a welcome and a nudge for the first, the 7-day reminder for the second
    assert second.total == 0
    assert kinds_sent() == sorted([Kind.WELCOME, Kind.INACTIVITY, Kind.DEADLINE])
