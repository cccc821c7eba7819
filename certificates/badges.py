"""Open Badges 2.0 hosted assertions: the JSON-LD documents a badge backpack fetches.

Three public documents, all on SITE_URL (hosted verification requires the assertion, badge class and issuer
profile to share the issuer's origin): the Assertion of one certificate (its ``id`` is its own address), the
BadgeClass of the course, and the issuer Profile built from the certificate template's issuing organisation.
The recipient is identified by the holder's email hashed with a per-certificate salt
(``sha256$`` + hex of sha256(email + salt), ``hashed: true``), so the address is never published.

A revoked certificate answers 410 Gone with ``revoked: true`` (the spec's "Revoking Hosted Assertions":
either signals revocation); the coordinator's reason stays private, as on the verification page.
"""

import datetime
import hashlib
from email.utils import parseaddr

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from certificates.models import Certificate, CertificateTemplate
from courses.models import Course

CONTEXT = "https://w3id.org/openbadges/v2"
BADGE_IMAGE = "certificates/badge.png"


def _absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


def assertion_url(code: str) -> str:
    return _absolute(reverse("certificates:badge_assertion", kwargs={"code": code}))


def badge_class_url(course_id: int) -> str:
    return _absolute(reverse("certificates:badge_class", kwargs={"course_id": course_id}))


def issuer_url(template_id: int) -> str:
    return _absolute(reverse("certificates:badge_issuer", kwargs={"template_id": template_id}))


def identity_hash(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def assertion(certificate: Certificate) -> dict:
    """The hosted Assertion (the certificate must come with ``enrolment__trainee``)."""
    document = {"@context": CONTEXT, "type": "Assertion", "id": assertion_url(certificate.code)}
    if certificate.is_revoked:
        return {**document, "revoked": True}
    return {
        **document,
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": certificate.badge_salt,
            "identity": identity_hash(certificate.enrolment.trainee.email, certificate.badge_salt),
        },
        "badge": badge_class_url(certificate.enrolment.course_id),
        "issuedOn": certificate.issued_at.astimezone(datetime.UTC).isoformat(),
        "verification": {"type": "HostedBadge"},
        "evidence": _absolute(certificate.get_absolute_url()),
    }


def badge_class(course: Course, template: CertificateTemplate) -> dict:
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(course.pk),
        "name": course.title,
        "description": course.summary or course.title,
        "image": _absolute(static(BADGE_IMAGE)),
        "criteria": {
            "id": _absolute(course.get_absolute_url()),
            "narrative": _("Complete the course to receive a certificate of completion."),
        },
        "issuer": issuer_url(template.pk),
    }


def issuer(template: CertificateTemplate) -> dict:
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(template.pk),
        "name": template.issuer_name,
        "url": settings.SITE_URL + "/",
        "email": getattr(settings, "CERTIFICATE_BADGE_ISSUER_EMAIL", "")
        or parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }
