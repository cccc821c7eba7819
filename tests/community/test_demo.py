import io

import pytest

from community import demo
from community.models import CaseStatus, CaseStudy, ModerationAction, Post, Thread
from learning.models import Enrolment
from tests.factories import (
    CoordinatorFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    TraineeFactory,
    TrainerFactory,
)

pytestmark = pytest.mark.django_db


def test_seed_skips_without_demo_users():
    out = io.StringIO()
    demo.seed(stdout=out)
    assert "skipped" in out.getvalue()
    assert not CaseStudy.objects.exists()


def test_seed_is_idempotent_and_covers_the_six_countries():
    CoordinatorFactory(email="coordinator@example.org")
    trainer = TrainerFactory()
    course = CourseFactory(slug="community-based-adaptation-mekong", trainers=[trainer])
    lesson = LessonFactory(module=ModuleFactory(course=course), title="Case study: the Tonle Sap flood pulse")
    for _ in range(3):
        Enrolment.objects.create(trainee=TraineeFactory(), course=course)
    for _ in range(2):
        demo.seed(stdout=io.StringIO())
    published = CaseStudy.objects.published()
    assert published.count() == 12
    assert set(published.values_list("country", flat=True)) == {"CN", "MM", "LA", "TH", "KH", "VN"}
    assert CaseStudy.objects.filter(status=CaseStatus.SUBMITTED).count() == 1
    assert all(case.themes.exists() and case.search_text for case in CaseStudy.objects.all())
    assert CaseStudy.objects.get(title="Floating gardens on the Tonle Sap").lessons.get() == lesson
    assert Thread.objects.filter(course=course).count() == 2
    assert Post.objects.filter(is_accepted=True).count() == 1
    assert ModerationAction.objects.count() == 2
