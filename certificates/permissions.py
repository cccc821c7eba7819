"""Who may see and manage certificates. Each rule exists as a queryset (lists) and a boolean (one object).

The holder sees their own. Regional coordinators and admins see all; a national coordinator sees the
certificates of trainees whose profile is in their country. Everyone else sees nothing (404).
Managing (revoke, re-issue) is for coordinators within that same scope.
"""

from django.db.models import QuerySet

from accounts.models import Role, User
from certificates.models import Certificate


def _coordinator_scope(user: User) -> QuerySet[Certificate] | None:
    if not (user.is_authenticated and user.is_coordinator):
        return None
    if user.role == Role.NATIONAL_COORDINATOR and not user.is_admin:
        return Certificate.objects.filter(enrolment__trainee__profile__country=user.coordinator_country)
    return Certificate.objects.all()


def certificates_visible_to(user: User) -> QuerySet[Certificate]:
    if not user.is_authenticated:
        return Certificate.objects.none()
    scope = _coordinator_scope(user)
    own = Certificate.objects.filter(enrolment__trainee=user)
    return own if scope is None else (scope | own)


def certificates_managed_by(user: User) -> QuerySet[Certificate]:
    scope = _coordinator_scope(user)
    return Certificate.objects.none() if scope is None else scope


def can_manage_certificate(user: User, certificate: Certificate) -> bool:
    scope = _coordinator_scope(user)
    return scope is not None and scope.filter(pk=certificate.pk).exists()


def can_manage_certificates(user: User) -> bool:
    return user.is_authenticated and user.is_coordinator
