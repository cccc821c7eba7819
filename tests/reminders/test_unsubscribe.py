"""One-click unsubscribe with a signed token, without signing in; bad tokens change nothing."""

import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from reminders import tokens
from reminders.models import EmailMode, Kind, NotificationPreference, OptOut
from tests.reminders.factories import MONDAY_MORNING, enrol, person, run

pytestmark = pytest.mark.django_db


def url_for(user, kind) -> str:
    return reverse("reminders:unsubscribe", args=[tokens.make_token(user_id=user.pk, kind=kind)])


def test_link_from_the_email_works_without_signing_in(client):
    enrolment = enrol(at=MONDAY_MORNING, last_activity=MONDAY_MORNING)
    run(MONDAY_MORNING)
    link = (
        mail.outbox[0]
        .extra_headers["List-Unsubscribe"]
        .strip("<>")
        .removeprefix("https://training.example.org")
    )
    page = client.get(link)
    assert page.status_code == 200
    assert not OptOut.objects.exists()  # looking at the page (or a mail scanner following it) changes nothing
    done = client.post(link)
    assert done.status_code == 200
    assert b"You are unsubscribed" in done.content
    assert OptOut.objects.filter(user=enrolment.trainee, kind=Kind.WELCOME, via_link=True).exists()


def test_mail_client_one_click_post(client):
    user = person()
    response = client.post(
        url_for(user, Kind.INACTIVITY),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert OptOut.objects.filter(user=user, kind=Kind.INACTIVITY).exists()
    client.post(url_for(user, Kind.INACTIVITY))  # twice is fine
    assert OptOut.objects.filter(user=user).count() == 1


def test_unsubscribe_from_all_emails_keeps_in_app_notifications(client):
    user = person()
    assert client.post(url_for(user, tokens.ALL)).status_code == 200
    assert NotificationPreference.objects.get(user=user).email_mode == EmailMode.NONE
    assert not OptOut.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_token_is_refused(client, method):
    user, victim = person(), person()
    token = tokens.make_token(user_id=user.pk, kind=Kind.WELCOME)
    __, rest = token.split(":", 1)
    forged = signing.b64_encode(b'{"u":%d,"k":"welcome"}' % victim.pk).decode() + ":" + rest
    for bad in (forged, token[:-2] + "xx", "not-a-token"):
        response = getattr(client, method)(reverse("reminders:unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert b"not valid" in response.content
    assert not OptOut.objects.exists()


def test_expired_token_is_refused(client, monkeypatch):
    user = person()
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - tokens.MAX_AGE - 60)
    old = url_for(user, Kind.WELCOME)
    monkeypatch.setattr(signing.time, "time", real_time)
    assert client.post(old).status_code == 400
    assert not OptOut.objects.exists()


def test_token_for_a_deleted_user(client):
    user = person()
    link = url_for(user, Kind.WELCOME)
    user.delete()
    assert client.post(link).status_code == 400
