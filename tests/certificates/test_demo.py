import io

from certificates import demo
from certificates.models import Certificate, CertificateTemplate
from tests.certificates.factories import CompletedEnrolmentFactory
from tests.factories import EnrolmentFactory


def test_demo_seed_issues_for_completed_enrolments_and_is_idempotent(db):
    completed = CompletedEnrolmentFactory()
    EnrolmentFactory()
    demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())
    assert list(Certificate.objects.values_list("enrolment", flat=True)) == [completed.pk]
    assert Certificate.objects.get().has_current_pdf
    assert CertificateTemplate.objects.filter(is_default=True).count() == 1
