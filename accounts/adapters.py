from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request) -> str:
        user = request.user
        if user.is_authenticated and not user.has_profile:
            return reverse("accounts:profile")
        return super().get_login_redirect_url(request)
