"""Signed unsubscribe tokens: who and which kind, tamper-proof, expiring, usable without signing in."""

from dataclasses import dataclass

from django.core import signing

SALT = "reminders.unsubscribe"
MAX_AGE = 60 * 60 * 24 * 90  # 90 days: long enough for an old email, short enough to limit a leaked link
ALL = "all"  # every reminder email (the person keeps the in-app notifications)


@dataclass(frozen=True)
class Unsubscribe:
    user_id: int
    kind: str


def make_token(*, user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=SALT, compress=True)


def read_token(token: str, *, max_age: int = MAX_AGE) -> Unsubscribe | None:
    """The token's content, or None when it was tampered with, is malformed or has expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
        return Unsubscribe(user_id=int(data["u"]), kind=str(data["k"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
