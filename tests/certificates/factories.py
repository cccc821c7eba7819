import factory
from django.utils import timezone

from certificates.models import CertificateTemplate
from learning.models import EnrolmentStatus
from tests.factories import EnrolmentFactory


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Template {n}")
    issuer_name = "Lancang-Mekong Environmental Cooperation Center"
    signatory_name = "Dr. Malai Phommachanh"
    signatory_title = "Programme director"


class CompletedEnrolmentFactory(EnrolmentFactory):
    status = EnrolmentStatus.COMPLETED
    completed_at = factory.LazyFunction(timezone.now)
