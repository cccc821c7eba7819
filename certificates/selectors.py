"""Reads for certificates, with a fixed number of queries per page."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from accounts.models import User
from certificates import permissions
from certificates.models import (
    Certificate,
    CertificateEvent,
    CertificateTemplate,
    ItemStatus,
    ReissueBatch,
    ReissueItem,
)
from courses.models import Course, CourseStatus


def certificates_of(*, user: User) -> list[Certificate]:
    return list(
        Certificate.objects.filter(enrolment__trainee=user)
        .only("pk", "code", "course_title", "course_language", "hours", "completed_on", "issued_at",
              "revoked_at", "pdf", "version", "pdf_version", "enrolment_id", "badge_salt")
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


def certificate_for_badge(*, code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).select_related("enrolment__trainee").first()


def course_with_badge(*, course_id: int) -> Course | None:
    """A course has a public badge class once it is published or has issued a certificate."""
    issued = Certificate.objects.filter(enrolment__course=OuterRef("pk"))
    return (
        Course.objects.filter(pk=course_id)
        .filter(Q(status=CourseStatus.PUBLISHED) | Exists(issued))
        .select_related("programme")
        .first()
    )


def template_with_badges(*, template_id: int) -> CertificateTemplate | None:
    return CertificateTemplate.objects.filter(pk=template_id).first()


def course_certificates(*, user: User, course: Course) -> QuerySet[Certificate]:
    return (
        permissions.certificates_managed_by(user)
        .filter(enrolment__course=course)
        .select_related("enrolment__trainee")
        .order_by("-issued_at", "-pk")
    )


def batches_of(*, user: User, course: Course) -> list[ReissueBatch]:
    return list(permissions.batches_visible_to(user).filter(course=course).order_by("-created_at", "-pk")[:5])


@dataclass(frozen=True)
class BatchProgress:
    total: int
    done: int
    failed: int

    @property
    def pending(self) -> int:
        return max(self.total - self.done - self.failed, 0)

    @property
    def percent(self) -> int:
        return round(100 * (self.done + self.failed) / self.total) if self.total else 100


def batch_progress(*, batch: ReissueBatch) -> BatchProgress:
    counts = batch.items.aggregate(
        done=Count("pk", filter=Q(status=ItemStatus.DONE)),
        failed=Count("pk", filter=Q(status=ItemStatus.FAILED)),
    )
    return BatchProgress(total=batch.total, done=counts["done"], failed=counts["failed"])


def batch_failures(*, batch: ReissueBatch, limit: int = 100) -> list[ReissueItem]:
    return list(
        batch.items.filter(status=ItemStatus.FAILED)
        .select_related("certificate")
        .only("pk", "error", "certificate__code", "certificate__holder_name")
        .order_by("pk")[:limit]
    )


def courses_taught_by(*, user: User) -> list[Course]:
    return list(Course.objects.filter(trainers=user).only("pk", "title", "language").order_by("title"))
