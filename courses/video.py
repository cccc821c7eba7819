"""Videos are links, never embedded players: a thumbnail and a link spare trainees on slow connections.

Only YouTube thumbnails are known (their host is allowed by the Content-Security-Policy img-src); any other
video site gets a plain link.
"""

import re
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def youtube_id(url: str) -> str | None:
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parts.path.strip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parts.path.split("/")[2]
    return candidate if candidate and YOUTUBE_ID.match(candidate) else None


def thumbnail_url(url: str) -> str | None:
    """A small (320x180) still image for the video, or None when the site is not known."""
    video = youtube_id(url)
    return f"https://i.ytimg.com/vi/{video}/mqdefault.jpg" if video else None
