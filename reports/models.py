"""What the coordinators' reports read, and the record of what they exported.

Reports are read-only over the other apps. Counting a million enrolments joined to profiles and courses on
every page view would take seconds, so the dashboards read ``EnrolmentCube``: enrolments pre-aggregated by
every dimension a report breaks down or filters by (trainee's country, sex, age band and organisation;
programme, course; the cohort the enrolment is taken in, if any; month of enrolment), with the counts the
reports show (enrolled, started, half-way, completed, certified; quiz attempts and passes; pre/post-test
gain). ``services.rebuild_cube`` recomputes the whole cube in one transaction from the live tables; a Celery
beat task runs it every few minutes and ``CubeState`` records when it last ran (shown on the dashboard as
"figures as of").

"Active in the last 30 days" counts distinct trainees, which do not add up over courses (one trainee, several
courses), so it has its own small table, ``ActiveTrainees``, taken by the same rebuild: distinct trainees per
(country, organisation), and again per programme, per course and per cohort. A trainee has one country and one
organisation, so those rows do add up over countries and organisations, which is all the filters need.

``ExportLog`` keeps one row per export: who, when, what and with which filters (issue 7, audit).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Grain(models.TextChoices):
    ALL = "all", _("Country, organisation, programme, course and month")
    SEX = "sex", _("The same and sex")
    AGE = "age", _("The same and age band")


class EnrolmentCube(models.Model):
    # Three roll-ups in one table, told apart by ``grain``: the breakdowns by sex and by age band read their
    # own grain; everything else reads "all", where sex and age band are blank. Keeping sex and age band out
    # of the main grain makes it about 20 times smaller (a million enrolments fit in ~15,000 cells).
    grain = models.CharField(max_length=8, choices=Grain)
    # Dimensions. Foreign keys without database constraints: the cube is a disposable copy, rebuilt whole,
    # and must never block deleting an organisation or course.
    country = models.CharField(max_length=2)
    sex = models.CharField(max_length=16, blank=True)
    age_band = models.CharField(max_length=16, blank=True)
    organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    programme = models.ForeignKey(
        "courses.Programme", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    course = models.ForeignKey(
        "courses.Course", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    # The cohort the enrolment is taken in (learning.Participant links the two); null: self-paced.
    cohort = models.ForeignKey(
        "learning.Cohort", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    month = models.DateField(help_text="First day of the month of enrolment.")
    # Measures.
    enrolled = models.PositiveIntegerField(default=0)
    started = models.PositiveIntegerField(default=0)
    halfway = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    certified = models.PositiveIntegerField(default=0)
    quiz_attempts = models.PositiveIntegerField(default=0)
    quiz_passed = models.PositiveIntegerField(default=0)
    gain_people = models.PositiveIntegerField(default=0)
    gain_sum = models.FloatField(default=0)

    class Meta:
        verbose_name = _("enrolment cube cell")
        verbose_name_plural = _("enrolment cube")
        constraints = [
            models.CheckConstraint(
                condition=Q(grain=Grain.ALL, sex="", age_band="")
                | (Q(grain=Grain.SEX, age_band="") & ~Q(sex=""))
                | (Q(grain=Grain.AGE, sex="") & ~Q(age_band="")),
                name="enrolmentcube_grain_dimensions",
            ),
            models.CheckConstraint(
                condition=Q(started__lte=models.F("enrolled"))
                & Q(halfway__lte=models.F("started"))
                & Q(completed__lte=models.F("halfway"))
                & Q(certified__lte=models.F("enrolled"))
                & Q(quiz_passed__lte=models.F("quiz_attempts")),
                name="enrolmentcube_funnel_nested",
            ),
        ]
        indexes = [
            # National coordinators: every query starts with one country.
            models.Index(fields=["grain", "country", "month"], name="enrolmentcube_country_idx"),
            models.Index(fields=["grain", "course", "month"], name="enrolmentcube_course_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.grain} {self.country} {self.sex} {self.age_band} {self.course_id} {self.month:%Y-%m}"


class ActiveTrainees(models.Model):
    """Distinct trainees with any activity in the 30 days before the last rebuild, not counting withdrawn
    enrolments. Four levels in one table: programme and course blank (every course), programme set and
    course blank (one programme), both set and cohort blank (one course), all three set (one cohort; only
    enrolments taken in a cohort). A dashboard sums the rows of one level."""

    country = models.CharField(max_length=2)
    organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    programme = models.ForeignKey(
        "courses.Programme", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    course = models.ForeignKey(
        "courses.Course", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    cohort = models.ForeignKey(
        "learning.Cohort", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    trainees = models.PositiveIntegerField()

    class Meta:
        # A few hundred rows (countries x organisations x courses): no index beyond the foreign keys' own.
        constraints = [
            models.CheckConstraint(
                condition=Q(course__isnull=True) | Q(programme__isnull=False),
                name="activetrainees_course_has_programme",
            ),
            models.CheckConstraint(
                condition=Q(cohort__isnull=True) | Q(course__isnull=False),
                name="activetrainees_cohort_has_course",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.country} {self.organisation_id} {self.programme_id} {self.course_id} {self.cohort_id}: "
            f"{self.trainees}"
        )


class CubeState(models.Model):
    """A single row: when the cube was last rebuilt. Rebuilds lock it, so two never interleave."""

    built_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="cubestate_single_row")]

    def __str__(self) -> str:
        return f"cube built at {self.built_at}"


class ExportKind(models.TextChoices):
    TABLE = "table", _("Aggregate table")
    PARTICIPANTS = "participants", _("Pseudonymised participants")
    SUMMARY = "summary", _("Donor summary")


class ExportLog(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="report_exports"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=16, choices=ExportKind)
    table = models.CharField(max_length=32, blank=True)
    file_format = models.CharField(max_length=8)
    filters = models.JSONField(default=dict)
    scope = models.CharField(max_length=40, help_text="Countries the user could see at the time.")

    class Meta:
        verbose_name = _("export log entry")
        verbose_name_plural = _("export log")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ExportKind.values), name="exportlog_kind_known"),
            models.CheckConstraint(
                condition=Q(file_format__in=["csv", "xlsx", "pdf"]), name="exportlog_format_known"
            ),
        ]
        indexes = [models.Index(fields=["user", "created_at"], name="exportlog_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.table} {self.created_at:%Y-%m-%d %H:%M}"
