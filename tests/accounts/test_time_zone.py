"""Pages show times in the reader's zone: their chosen one, else their country's, else UTC+7."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from accounts import services
from accounts.timezones import offset_label
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db


def zone_of_request(client) -> str:
    return client.get(reverse("reminders:list")).wsgi_request.time_zone


def test_visitors_read_the_regions_time():
    from django.test import Client

    assert Client().get("/").wsgi_request.time_zone == "Asia/Bangkok"


@pytest.mark.parametrize(
    ("country", "zone"), [("CN", "Asia/Shanghai"), ("MM", "Asia/Yangon"), ("LA", "Asia/Vientiane")]
)
def test_a_trainee_reads_their_countrys_time(client, country, zone):
    client.force_login(TraineeFactory(profile__country=country))
    assert zone_of_request(client) == zone


def test_a_chosen_zone_wins_and_applies_from_the_next_page(client):
    trainee = TraineeFactory(profile__country="VN")
    client.force_login(trainee)
    assert zone_of_request(client) == "Asia/Ho_Chi_Minh"
    response = client.post(
        reverse("reminders:settings"),
        {"email_mode": "each", "time_zone": "Europe/Berlin", "enabled_kinds": []},
    )
    assert response.status_code == 302
    assert zone_of_request(client) == "Europe/Berlin"


def test_changing_country_on_the_profile_changes_the_zone(client):
    trainee = TraineeFactory(profile__country="VN")
    client.force_login(trainee)
    assert zone_of_request(client) == "Asia/Ho_Chi_Minh"
    profile = trainee.profile
    data = {name: getattr(profile, name) for name in services.PROFILE_FIELDS}
    data = {name: value for name, value in data.items() if value not in (None, False)}
    data["country"] = "CN"
    response = client.post(reverse("accounts:profile"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert zone_of_request(client) == "Asia/Shanghai"


def test_a_post_time_is_shown_in_the_readers_zone(client):
    from tests.community.factories import PostFactory

    post = PostFactory()
    type(post).objects.filter(pk=post.pk).update(created_at=datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    thread = post.thread
    reader = TraineeFactory(profile__country="CN")
    from learning.models import Enrolment

    Enrolment.objects.create(trainee=reader, course=thread.course)
    client.force_login(reader)
    body = client.get(thread.get_absolute_url()).content.decode()
    assert "2 Mar 2026, 07:30" in body  # 23:30 UTC is 07:30 the next morning in Kunming


def test_offset_labels_read_in_every_script():
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    assert offset_label(moment, "Asia/Yangon") == "UTC+6:30"
    assert offset_label(moment, "Asia/Bangkok") == "UTC+7"
    assert offset_label(moment, "UTC") == "UTC"
    assert offset_label(moment, "America/New_York") == "UTC-5"
