"""Certificates of completion.

When a trainee completes a course (learning.Enrolment becomes completed), the platform issues exactly one
Certificate for that enrolment: the database holds at most one row per enrolment, and the issuing task can
run any number of times. The certificate keeps a snapshot of what it certifies, taken at issue time: the
holder's name as they write it and in Latin letters, the course title and hours, the issuer and signatory.
Later edits to the profile or the course do not change an issued certificate; a coordinator re-issues it
(same row, same code, new PDF) to take in a correction.

Anyone can check a certificate at /verify/<code>/. The code is a random URL-safe token of 128 bits or more,
never derived from ids; ``reference`` is its short printed form for people to quote. A revoked certificate
keeps its row (with date, reason and who revoked it) so the verification page can say "revoked".

A CertificateTemplate gives the look of a programme's certificates: issuing organisation, accent colour, up
to three TemplateSignatory rows (name, title, optional signature image, printed side by side) and up to four
TemplateLogo rows (partner logos, printed in a row at the top). The certificate copies the signatories and
logos at issue time (``signatories`` and ``logos``, JSON snapshots), so editing a template changes no issued
certificate until it is re-issued. Uploaded images get random names and are never overwritten, so a snapshot
keeps pointing at the file it was taken with.

CertificateEvent is the append-only audit trail of issue, revoke and re-issue. A ReissueBatch re-issues the
certificates of one course in the background, one ReissueItem (and one task) per certificate. A
ManualCompletion records who marked a face-to-face course completed for a trainee, and why.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

CODE_BYTES = 16  # 128 bits of randomness; token_urlsafe gives 22 characters
CODE_MIN_LENGTH = 22


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def new_badge_salt() -> str:
    return secrets.token_hex(16)


MAX_SIGNATORIES = 3
MAX_LOGOS = 4


def logo_upload_to(instance: models.Model, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "png"
    return f"certificate-logos/{secrets.token_hex(12)}.{extension}"


def signature_upload_to(instance: models.Model, filename: str) -> str:
    return f"certificate-signatures/{secrets.token_hex(12)}.png"


class CertificateTemplate(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    programme = models.OneToOneField(
        "courses.Programme",
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificate_template",
        help_text=_("Courses of this programme use this template. Leave empty for the default template."),
    )
    issuer_name = models.CharField(_("issuing organisation"), max_length=200)
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#0B6B4F",
        validators=[RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Use a colour like #0B6B4F."))],
    )
    is_default = models.BooleanField(_("default template"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="certificatetemplate_one_default"
            ),
            models.CheckConstraint(
                condition=Q(accent_colour__regex=r"^#[0-9A-Fa-f]{6}$"), name="certificatetemplate_colour_hex"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TemplateSignatory(models.Model):
    """One of up to three people who sign a template's certificates, printed left to right by position."""

    template = models.ForeignKey(CertificateTemplate, on_delete=models.CASCADE, related_name="signatories")
    position = models.PositiveSmallIntegerField(
        _("position"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_SIGNATORIES)]
    )
    name = models.CharField(_("signatory's name"), max_length=200)
    title = models.CharField(_("signatory's title"), max_length=200, blank=True)
    signature = models.ImageField(_("signature"), upload_to=signature_upload_to, max_length=200, blank=True)

    class Meta:
        ordering = ["template", "position"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.UniqueConstraint(fields=["template", "position"], name="templatesignatory_position_once"),
            models.CheckConstraint(
                condition=Q(position__gte=1, position__lte=MAX_SIGNATORIES),
                name="templatesignatory_position_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TemplateLogo(models.Model):
    """A partner's logo, printed in a row at the top of the certificate, left to right by position."""

    template = models.ForeignKey(CertificateTemplate, on_delete=models.CASCADE, related_name="logos")
    position = models.PositiveSmallIntegerField(
        _("position"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_LOGOS)]
    )
    image = models.ImageField(_("logo"), upload_to=logo_upload_to, max_length=200)

    class Meta:
        ordering = ["template", "position"]
        verbose_name = _("logo")
        verbose_name_plural = _("logos")
        constraints = [
            models.UniqueConstraint(fields=["template", "position"], name="templatelogo_position_once"),
            models.CheckConstraint(
                condition=Q(position__gte=1, position__lte=MAX_LOGOS), name="templatelogo_position_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template_id}/{self.position}"


class CertificateQuerySet(models.QuerySet):
    def valid(self) -> "CertificateQuerySet":
        return self.filter(revoked_at__isnull=True)

    def needing_pdf(self) -> "CertificateQuerySet":
        return self.filter(Q(pdf="") | Q(pdf_version__lt=models.F("version")))


class Certificate(models.Model):
    enrolment = models.OneToOneField(
        "learning.Enrolment",
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("enrolment"),
    )
    code = models.CharField(
        _("verification code"), max_length=64, unique=True, default=new_code, editable=False
    )
    template = models.ForeignKey(
        CertificateTemplate, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("template")
    )
    # Snapshot taken at issue (and at each re-issue): the certificate never follows later edits by itself.
    holder_name = models.CharField(_("name"), max_length=200)
    holder_latin_name = models.CharField(_("name in Latin letters"), max_length=200, blank=True)
    course_title = models.CharField(_("course"), max_length=200)
    course_language = models.CharField(_("language"), max_length=10)
    hours = models.PositiveSmallIntegerField(_("hours"))
    issuer_name = models.CharField(_("issuer"), max_length=200)
    # [{"name": ..., "title": ..., "signature": <storage name or "">}, ...] in printing order (at most 3),
    # and [<storage name>, ...] for the logos: copied from the template at issue and at each re-issue.
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    logos = models.JSONField(default=list, blank=True, editable=False)
    completed_on = models.DateField(_("completed on"))
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    # The PDF: rendered after the row exists, so a rendering failure never loses the certificate itself.
    version = models.PositiveIntegerField(default=1, editable=False)
    pdf = models.FileField(upload_to="certificates/", max_length=200, blank=True, editable=False)
    pdf_version = models.PositiveIntegerField(default=0, editable=False)
    pdf_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    render_warnings = models.TextField(_("rendering warnings"), blank=True, editable=False)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Published in the Open Badges assertion with the hash of the holder's email (sha256 of email + salt).
    badge_salt = models.CharField(max_length=32, default=new_badge_salt, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.CheckConstraint(
                condition=GreaterThanOrEqual(Length("code"), CODE_MIN_LENGTH),
                name="certificate_code_long_enough",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revoked_reason="")
                | (Q(revoked_at__isnull=False) & ~Q(revoked_reason="")),
                name="certificate_revocation_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(pdf_version__lte=models.F("version")), name="certificate_pdf_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.holder_name}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:verify", kwargs={"code": self.code})

    @property
    def reference(self) -> str:
        """The short form printed under the QR code and quoted to support: not enough to verify with."""
        return f"MCT-{self.code[:4]}-{self.code[4:8]}".upper()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def verify_url(self) -> str:
        return settings.SITE_URL + self.get_absolute_url()

    @property
    def badge_assertion_url(self) -> str:
        return settings.SITE_URL + reverse("certificates:badge_assertion", kwargs={"code": self.code})

    @property
    def has_current_pdf(self) -> bool:
        return bool(self.pdf) and self.pdf_version == self.version


class EventKind(models.TextChoices):
    ISSUED = "issued", _("Issued")
    REVOKED = "revoked", _("Revoked")
    REISSUED = "reissued", _("Re-issued")


class CertificateEvent(models.Model):
    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=EventKind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="certificateevent_kind_known")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.certificate_id} {self.at:%Y-%m-%d}"


class ReissueBatch(models.Model):
    """Re-issuing the certificates of one course in the background: one ReissueItem per certificate.

    Progress is counted from the items' statuses (each item is updated by exactly one task under a row
    lock), so the counts are always consistent. ``finished_at`` is set when no item is pending; at most one
    unfinished batch per course exists at a time (partial unique constraint).
    """

    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    total = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course"], condition=Q(finished_at__isnull=True), name="reissuebatch_one_running"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course_id} {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:batch", kwargs={"pk": self.pk})


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DONE = "done", _("Re-issued")
    FAILED = "failed", _("Failed")


class ReissueItem(models.Model):
    batch = models.ForeignKey(ReissueBatch, on_delete=models.CASCADE, related_name="items")
    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, choices=ItemStatus, default=ItemStatus.PENDING)
    error = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "certificate"], name="reissueitem_once_per_batch"),
            models.CheckConstraint(
                condition=Q(status__in=ItemStatus.values), name="reissueitem_status_known"
            ),
        ]
        indexes = [models.Index(fields=["batch", "status"], name="reissueitem_batch_status_idx")]

    def __str__(self) -> str:
        return f"{self.batch_id}/{self.certificate_id} {self.status}"


class ManualCompletion(models.Model):
    """Audit of a course marked completed by a coordinator or trainer (a face-to-face course)."""

    enrolment = models.OneToOneField("learning.Enrolment", on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="manualcompletion_has_reason")]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.at:%Y-%m-%d}"
