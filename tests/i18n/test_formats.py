"""Dates and numbers in each language's own format; Buddhist-era years for Thai readers who ask for them."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import formats, timezone, translation

from accounts.templatetags.l10n_dates import format_date
from tests.factories import EnrolmentFactory, course_with_lessons
from tests.i18n.helpers import trainee_speaking

DAY = datetime.date(2026, 1, 5)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Jan. 5, 2026"),
        ("zh-hans", "2026年1月5日"),
        ("my", "5 ဇန်နဝါရီ 2026"),
        ("lo", "5 ມັງກອນ 2026"),
        ("th", "5 มกราคม 2026"),
        ("km", "5 ខែ មករា ឆ្នាំ 2026"),
        ("vi", "Ngày 05 tháng 1 năm 2026"),
    ],
)
def test_date_format_per_language(language, expected):
    with translation.override(language):
        assert formats.date_format(DAY, "DATE_FORMAT") == expected
        assert Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": DAY})) == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "12,345.5"), ("lo", "12.345,5"), ("my", "12,345.5")]
)
def test_number_format_per_language(language, expected):
    with translation.override(language):
        assert formats.number_format(12345.5, 1, force_grouping=True) == expected


def test_buddhist_era_adds_543_years_only_for_thai():
    with translation.override("th"):
        assert format_date(DAY, buddhist_era=True) == "5 มกราคม 2569"
        assert format_date(DAY, "SHORT_DATE_FORMAT", buddhist_era=True).endswith("2569")
        assert format_date(DAY) == "5 มกราคม 2026"
    with translation.override("lo"):
        assert format_date(DAY, buddhist_era=True) == "5 ມັງກອນ 2026"


def test_aware_datetimes_are_shown_in_local_time(settings):
    settings.TIME_ZONE = "Asia/Bangkok"
    moment = datetime.datetime(2025, 12, 31, 20, 0, tzinfo=datetime.UTC)  # 1 January 03:00 in Bangkok
    with timezone.override("Asia/Bangkok"), translation.override("th"):
        assert format_date(moment, buddhist_era=True) == "1 มกราคม 2569"


@pytest.mark.django_db
def test_local_date_tag_follows_the_profile_preference():
    trainee = trainee_speaking("th", buddhist_era=True)
    request = RequestFactory().get("/")
    request.user = trainee
    request.session = {}
    template = Template("{% load l10n_dates %}{% local_date day %}")
    with translation.override("th"):
        assert template.render(Context({"day": DAY, "request": request})) == "5 มกราคม 2569"
    assert request.session["profile_buddhist_era"] is True
    other = trainee_speaking("th")
    request = RequestFactory().get("/")
    request.user = other
    request.session = {}
    with translation.override("th"):
        assert template.render(Context({"day": DAY, "request": request})) == "5 มกราคม 2026"


@pytest.mark.django_db
def test_thai_trainee_with_buddhist_era_sees_it_on_the_dashboard(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    trainee = trainee_speaking("th", buddhist_era=True)
    course = course_with_lessons(modules=1, lessons_per_module=1)
    EnrolmentFactory(
        trainee=trainee,
        course=course,
        status="completed",
        completed_at=datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC),
    )
    client.post(
        reverse("account_login"), {"login": trainee.email, "password": "correct-horse-battery-staple"}
    )
    html = client.get(reverse("learning:dashboard")).content.decode()
    assert "2 มีนาคม 2569" in html


@pytest.mark.django_db
def test_profile_page_saves_the_buddhist_era_preference(client):
    trainee = trainee_speaking("th")
    client.force_login(trainee)
    profile = trainee.profile
    data = {
        "full_name": profile.full_name,
        "country": "TH",
        "sex": profile.sex,
        "age_band": profile.age_band,
        "preferred_language": "th",
        "buddhist_era": "on",
    }
    assert client.post(reverse("accounts:profile"), data).status_code == 302
    profile.refresh_from_db()
    assert profile.buddhist_era is True
    assert client.session["profile_buddhist_era"] is True
