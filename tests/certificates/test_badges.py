"""Open Badges 2.0 hosted assertions: assertion, badge class and issuer profile, public JSON-LD."""

import hashlib
import json

import pytest
from django.urls import reverse

from certificates import services
from certificates.models import Certificate
from tests.certificates.factories import CertificateTemplateFactory, CompletedEnrolmentFactory
from tests.factories import CoordinatorFactory, CourseFactory

CONTEXT = "https://w3id.org/openbadges/v2"


def fetch(client, url: str, status: int = 200, **headers) -> dict:
    response = client.get(url, **headers)
    assert response.status_code == status
    return json.loads(response.content)


def relative(url: str, settings) -> str:
    assert url.startswith(settings.SITE_URL)
    return url.removeprefix(settings.SITE_URL)


def test_assertion_badge_class_and_issuer_link_up_with_the_required_fields(client, certificate, settings):
    response = client.get(certificate.badge_assertion_url.removeprefix(settings.SITE_URL))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assertion = json.loads(response.content)
    assert assertion["@context"] == CONTEXT
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == certificate.badge_assertion_url  # hosted: the id is its own address
    assert assertion["verification"] == {"type": "HostedBadge"}
    assert assertion["issuedOn"].endswith("+00:00")
    recipient = assertion["recipient"]
    assert recipient["type"] == "email"
    assert recipient["hashed"] is True
    email = certificate.enrolment.trainee.email
    expected = "sha256$" + hashlib.sha256((email + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == expected

    badge = fetch(client, relative(assertion["badge"], settings))
    assert badge["@context"] == CONTEXT
    assert badge["type"] == "BadgeClass"
    assert badge["id"] == assertion["badge"]
    assert badge["name"] == certificate.enrolment.course.title
    assert badge["description"]
    assert badge["criteria"]["narrative"]
    assert badge["criteria"]["id"].startswith(settings.SITE_URL)
    assert badge["image"].endswith(".png")

    issuer = fetch(client, relative(badge["issuer"], settings))
    assert issuer["type"] == "Issuer"
    assert issuer["id"] == badge["issuer"]
    assert issuer["name"] == certificate.issuer_name
    for required in ("url", "email"):
        assert issuer[required]


def test_the_badge_image_is_a_shipped_png():
    from django.contrib.staticfiles import finders

    path = finders.find("certificates/badge.png")
    assert path is not None
    with open(path, "rb") as handle:
        assert handle.read(8) == b"\x89PNG\r\n\x1a\n"


def test_the_issuer_is_the_programmes_template(client, db, settings):
    enrolment = CompletedEnrolmentFactory()
    template = CertificateTemplateFactory(programme=enrolment.course.programme, issuer_name="Partner org")
    certificate = services.issue_certificate(enrolment_id=enrolment.pk, render=False)
    badge = fetch(client, reverse("certificates:badge_class", kwargs={"course_id": enrolment.course_id}))
    assert badge["issuer"].endswith(reverse("certificates:badge_issuer", kwargs={"template_id": template.pk}))
    assert fetch(client, relative(badge["issuer"], settings))["name"] == "Partner org"
    assert certificate.template == template


def test_the_recipient_email_is_never_in_clear_text(client, certificate):
    email = certificate.enrolment.trainee.email
    body = client.get(reverse("certificates:badge_assertion", kwargs={"code": certificate.code})).content
    assert email.encode() not in body
    assert email.split("@")[0].encode() not in body


def test_each_certificate_has_its_own_salt(db):
    first, second = (
        services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk, render=False)
        for _ in range(2)
    )
    assert first.badge_salt != second.badge_salt
    assert len(first.badge_salt) == 32


def test_plain_json_when_only_json_is_accepted(client, certificate):
    url = reverse("certificates:badge_assertion", kwargs={"code": certificate.code})
    assert client.get(url, HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"


def test_a_revoked_assertion_is_gone_and_says_revoked(client, certificate):
    services.revoke_certificate(certificate=certificate, reason="Fraud", acting_user=CoordinatorFactory())
    url = reverse("certificates:badge_assertion", kwargs={"code": certificate.code})
    assertion = fetch(client, url, status=410)
    assert assertion["revoked"] is True
    assert assertion["id"] == certificate.badge_assertion_url
    body = json.dumps(assertion)
    assert "Fraud" not in body
    assert "recipient" not in assertion


@pytest.mark.parametrize(
    "url",
    [
        "/badges/assertions/forged-code-that-does-not-exist1.json",
        "/badges/courses/999999.json",
        "/badges/issuers/999999.json",
    ],
)
def test_unknown_documents_are_404(client, db, url):
    assert client.get(url).status_code == 404


def test_a_draft_course_without_certificates_has_no_public_badge_class(client, db):
    course = CourseFactory(status="draft")
    assert client.get(reverse("certificates:badge_class", kwargs={"course_id": course.pk})).status_code == 404


def test_the_assertion_costs_one_query_and_needs_no_login(client, certificate, django_assert_num_queries):
    url = reverse("certificates:badge_assertion", kwargs={"code": certificate.code})
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


def test_verification_page_and_my_certificates_link_the_assertion(client, certificate):
    verify = client.get(reverse("certificates:verify", kwargs={"code": certificate.code})).content.decode()
    assert certificate.badge_assertion_url in verify
    assert "Add to a badge backpack" in verify
    client.force_login(certificate.enrolment.trainee)
    mine = client.get(reverse("certificates:mine")).content.decode()
    assert certificate.badge_assertion_url in mine


def test_the_assertion_is_not_on_the_page_of_a_revoked_certificate(client, certificate):
    services.revoke_certificate(certificate=certificate, reason="Fraud", acting_user=CoordinatorFactory())
    page = client.get(reverse("certificates:verify", kwargs={"code": certificate.code})).content.decode()
    assert certificate.badge_assertion_url not in page
    assert Certificate.objects.get(pk=certificate.pk).is_revoked
