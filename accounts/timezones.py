"""Local time: every page shows times in the reader's zone, and a cohort's sessions in the zone of its place.

A person's zone is the one they chose on the notification settings page, else their country's: China UTC+8,
Myanmar UTC+6:30, the other Mekong countries UTC+7. Visitors and people without a profile get UTC+7, where
most of the region lives. The database stores UTC throughout (USE_TZ); only display and form input change.
"""

import zoneinfo
from datetime import datetime
from functools import cache

from django.utils import timezone

SESSION_KEY = "profile_time_zone"

COUNTRY_ZONES = {
    "CN": "Asia/Shanghai",
    "MM": "Asia/Yangon",
    "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh",
    "KH": "Asia/Phnom_Penh",
    "LA": "Asia/Vientiane",
}
DEFAULT_ZONE = "Asia/Bangkok"


@cache
def zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def zone_name_for(*, time_zone: str | None = None, country: str | None = None) -> str:
    """The chosen zone if any, else the country's, else the region's default."""
    return time_zone or COUNTRY_ZONES.get(country or "", DEFAULT_ZONE)


def offset_label(moment: datetime, zone_name: str) -> str:
    """'UTC+7', 'UTC+6:30', 'UTC': readable in every script, unlike zone abbreviations."""
    offset = moment.astimezone(zone(zone_name)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_name_of_user(user) -> str:
    """Read from the database: the person's notification preference and profile country (one query)."""
    from accounts.models import User  # the middleware imports this module before apps are ready

    row = (
        User.objects.filter(pk=user.pk)
        .values("notification_preference__time_zone", "profile__country")
        .first()
    )
    if row is None:
        return DEFAULT_ZONE
    return zone_name_for(time_zone=row["notification_preference__time_zone"], country=row["profile__country"])


def remember_time_zone(request, user) -> None:
    """Keep the person's zone in the session; call again whenever the preference or the country changes."""
    if hasattr(request, "session"):
        request.session[SESSION_KEY] = zone_name_of_user(user)


def remember_time_zone_at_login(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_in."""
    remember_time_zone(request, user)


class TimezoneMiddleware:
    """Activate the reader's zone for the request; the zone is read from the database once per session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        name = DEFAULT_ZONE
        if user is not None and user.is_authenticated:
            name = request.session.get(SESSION_KEY)
            if name is None:
                remember_time_zone(request, user)
                name = request.session[SESSION_KEY]
        try:
            active = zone(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            active = zone(DEFAULT_ZONE)
        request.time_zone = active.key
        with timezone.override(active):
            return self.get_response(request)
