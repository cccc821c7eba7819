from django.conf import settings
from django.utils import translation

SESSION_KEY = "profile_language"


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


def remember_language_at_login(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_in: read the profile's language once, when the session starts."""
    profile = getattr(user, "profile", None) if user.has_profile else None
    remember_language(request, profile.preferred_language if profile else "")
