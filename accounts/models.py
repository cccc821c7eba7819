"""People on the platform.

A User signs in with an email address (there are no usernames). Everyone is a trainee; a user's ``role``
adds trainer, coordinator or admin rights. A national coordinator works for exactly one country, a regional
coordinator for all six. The Profile keeps what reporting needs and nothing more: the name as the person
writes it (any script) and optionally in Latin letters for certificates, country, sex, an age band rather
than a birth date, the organisation, and the preferred language. A trainee under 18 must have a guardian's
consent recorded before the profile is complete.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    CHINA = "CN", _("China")
    MYANMAR = "MM", _("Myanmar")
    LAOS = "LA", _("Laos")
    THAILAND = "TH", _("Thailand")
    CAMBODIA = "KH", _("Cambodia")
    VIETNAM = "VN", _("Vietnam")
    OTHER = "XX", _("Other")


MEKONG_COUNTRIES = [c for c in Country.values if c != Country.OTHER]


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    FROM_18_TO_24 = "18_24", _("18-24")
    FROM_25_TO_34 = "25_34", _("25-34")
    FROM_35_TO_49 = "35_49", _("35-49")
    FROM_50 = "50_plus", _("50 and over")


class Role(models.TextChoices):
    TRAINEE = "trainee", _("Trainee")
    TRAINER = "trainer", _("Trainer")
    NATIONAL_COORDINATOR = "national_coordinator", _("National coordinator")
    REGIONAL_COORDINATOR = "regional_coordinator", _("Regional coordinator")
    ADMIN = "admin", _("Administrator")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        extra.update(is_staff=True, is_superuser=True, role=Role.ADMIN)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    role = models.CharField(_("role"), max_length=32, choices=Role, default=Role.TRAINEE)
    coordinator_country = models.CharField(
        _("coordinator's country"),
        max_length=2,
        choices=Country,
        blank=True,
        help_text=_("Only for national coordinators: the one country they see."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="user_role_known"),
            models.CheckConstraint(
                condition=(Q(role=Role.NATIONAL_COORDINATOR) & ~Q(coordinator_country__in=["", "XX"]))
                | (~Q(role=Role.NATIONAL_COORDINATOR) & Q(coordinator_country="")),
                name="user_national_coordinator_has_country",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def display_name(self) -> str:
        profile = getattr(self, "profile", None)
        return profile.full_name if profile else self.email.split("@")[0]

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or self.role == Role.ADMIN

    @property
    def is_trainer(self) -> bool:
        return self.role == Role.TRAINER or self.is_admin

    @property
    def is_coordinator(self) -> bool:
        return self.role in (Role.NATIONAL_COORDINATOR, Role.REGIONAL_COORDINATOR) or self.is_admin

    @property
    def has_profile(self) -> bool:
        try:
            return self.profile is not None
        except Profile.DoesNotExist:
            return False


class PartnerOrganisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    full_name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("As you write it, in any script. Printed on certificates."),
    )
    latin_name = models.CharField(
        _("name in Latin letters"),
        max_length=200,
        blank=True,
        help_text=_("Optional. Certificates print both names."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country)
    sex = models.CharField(_("sex"), max_length=16, choices=Sex)
    age_band = models.CharField(_("age"), max_length=16, choices=AgeBand)
    organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    organisation_name = models.CharField(
        _("other organisation"),
        max_length=200,
        blank=True,
        help_text=_("If your organisation is not listed."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    buddhist_era = models.BooleanField(
        _("show years in the Buddhist era"),
        default=False,
        help_text=_("For Thai: dates show 2569 instead of 2026."),
    )
    guardian_consent = models.BooleanField(
        _("a parent or guardian has agreed"),
        default=False,
        help_text=_("Required for trainees under 18."),
    )
    guardian_consent_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(condition=Q(country__in=Country.values), name="profile_country_known"),
            models.CheckConstraint(condition=Q(sex__in=Sex.values), name="profile_sex_known"),
            models.CheckConstraint(condition=Q(age_band__in=AgeBand.values), name="profile_age_band_known"),
            models.CheckConstraint(
                condition=~Q(age_band=AgeBand.UNDER_18)
                | Q(guardian_consent=True, guardian_consent_at__isnull=False),
                name="profile_minor_has_guardian_consent",
            ),
            models.CheckConstraint(condition=~Q(full_name=""), name="profile_full_name_present"),
        ]
        indexes = [models.Index(fields=["country", "sex", "age_band"], name="profile_disaggregation_idx")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def organisation_display(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name
