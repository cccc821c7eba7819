from django.urls import reverse

from courses import authoring, services
from courses.models import CourseStatus
from tests.factories import EnrolmentFactory
from tests.studio.factories import draft_course


def test_checklist_lists_exactly_what_is_missing(trainer_client, trainer):
    course = draft_course(trainer, summary="")
    empty = services.add_module(course=course, title="Empty module")
    full = services.add_module(course=course, title="Full module")
    services.add_lesson(module=full, title="Blank lesson", body="", is_required=False)
    assert authoring.publishing_problems(course) == [
        "The course has no summary.",
        "Module “Empty module” has no lessons.",
        "Lesson “Blank lesson” in module “Full module” has no text and no video.",
        "No lesson is required, so the course would count as complete at once.",
    ]
    response = trainer_client.post(reverse("studio:publish", kwargs={"slug": course.slug}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Module “Empty module” has no lessons." in page
    course.refresh_from_db()
    assert course.status == CourseStatus.DRAFT
    assert empty.pk


def test_course_without_modules_cannot_be_published(trainer):
    course = draft_course(trainer)
    assert authoring.publishing_problems(course) == [
        "The course has no modules. Add a module with at least one lesson."
    ]


def test_archived_lessons_do_not_count_for_publishing(course, lessons):
    for lesson in lessons:
        authoring.archive_lesson(lesson=lesson)
    assert "Module “Understanding floods” has no lessons." in authoring.publishing_problems(course)


def test_complete_course_is_published_and_appears_in_the_catalogue(trainer_client, client, course):
    assert authoring.publishing_problems(course) == []
    response = trainer_client.post(reverse("studio:publish", kwargs={"slug": course.slug}))
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.status == CourseStatus.PUBLISHED
    assert course.published_at
    client.logout()
    assert course.title in client.get(reverse("courses:catalogue")).content.decode()


def test_course_with_enrolments_cannot_return_to_draft(trainer_client, course):
    authoring.publish_course(course=course)
    EnrolmentFactory(course=course)
    url = reverse("studio:publish", kwargs={"slug": course.slug})
    response = trainer_client.post(url, {"action": "unpublish"}, follow=True)
    assert "Trainees are enrolled, so the course stays published." in response.content.decode()
    course.refresh_from_db()
    assert course.is_published


def test_preview_as_trainee_works_for_a_draft_and_hides_archived_lessons(trainer_client, course, lessons):
    authoring.archive_lesson(lesson=lessons[1])
    page = trainer_client.get(reverse("studio:preview_course", kwargs={"slug": course.slug})).content.decode()
    assert "this is what trainees see" in page
    assert lessons[0].title in page
    assert lessons[1].title not in page
    url = reverse("studio:preview_lesson", kwargs={"slug": course.slug, "lesson_id": lessons[0].pk})
    lesson_page = trainer_client.get(url).content.decode()
    assert "<strong>upstream</strong>" in lesson_page
    assert "Checklist" in lesson_page
    archived = reverse("studio:preview_lesson", kwargs={"slug": course.slug, "lesson_id": lessons[1].pk})
    assert trainer_client.get(archived).status_code == 302
