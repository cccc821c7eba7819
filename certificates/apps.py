from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from certificates import checks, receivers  # noqa: F401 - connects the receivers, registers checks
        from courses.studio import links

        links.register(
            links.StudioLink(
                key="certificates",
                label=_("Certificates"),
                url_name="certificates:manage_course",
                kwargs=lambda course: {"course_id": course.pk},
            )
        )
