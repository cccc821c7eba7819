"""Writes for accounts: one function per use case."""

from django.db import transaction
from django.utils import timezone

from accounts.models import AgeBand, Profile, User

PROFILE_FIELDS = [
    "full_name",
    "latin_name",
    "country",
    "sex",
    "age_band",
    "organisation",
    "organisation_name",
    "preferred_language",
    "buddhist_era",
    "guardian_consent",
]


@transaction.atomic
def save_profile(*, user: User, data: dict) -> Profile:
    """Create or update the user's profile from cleaned form data.

    Consent is stored with its time; for adults the flag is cleared, since the profile keeps only what it
    needs.
    """
    profile = Profile.objects.select_for_update().filter(user=user).first() or Profile(user=user)
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(profile, field, data[field])
    profile.full_name = profile.full_name.strip()
    profile.latin_name = profile.latin_name.strip()
    if profile.organisation_id:
        profile.organisation_name = ""
    if profile.age_band == AgeBand.UNDER_18:
        if profile.guardian_consent and profile.guardian_consent_at is None:
            profile.guardian_consent_at = timezone.now()
    else:
        profile.guardian_consent = False
        profile.guardian_consent_at = None
    profile.save()
    return profile


def set_preferred_language(*, user: User, language: str) -> None:
    Profile.objects.filter(user=user).update(preferred_language=language)
