"""Writes for the trainee's journey: enrol, unenrol, open and complete lessons, complete the course."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import Course, Lesson
from learning import cache, completion, signals
from learning.models import Enrolment, EnrolmentStatus, LessonProgress


class EnrolmentError(Exception):
    """A business rule refused the enrolment; the message is shown to the trainee as it is."""


def enrol_trainee(*, trainee: User, course: Course) -> Enrolment:
    if not course.is_published:
        raise EnrolmentError(_("This course is not open for enrolment."))
    now = timezone.now()
    if course.enrolment_opens_at and now < course.enrolment_opens_at:
        raise EnrolmentError(
            _("Enrolment for this course opens on %(date)s.")
            % {"date": timezone.localdate(course.enrolment_opens_at).isoformat()}
        )
    if course.enrolment_closes_at and now >= course.enrolment_closes_at:
        raise EnrolmentError(_("Enrolment for this course has closed."))
    if not trainee.has_profile:
        raise EnrolmentError(_("Please complete your profile before enrolling."))
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().filter(trainee=trainee, course=course).first()
        if enrolment is None:
            try:
                with transaction.atomic():
                    return Enrolment.objects.create(trainee=trainee, course=course, last_activity_at=now)
            except IntegrityError:
                # Two requests raced; the other one created the enrolment.
                raise EnrolmentError(_("You are already enrolled in this course.")) from None
        if enrolment.status != EnrolmentStatus.WITHDRAWN:
            raise EnrolmentError(_("You are already enrolled in this course."))
        enrolment.status = EnrolmentStatus.ACTIVE
        enrolment.last_activity_at = now
        enrolment.save(update_fields=["status", "last_activity_at"])
        # Lessons finished before withdrawing still count; the course may already be complete.
        _complete_if_requirements_met(enrolment)
        return enrolment


def unenrol_trainee(*, enrolment: Enrolment) -> Enrolment:
    if enrolment.status == EnrolmentStatus.COMPLETED:
        raise EnrolmentError(_("You have completed this course, so it stays on your record."))
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise EnrolmentError(_("You are not enrolled in this course."))
    now = timezone.now()
    if enrolment.course.enrolment_closes_at and now >= enrolment.course.enrolment_closes_at:
        raise EnrolmentError(_("Enrolment for this course has closed, so you cannot unenrol now."))
    Enrolment.objects.filter(pk=enrolment.pk).update(status=EnrolmentStatus.WITHDRAWN)
    cache.forget(trainee_id=enrolment.trainee_id, course_id=enrolment.course_id)
    enrolment.status = EnrolmentStatus.WITHDRAWN
    return enrolment


VISIT_WRITE_INTERVAL = timedelta(minutes=5)


def record_lesson_visit(*, enrolment: Enrolment, lesson: Lesson) -> None:
    """Remember the lesson for "continue where I left off". Re-reading the same lesson within a few minutes
    writes nothing: activity times are for inactivity reminders, which count in days."""
    now = timezone.now()
    recent = enrolment.last_activity_at and now - enrolment.last_activity_at < VISIT_WRITE_INTERVAL
    if enrolment.last_lesson_id == lesson.pk and recent:
        return
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_activity_at=now)
    enrolment.last_lesson = lesson
    enrolment.last_activity_at = now
    cache.remember_visit(enrolment=enrolment)


@transaction.atomic
def complete_lesson(*, enrolment: Enrolment, lesson: Lesson) -> bool:
    """Mark the lesson done (idempotent). Returns True when this completed the whole course."""
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise EnrolmentError(_("You are not enrolled in this course."))
    if lesson.module.course_id != enrolment.course_id:
        raise EnrolmentError(_("This lesson belongs to another course."))
    LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_activity_at=timezone.now())
    cache.forget(trainee_id=enrolment.trainee_id, course_id=enrolment.course_id)
    return _complete_if_requirements_met(enrolment)


def evaluate_completion(*, enrolment: Enrolment) -> bool:
    """Re-check the completion rules (after attendance is taken ...)."""
    with transaction.atomic():
        return _complete_if_requirements_met(enrolment)


def evaluate_completion_of(*, trainee_id: int, course_id: int) -> bool:
    """Re-check the completion of the trainee's active enrolment in the course, if any (after a quiz pass).

    Finds and locks the enrolment in one query; inside the caller's transaction (a quiz submission) it adds
    no savepoint of its own.
    """
    with transaction.atomic(savepoint=False):
        locked = (
            Enrolment.objects.select_for_update()
            .filter(trainee_id=trainee_id, course_id=course_id, status=EnrolmentStatus.ACTIVE)
            .first()
        )
        return locked is not None and _complete_locked(locked)


def _complete_if_requirements_met(enrolment: Enrolment) -> bool:
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    completed = _complete_locked(locked)
    if completed:
        enrolment.status, enrolment.completed_at = locked.status, locked.completed_at
    return completed


def _complete_locked(locked: Enrolment) -> bool:
    """Complete the locked enrolment if it is active and meets every rule; send course_completed once."""
    if locked.status != EnrolmentStatus.ACTIVE or not completion.requirements_met(locked):
        return False
    locked.status = EnrolmentStatus.COMPLETED
    locked.completed_at = timezone.now()
    locked.save(update_fields=["status", "completed_at"])
    signals.course_completed.send(sender=Enrolment, enrolment=locked)
    return True


def complete_course_manually(*, trainee: User, course: Course) -> tuple[Enrolment, bool]:
    """Record that the trainee completed the course outside the platform (a face-to-face course).

    Enrols them first if needed (a withdrawn enrolment is taken up again), then marks the enrolment
    completed whatever the online rules say: the caller (a coordinator or the course's trainer) vouches for
    it and keeps the audit record. Sends course_completed like any completion. Returns (enrolment, True)
    when this call completed it, (enrolment, False) when it was already completed.
    """
    with transaction.atomic():
        enrolment, _created = Enrolment.objects.get_or_create(
            trainee=trainee, course=course, defaults={"last_activity_at": timezone.now()}
        )
        locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if locked.status == EnrolmentStatus.COMPLETED:
            return locked, False
        locked.status = EnrolmentStatus.COMPLETED
        locked.completed_at = timezone.now()
        locked.save(update_fields=["status", "completed_at"])
        signals.course_completed.send(sender=Enrolment, enrolment=locked)
        return locked, True
