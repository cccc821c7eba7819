from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from learning import cache, receivers

        receivers.connect()
        for model, receiver in (
            (self.get_model("Enrolment"), cache.forget_enrolment),
            (self.get_model("LessonProgress"), cache.forget_progress),
        ):
            post_save.connect(receiver, sender=model, dispatch_uid=f"learning-cache-{model.__name__}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"learning-cache-{model.__name__}-d")
