"""A small data set whose every figure is worked out by hand in the comments (k = 5).

  group country sex    age   org  course month   n status                         last active (days ago)
  VA    VN      female 25_34 ORG1 A      2025-01 8 6 completed, 1 half-way, 1 idle completed 60, half-way 10
  VB    VN      male   35_49 -    B      2025-02 6 2 completed, 3 started, 1 idle  started 5, completed 100
  LA    LA      female 18_24 -    A      2025-02 3 1 completed, 2 idle             completed 2
  TH    TH      male   25_34 -    C      2025-03 5 5 started                       1
  (+ 1 withdrawn enrolment in TH, never counted)

Courses A and B (programme P1) have two required lessons each; C (programme P2) has none.
Totals: enrolled 22, started 7+5+1+5 = 18, half-way 7+2+1+0 = 10, completed 6+2+1 = 9, certified 0.
Active in the last 30 days: 1 (VA half-way) + 3 (VB) + 1 (LA) + 5 (TH) = 10 trainees.
Quizzes on A: five VA trainees take the pre-test (first attempts 40 50 40 60 30) and the post-test (best
attempts 70 80 90 60 65): gains 30 30 50 0 35, mean 29.0. Pass rate (pre-tests excluded): the 5 post-test
attempts plus a second, worse one (62) by the first trainee: 6 attempts, all passed (pass mark 60) -> 100%.
"""

import pytest

from accounts.models import AgeBand, Country, Sex
from learning.models import EnrolmentStatus, LessonProgress
from quizzes.models import QuizPurpose
from reports import services
from tests.factories import PartnerOrganisationFactory, ProgrammeFactory, course_with_lessons
from tests.quizzes.factories import QuizFactory
from tests.reports.factories import attempt, enrol, national_coordinator, person, regional_coordinator

COMPLETED, ACTIVE, WITHDRAWN = EnrolmentStatus.COMPLETED, EnrolmentStatus.ACTIVE, EnrolmentStatus.WITHDRAWN


@pytest.fixture
def world(db):
    org = PartnerOrganisationFactory(
        name="Mekong Women's Network", short_name="ORG1", country=Country.VIETNAM
    )
    p1, p2 = ProgrammeFactory(name="Community adaptation"), ProgrammeFactory(name="Low-carbon cities")
    course_a = course_with_lessons(lessons_per_module=2, title="Course A", programme=p1)
    course_b = course_with_lessons(lessons_per_module=2, title="Course B", programme=p1)
    course_c = course_with_lessons(lessons_per_module=0, title="Course C", programme=p2)
    lessons_a = list(course_a.modules.get().lessons.order_by("position"))

    va = [person(country=Country.VIETNAM, organisation=org) for _ in range(8)]
    for trainee in va[:6]:
        enrol(trainee, course_a, month="2025-01", status=COMPLETED, active_days_ago=60)
    halfway = enrol(va[6], course_a, month="2025-01", active_days_ago=10)
    LessonProgress.objects.create(enrolment=halfway, lesson=lessons_a[0])
    enrol(va[7], course_a, month="2025-01")

    vb = [person(country=Country.VIETNAM, sex=Sex.MALE, age_band=AgeBand.FROM_35_TO_49) for _ in range(6)]
    for trainee in vb[:2]:
        enrol(trainee, course_b, month="2025-02", status=COMPLETED, active_days_ago=100)
    for trainee in vb[2:5]:
        enrol(trainee, course_b, month="2025-02", active_days_ago=5)
    enrol(vb[5], course_b, month="2025-02")

    la = [person(country=Country.LAOS, age_band=AgeBand.FROM_18_TO_24) for _ in range(3)]
    enrol(la[0], course_a, month="2025-02", status=COMPLETED, active_days_ago=2)
    for trainee in la[1:]:
        enrol(trainee, course_a, month="2025-02")

    th = [person(country=Country.THAILAND, sex=Sex.MALE) for _ in range(6)]
    for trainee in th[:5]:
        enrol(trainee, course_c, month="2025-03", active_days_ago=1)
    enrol(th[5], course_c, month="2025-03", status=WITHDRAWN, active_days_ago=1)

    module_a = course_a.modules.get()
    pre = QuizFactory(course=course_a, module=module_a, purpose=QuizPurpose.PRE_TEST, is_required=False)
    post = QuizFactory(course=course_a, module=module_a, purpose=QuizPurpose.POST_TEST)
    for trainee, before, after in zip(va[:5], (40, 50, 40, 60, 30), (70, 80, 90, 60, 65), strict=True):
        attempt(pre, trainee, score=before)
        attempt(post, trainee, score=after)
    attempt(pre, va[0], number=2, score=95)  # a later pre-test attempt does not count
    attempt(post, va[0], number=2, score=62)  # a worse post-test attempt does not lower the best

    services.rebuild_cube()
    return {
        "org": org,
        "programmes": (p1, p2),
        "courses": (course_a, course_b, course_c),
        "regional": regional_coordinator(),
        "laos": national_coordinator(Country.LAOS),
        "vietnam": national_coordinator(Country.VIETNAM),
    }
