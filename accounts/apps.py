from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts.middleware import remember_language_at_login
        from accounts.timezones import remember_time_zone_at_login
        from training import checks  # noqa: F401 - registers the project-wide checks

        user_logged_in.connect(remember_language_at_login, dispatch_uid="accounts-language-at-login")
        user_logged_in.connect(remember_time_zone_at_login, dispatch_uid="accounts-time-zone-at-login")

        from allauth.mfa.signals import authenticator_added, authenticator_removed

        from accounts import mfa

        user_logged_in.connect(mfa.remember_at_login, dispatch_uid="accounts-mfa-at-login")
        authenticator_added.connect(mfa.on_authenticator_changed, dispatch_uid="accounts-mfa-added")
        authenticator_removed.connect(mfa.on_authenticator_changed, dispatch_uid="accounts-mfa-removed")
