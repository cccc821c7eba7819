from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self) -> None:
        from courses import exchange
        from quizzes import exchange as quiz_exchange

        exchange.register_part(quiz_exchange.PART)  # exported, imported and copied courses keep their quizzes
