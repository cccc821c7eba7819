"""Templates with up to three signatories (signature images) and up to four partner logos."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from certificates import services
from certificates.models import CertificateTemplate, TemplateLogo, TemplateSignatory
from certificates.rendering import CertificateDocument, Signatory, render_certificate
from tests.certificates.factories import CertificateTemplateFactory, CompletedEnrolmentFactory
from tests.factories import CoordinatorFactory


def png(width=300, height=100, mode="RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), (10, 20, 90, 255) if mode == "RGBA" else (10, 20, 90)).save(out, "PNG")
    return out.getvalue()


def test_positions_are_constrained_in_the_database(db):
    template = CertificateTemplateFactory()  # has a signatory at position 1
    with pytest.raises(IntegrityError), transaction.atomic():
        TemplateSignatory.objects.create(template=template, position=1, name="Twice")
    with pytest.raises(IntegrityError), transaction.atomic():
        TemplateSignatory.objects.create(template=template, position=4, name="Fourth")
    with pytest.raises(IntegrityError), transaction.atomic():
        TemplateLogo.objects.create(template=template, position=5, image="certificate-logos/x.png")
    with pytest.raises(IntegrityError), transaction.atomic():
        TemplateLogo.objects.create(template=template, position=0, image="certificate-logos/x.png")


def test_signatories_and_logos_are_snapshotted_until_re_issue(db):
    enrolment = CompletedEnrolmentFactory()
    template = CertificateTemplateFactory(programme=enrolment.course.programme)
    second = TemplateSignatory(template=template, position=2, name="សុខ ដារា", title="ប្រធាន")
    second.signature.save("s.png", ContentFile(png()), save=True)
    logo = TemplateLogo(template=template, position=1)
    logo.image.save("l.png", ContentFile(png(mode="RGB")), save=True)
    certificate = services.issue_certificate(enrolment_id=enrolment.pk)
    assert [s["name"] for s in certificate.signatories] == ["Dr. Malai Phommachanh", "សុខ ដារា"]
    assert certificate.signatories[1]["signature"] == second.signature.name
    assert certificate.logos == [logo.image.name]
    assert certificate.render_warnings == ""

    TemplateSignatory.objects.filter(template=template, position=1).update(name="Someone else")
    second.delete()
    services.render_pdf(certificate_id=certificate.pk, force=True)
    certificate.refresh_from_db()
    assert [s["name"] for s in certificate.signatories] == ["Dr. Malai Phommachanh", "សុខ ដារា"]
    assert certificate.render_warnings == ""  # the signature file is still there

    reissued = services.reissue_certificate(certificate=certificate, acting_user=CoordinatorFactory())
    assert [s["name"] for s in reissued.signatories] == ["Someone else"]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_one_two_or_three_signatories_render_in_any_script(count):
    people = [
        Signatory("លោកស្រី ចាន់ សុផល", "ប្រធានកម្មវិធី", png()),
        Signatory("ဦးအောင်ကျော် မြင့်", "ညွှန်ကြားရေးမှူး", None),
        Signatory("ดร. สมชาย ใจดี", "ผู้อำนวยการ", png(600, 100)),
    ][:count]
    rendered = render_certificate(
        CertificateDocument(
            holder_name="น้ำผึ้ง ศรีสุข",
            course_title="Course",
            hours=3,
            completed_on=datetime.date(2026, 1, 2),
            issuer_name="Issuer",
            code="abcdEFGH1234ijklMNOP56",
            reference="MCT-ABCD-EFGH",
            verify_url="http://testserver/verify/abcdEFGH1234ijklMNOP56/",
            signatories=people,
            logos=[png(mode="RGB")] * 4,
        )
    )
    assert rendered.warnings == []
    page = PdfReader(io.BytesIO(rendered.pdf)).pages[0]
    images = [name for name, obj in page["/Resources"]["/XObject"].items()]
    assert len(images) >= 1 + (count > 0)


def test_an_unreadable_signature_gives_a_warning_not_a_crash():
    rendered = render_certificate(
        CertificateDocument(
            holder_name="Sok",
            course_title="Course",
            hours=3,
            completed_on=datetime.date(2026, 1, 2),
            issuer_name="Issuer",
            code="abcdEFGH1234ijklMNOP56",
            reference="MCT-ABCD-EFGH",
            verify_url="http://testserver/verify/x/",
            signatories=[Signatory("A", "B", b"not an image")],
        )
    )
    assert "signature" in rendered.warnings[0]


def test_admin_edits_signatories_and_logos_inline_and_re_encodes_uploads(client, db):
    admin = CoordinatorFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    photo = io.BytesIO()
    Image.new("RGB", (3000, 1000), "navy").save(photo, "JPEG")
    data = {
        "name": "Partner template",
        "issuer_name": "Partner",
        "accent_colour": "#1F5FA8",
        "signatories-TOTAL_FORMS": "2",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "3",
        "signatories-0-position": "1",
        "signatories-0-name": "ဒေါ်ခင်ကြည်",
        "signatories-0-title": "Director",
        "signatories-0-signature": SimpleUploadedFile("sig.jpg", photo.getvalue(), "image/jpeg"),
        "signatories-1-position": "2",
        "signatories-1-name": "Ms. Lan",
        "signatories-1-title": "",
        "logos-TOTAL_FORMS": "1",
        "logos-INITIAL_FORMS": "0",
        "logos-MIN_NUM_FORMS": "0",
        "logos-MAX_NUM_FORMS": "4",
        "logos-0-position": "1",
        "logos-0-image": SimpleUploadedFile("logo.png", png(mode="RGB"), "image/png"),
    }
    response = client.post(reverse("admin:certificates_certificatetemplate_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    template = CertificateTemplate.objects.get(name="Partner template")
    first = template.signatories.get(position=1)
    assert first.signature.name.endswith(".png")
    with first.signature.open("rb") as handle, Image.open(handle) as image:
        assert image.format == "PNG"
        assert max(image.size) <= 800
    assert template.logos.count() == 1

    bad = dict(data, name="Bad template")
    bad["signatories-0-signature"] = SimpleUploadedFile("sig.png", b"<script>not an image", "image/png")
    bad["logos-TOTAL_FORMS"] = "0"
    response = client.post(reverse("admin:certificates_certificatetemplate_add"), bad)
    assert response.status_code == 200
    assert not CertificateTemplate.objects.filter(name="Bad template").exists()


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_moves_the_single_signatory_and_logo():
    executor = MigrationExecutor(connection)
    executor.migrate(
        [("certificates", "0001_certificates"), ("learning", "0003_enrolment_last_activity_index")]
    )
    old = executor.loader.project_state([("certificates", "0001_certificates")]).apps
    Template = old.get_model("certificates", "CertificateTemplate")
    template = Template.objects.create(
        name="Old",
        issuer_name="Issuer",
        signatory_name="Dr. Malai",
        signatory_title="Director",
        logo="certificate-logos/a.png",
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    signatory = TemplateSignatory.objects.get(template_id=template.pk)
    assert (signatory.position, signatory.name, signatory.title) == (1, "Dr. Malai", "Director")
    assert TemplateLogo.objects.get(template_id=template.pk).image.name == "certificate-logos/a.png"
