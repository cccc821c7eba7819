"""The figures the reports app counts: participants, sessions held, attendance rate, by country/sex/age."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.cohorts import selectors, services
from learning.models import Cohort
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, ParticipantFactory, facilitator_of
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    now = timezone.now()
    kh = CohortFactory(country="KH", min_attendance_percent=50)
    vn = CohortFactory(country="VN")

    def at(days: float, hours: float = 2, **extra):
        starts = now + timedelta(days=days)
        return CohortSessionFactory(
            cohort=kh, starts_at=starts, ends_at=starts + timedelta(hours=hours), **extra
        )

    kh_sessions = [at(-2), at(-1), at(5), at(-3, is_cancelled=True)]
    vn_session = CohortSessionFactory(cohort=vn, starts_at=now - timedelta(days=1), ends_at=now)
    women = ParticipantFactory.create_batch(2, cohort=kh, sex="female", age_band="18_24")
    man = ParticipantFactory(cohort=kh, sex="male", age_band="25_34")
    vn_woman = ParticipantFactory(cohort=vn, country="VN", sex="female", age_band="18_24")
    by = facilitator_of(kh)
    services.mark_attendance(session=kh_sessions[0], participant=women[0], present=True, by=by)
    services.mark_attendance(session=kh_sessions[1], participant=women[0], present=True, by=by)
    services.mark_attendance(session=kh_sessions[0], participant=women[1], present=True, by=by)
    services.mark_attendance(session=kh_sessions[0], participant=man, present=False, by=by)
    services.mark_attendance(session=vn_session, participant=vn_woman, present=True, by=facilitator_of(vn))
    return kh, vn


def test_participants_by_country_and_sex(data):
    assert selectors.participant_counts(by=("country", "sex")) == {
        ("KH", "female"): 2,
        ("KH", "male"): 1,
        ("VN", "female"): 1,
    }
    assert selectors.participant_counts() == {(): 4}


def test_account_holders_can_be_told_apart(data):
    kh, _vn = data
    services.join_cohort(user=TraineeFactory(), code=kh.join_code)
    assert selectors.participant_counts(by=("has_account",)) == {(False,): 4, (True,): 1}


def test_sessions_held_leave_out_future_and_cancelled_ones(data):
    assert selectors.sessions_held() == {(): 3}
    assert selectors.sessions_held(by_country=True) == {("KH",): 2, ("VN",): 1}


def test_attendance_rate_by_sex(data):
    figures = selectors.attendance_rates(by=("sex",))
    # Women: KH 2 people x 2 held sessions + VN 1 x 1 = 5 possible, 3 + 1 present.
    assert figures[("female",)].participants == 3
    assert figures[("female",)].possible == 5
    assert figures[("female",)].present == 4
    assert figures[("female",)].rate == pytest.approx(0.8)
    assert figures[("male",)].rate == 0


def test_attendance_rate_by_country_and_age_band_and_overall(data):
    figures = selectors.attendance_rates(by=("country", "age_band"))
    assert set(figures) == {("KH", "18_24"), ("KH", "25_34"), ("VN", "18_24")}
    overall = selectors.attendance_rates()[()]
    assert (overall.participants, overall.possible, overall.present) == (4, 7, 4)


def test_figures_can_be_scoped_to_a_set_of_cohorts(data):
    kh, _vn = data
    assert selectors.participant_counts(cohorts=Cohort.objects.filter(pk=kh.pk)) == {(): 3}
    assert selectors.sessions_held(cohorts=Cohort.objects.filter(country="VN")) == {(): 1}


def test_completions_follow_each_cohorts_rule(data):
    # KH: rule 50% of 3 countable sessions -> 2 needed: only women[0]. VN: no rule -> attended once is enough.
    assert selectors.completions(by=("country",)) == {("KH",): 1, ("VN",): 1}


def test_unknown_dimensions_are_refused(data):
    with pytest.raises(ValueError, match="Unknown dimension"):
        selectors.participant_counts(by=("email",))


def test_query_counts_do_not_grow_with_cohorts(data):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            selectors.participant_counts(by=("country",))
            selectors.sessions_held(by_country=True)
            selectors.attendance_rates(by=("country", "sex"))
        return len(ctx)

    few = count()
    for _ in range(5):
        cohort = CohortFactory()
        CohortSessionFactory(cohort=cohort)
        ParticipantFactory.create_batch(3, cohort=cohort)
    assert count() == few == 5
