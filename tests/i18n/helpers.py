"""Helpers for language tests, shared with the apps that send mail or print certificates.

``SCRIPTS`` maps each platform language to a Unicode range its text must contain, so a test can check that an
email, a PDF's metadata or a page is really in Khmer (say) without hard-coding one translation that a
reviewer may later improve. Use them from reminders/certificates tests, e.g.::

    user = trainee_speaking("km")
    send_reminder(user)
    assert_written_in(mail.outbox[0].subject, "km")
"""

import re

from tests.factories import ProfileFactory, TraineeFactory

SCRIPTS = {
    "km": re.compile("[\u1780-\u17ff]"),
    "lo": re.compile("[\u0e80-\u0eff]"),
    "my": re.compile("[\u1000-\u109f]"),
    "th": re.compile("[\u0e00-\u0e7f]"),
    "zh-hans": re.compile("[\u4e00-\u9fff]"),
    # Vietnamese is Latin with its own diacritics (ơ, ư, đ, ạ, ầ ...).
    "vi": re.compile("[ơưđĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]"),
}
LANGUAGES = ["en", "zh-hans", "my", "lo", "th", "km", "vi"]


def trainee_speaking(language: str, **profile_fields):
    """A trainee whose profile's preferred language is ``language`` (signed-in pages follow it)."""
    user = TraineeFactory(profile=None)
    ProfileFactory(user=user, preferred_language=language, **profile_fields)
    return user


def is_written_in(text: str, language: str) -> bool:
    if language == "en":
        return not any(pattern.search(text) for pattern in SCRIPTS.values())
    return bool(SCRIPTS[language].search(text))


def assert_written_in(text: str, language: str) -> None:
    assert is_written_in(text, language), f"expected {language} text, got: {text[:200]!r}"
