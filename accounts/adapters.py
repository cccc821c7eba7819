from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.translation import gettext


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request) -> str:
        user = request.user
        if user.is_authenticated and not user.has_profile:
            return reverse("accounts:profile")
        return super().get_login_redirect_url(request)

    def format_email_subject(self, subject) -> str:
        """Account emails are sent in the reader's language, so the site name in the subject is too."""
        prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
        if prefix == "[Mekong Climate Training] ":
            prefix = f"[{gettext('Mekong Climate Training')}] "
        return prefix + force_str(subject)
