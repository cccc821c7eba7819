from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self) -> None:
        from courses import exchange
        from courses.studio import links
        from quizzes import exchange as quiz_exchange

        exchange.register_part(quiz_exchange.PART)  # exported, imported and copied courses keep their quizzes
        links.register(
            links.StudioLink(
                key="quizzes",
                label=_("Quizzes"),
                url_name="quizzes:studio_quizzes",
                kwargs=lambda course: {"slug": course.slug},
            )
        )
