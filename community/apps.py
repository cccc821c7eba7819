from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from community import cache, receivers
        from training import request_cache

        request_cache.register_page_keys("community", lambda request: [cache.HUB_VERSION_KEY])

        # Writes outside the services (the admin, data fixes) must not leave stale pages in the cache either.
        for model_name in ("CaseStudy", "CaseTheme"):
            model = self.get_model(model_name)
            post_save.connect(receivers.bump_hub, sender=model, dispatch_uid=f"community-hub-{model_name}")
            post_delete.connect(
                receivers.bump_hub, sender=model, dispatch_uid=f"community-hub-{model_name}-d"
            )
        # Linking a case to a lesson (or unlinking it) changes the lesson page's "related good practices".
        m2m_changed.connect(
            receivers.bump_hub,
            sender=self.get_model("CaseStudy").lessons.through,
            dispatch_uid="community-hub-lessons",
        )
        partner = "accounts.PartnerOrganisation"  # partner names are shown and offered in the hub's filters
        post_save.connect(receivers.bump_hub, sender=partner, dispatch_uid="community-hub-partner")
        post_delete.connect(receivers.bump_hub, sender=partner, dispatch_uid="community-hub-partner-d")
        for model_name, receiver in (
            ("Thread", receivers.bump_thread),
            ("Post", receivers.bump_thread_of_post),
            ("Report", receivers.bump_thread_of_report),
        ):
            model = self.get_model(model_name)
            post_save.connect(receiver, sender=model, dispatch_uid=f"community-{model_name}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"community-{model_name}-d")
        post_save.connect(receivers.bump_people, sender="accounts.Profile", dispatch_uid="community-profile")
        post_save.connect(receivers.bump_people, sender="accounts.User", dispatch_uid="community-user")
