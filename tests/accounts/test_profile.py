import pytest
from django.db import IntegrityError
from django.urls import reverse

from accounts.models import AgeBand, Profile, User
from tests.factories import ProfileFactory, UserFactory


@pytest.mark.django_db
def test_user_without_profile_is_sent_to_complete_it_and_can(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Complete your profile" in page
    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "王芳",
            "country": "CN",
            "sex": "female",
            "age_band": "35_49",
            "preferred_language": "zh-hans",
        },
    )
    assert response.status_code == 302
    assert Profile.objects.get(user=user).full_name == "王芳"


@pytest.mark.django_db
def test_invalid_profile_edit_shows_errors_and_changes_nothing(trainee_client, trainee):
    before = Profile.objects.get(user=trainee)
    response = trainee_client.post(
        reverse("accounts:profile"),
        {
            "full_name": "   ",
            "country": "Atlantis",
            "sex": "female",
            "age_band": "99",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please enter your name." in page or "This field is required." in page
    assert page.count("Select a valid choice") == 2
    after = Profile.objects.get(user=trainee)
    assert (after.full_name, after.country, after.age_band) == (
        before.full_name,
        before.country,
        before.age_band,
    )


@pytest.mark.django_db
def test_adult_profile_keeps_no_consent_data(trainee_client, trainee):
    trainee_client.post(
        reverse("accounts:profile"),
        {"full_name": "Somchai", "country": "TH", "sex": "male", "age_band": "25_34",
         "guardian_consent": "on", "preferred_language": "th"},
    )  # fmt: skip
    profile = Profile.objects.get(user=trainee)
    assert profile.guardian_consent is False
    assert profile.guardian_consent_at is None


@pytest.mark.django_db
def test_database_refuses_a_minor_without_consent():
    with pytest.raises(IntegrityError):
        ProfileFactory(age_band=AgeBand.UNDER_18, guardian_consent=False)


@pytest.mark.django_db
def test_language_switcher_works_for_visitors_and_remembers_the_choice_for_members(client, trainee):
    response = client.post(reverse("accounts:switch_language"), {"language": "th", "next": "/courses/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "th"

    client.force_login(trainee)
    client.post(reverse("accounts:switch_language"), {"language": "km", "next": "/courses/"})
    trainee.profile.refresh_from_db()
    assert trainee.profile.preferred_language == "km"


@pytest.mark.django_db
def test_profile_language_is_used_when_no_language_was_picked(client, trainee):
    Profile.objects.filter(user=trainee).update(preferred_language="vi")
    client.force_login(User.objects.get(pk=trainee.pk))
    response = client.get(reverse("courses:catalogue"))
    assert response.wsgi_request.LANGUAGE_CODE == "vi"
    assert '<html lang="vi">' in response.content.decode()
