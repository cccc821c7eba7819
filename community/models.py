"""Community: course discussions and the Knowledge Hub of good practices.

Discussions. Each course has its own discussion space, open only to the course's participants: trainees
with a current enrolment and the course's trainers. A Thread belongs to one course and may point at one of
its lessons. Everything people write is a Post: the thread's opening post (exactly one per thread) and the
replies under it. Markdown is rendered and sanitised once, when a post is saved, and the HTML is stored.
A course's trainers moderate it: they pin, lock or hide threads, hide single posts, mark one reply as the
accepted answer, and work through Reports that any participant can file. Every moderation step is kept as a
ModerationAction row, which is never updated or deleted (the audit trail). People follow threads
(ThreadFollow); when someone replies, `community.signals.reply_posted` tells whoever sends notifications.

Knowledge Hub. A CaseStudy is a documented good practice from the region (country, themes, partner, year).
Any signed-in user submits one; coordinators review it: a submitted case is published or returned to its
author with a reason; a returned case can be edited and submitted again. Published cases are public.
Images are re-encoded by the server before they are stored; attachments are checked against their type.
Lessons can link to cases (CaseStudy.lessons).
"""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Country
from courses.models import Theme

# --- Discussions -------------------------------------------------------------------------------------


class ThreadQuerySet(models.QuerySet):
    def listed(self) -> "ThreadQuerySet":
        """The order of a course's thread list: pinned first, then the most recently active."""
        return self.order_by("-is_pinned", "-last_activity_at", "-pk")


class Thread(models.Model):
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="threads")
    lesson = models.ForeignKey(
        "courses.Lesson",
        verbose_name=_("lesson"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="threads",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    reply_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField()

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")
        constraints = [models.CheckConstraint(condition=~Q(title=""), name="thread_title_present")]
        indexes = [
            models.Index(
                fields=["course", "-is_pinned", "-last_activity_at"], name="thread_course_listing_idx"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:thread", kwargs={"pk": self.pk})


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts")
    body = models.TextField(_("message (Markdown)"), max_length=20_000)
    body_html = models.TextField(editable=False)
    is_opening = models.BooleanField(default=False, editable=False)
    is_accepted = models.BooleanField(_("accepted answer"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(
                fields=["thread"], condition=Q(is_opening=True), name="post_one_opening_per_thread"
            ),
            models.UniqueConstraint(
                fields=["thread"], condition=Q(is_accepted=True), name="post_one_accepted_per_thread"
            ),
            models.CheckConstraint(
                condition=~Q(is_opening=True, is_accepted=True), name="post_opening_not_accepted"
            ),
            models.CheckConstraint(condition=~Q(body=""), name="post_body_present"),
        ]
        # Pages of a thread are read in (thread, created_at, pk) order.
        indexes = [models.Index(fields=["thread", "created_at", "id"], name="post_thread_order_idx")]

    def __str__(self) -> str:
        return f"{self.author_id} in {self.thread_id}"


class ThreadFollow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed thread")
        verbose_name_plural = _("followed threads")
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="threadfollow_once")]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.thread_id}"


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive or harassing")
    PERSONAL_DATA = "personal_data", _("Shares someone's personal information")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    HIDDEN = "hidden", _("Post hidden")
    DISMISSED = "dismissed", _("Dismissed")


class Report(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason)
    note = models.CharField(_("details"), max_length=500, blank=True)
    status = models.CharField(max_length=16, choices=ReportStatus, default=ReportStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(condition=Q(reason__in=ReportReason.values), name="report_reason_known"),
            models.CheckConstraint(condition=Q(status__in=ReportStatus.values), name="report_status_known"),
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(status="open"),
                name="report_one_open_per_reporter",
            ),
            models.CheckConstraint(
                condition=Q(status="open", resolved_at__isnull=True)
                | (~Q(status="open") & Q(resolved_at__isnull=False, resolved_by__isnull=False)),
                name="report_resolution_recorded",
            ),
        ]
        indexes = [
            models.Index(fields=["post"], condition=Q(status="open"), name="report_open_post_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.status})"


class ModerationKind(models.TextChoices):
    PIN = "pin", _("Pinned the thread")
    UNPIN = "unpin", _("Unpinned the thread")
    LOCK = "lock", _("Locked the thread")
    UNLOCK = "unlock", _("Unlocked the thread")
    HIDE_THREAD = "hide_thread", _("Hid the thread")
    UNHIDE_THREAD = "unhide_thread", _("Made the thread visible again")
    HIDE_POST = "hide_post", _("Hid a post")
    UNHIDE_POST = "unhide_post", _("Made a post visible again")
    ACCEPT = "accept", _("Marked the accepted answer")
    UNACCEPT = "unaccept", _("Removed the accepted answer")
    DISMISS_REPORT = "dismiss_report", _("Dismissed a report")


class ModerationAction(models.Model):
    """The audit trail: one row per moderation step, written in the same transaction as the step."""

    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="moderation_actions")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    report = models.ForeignKey(Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=ModerationKind)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ModerationKind.values), name="moderation_kind_known"),
        ]
        indexes = [models.Index(fields=["course", "-created_at"], name="moderation_course_recent_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.actor_id}"


# --- Knowledge Hub -----------------------------------------------------------------------------------


class CaseStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned to the author")


class CaseStudyQuerySet(models.QuerySet):
    def published(self) -> "CaseStudyQuerySet":
        return self.filter(status=CaseStatus.PUBLISHED)


class CaseStudy(models.Model):
    title = models.CharField(_("title"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=Country)
    partner = models.ForeignKey(
        "accounts.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_studies",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), max_length=1000)
    body = models.TextField(_("the full case (Markdown)"), max_length=50_000)
    body_html = models.TextField(editable=False)
    # Title, summary, body, place, partner and theme names as plain text: what full-text search reads.
    search_text = models.TextField(editable=False, blank=True)
    # The full-text document of search_text on PostgreSQL, kept current by a trigger (migration 0003) so
    # that search and ranking read it instead of parsing the text of every hit. Empty on other databases.
    search_vector = SearchVectorField(null=True, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    status = models.CharField(max_length=16, choices=CaseStatus, default=CaseStatus.SUBMITTED)
    return_reason = models.TextField(_("reason for returning"), max_length=2000, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submitted_cases"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lessons = models.ManyToManyField(
        "courses.Lesson", verbose_name=_("lessons"), blank=True, related_name="case_studies"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = CaseStudyQuerySet.as_manager()

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=CaseStatus.values), name="casestudy_status_known"),
            models.CheckConstraint(condition=Q(country__in=Country.values), name="casestudy_country_known"),
            models.CheckConstraint(condition=Q(year__gte=1990, year__lte=2100), name="casestudy_year_range"),
            models.CheckConstraint(
                condition=~Q(status=CaseStatus.RETURNED) | ~Q(return_reason=""),
                name="casestudy_returned_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=CaseStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="casestudy_published_has_date",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="casestudy_title_present"),
        ]
        indexes = [
            models.Index(
                fields=["country", "year"], condition=Q(status="published"), name="casestudy_published_idx"
            ),
            models.Index(fields=["status", "submitted_at"], name="casestudy_review_queue_idx"),
            models.Index(fields=["-published_at"], name="casestudy_recent_idx"),
        ]
        # PostgreSQL also has a GIN index on search_vector and the trigger that fills it: migration 0003.

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:case", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == CaseStatus.PUBLISHED


class CaseTheme(models.Model):
    """One of a case's themes (a case has one or more); a table rather than an array so SQLite can filter."""

    case = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("theme"), max_length=32, choices=Theme)

    class Meta:
        verbose_name = _("case theme")
        verbose_name_plural = _("case themes")
        constraints = [
            models.UniqueConstraint(fields=["case", "theme"], name="casetheme_once"),
            models.CheckConstraint(condition=Q(theme__in=Theme.values), name="casetheme_theme_known"),
        ]
        indexes = [models.Index(fields=["theme", "case"], name="casetheme_theme_idx")]

    def __str__(self) -> str:
        return self.get_theme_display()


def case_image_upload_to(instance: "CaseImage", filename: str) -> str:
    return f"cases/images/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


def case_file_upload_to(instance: "CaseAttachment", filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"cases/files/{uuid.uuid4().hex}.{extension}"


class CaseImage(models.Model):
    """An image the server re-encoded (EXIF removed, size bounded); the stored name is server-chosen."""

    case = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to=case_image_upload_to, max_length=200)
    alt_text = models.CharField(
        _("description of the image"),
        max_length=300,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    content_type = models.CharField(max_length=40, editable=False)
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    size = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "pk"]
        verbose_name = _("case image")
        verbose_name_plural = _("case images")

    def __str__(self) -> str:
        return self.alt_text

    def get_absolute_url(self) -> str:
        return reverse("community:case_image", kwargs={"pk": self.case_id, "image_id": self.pk})


class CaseAttachment(models.Model):
    case = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=case_file_upload_to, max_length=200)
    title = models.CharField(_("title"), max_length=200)
    original_name = models.CharField(max_length=200, editable=False)
    content_type = models.CharField(max_length=120, editable=False)
    size = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "pk"]
        verbose_name = _("case attachment")
        verbose_name_plural = _("case attachments")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:case_file", kwargs={"pk": self.case_id, "file_id": self.pk})
