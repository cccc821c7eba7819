"""Two-factor sign-in: coordinators and administrators must have it; everyone may have it."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.urls import reverse

from accounts.models import Role
from tests.factories import PASSWORD, CoordinatorFactory, TraineeFactory, UserFactory

pytestmark = pytest.mark.django_db


def current_code(secret: str) -> str:
    import time

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, user):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


@pytest.mark.django_db(transaction=True)  # allauth sends its signal and notice on commit, inside the request
def test_a_coordinator_without_a_second_factor_is_sent_to_set_it_up_and_then_gets_in(client, mailoutbox):
    coordinator = CoordinatorFactory(second_factor=False)
    sign_in(client, coordinator)
    dashboard = reverse("reports:dashboard")
    response = client.get(dashboard)
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    for elsewhere in (reverse("learning:dashboard"), "/admin/", reverse("courses:catalogue")):
        assert client.get(elsewhere).url == reverse("mfa_activate_totp")

    # Changing how one signs in asks for the password again first (allauth's reauthentication).
    ask = client.get(reverse("mfa_activate_totp"))
    assert ask.url.startswith(reverse("account_reauthenticate"))
    back = client.post(ask.url, {"password": PASSWORD})
    assert back.url == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "two-factor sign-in" in page.content.decode()
    secret = client.session[SECRET_SESSION_KEY]

    wrong = client.post(
        reverse("mfa_activate_totp"), {"code": "000000" if current_code(secret) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=coordinator).exists()
    assert client.get(dashboard).status_code == 302

    done = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert done.status_code == 302
    assert done.url == reverse("mfa_view_recovery_codes")  # recovery codes are shown next, to be kept safe
    assert Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists()
    assert client.get(dashboard).status_code == 200
    notice = [m for m in mailoutbox if coordinator.email in m.to]
    assert len(notice) == 1  # the owner is told that two-factor sign-in was switched on
    assert "Authenticator app activated." in notice[0].body


def test_signing_in_asks_a_coordinator_for_the_code_and_a_wrong_code_keeps_them_out(client):
    coordinator = CoordinatorFactory()
    response = sign_in(client, coordinator)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("reports:dashboard")).status_code == 302  # not signed in yet

    refused = client.post(reverse("mfa_authenticate"), {"code": "not-a-code"})
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session

    accepted = client.post(reverse("mfa_authenticate"), {"code": current_code(coordinator.totp_secret)})
    assert accepted.status_code == 302
    assert client.get(reverse("reports:dashboard")).status_code == 200


def test_trainees_and_trainers_are_not_made_to_set_it_up(client):
    trainee = TraineeFactory()
    assert not Authenticator.objects.filter(user=trainee).exists()
    response = sign_in(client, trainee)
    assert response.status_code == 302
    assert response.url != reverse("mfa_authenticate")
    assert client.get(reverse("learning:dashboard")).status_code == 200


def test_an_administrator_without_it_cannot_open_the_admin(client):
    admin = UserFactory(role=Role.ADMIN, is_staff=True, is_superuser=True, second_factor=False)
    client.force_login(admin)
    assert client.get("/admin/").url == reverse("mfa_activate_totp")


def test_the_admin_login_goes_through_the_platforms_sign_in(client):
    response = client.get("/admin/login/?next=/admin/accounts/user/")
    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=%2Fadmin%2Faccounts%2Fuser%2F"
    elsewhere = client.get("/admin/login/?next=https://evil.example/")
    assert elsewhere.url == reverse("account_login") + "?next=%2Fadmin%2F"
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 405


def test_the_requirement_can_be_switched_off_for_the_demo(client, settings):
    settings.MFA_REQUIRED = False
    client.force_login(CoordinatorFactory(second_factor=False))
    assert client.get(reverse("reports:dashboard")).status_code == 200


def test_the_owner_is_told_by_email_when_the_password_changes(client, mailoutbox):
    trainee = TraineeFactory()
    sign_in(client, trainee)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "a-new-long-passphrase-2026",
            "password2": "a-new-long-passphrase-2026",
        },
    )
    assert response.status_code == 302
    notices = [m for m in mailoutbox if trainee.email in m.to]
    assert len(notices) == 1
    assert "Your password has been changed." in notices[0].body
    assert "IP address" in notices[0].body
