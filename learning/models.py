"""A trainee's journey through a course.

An Enrolment ties one trainee to one course (the database allows only one per pair). It is active while the
trainee learns, completed once every completion rule is met (see learning.completion), or withdrawn when
they unenrol; re-enrolling reactivates the same row, so progress is never lost. LessonProgress records each
lesson a trainee marked complete. The enrolment remembers the last lesson opened, for "continue where I
left off".
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import timezones
from accounts.models import AgeBand, Country, Sex


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
            # Reports count trainees active in the last 30 days; reminders find the inactive ones.
            models.Index(fields=["last_activity_at"], name="enrolment_last_activity_idx"),
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


# --- Cohorts and face-to-face delivery (issue 8) ---------------------------------------------------------
# A Cohort is a group taking one course together, run by facilitators for a partner organisation in one
# country and province. Its Participants are recorded with the least that reporting needs (a first name or
# initials, country, sex, age band, and a guardian's consent for minors); a participant who has an account is
# linked to their Enrolment. CohortSessions are the scheduled meetings; Attendance says who was present.
# Code lives in learning/cohorts/ (services, selectors, views); see docs/cohorts.md.


class CohortMode(models.TextChoices):
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")
    FACE_TO_FACE = "face_to_face", _("Face to face")


class ParticipantSource(models.TextChoices):
    JOIN_CODE = "join_code", _("Joined with a code")
    CSV = "csv", _("Imported from a file")
    MANUAL = "manual", _("Added by a facilitator")


class Cohort(models.Model):
    course = models.ForeignKey(
        "courses.Course", verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=200)
    partner = models.ForeignKey(
        "accounts.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cohorts",
    )
    country = models.CharField(_("country"), max_length=2, choices=Country)
    province = models.CharField(_("province"), max_length=100, blank=True)
    mode = models.CharField(_("mode"), max_length=16, choices=CohortMode, default=CohortMode.FACE_TO_FACE)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitators"), related_name="facilitated_cohorts"
    )
    join_code = models.CharField(_("join code"), max_length=16, unique=True, editable=False)
    join_code_expires_at = models.DateTimeField(
        _("join code expires"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a code that never expires."),
    )
    calendar_token = models.CharField(max_length=43, unique=True, editable=False)
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("attendance needed to complete (%)"),
        null=True,
        blank=True,
        # xgettext:no-python-format
        help_text=_("For example 80: present at 80% of the sessions. Leave empty for no attendance rule."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="cohort_dates_ordered"
            ),
            models.CheckConstraint(condition=Q(mode__in=CohortMode.values), name="cohort_mode_known"),
            models.CheckConstraint(condition=Q(country__in=Country.values), name="cohort_country_known"),
            models.CheckConstraint(
                condition=Q(min_attendance_percent__isnull=True)
                | Q(min_attendance_percent__gte=1, min_attendance_percent__lte=100),
                name="cohort_attendance_rule_is_a_percentage",
            ),
            models.CheckConstraint(condition=~Q(join_code=""), name="cohort_join_code_present"),
        ]
        indexes = [models.Index(fields=["course", "starts_on"], name="cohort_course_start_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("learning:cohorts:detail", kwargs={"cohort_id": self.pk})

    @property
    def time_zone(self) -> str:
        """Sessions happen at the place's local time, whoever reads or types them."""
        return timezones.zone_name_for(country=self.country)


class Participant(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="participants")
    enrolment = models.OneToOneField(
        Enrolment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cohort_participant",
        help_text=_("Set when the participant has an account."),
    )
    display_name = models.CharField(
        _("first name or initials"), max_length=100, help_text=_("In any script. Printed on the certificate.")
    )
    email = models.EmailField(_("email"), blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country)
    sex = models.CharField(_("sex"), max_length=16, choices=Sex)
    age_band = models.CharField(_("age"), max_length=16, choices=AgeBand)
    guardian_consent = models.BooleanField(_("a parent or guardian has agreed"), default=False)
    guardian_consent_at = models.DateTimeField(null=True, blank=True, editable=False)
    source = models.CharField(max_length=16, choices=ParticipantSource, editable=False)
    # What makes an imported row "the same person" on a second upload (see cohorts.csv_import.row_key).
    identity_key = models.CharField(max_length=64, editable=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "identity_key"], name="participant_once_per_cohort"),
            models.CheckConstraint(condition=~Q(display_name=""), name="participant_name_present"),
            models.CheckConstraint(condition=Q(country__in=Country.values), name="participant_country_known"),
            models.CheckConstraint(condition=Q(sex__in=Sex.values), name="participant_sex_known"),
            models.CheckConstraint(
                condition=Q(age_band__in=AgeBand.values), name="participant_age_band_known"
            ),
            models.CheckConstraint(
                condition=Q(source__in=ParticipantSource.values), name="participant_source_known"
            ),
            models.CheckConstraint(
                condition=~Q(age_band=AgeBand.UNDER_18)
                | Q(guardian_consent=True, guardian_consent_at__isnull=False),
                name="participant_minor_has_guardian_consent",
            ),
        ]
        indexes = [
            models.Index(
                fields=["cohort", "country", "sex", "age_band"], name="participant_disaggregation_idx"
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def has_account(self) -> bool:
        return self.enrolment_id is not None


class CohortSession(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    module = models.ForeignKey(
        "courses.Module",
        verbose_name=_("module covered"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cohort_sessions",
    )
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)  # iCalendar SEQUENCE, bumped on change
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(condition=~Q(place="", online_url=""), name="session_has_place_or_link"),
        ]
        indexes = [models.Index(fields=["cohort", "starts_at"], name="session_cohort_start_idx")]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField()
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="attendance_once_per_session")
        ]
        indexes = [models.Index(fields=["participant", "present"], name="attendance_participant_idx")]

    def __str__(self) -> str:
        return f"{self.participant_id} @ {self.session_id}: {self.present}"
