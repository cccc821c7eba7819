from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from reminders import receivers, selectors
        from training import request_cache

        # The layout shows the reader's unread count on every page.
        request_cache.register_page_keys(
            "reminders",
            lambda request: (
                [selectors.unread_key(request.user.pk)]
                if getattr(request, "user", None) is not None and request.user.is_authenticated
                else []
            ),
        )

        receivers.connect()
