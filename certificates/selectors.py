"""Reads for certificates, with a fixed number of queries per page."""

from django.db.models import Q, QuerySet

from accounts.models import User
from certificates import permissions
from certificates.models import Certificate, CertificateEvent


def certificates_of(*, user: User) -> list[Certificate]:
    return list(
        Certificate.objects.filter(enrolment__trainee=user)
        .only("pk", "code", "course_title", "course_language", "hours", "completed_on", "issued_at",
              "revoked_at", "pdf", "version", "pdf_version", "enrolment_id")
        .order_by("-issued_at")
    )  # fmt: skip


def certificate_by_code(*, code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).first()


def managed_certificates(*, user: User, query: str = "") -> QuerySet[Certificate]:
    certificates = permissions.certificates_managed_by(user).select_related("enrolment__trainee")
    query = query.strip()
    if query:
        # "MCT-ABCD-EFGH" (the printed reference) is the first 8 characters of the code, upper-cased.
        reference = query.upper().removeprefix("MCT-")
        if len(reference) == 9 and reference[4] == "-":
            reference = reference[:4] + reference[5:]
        matches = Q(holder_name__icontains=query) | Q(holder_latin_name__icontains=query)
        if len(reference) == 8:
            matches |= Q(code__istartswith=reference)
        certificates = certificates.filter(matches)
    return certificates.order_by("-issued_at")


def events_of(*, certificate: Certificate) -> list[CertificateEvent]:
    return list(certificate.events.select_related("actor").order_by("at", "pk"))
