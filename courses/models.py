"""The catalogue: programmes, courses, modules, lessons and their downloadable resources.

A Programme groups courses under one theme and the partner organisations that fund or run it. A Course is
written in one language, taught by one or more trainers, and is either a draft (visible only to its
trainers and coordinators) or published. Its Modules are ordered, and so are each module's Lessons. A
lesson's body is Markdown; the sanitised HTML is rendered once on save and stored, so that pages never run
the Markdown renderer. Enrolment opens and closes on optional dates.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    CLIMATE_GOVERNANCE = "climate_governance", _("Climate governance")
    LOW_CARBON_CITIES = "low_carbon_cities", _("Low-carbon cities")
    COMMUNITY_ADAPTATION = "community_adaptation", _("Community climate adaptation")
    WOMEN_CHILDREN = "women_children", _("Women and children")
    SUSTAINABLE_INFRASTRUCTURE = "sustainable_infrastructure", _("Sustainable infrastructure")


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Programme(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    theme = models.CharField(_("theme"), max_length=32, choices=Theme)
    partners = models.ManyToManyField(
        "accounts.PartnerOrganisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="programmes",
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(condition=Q(theme__in=Theme.values), name="programme_theme_known")
        ]

    def __str__(self) -> str:
        return self.name


class CourseQuerySet(models.QuerySet):
    def published(self) -> "CourseQuerySet":
        return self.filter(status=CourseStatus.PUBLISHED)


class Course(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    summary = models.TextField(_("summary"), max_length=1000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="courses"
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), blank=True, related_name="taught_courses"
    )
    status = models.CharField(_("status"), max_length=16, choices=CourseStatus, default=CourseStatus.DRAFT)
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    estimated_hours = models.PositiveSmallIntegerField(_("estimated hours"), default=1)
    cover_image = models.FileField(_("cover image"), upload_to="covers/", blank=True, max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=CourseStatus.values), name="course_status_known"),
            models.CheckConstraint(
                condition=Q(enrolment_opens_at__isnull=True)
                | Q(enrolment_closes_at__isnull=True)
                | Q(enrolment_closes_at__gt=F("enrolment_opens_at")),
                name="course_enrolment_window_ordered",
            ),
        ]
        indexes = [models.Index(fields=["status", "programme"], name="course_status_programme_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:course", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == CourseStatus.PUBLISHED

    def enrolment_is_open(self, at=None) -> bool:
        at = at or timezone.now()
        if self.enrolment_opens_at and at < self.enrolment_opens_at:
            return False
        return not (self.enrolment_closes_at and at >= self.enrolment_closes_at)


class Module(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    position = models.PositiveIntegerField(_("position"))

    class Meta:
        ordering = ["course", "position"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        constraints = [models.UniqueConstraint(fields=["course", "position"], name="module_position_unique")]

    def __str__(self) -> str:
        return self.title


class LessonQuerySet(models.QuerySet):
    def live(self) -> "LessonQuerySet":
        """Lessons trainees see: archived lessons keep their progress rows but leave every trainee page."""
        return self.filter(archived_at__isnull=True)


class Lesson(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveIntegerField(_("position"))
    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    video_url = models.URLField(
        _("video link"), blank=True, help_text=_("Shown as a link; videos never play by themselves.")
    )
    is_required = models.BooleanField(_("required for completion"), default=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=10)
    updated_at = models.DateTimeField(auto_now=True)
    # Studio additions (issue 3): archiving instead of deleting, and a counter for optimistic concurrency.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["module", "position"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [
            models.UniqueConstraint(fields=["module", "position"], name="lesson_position_unique"),
            models.CheckConstraint(condition=Q(version__gte=1), name="lesson_version_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:lesson", kwargs={"slug": self.module.course.slug, "lesson_id": self.pk})

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


def resource_upload_to(instance: "Resource", filename: str) -> str:
    # The stored name is chosen by the server; the original name is kept only for display.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"resources/{uuid.uuid4().hex}.{extension}"


class Resource(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=resource_upload_to, max_length=200)
    original_name = models.CharField(max_length=200, editable=False)
    content_type = models.CharField(max_length=120, editable=False)
    size = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["lesson", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.title


# --- Studio (issue 3): lesson images, revisions and autosaved drafts -----------------------------------


def lesson_image_upload_to(instance: "LessonImage", filename: str) -> str:
    return f"lesson-images/{instance.key.hex}.webp"


class LessonImage(models.Model):
    """An image uploaded into a lesson, always re-encoded to WebP by the server (no uploaded bytes are kept).

    Markdown refers to it by its stable ``key`` (``/courses/images/<key>/``); export and import keep the key
    when it is free on the target installation, so lesson bodies survive a round trip unchanged.
    """

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="images")
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(upload_to=lesson_image_upload_to, max_length=200)
    alt_text = models.CharField(_("description for screen readers"), max_length=300, blank=True)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["lesson", "created_at", "pk"]
        verbose_name = _("lesson image")
        verbose_name_plural = _("lesson images")

    def __str__(self) -> str:
        return self.alt_text or str(self.key)

    def get_absolute_url(self) -> str:
        return reverse("courses:lesson_image", kwargs={"key": self.key})

    @property
    def markdown(self) -> str:
        alt = self.alt_text.replace("[", "(").replace("]", ")")
        return f"![{alt}]({self.get_absolute_url()})"


class LessonRevision(models.Model):
    """The content of a lesson as saved at one version: who saved it and when. Restoring makes a new save."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    video_url = models.URLField(blank=True)
    is_required = models.BooleanField(default=True)
    estimated_minutes = models.PositiveSmallIntegerField(default=10)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["lesson", "-version"]
        verbose_name = _("lesson revision")
        verbose_name_plural = _("lesson revisions")
        constraints = [
            models.UniqueConstraint(fields=["lesson", "version"], name="lessonrevision_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.lesson_id} v{self.version}"


class LessonDraft(models.Model):
    """What a trainer has typed but not saved yet, kept by autosave: one per lesson and trainer.

    Trainees never see a draft. Saving the lesson deletes the draft; opening the editor offers to restore it.
    """

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="drafts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    video_url = models.CharField(max_length=500, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    base_version = models.PositiveIntegerField()
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lesson draft")
        verbose_name_plural = _("lesson drafts")
        constraints = [
            models.UniqueConstraint(fields=["lesson", "author"], name="lessondraft_once_per_author")
        ]

    def __str__(self) -> str:
        return f"{self.lesson_id} by {self.author_id}"


# --- Content translations (issue 10) --------------------------------------------------------------------
# A course is written in one language (Course.language). Trainers may add a translation of its title and
# summary, and of each module's and lesson's title and text, into any other platform language: one row per
# object and language. Trainees see the translation into their interface language when it exists, else the
# course's own language with a note. docs/decisions/0003-content-translations.md explains the choice.


def _language_known() -> Q:
    return Q(language__in=[code for code, _name in settings.LANGUAGES])


class CourseTranslation(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["course", "language"]
        verbose_name = _("course translation")
        verbose_name_plural = _("course translations")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "language"], name="coursetranslation_once_per_language"
            ),
            models.CheckConstraint(condition=_language_known(), name="coursetranslation_language_known"),
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class ModuleTranslation(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["module", "language"]
        verbose_name = _("module translation")
        verbose_name_plural = _("module translations")
        constraints = [
            models.UniqueConstraint(
                fields=["module", "language"], name="moduletranslation_once_per_language"
            ),
            models.CheckConstraint(condition=_language_known(), name="moduletranslation_language_known"),
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class LessonTranslation(models.Model):
    """A lesson in another language. Its Markdown is sanitised into body_html on save, like the lesson's."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["lesson", "language"]
        verbose_name = _("lesson translation")
        verbose_name_plural = _("lesson translations")
        constraints = [
            models.UniqueConstraint(
                fields=["lesson", "language"], name="lessontranslation_once_per_language"
            ),
            models.CheckConstraint(condition=_language_known(), name="lessontranslation_language_known"),
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"
