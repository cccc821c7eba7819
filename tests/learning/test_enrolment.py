from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from courses.models import CourseStatus
from learning import services
from learning.models import Enrolment, EnrolmentStatus, LessonProgress
from tests.factories import EnrolmentFactory, UserFactory, course_with_lessons


def enrol(client, course):
    return client.post(reverse("learning:enrol", kwargs={"slug": course.slug}), follow=True)


@pytest.mark.django_db
def test_enrolling_twice_says_so_and_keeps_one_enrolment(trainee_client, trainee):
    course = course_with_lessons()
    enrol(trainee_client, course)
    response = enrol(trainee_client, course)
    assert "already enrolled" in response.content.decode()
    assert Enrolment.objects.filter(trainee=trainee, course=course).count() == 1


@pytest.mark.django_db
def test_database_forbids_a_second_enrolment():
    enrolment = EnrolmentFactory()
    with pytest.raises(IntegrityError):
        Enrolment.objects.create(trainee=enrolment.trainee, course=enrolment.course)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (timedelta(days=3), None, "opens on"),
        (None, timedelta(days=-1), "has closed"),
    ],
)
def test_enrolling_outside_the_window_is_refused(trainee_client, trainee, opens, closes, message):
    now = timezone.now()
    course = course_with_lessons(
        enrolment_opens_at=now + opens if opens else None,
        enrolment_closes_at=now + closes if closes else None,
    )
    response = enrol(trainee_client, course)
    assert message in response.content.decode()
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_draft_course_cannot_be_opened_or_enrolled(trainee_client):
    course = course_with_lessons(status=CourseStatus.DRAFT)
    assert trainee_client.get(course.get_absolute_url()).status_code == 404
    assert trainee_client.post(reverse("learning:enrol", kwargs={"slug": course.slug})).status_code == 404
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_account_without_profile_is_asked_to_complete_it_first(client):
    user = UserFactory()
    client.force_login(user)
    course = course_with_lessons()
    response = client.post(reverse("learning:enrol", kwargs={"slug": course.slug}))
    assert response["Location"].startswith(reverse("accounts:profile"))
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_unenrol_then_re_enrol_keeps_progress(trainee_client, trainee):
    course = course_with_lessons(lessons_per_module=3)
    enrol(trainee_client, course)
    enrolment = Enrolment.objects.get()
    first = course.modules.get().lessons.order_by("position").first()
    services.complete_lesson(enrolment=enrolment, lesson=first)

    response = trainee_client.post(reverse("learning:unenrol", kwargs={"slug": course.slug}), follow=True)
    assert "progress is kept" in response.content.decode()
    assert Enrolment.objects.get().status == EnrolmentStatus.WITHDRAWN
    assert trainee_client.get(first.get_absolute_url()).status_code == 403

    enrol(trainee_client, course)
    assert Enrolment.objects.get().status == EnrolmentStatus.ACTIVE
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1


@pytest.mark.django_db
def test_completed_course_cannot_be_left(trainee_client, trainee):
    course = course_with_lessons(lessons_per_module=1)
    enrol(trainee_client, course)
    enrolment = Enrolment.objects.get()
    services.complete_lesson(enrolment=enrolment, lesson=course.modules.get().lessons.get())
    response = trainee_client.post(reverse("learning:unenrol", kwargs={"slug": course.slug}), follow=True)
    assert "stays on your record" in response.content.decode()
    assert Enrolment.objects.get().status == EnrolmentStatus.COMPLETED


@pytest.mark.django_db
def test_optional_lessons_are_not_needed_for_completion_and_completion_is_signalled_once():
    from learning.signals import course_completed

    course = course_with_lessons(lessons_per_module=2)
    required, optional = course.modules.get().lessons.order_by("position")
    optional.is_required = False
    optional.save()
    enrolment = EnrolmentFactory(course=course)
    received = []

    def receiver(sender, enrolment, **kwargs):
        received.append(enrolment.pk)

    course_completed.connect(receiver)
    try:
        assert services.complete_lesson(enrolment=enrolment, lesson=required) is True
        assert services.complete_lesson(enrolment=enrolment, lesson=required) is False
        assert services.complete_lesson(enrolment=enrolment, lesson=optional) is False
    finally:
        course_completed.disconnect(receiver)
    assert received == [enrolment.pk]
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


@pytest.mark.django_db
def test_marking_a_lesson_complete_moves_to_the_next_and_dashboard_offers_to_continue(
    trainee_client, trainee
):
    course = course_with_lessons(lessons_per_module=3)
    enrol(trainee_client, course)
    first, second, _third = course.modules.get().lessons.order_by("position")
    trainee_client.get(first.get_absolute_url())
    response = trainee_client.post(
        reverse("learning:complete_lesson", kwargs={"slug": course.slug, "lesson_id": first.pk})
    )
    assert response["Location"] == second.get_absolute_url()
    trainee_client.get(second.get_absolute_url())
    page = trainee_client.get(reverse("learning:dashboard")).content.decode()
    assert "Continue where you left off" in page
    assert second.get_absolute_url() in page
    assert "1 of 3 required lessons done" in page


@pytest.mark.django_db
def test_dashboard_leaves_archived_lessons_out_of_progress_and_of_continue(trainee_client, trainee):
    course = course_with_lessons(lessons_per_module=3)
    enrol(trainee_client, course)
    first, second, third = course.modules.get().lessons.order_by("position")
    trainee_client.post(
        reverse("learning:complete_lesson", kwargs={"slug": course.slug, "lesson_id": first.pk})
    )
    trainee_client.get(second.get_absolute_url())  # the lesson to continue from
    second.archived_at = timezone.now()
    second.save(update_fields=["archived_at"])
    page = trainee_client.get(reverse("learning:dashboard")).content.decode()
    assert "1 of 2 required lessons done" in page
    assert second.get_absolute_url() not in page  # it answers 404 now
    assert third.get_absolute_url() in page


@pytest.mark.django_db
def test_trainees_see_a_video_as_a_link_with_a_thumbnail_like_the_studio_preview(trainee_client, trainee):
    course = course_with_lessons(lessons_per_module=1)
    lesson = course.modules.get().lessons.get()
    lesson.video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    lesson.save()
    EnrolmentFactory(trainee=trainee, course=course)
    page = trainee_client.get(lesson.get_absolute_url()).content.decode()
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in page
    assert 'src="https://i.ytimg.com/vi/dQw4w9WgXcQ/mqdefault.jpg"' in page
    assert 'loading="lazy"' in page
    assert "<iframe" not in page
    assert "autoplay" not in page
