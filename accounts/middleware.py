from django.conf import settings
from django.utils import translation


class ProfileLanguageMiddleware:
    """Use the signed-in person's preferred language unless they picked one with the switcher.

    Order of precedence: the language cookie (an explicit choice), then the profile, then the browser's
    Accept-Language (already applied by LocaleMiddleware).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and user.has_profile
        ):
            language = user.profile.preferred_language
            if language and language != request.LANGUAGE_CODE:
                translation.activate(language)
                request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
