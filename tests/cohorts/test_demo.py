import io

import pytest
from django.core.management import call_command

from learning.cohorts import selectors
from learning.models import Attendance, Cohort, CohortSession, Participant


@pytest.mark.django_db
def test_seed_demo_adds_cohorts_idempotently():
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Cohort.objects.count(), CohortSession.objects.count(), Participant.objects.count(),
              Attendance.objects.count())  # fmt: skip
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert counts == (Cohort.objects.count(), CohortSession.objects.count(), Participant.objects.count(),
                      Attendance.objects.count())  # fmt: skip
    assert "Cohorts: 2 demo groups" in out.getvalue()
    assert set(Cohort.objects.values_list("country", flat=True)) == {"KH", "MM"}
    assert Participant.objects.filter(age_band="under_18", guardian_consent=True).exists()
    assert Participant.objects.filter(enrolment__isnull=False).exists()
    assert selectors.attendance_rates()[()].rate > 0.5
    assert sum(selectors.completions().values()) > 0
