"""An iCalendar (RFC 5545) feed of a cohort's sessions, written by hand: the format is small and a library
would be a dependency for forty lines.

What RFC 5545 asks and where it is done: lines end with CRLF (3.1); content lines longer than 75 octets are
folded with CRLF and one space, never inside a UTF-8 sequence (3.1); TEXT values escape backslash, semicolon,
comma and newlines (3.3.11); every VEVENT has a UID (a UUID that never changes) and a DTSTAMP (3.8.7.2);
times are UTC ("Z" form, 3.3.5). SEQUENCE goes up whenever a session changes, and a cancelled session stays
in the feed with STATUS:CANCELLED so that calendars remove it.
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from learning.models import Cohort, CohortSession

PRODID = "-//Mekong Climate Training//Cohort sessions//EN"


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets (the first) and 74 plus the leading space."""
    pieces, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(*, cohort: Cohort, sessions: Iterable[CohortSession], host: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(cohort.name)}",
    ]
    for session in sessions:
        description = [cohort.course.title]
        if session.module_id:
            description.append(session.module.title)
        if session.online_url:
            description.append(session.online_url)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{session.uid}@{host}",
            f"DTSTAMP:{utc(session.updated_at)}",
            f"DTSTART:{utc(session.starts_at)}",
            f"DTEND:{utc(session.ends_at)}",
            f"SEQUENCE:{session.sequence}",
            f"SUMMARY:{escape_text(session.title)}",
            f"DESCRIPTION:{escape_text(chr(10).join(description))}",
            f"STATUS:{'CANCELLED' if session.is_cancelled else 'CONFIRMED'}",
        ]
        location = session.place or session.online_url
        if location:
            lines.append(f"LOCATION:{escape_text(location)}")
        if session.online_url:
            lines.append(f"URL:{session.online_url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
