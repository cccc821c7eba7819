from django.conf import settings
from django.utils import translation

SESSION_KEY = "profile_language"
CALENDAR_SESSION_KEY = "profile_buddhist_era"


def remember_language(request, language: str) -> None:
    """Keep the profile's language in the session, so later requests need no profile query."""
    if hasattr(request, "session"):
        request.session[SESSION_KEY] = language


class ProfileLanguageMiddleware:
    """Use the signed-in person's preferred language unless they picked one with the switcher.

    Order of precedence: the language cookie (an explicit choice), then the profile, then the browser's
    Accept-Language (already applied by LocaleMiddleware). The profile is read once per session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        ):
            language = request.session.get(SESSION_KEY)
            if language is None:
                language = user.profile.preferred_language if user.has_profile else ""
                remember_language(request, language)
            if language and language != request.LANGUAGE_CODE:
                translation.activate(language)
                request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


def remember_calendar(request, buddhist_era: bool) -> None:
    """Keep the profile's Buddhist-era preference in the session (read by accounts.templatetags.l10n)."""
    if hasattr(request, "session"):
        request.session[CALENDAR_SESSION_KEY] = buddhist_era


def prefers_buddhist_era(request) -> bool:
    """The signed-in person's calendar preference, from the session; the profile is read at most once."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    if session is None or user is None or not user.is_authenticated:
        return False
    value = session.get(CALENDAR_SESSION_KEY)
    if value is None:
        value = user.profile.buddhist_era if user.has_profile else False
        remember_calendar(request, value)
    return value


def remember_language_at_login(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_in: read the profile's language once, when the session starts."""
    profile = getattr(user, "profile", None) if user.has_profile else None
    remember_language(request, profile.preferred_language if profile else "")
    remember_calendar(request, profile.buddhist_era if profile else False)
