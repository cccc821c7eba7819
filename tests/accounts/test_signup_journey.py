"""The trainee's whole journey through the test client, as a newcomer would take it."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Profile, User
from learning.models import Enrolment, EnrolmentStatus
from tests.factories import course_with_lessons

SIGNUP = {
    "email": "sophea@example.org",
    "password1": "a-long-and-unusual-passphrase",
    "password2": "a-long-and-unusual-passphrase",
    "full_name": "សុភ័ក្ត្រ ស្រីមុំ",
    "latin_name": "Sopheak Sreymom",
    "country": "KH",
    "sex": "female",
    "age_band": "25_34",
    "organisation_name": "Battambang women's savings group",
    "preferred_language": "en",
}


@pytest.mark.django_db
def test_sign_up_verify_enrol_and_complete_every_lesson(client):
    course = course_with_lessons(modules=2, lessons_per_module=2, title="Community climate adaptation")

    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="sophea@example.org")
    assert user.profile.full_name == "សុភ័ក្ត្រ ស្រីមុំ"
    assert user.profile.country == "KH"

    # Email verification is mandatory: not signed in until the link in the email is followed.
    assert client.get(reverse("learning:dashboard")).status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", mail.outbox[0].body).group(1)
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    assert client.get(reverse("learning:dashboard")).status_code == 200

    response = client.post(reverse("learning:enrol", kwargs={"slug": course.slug}), follow=True)
    assert "You are enrolled" in response.content.decode()
    enrolment = Enrolment.objects.get(trainee=user, course=course)

    lessons = [lesson for module in course.modules.order_by("position") for lesson in module.lessons.all()]
    for lesson in lessons:
        assert client.get(lesson.get_absolute_url()).status_code == 200
        client.post(reverse("learning:complete_lesson", kwargs={"slug": course.slug, "lesson_id": lesson.pk}))

    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.completed_at is not None
    page = client.get(reverse("learning:dashboard")).content.decode()
    assert "Completed" in page
    assert course.title in page


@pytest.mark.django_db
def test_sign_up_with_missing_profile_fields_keeps_what_was_typed_and_creates_nothing(client):
    data = {**SIGNUP, "full_name": "", "country": "ZZ"}
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please enter your name." in page or "This field is required." in page
    assert "Select a valid choice" in page
    assert 'value="sophea@example.org"' in page  # nothing typed is lost
    assert not User.objects.filter(email="sophea@example.org").exists()
    assert not Profile.objects.exists()


@pytest.mark.django_db
def test_minor_cannot_sign_up_without_guardian_consent(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "age_band": "under_18"})
    assert response.status_code == 200
    assert "parent" in response.content.decode()
    assert not User.objects.exists()

    response = client.post(
        reverse("account_signup"), {**SIGNUP, "age_band": "under_18", "guardian_consent": "on"}
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user__email="sophea@example.org")
    assert profile.guardian_consent is True
    assert profile.guardian_consent_at is not None
