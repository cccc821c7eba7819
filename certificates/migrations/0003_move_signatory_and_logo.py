"""Move the single signatory and logo of each template into the new rows, and snapshot the signatory of each
issued certificate into its ``signatories`` list (same name, same title, no signature image), so that
re-rendering an old certificate prints what it printed before."""

from django.db import migrations


def forwards(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    TemplateSignatory = apps.get_model("certificates", "TemplateSignatory")
    TemplateLogo = apps.get_model("certificates", "TemplateLogo")
    Certificate = apps.get_model("certificates", "Certificate")
    for template in CertificateTemplate.objects.all():
        if template.signatory_name or template.signatory_title:
            TemplateSignatory.objects.get_or_create(
                template=template,
                position=1,
                defaults={"name": template.signatory_name, "title": template.signatory_title},
            )
        if template.logo:
            TemplateLogo.objects.get_or_create(template=template, position=1, defaults={"image": template.logo.name})
    certificates = Certificate.objects.exclude(signatory_name="", signatory_title="").only(
        "pk", "signatory_name", "signatory_title", "template_id"
    )
    logos = {logo.template_id: [logo.image.name] for logo in TemplateLogo.objects.filter(position=1)}
    for certificate in certificates.iterator(chunk_size=500):
        Certificate.objects.filter(pk=certificate.pk).update(
            signatories=[{"name": certificate.signatory_name, "title": certificate.signatory_title, "signature": ""}]
        )
    for template_id, names in logos.items():
        Certificate.objects.filter(template_id=template_id).update(logos=names)


def backwards(apps, schema_editor):
    TemplateSignatory = apps.get_model("certificates", "TemplateSignatory")
    TemplateLogo = apps.get_model("certificates", "TemplateLogo")
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    Certificate = apps.get_model("certificates", "Certificate")
    for signatory in TemplateSignatory.objects.filter(position=1):
        CertificateTemplate.objects.filter(pk=signatory.template_id).update(
            signatory_name=signatory.name, signatory_title=signatory.title
        )
    for logo in TemplateLogo.objects.filter(position=1):
        CertificateTemplate.objects.filter(pk=logo.template_id).update(logo=logo.image.name)
    for certificate in Certificate.objects.exclude(signatories=[]).iterator(chunk_size=500):
        first = certificate.signatories[0]
        Certificate.objects.filter(pk=certificate.pk).update(
            signatory_name=first.get("name", ""), signatory_title=first.get("title", "")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_template_signatories_logos_batches"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
