import factory
from django.utils import timezone

from certificates.models import CertificateTemplate, TemplateSignatory
from learning.models import EnrolmentStatus
from tests.factories import EnrolmentFactory


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Template {n}")
    issuer_name = "Lancang-Mekong Environmental Cooperation Center"
    signatory = factory.RelatedFactory(
        "tests.certificates.factories.TemplateSignatoryFactory", factory_related_name="template"
    )


class TemplateSignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TemplateSignatory

    template = factory.SubFactory(CertificateTemplateFactory, signatory=None)
    position = 1
    name = "Dr. Malai Phommachanh"
    title = "Programme director"


class CompletedEnrolmentFactory(EnrolmentFactory):
    status = EnrolmentStatus.COMPLETED
    completed_at = factory.LazyFunction(timezone.now)
