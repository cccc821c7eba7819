"""Who gets what on every trainee-facing course view: the allow half and the deny half."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role
from courses import services as course_services
from courses.models import CourseStatus
from tests.factories import (
    CoordinatorFactory,
    EnrolmentFactory,
    TraineeFactory,
    TrainerFactory,
    course_with_lessons,
)


@pytest.fixture
def world(db):
    trainer = TrainerFactory()
    course = course_with_lessons(modules=1, lessons_per_module=2, trainers=[trainer])
    other_course = course_with_lessons(modules=1, lessons_per_module=1)
    draft = course_with_lessons(
        modules=1, lessons_per_module=1, status=CourseStatus.DRAFT, trainers=[trainer]
    )
    lesson = course.modules.get().lessons.order_by("position").first()
    resource = course_services.add_resource(
        lesson=lesson, title="Checklist", upload=SimpleUploadedFile("checklist.pdf", b"%PDF-1.4\n% demo\n")
    )
    enrolled = EnrolmentFactory(course=course).trainee
    other = EnrolmentFactory(course=other_course).trainee
    return {
        "course": course,
        "draft": draft,
        "lesson": lesson,
        "draft_lesson": draft.modules.get().lessons.get(),
        "resource": resource,
        "users": {
            "enrolled": enrolled,
            "unenrolled": TraineeFactory(),
            "other_course": other,
            "trainer": trainer,
            "other_trainer": TrainerFactory(),
            "coordinator": CoordinatorFactory(),
            "national_coordinator": CoordinatorFactory(
                role=Role.NATIONAL_COORDINATOR, coordinator_country="LA"
            ),
        },
    }


def urls(world):
    course, lesson, resource = world["course"], world["lesson"], world["resource"]
    lesson_kwargs = {"slug": course.slug, "lesson_id": lesson.pk}
    return {
        "course": course.get_absolute_url(),
        "lesson": lesson.get_absolute_url(),
        "resource": reverse("learning:resource", kwargs={**lesson_kwargs, "resource_id": resource.pk}),
        "draft_course": world["draft"].get_absolute_url(),
        "draft_lesson": world["draft_lesson"].get_absolute_url(),
    }


# Expected status per (who, page). 302 = sent to the sign-in page.
EXPECTED = {
    "anonymous": {"course": 200, "lesson": 302, "resource": 302, "draft_course": 404, "draft_lesson": 302},
    "enrolled": {"course": 200, "lesson": 200, "resource": 200, "draft_course": 404, "draft_lesson": 404},
    "unenrolled": {"course": 200, "lesson": 403, "resource": 404, "draft_course": 404, "draft_lesson": 404},
    "other_course": {"course": 200, "lesson": 403, "resource": 404, "draft_course": 404, "draft_lesson": 404},
    "trainer": {"course": 200, "lesson": 200, "resource": 200, "draft_course": 200, "draft_lesson": 200},
    "other_trainer": {
        "course": 200,
        "lesson": 403,
        "resource": 404,
        "draft_course": 404,
        "draft_lesson": 404,
    },
    "coordinator": {"course": 200, "lesson": 200, "resource": 200, "draft_course": 200, "draft_lesson": 200},
    "national_coordinator": {
        "course": 200,
        "lesson": 200,
        "resource": 200,
        "draft_course": 200,
        "draft_lesson": 200,
    },
}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_each_role_gets_the_right_status_on_every_course_view(client, world, who):
    if who != "anonymous":
        client.force_login(world["users"][who])
    for page, url in urls(world).items():
        response = client.get(url)
        assert response.status_code == EXPECTED[who][page], f"{who} on {page}"
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("account_login"))


def test_resource_download_is_an_attachment_with_nosniff(client, world):
    client.force_login(world["users"]["enrolled"])
    response = client.get(urls(world)["resource"])
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_unenrolled_trainee_sees_why_and_how_to_enrol(client, world):
    client.force_login(world["users"]["unenrolled"])
    response = client.get(world["lesson"].get_absolute_url())
    assert response.status_code == 403
    assert "Enrol to read this lesson" in response.content.decode()


def test_posting_progress_without_enrolment_changes_nothing(client, world):
    client.force_login(world["users"]["unenrolled"])
    url = reverse(
        "learning:complete_lesson", kwargs={"slug": world["course"].slug, "lesson_id": world["lesson"].pk}
    )
    client.post(url)
    from learning.models import LessonProgress

    assert not LessonProgress.objects.exists()


def test_lesson_of_another_course_is_not_found_under_this_course(client, world):
    client.force_login(world["users"]["enrolled"])
    foreign = world["draft_lesson"]
    url = reverse("learning:lesson", kwargs={"slug": world["course"].slug, "lesson_id": foreign.pk})
    assert client.get(url).status_code == 404
