"""Local time: reminders go out only in a daytime window of the recipient's time zone.

A person's own choice (NotificationPreference.time_zone) wins; otherwise the zone follows the profile's
country: China UTC+8, Myanmar UTC+6:30, the other Mekong countries UTC+7. The dispatcher turns "whose local
time is inside the window now" into a SQL condition, so selecting due reminders needs no per-person query.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Q

from accounts import timezones as accounts_timezones

# The zones themselves are the accounts app's (pages show times in them too); reminders add the window.
COUNTRY_ZONES = accounts_timezones.COUNTRY_ZONES
DEFAULT_ZONE = accounts_timezones.DEFAULT_ZONE

# Offered on the settings page; any valid IANA name is accepted by the model.
CHOICES = [
    "Asia/Shanghai",
    "Asia/Yangon",
    "Asia/Bangkok",
    "Asia/Ho_Chi_Minh",
    "Asia/Phnom_Penh",
    "Asia/Vientiane",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "UTC",
]


def window() -> tuple[int, int]:
    """Local hours [start, end): 08:00 to 20:00 unless REMINDERS_WINDOW = (start, end) is set."""
    return tuple(getattr(settings, "REMINDERS_WINDOW", (8, 20)))


zone = accounts_timezones.zone
zone_name_for = accounts_timezones.zone_name_for


def local(now: datetime, zone_name: str) -> datetime:
    return now.astimezone(zone(zone_name))


def is_daytime(now: datetime, zone_name: str) -> bool:
    start, end = window()
    return start <= local(now, zone_name).hour < end


def next_daytime(now: datetime, zone_name: str) -> datetime:
    """`now` if it is daytime there, else the next start of the window (as an aware datetime)."""
    if is_daytime(now, zone_name):
        return now
    start, _ = window()
    here = local(now, zone_name)
    day = here.date() if here.hour < start else here.date() + timedelta(days=1)
    return datetime.combine(day, time(start), tzinfo=zone(zone_name))


def daytime_q(now: datetime, *, chosen_zones: set[str], tz_field: str, country_field: str) -> Q:
    """SQL condition: the person's local time is inside the window at `now`.

    `chosen_zones` are the zones people picked themselves (one query per run: SELECT DISTINCT time_zone).
    """
    open_chosen = [name for name in chosen_zones if is_daytime(now, name)]
    open_countries = [code for code, name in COUNTRY_ZONES.items() if is_daytime(now, name)]
    no_choice = Q(**{f"{tz_field}__isnull": True}) | Q(**{tz_field: ""})
    by_country = Q(**{f"{country_field}__in": open_countries})
    if is_daytime(now, DEFAULT_ZONE):
        # Other countries and people without a profile follow the default zone.
        by_country |= ~Q(**{f"{country_field}__in": list(COUNTRY_ZONES)}) | Q(
            **{f"{country_field}__isnull": True}
        )
    return Q(**{f"{tz_field}__in": open_chosen}) | (no_choice & by_country)
