from django.urls import reverse

from tests.factories import EnrolmentFactory, course_with_lessons


def test_enrolled_trainee_reads_lesson(client, db):
    course = course_with_lessons()
    enrolment = EnrolmentFactory(course=course)
    client.force_login(enrolment.trainee)
    lesson = course.modules.first().lessons.first()
    response = client.get(lesson.get_absolute_url())
    assert response.status_code == 200
    assert "Mekong Delta" in response.content.decode()
    assert client.get(reverse("learning:dashboard")).status_code == 200
    assert client.get(reverse("courses:catalogue")).status_code == 200
    assert client.get(course.get_absolute_url()).status_code == 200
