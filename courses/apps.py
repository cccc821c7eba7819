from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from courses import cache
        from training import request_cache

        request_cache.register_page_keys("courses", lambda request: [cache.VERSION_KEY])

        for model_name in (
            "Programme",
            "Course",
            "Module",
            "Lesson",
            "Resource",  # listed on the cached lesson page (learning.lesson_page)
            "CourseTranslation",
            "ModuleTranslation",
            "LessonTranslation",
        ):
            model = self.get_model(model_name)
            post_save.connect(
                cache.bump_catalogue_version, sender=model, dispatch_uid=f"catalogue-{model_name}"
            )
            post_delete.connect(
                cache.bump_catalogue_version, sender=model, dispatch_uid=f"catalogue-{model_name}-d"
            )
