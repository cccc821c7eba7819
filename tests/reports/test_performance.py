"""The dashboard's query count does not grow with the data (enrolments, cohorts, participants)."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Country, Profile, User
from learning.models import Enrolment, EnrolmentStatus, Participant, ParticipantSource
from reports import services
from tests.cohorts.factories import CohortFactory
from tests.factories import CourseFactory, PartnerOrganisationFactory, warm_layout
from tests.reports.factories import regional_coordinator

COUNTRIES = ["CN", "MM", "LA", "TH", "KH", "VN"]
SEXES = ["female", "male", "other", "undisclosed"]
AGES = ["18_24", "25_34", "35_49", "50_plus"]


def make_enrolments(count: int, courses, orgs, offset: int, cohorts: int = 0) -> None:
    """``count`` trainees with one enrolment each; with ``cohorts``, every other enrolment is taken in one of
    that many new cohorts (of its course, held in its trainee's country)."""
    users = User.objects.bulk_create(User(email=f"bulk{offset + i}@example.org") for i in range(count))
    Profile.objects.bulk_create(
        Profile(
            user=user,
            full_name="Trainee",
            country=COUNTRIES[i % 6],
            sex=SEXES[i % 4],
            age_band=AGES[i % 4],
            organisation=orgs[i % len(orgs)] if i % 3 else None,
        )
        for i, user in enumerate(users)
    )
    now = timezone.now()
    Enrolment.objects.bulk_create(
        Enrolment(
            trainee=user,
            course=courses[i % len(courses)],
            status=EnrolmentStatus.COMPLETED if i % 4 == 0 else EnrolmentStatus.ACTIVE,
            completed_at=now if i % 4 == 0 else None,
            last_activity_at=now - timedelta(days=i % 60),
        )
        for i, user in enumerate(users)
    )
    Enrolment.objects.filter(trainee__email__startswith="bulk").update(enrolled_at=now - timedelta(days=200))
    if not cohorts:
        return
    made = [
        CohortFactory(course=courses[i % len(courses)], country=COUNTRIES[i % 6], facilitators=[])
        for i in range(cohorts)
    ]
    enrolments = Enrolment.objects.filter(trainee__in=users).select_related("trainee__profile").order_by("pk")
    Participant.objects.bulk_create(
        Participant(
            cohort=made[i % cohorts],
            enrolment=enrolment,
            display_name="P",
            country=enrolment.trainee.profile.country,
            sex=enrolment.trainee.profile.sex,
            age_band=enrolment.trainee.profile.age_band,
            source=ParticipantSource.MANUAL,
            identity_key=f"bulk-{enrolment.pk}",
        )
        for i, enrolment in enumerate(enrolments[::2])
    )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_dashboard_query_count_is_the_same_for_100_and_10000_enrolments(client, db):
    courses = [CourseFactory() for _ in range(3)]
    orgs = [PartnerOrganisationFactory() for _ in range(3)]
    client.force_login(regional_coordinator())
    warm_layout(client)
    url = reverse("reports:dashboard")
    filtered = url + f"?country={Country.LAOS}&date_from=2020-01"
    make_enrolments(100, courses, orgs, 0, cohorts=2)
    one_cohort = url + f"?cohort={Participant.objects.values_list('cohort_id', flat=True).first()}"
    services.rebuild_cube()
    few = queries_for(client, url)  # computed
    few_cached = queries_for(client, url)  # from the cache
    assert few_cached < few
    few_in_cohort = queries_for(client, one_cohort)  # one more: the filter's cohort is looked up
    make_enrolments(9_900, courses, orgs, 100, cohorts=40)
    services.rebuild_cube()  # a rebuild invalidates the cached figures
    assert queries_for(client, url) == few
    board = client.get(url).context["board"]
    assert board.headline["enrolled"].value == 10_000
    cohort_rows = next(t for t in board.tables if t.slug == "cohort").rows
    assert len(cohort_rows) == 42 + 1  # every cohort and the self-paced
    assert sum(row["enrolled"].value for row in cohort_rows) == 10_000
    assert queries_for(client, url) == few_cached
    assert queries_for(client, filtered) == few
    assert queries_for(client, one_cohort) == few_in_cohort
