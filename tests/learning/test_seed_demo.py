import io

import pytest
from django.core.management import call_command

from accounts.models import Profile, User
from courses import demo_content
from courses.models import Course, Lesson
from learning.models import Enrolment, LessonProgress


@pytest.mark.django_db
def test_seed_demo_creates_realistic_content_and_is_idempotent():
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Course.objects.count(), Lesson.objects.count(), User.objects.count(), Enrolment.objects.count(),
              LessonProgress.objects.count())  # fmt: skip
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == (Course.objects.count(), Lesson.objects.count(), User.objects.count(),
                      Enrolment.objects.count(), LessonProgress.objects.count())  # fmt: skip

    assert Course.objects.published().count() >= 6
    assert set(Profile.objects.values_list("country", flat=True)) >= {"CN", "MM", "LA", "TH", "KH", "VN"}
    assert Course.objects.filter(slug__in=[c["slug"] for c in demo_content.COURSES]).count() == len(
        demo_content.COURSES
    )
    assert User.objects.filter(role="national_coordinator", coordinator_country="LA").exists()
    assert User.objects.filter(role="regional_coordinator").exists()
    assert Enrolment.objects.filter(status="completed").exists()
    # Lesson bodies are rendered through the sanitiser, not stored raw.
    assert all(lesson.body_html for lesson in Lesson.objects.all())
