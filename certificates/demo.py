"""Demo data: the default certificate template and certificates for the demo's completed enrolments."""

from datetime import timedelta

from certificates import services
from certificates.models import CertificateTemplate, TemplateSignatory
from courses.models import Programme


def seed(*, stdout) -> None:
    template = services.default_template()
    CertificateTemplate.objects.filter(pk=template.pk).update(
        issuer_name="Lancang-Mekong Environmental Cooperation Center"
    )
    TemplateSignatory.objects.update_or_create(
        template=template,
        position=1,
        defaults={"name": "Dr. Malai Phommachanh", "title": "Programme director"},
    )
    women = Programme.objects.filter(theme="women_children").first()
    if women is not None:
        partner, _created = CertificateTemplate.objects.update_or_create(
            programme=women,
            defaults={
                "name": f"{women.name} (partner template)",
                "issuer_name": "Mekong Women and Children Climate Partnership",
                "accent_colour": "#1F5FA8",
            },
        )
        for position, name, title in [
            (1, "Ms. Nguyễn Thị Lan", "Partnership coordinator"),
            (2, "Dr. Malai Phommachanh", "Programme director"),
        ]:
            TemplateSignatory.objects.update_or_create(
                template=partner, position=position, defaults={"name": name, "title": title}
            )
    issued = 0
    for enrolment_id in services.enrolments_missing_certificates(older_than=timedelta(0), limit=1000):
        if services.issue_certificate(enrolment_id=enrolment_id) is not None:
            issued += 1
    stdout.write(f"certificates: {issued} issued for completed demo enrolments")
