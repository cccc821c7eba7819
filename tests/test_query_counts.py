"""Pages must not run more queries when there is more data (STYLE.md section 6)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning import services
from learning.models import Enrolment
from tests.factories import CourseFactory, TraineeFactory, course_with_lessons


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.django_db
def test_catalogue_query_count_does_not_grow_with_courses(client):
    CourseFactory.create_batch(3)
    few = queries_for(client, reverse("courses:catalogue"))
    CourseFactory.create_batch(27)
    assert queries_for(client, reverse("courses:catalogue")) == few
    assert queries_for(client, reverse("courses:catalogue") + "?theme=community_adaptation&q=climate") == few


@pytest.mark.django_db
def test_course_and_lesson_pages_run_the_same_queries_for_3_and_30_lessons(client):
    trainee = TraineeFactory()
    client.force_login(trainee)
    client.get(reverse("learning:dashboard"))  # the layout's unread count is cached from the first page on
    counts = []
    for lessons in (3, 30):
        course = course_with_lessons(
            modules=3 if lessons == 30 else 1, lessons_per_module=10 if lessons == 30 else 3
        )
        enrolment = Enrolment.objects.create(trainee=trainee, course=course)
        ordered = [
            lesson for module in course.modules.order_by("position") for lesson in module.lessons.all()
        ]
        for lesson in ordered[:2]:
            services.complete_lesson(enrolment=enrolment, lesson=lesson)
        counts.append(
            (
                queries_for(client, course.get_absolute_url()),
                queries_for(client, ordered[1].get_absolute_url()),
            )
        )
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_dashboard_runs_the_same_queries_for_1_and_20_enrolments(client):
    trainee = TraineeFactory()
    client.force_login(trainee)

    def enrol_in(n):
        for _ in range(n):
            course = course_with_lessons(lessons_per_module=3)
            enrolment = Enrolment.objects.create(trainee=trainee, course=course)
            services.complete_lesson(enrolment=enrolment, lesson=course.modules.get().lessons.first())

    enrol_in(1)
    client.get(reverse("courses:catalogue"))  # the layout's unread count is cached from the first page on
    one = queries_for(client, reverse("learning:dashboard"))
    enrol_in(19)
    assert queries_for(client, reverse("learning:dashboard")) == one
