"""Who may see and manage certificates. Each rule exists as a queryset (lists) and a boolean (one object).

The holder sees their own. Regional coordinators and admins see all; a national coordinator sees the
certificates of trainees whose profile is in their country. The trainers of a course see and manage the
certificates of that course (any country). Everyone else sees nothing (404).
Managing (revoke, re-issue, bulk re-issue, manual issue) is for those same people within that same scope.
"""

from django.db.models import Q, QuerySet

from accounts.models import Role, User
from certificates.models import Certificate, ReissueBatch
from courses.models import Course


def _is_national(user: User) -> bool:
    return user.role == Role.NATIONAL_COORDINATOR and not user.is_admin


def _coordinator_scope(user: User) -> QuerySet[Certificate] | None:
    if not (user.is_authenticated and user.is_coordinator):
        return None
    if _is_national(user):
        return Certificate.objects.filter(enrolment__trainee__profile__country=user.coordinator_country)
    return Certificate.objects.all()


def _taught(user: User) -> QuerySet[Course]:
    return Course.objects.filter(trainers=user)


def certificates_managed_by(user: User) -> QuerySet[Certificate]:
    if not user.is_authenticated:
        return Certificate.objects.none()
    # A subquery, not a join through the trainers table: no duplicate rows, and it combines with `|`.
    taught = Certificate.objects.filter(enrolment__course__in=_taught(user).values("pk"))
    scope = _coordinator_scope(user)
    return taught if scope is None else (scope | taught)


def certificates_visible_to(user: User) -> QuerySet[Certificate]:
    if not user.is_authenticated:
        return Certificate.objects.none()
    return certificates_managed_by(user) | Certificate.objects.filter(enrolment__trainee=user)


def can_manage_certificate(user: User, certificate: Certificate) -> bool:
    return certificates_managed_by(user).filter(pk=certificate.pk).exists()


def can_manage_certificates(user: User) -> bool:
    """May open the list of certificates they manage (coordinators, and trainers of some course)."""
    return user.is_authenticated and (user.is_coordinator or _taught(user).exists())


def courses_managed_by(user: User) -> QuerySet[Course]:
    """Courses whose certificates the user may manage as a whole (bulk re-issue, manual issue)."""
    if not user.is_authenticated:
        return Course.objects.none()
    if user.is_coordinator:
        return Course.objects.all()
    return _taught(user)


def can_issue_to(user: User, trainee: User) -> bool:
    """A national coordinator issues only to trainees of their country; others to anyone."""
    if not _is_national(user):
        return True
    profile = getattr(trainee, "profile", None)
    return profile is not None and profile.country == user.coordinator_country


def batches_visible_to(user: User) -> QuerySet[ReissueBatch]:
    if not user.is_authenticated:
        return ReissueBatch.objects.none()
    taught = Q(course__in=_taught(user).values("pk"))
    if user.is_coordinator and not _is_national(user):
        return ReissueBatch.objects.all()
    if user.is_coordinator:
        return ReissueBatch.objects.filter(taught | Q(requested_by=user))
    return ReissueBatch.objects.filter(taught)
