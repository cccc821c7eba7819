"""Reminder emails: rendered once per group of alike messages, then filled in for each person.

A message's text depends on what it is about (the kind, the course or discussion post, the stage, the end
date), on the recipient's language and time zone, and on two things of the person's own: their name and
their signed unsubscribe link. Everything but those two is the same for, say, every Vietnamese trainee of
one course getting the second nudge. So the templates are rendered once per *group* (kind, what it is
about, language, zone) with unique placeholders where the name and the link go, and the placeholders are
then replaced per person: raw in the subject and plain text, HTML-escaped in the HTML.

The MIME message is built the same way: Django builds it once per group (placeholders for the recipient's
address, the name, the link, Date and Message-ID), and each person's message is that skeleton with the
placeholders replaced. The skeleton is only used when every placeholder is found verbatim where it was put
(the parts are 7bit/8bit, not quoted-printable or base64, and no template changed a placeholder with a
filter); otherwise, and for unusual addresses or values, Django builds the whole message as usual.

Templates may print `name` and `unsubscribe_url` but must not pass them through filters or compare them:
they hold placeholders while the group is rendered.
"""

import re
import secrets
from dataclasses import dataclass, field
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape

from reminders import timezones

_MARK = f"rmdph{secrets.token_hex(6)}"  # unlikely in any real text; alphanumeric, so escaping keeps it
NAME_TEXT, NAME_HTML = f"{_MARK}nt", f"{_MARK}nh"
UNSUBSCRIBE_TEXT, UNSUBSCRIBE_HTML = f"{_MARK}ut", f"{_MARK}uh"
TO = f"{_MARK}to@placeholder.invalid"
DATE = f"{_MARK}date"
MESSAGE_ID = f"<{_MARK}id@placeholder.invalid>"

# A recipient address the skeleton takes as it is (what Django's sanitize_address leaves unchanged).
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")
_LONGEST_VALUE = 300  # longer personal values could push a body line past SMTP's 998 characters
_CTE = re.compile(rb"^Content-Transfer-Encoding: (7bit|8bit)\r$", re.MULTILINE)
_BOUNDARY = re.compile(rb'boundary="([^"]+)"')


@dataclass(frozen=True)
class Draft:
    """One group's texts, with placeholders for the personal values (see the module docstring)."""

    subject: str
    summary: str
    text: str = ""
    html: str = ""
    # False when a template changed a placeholder (a filter on `name`): each person is rendered in full.
    shareable: bool = True


@dataclass
class Rendered:
    subject: str
    summary: str
    text: str = ""
    html: str = ""
    unsubscribe_url: str = ""
    skeleton: "Skeleton | None" = None
    personal: dict = field(default_factory=dict)


def render_texts(
    *, kind: str, context: dict, language: str, zone_name: str, personal: tuple[dict, dict], with_email: bool
) -> Draft:
    """The subject, in-app summary and (with_email) the plain-text and HTML bodies of one message.

    `personal` holds the name and unsubscribe link for the text templates and for the HTML template.
    """
    base = f"reminders/email/{kind}"
    text_values, html_values = personal
    text_context = {**context, **text_values}
    with translation.override(language), timezone.override(timezones.zone(zone_name)):
        subject = " ".join(render_to_string(f"{base}/subject.txt", text_context).split())
        summary = render_to_string(f"{base}/body.txt", text_context).strip()
        if not with_email:
            return Draft(subject, summary)
        shared = {"subject": subject, "body": summary, "language": translation.get_language()}
        text = render_to_string("reminders/email/layout.txt", {**text_context, **shared})
        html = render_to_string(f"{base}/body.html", {**context, **shared, **html_values})
    return Draft(subject, summary, text, html)


PLACEHOLDERS = (
    {"name": NAME_TEXT, "unsubscribe_url": UNSUBSCRIBE_TEXT},
    {"name": NAME_HTML, "unsubscribe_url": UNSUBSCRIBE_HTML},
)


def render_draft(*, kind: str, context: dict, language: str, zone_name: str, with_email: bool) -> Draft:
    """The group's texts with placeholders; `shareable` is False when a template altered one."""
    draft = render_texts(
        kind=kind,
        context=context,
        language=language,
        zone_name=zone_name,
        personal=PLACEHOLDERS,
        with_email=with_email,
    )
    placeholders = (NAME_TEXT, NAME_HTML, UNSUBSCRIBE_TEXT, UNSUBSCRIBE_HTML)
    for value in (draft.subject, draft.summary, draft.text, draft.html):
        if value.lower().count(_MARK) != sum(value.count(p) for p in placeholders):
            return Draft(draft.subject, draft.summary, draft.text, draft.html, shareable=False)
    return draft


