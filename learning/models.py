"""A trainee's journey through a course.

An Enrolment ties one trainee to one course (the database allows only one per pair). It is active while the
trainee learns, completed once every completion rule is met (see learning.completion), or withdrawn when
they unenrol; re-enrolling reactivates the same row, so progress is never lost. LessonProgress records each
lesson a trainee marked complete. The enrolment remembers the last lesson opened, for "continue where I
left off".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EnrolmentQuerySet(models.QuerySet):
    def current(self) -> "EnrolmentQuerySet":
        return self.exclude(status=EnrolmentStatus.WITHDRAWN)


class Enrolment(models.Model):
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments")
    course = models.ForeignKey("courses.Course", on_delete=models.PROTECT, related_name="enrolments")
    status = models.CharField(max_length=16, choices=EnrolmentStatus, default=EnrolmentStatus.ACTIVE)
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(
        "courses.Lesson", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_activity_at = models.DateTimeField(null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["trainee", "course"], name="enrolment_once_per_course"),
            models.CheckConstraint(
                condition=Q(status__in=EnrolmentStatus.values), name="enrolment_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(status=EnrolmentStatus.COMPLETED) | Q(completed_at__isnull=False),
                name="enrolment_completed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["course", "status"], name="enrolment_course_status_idx"),
            models.Index(fields=["trainee", "status"], name="enrolment_trainee_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} in {self.course}"

    @property
    def is_completed(self) -> bool:
        return self.status == EnrolmentStatus.COMPLETED


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("courses.Lesson", on_delete=models.PROTECT, related_name="progress")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson"], name="lessonprogress_once")]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.lesson_id}"
