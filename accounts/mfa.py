"""Two-factor sign-in: required for coordinators and administrators, offered to everyone.

Coordinators see figures about children and women in villages, administrators see everything, so their
accounts need a second factor (an authenticator app's code, with recovery codes as the fallback; allauth.mfa
does the work). Until such an account has one, every page sends it to the set-up page. Whether it has one is
read at sign-in and kept in the session, so the check costs no query per request once it is there; allauth's
authenticator_added and authenticator_removed signals update it.

MFA_REQUIRED (default on) switches the requirement off, for the development demo only.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role

SESSION_KEY = "mfa_missing"
REQUIRED_ROLES = (Role.NATIONAL_COORDINATOR, Role.REGIONAL_COORDINATOR, Role.ADMIN)
# Where an account without a second factor may still go: the set-up itself, signing out, languages, assets.
OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/media/", "/healthz")


def is_required_for(user) -> bool:
    if not getattr(settings, "MFA_REQUIRED", True):
        return False
    return bool(user.is_staff or user.is_superuser or user.role in REQUIRED_ROLES)


def has_second_factor(user) -> bool:
    from allauth.mfa.models import Authenticator  # the middleware imports this module before apps are ready

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def remember(request, user) -> None:
    if hasattr(request, "session"):
        request.session[SESSION_KEY] = is_required_for(user) and not has_second_factor(user)


def remember_at_login(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_in."""
    remember(request, user)


def on_authenticator_changed(sender, request, user, **kwargs) -> None:
    """Connected to allauth.mfa's authenticator_added and authenticator_removed."""
    remember(request, user)


class RequireMFAMiddleware:
    """Send a coordinator or administrator without a second factor to the set-up page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and is_required_for(user):
            # Re-read while missing (a session from before the requirement, or one that has just set it up);
            # once present, the session says so and no query is made.
            if request.session.get(SESSION_KEY, True):
                remember(request, user)
            if request.session[SESSION_KEY] and not request.path_info.startswith(OPEN_PREFIXES):
                messages.warning(
                    request,
                    _(
                        "Your role gives access to personal data, so your account needs two-factor "
                        "sign-in. Set up an authenticator app to continue."
                    ),
                )
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