def personalise(draft: Draft, *, name: str, unsubscribe_url: str) -> Rendered:
    html_name, html_url = escape(name), escape(unsubscribe_url)
    subject_name = " ".join(name.split())

    def text(value: str, person: str = name) -> str:
        return value.replace(NAME_TEXT, person).replace(UNSUBSCRIBE_TEXT, unsubscribe_url)

    return Rendered(
        subject=text(draft.subject, subject_name),
        summary=text(draft.summary),
        text=text(draft.text),
        html=draft.html.replace(NAME_HTML, html_name).replace(UNSUBSCRIBE_HTML, html_url),
        unsubscribe_url=unsubscribe_url,
        personal={"name": name, "unsubscribe_url": unsubscribe_url},
    )


def headers(*, kind: str, unsubscribe_url: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
        "X-Reminder-Kind": kind,
    }


class ReminderEmail(EmailMultiAlternatives):
    """An ordinary text + HTML email; when `prebuilt` is set, its MIME bytes were filled in from a skeleton
    and Django's SMTP backend sends them as they are instead of building the same message again."""

    prebuilt: bytes | None = None

    def message(self, *args, **kwargs):
        if self.prebuilt is None or args or kwargs:
            return super().message(*args, **kwargs)
        return _Prebuilt(self)


class _Prebuilt:
    """What the SMTP backend asks of message(): as_bytes with CRLF line ends; anything else builds it."""

    def __init__(self, email: ReminderEmail) -> None:
        self._email = email

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n", **kwargs) -> bytes:
        if linesep == "\r\n" and not unixfrom and not kwargs:
            return self._email.prebuilt
        return EmailMultiAlternatives.message(self._email).as_bytes(unixfrom, linesep=linesep, **kwargs)

    def __getattr__(self, name: str):
        return getattr(EmailMultiAlternatives.message(self._email), name)


@dataclass(frozen=True)
class Skeleton:
    raw: bytes
    boundary: bytes

    @classmethod
    def build(cls, *, kind: str, draft: Draft) -> "Skeleton | None":
        """The group's MIME message with placeholders, or None when they cannot be filled in safely."""
        if not draft.shareable or _MARK in draft.subject:
            return None  # an encoded Subject header cannot be filled in
        message = ReminderEmail(
            subject=draft.subject,
            body=draft.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[TO],
            headers={
                **headers(kind=kind, unsubscribe_url=UNSUBSCRIBE_TEXT),
                "Date": DATE,
                "Message-ID": MESSAGE_ID,
            },
        )
        message.attach_alternative(draft.html, "text/html")
        raw = EmailMultiAlternatives.message(message).as_bytes(linesep="\r\n")
        expected = {
            TO: 1,
            DATE: 1,
            MESSAGE_ID: 1,
            UNSUBSCRIBE_TEXT: 1 + draft.text.count(UNSUBSCRIBE_TEXT),
            UNSUBSCRIBE_HTML: draft.html.count(UNSUBSCRIBE_HTML),
            NAME_TEXT: draft.text.count(NAME_TEXT),
            NAME_HTML: draft.html.count(NAME_HTML),
        }
        found = {placeholder: raw.count(placeholder.encode()) for placeholder in expected}
        boundary = _BOUNDARY.search(raw)
        encodings = _CTE.findall(raw)
        if found != expected or raw.lower().count(_MARK.encode()) != sum(expected.values()):
            return None  # folded, encoded (quoted-printable, base64) or changed on the way
        if boundary is None or len(encodings) != 2:
            return None
        # 7bit parts may receive a name in another script: 8bit is right for both (Django's own choice
        # for non-ASCII text, sent as it is, like any message Django sends over SMTP).
        raw = _CTE.sub(b"Content-Transfer-Encoding: 8bit\r", raw)
        return cls(raw=raw, boundary=boundary.group(1))

    def fill(self, *, to: str, name: str, unsubscribe_url: str) -> bytes | None:
        """This person's message bytes, or None when their values need Django's full treatment."""
        if not _PLAIN_ADDRESS.fullmatch(to):
            return None
        values = (name, unsubscribe_url)
        if any(len(v) > _LONGEST_VALUE or "\r" in v or "\n" in v for v in values):
            return None
        encoded = [v.encode() for v in (name, escape(name), unsubscribe_url, escape(unsubscribe_url))]
        if any(self.boundary in value or _MARK.encode() in value for value in encoded):
            return None
        return (
            self.raw.replace(TO.encode(), to.encode())
            .replace(DATE.encode(), formatdate(localtime=settings.EMAIL_USE_LOCALTIME).encode())
            .replace(MESSAGE_ID.encode(), make_msgid(domain=DNS_NAME).encode())
            .replace(NAME_TEXT.encode(), encoded[0])
            .replace(NAME_HTML.encode(), encoded[1])
            .replace(UNSUBSCRIBE_TEXT.encode(), encoded[2])
            .replace(UNSUBSCRIBE_HTML.encode(), encoded[3])
        )


def build_message(*, kind: str, to: str, rendered: Rendered) -> ReminderEmail:
    message = ReminderEmail(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers(kind=kind, unsubscribe_url=rendered.unsubscribe_url),
    )
    message.attach_alternative(rendered.html, "text/html")
    if rendered.skeleton is not None:
        message.prebuilt = rendered.skeleton.fill(to=to, **rendered.personal)
    return message
