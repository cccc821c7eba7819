"""Who may see which reports.

A national coordinator sees trainees of their own country only; a regional coordinator and an administrator
see all six Mekong countries. The scope is a value (the tuple of countries) that every selector takes and
applies in its WHERE clause, so no view or export can forget it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from accounts.models import MEKONG_COUNTRIES, Role, User


@dataclass(frozen=True)
class Scope:
    countries: tuple[str, ...]
    is_regional: bool

    @property
    def label(self) -> str:
        return "all" if self.is_regional else ",".join(self.countries)


def can_view_reports(user: User) -> bool:
    return user.is_authenticated and user.is_coordinator


def can_export_participants(user: User) -> bool:
    """Participant-level rows (pseudonymised) only for regional coordinators and administrators."""
    return can_view_reports(user) and (user.is_admin or user.role == Role.REGIONAL_COORDINATOR)


def scope_for(user: User) -> Scope:
    """The countries a user's reports cover. Raises PermissionDenied for anyone who is not a coordinator."""
    if not can_view_reports(user):
        raise PermissionDenied
    if user.role == Role.NATIONAL_COORDINATOR and not user.is_admin:
        if user.coordinator_country not in MEKONG_COUNTRIES:
            raise PermissionDenied
        return Scope(countries=(user.coordinator_country,), is_regional=False)
    return Scope(countries=tuple(MEKONG_COUNTRIES), is_regional=True)
