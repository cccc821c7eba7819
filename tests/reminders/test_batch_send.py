"""Sending a batch over one SMTP connection: alike emails are rendered once, yet each is personal."""

import email
import email.policy
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Profile
from reminders import delivery, dispatch, emails, tasks, tokens
from reminders.models import Delivery, DeliveryStatus, Kind, Notification
from tests.factories import CourseFactory
from tests.reminders.factories import MONDAY_MORNING, enrol, send_all
from tests.reminders.smtp import smtp_sink

pytestmark = pytest.mark.django_db
NOW = MONDAY_MORNING
QUIET = NOW - timedelta(days=8)  # the first inactivity nudge is due


class Sink:
    """Keeps every message and counts connections; refuses RCPT for the addresses in `busy` (451)."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.busy: set[str] = set()
        self.connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.busy:
            return "451 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


@pytest.fixture
def sink(settings):
    with smtp_sink(settings, Sink()) as handler:
        yield handler


def parts(message) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def unsubscribe_link(message) -> str:
    return "".join(str(message["List-Unsubscribe"]).split()).strip("<>")


def test_one_refused_address_does_not_stop_the_batch_and_only_it_is_retried(sink, monkeypatch):
    course = CourseFactory()
    enrolments = [enrol(course=course, at=NOW - timedelta(days=20), last_activity=QUIET) for _ in range(5)]
    refused = enrolments[2].trainee.email
    sink.busy = {refused}
    dispatch.dispatch_due(now=NOW)
    requeued = []
    monkeypatch.setattr(  # the broker is outside the process: record what the task queues again
        tasks.send_deliveries, "apply_async", lambda args, countdown: requeued.append((args, countdown))
    )
    ids = list(Delivery.objects.order_by("pk").values_list("pk", flat=True))

    result = tasks.send_deliveries.run(ids)

    assert result == {"sent": 4, "skipped": 0, "retry": 1}
    assert sorted(m["To"] for m in sink.messages) == sorted(
        e.trainee.email for e in enrolments if e.trainee.email != refused
    )
    assert sink.connections == 1  # the refusal did not cost a new connection
    failed = Delivery.objects.get(recipient__email=refused)
    assert failed.status == DeliveryStatus.PENDING
    assert failed.not_before - failed.queued_at == timedelta(minutes=1)
    assert "SMTPRecipientsRefused" in failed.last_error
    assert requeued == [(([failed.pk],), 60.0)]
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 4

    sink.busy = set()
    retried = delivery.send_deliveries(delivery_ids=[failed.pk], now=failed.not_before)
    assert retried.sent == [failed.pk]
    assert [m["To"] for m in sink.messages].count(refused) == 1
    assert Notification.objects.filter(delivery=failed).count() == 1  # not written twice by the retry


def test_alike_emails_each_carry_their_own_name_link_and_language(sink, monkeypatch):
    course = CourseFactory(title="Flood <Resilience> & Cities")
    people = [
        ("vi", "VN", 'Lan "Mai" <b>&</b>'),
        ("vi", "VN", "Trần Văn Bình"),
        ("th", "TH", "สมชาย ใจดี"),
        ("en", "VN", "Nguyễn Thị Hương"),
        ("en", "VN", "Ann Lee"),
    ]
    enrolments = []
    for language, country, name in people:
        enrolment = enrol(
            course=course,
            at=NOW - timedelta(days=20),
            last_activity=QUIET,
            language=language,
            country=country,
        )
        Profile.objects.filter(user=enrolment.trainee).update(full_name=name)
        enrolments.append(enrolment)
    dispatch.dispatch_due(now=NOW)
    drafts, filled = [], []
    render_draft, fill = emails.render_draft, emails.Skeleton.fill
    monkeypatch.setattr(
        emails, "render_draft", lambda **kw: drafts.append(kw["language"]) or render_draft(**kw)
    )
    monkeypatch.setattr(
        emails.Skeleton, "fill", lambda self, **kw: filled.append(fill(self, **kw)) or filled[-1]
    )
    report = send_all(NOW)
    assert len(report.sent) == 5
    assert sorted(drafts) == ["en", "th", "vi"]  # rendered once per language of the group
    assert len(filled) == 5  # every message filled in from its group's skeleton
    assert all(filled)
    by_address = {m["To"]: m for m in sink.messages}
    for enrolment, (language, _, name) in zip(enrolments, people, strict=True):
        message = by_address[enrolment.trainee.email]
        text, html = parts(message)
        link = unsubscribe_link(message)
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        token = link.removeprefix("https://training.example.org/unsubscribe/").rstrip("/")
        assert tokens.read_token(token) == tokens.Unsubscribe(enrolment.trainee.pk, Kind.INACTIVITY)
        assert link in text
        assert f'href="{link}"' in html
        assert name in text  # plain text: as written
        assert emails.escape(name) in html  # HTML: escaped
        assert "<b>&</b>" not in html
        assert f'<html lang="{language}">' in html
        assert "Flood &lt;Resilience&gt; &amp; Cities" in html
        assert "Flood <Resilience> & Cities" in text
        assert emails.TO not in message.as_string()
    # Different people, different links; same group, same wording apart from name and link.
    assert len({unsubscribe_link(m) for m in sink.messages}) == 5
    english = [by_address[e.trainee.email] for e in enrolments[3:]]
    texts = [parts(m)[0].replace(unsubscribe_link(m), "LINK") for m in english]
    assert texts[0].replace("Nguyễn Thị Hương", "NAME") == texts[1].replace("Ann Lee", "NAME")
    assert len({m["Message-ID"] for m in sink.messages}) == 5
    # The in-app copies are personal too, in each person's language.
    for enrolment in enrolments:
        assert Notification.objects.get(recipient=enrolment.trainee).title


def test_filled_in_skeleton_equals_the_message_django_builds(settings):
    settings.DEFAULT_FROM_EMAIL = "Mekong Climate Training <noreply@example.org>"
    draft = emails.Draft(
        subject="Tiếp tục khóa học",
        summary="Tóm tắt",
        text=f"Xin chào {emails.NAME_TEXT},\n\nNội dung.\n{emails.UNSUBSCRIBE_TEXT}\n",
        html=f'<p>Hello {emails.NAME_HTML}</p><a href="{emails.UNSUBSCRIBE_HTML}">x</a>',
    )
    skeleton = emails.Skeleton.build(kind=Kind.INACTIVITY, draft=draft)
    assert skeleton is not None
    name, link = "Ann <& Lee>", "https://training.example.org/unsubscribe/abc:def/"
    rendered = emails.personalise(draft, name=name, unsubscribe_url=link)
    rendered.skeleton = skeleton
    message = emails.build_message(kind=Kind.INACTIVITY, to="ann@example.org", rendered=rendered)
    assert message.prebuilt is not None
    ours = email.message_from_bytes(message.message().as_bytes(linesep="\r\n"), policy=email.policy.default)
    django = email.message_from_bytes(
        mail.EmailMultiAlternatives.message(message).as_bytes(linesep="\r\n"), policy=email.policy.default
    )
    for header in ("Subject", "From", "To", "List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted"):
        assert ours[header] == django[header], header
    assert parts(ours) == parts(django)
    assert parts(ours)[0].replace("\r\n", "\n") == f"Xin chào {name},\n\nNội dung.\n{link}\n"
    assert "Ann &lt;&amp; Lee&gt;" in parts(ours)[1]


def test_unusual_address_gets_the_message_django_builds():
    draft = emails.Draft(subject="Hello", summary="s", text=f"Hi {emails.NAME_TEXT}\n", html="<p>Hi</p>")
    skeleton = emails.Skeleton.build(kind=Kind.WELCOME, draft=draft)
    rendered = emails.personalise(draft, name="Ann", unsubscribe_url="https://x.example/u/t/")
    rendered.skeleton = skeleton
    message = emails.build_message(kind=Kind.WELCOME, to="Ann Lee <ann@bücher.example>", rendered=rendered)
    assert message.prebuilt is None
    assert b"xn--bcher-kva.example" in message.message().as_bytes(linesep="\r\n")


def queries_to_send(added: int) -> tuple[int, int]:
    """Enrol `added` more quiet trainees, dispatch afresh and send: (messages sent, queries)."""
    course = CourseFactory()
    for _ in range(added):
        enrol(course=course, at=NOW - timedelta(days=20), last_activity=QUIET)
    Delivery.objects.all().delete()
    dispatch.dispatch_due(now=NOW)
    with CaptureQueriesContext(connection) as ctx:
        report = send_all(NOW)
    assert not Delivery.objects.exclude(status=DeliveryStatus.SENT).exists()
    return len(report.sent), len(ctx)


def test_sent_marks_are_written_in_groups_not_per_message(monkeypatch):
    monkeypatch.setattr(delivery, "MARK_WITHIN", 60.0)  # a slow test machine must not add a flush
    sent, few = queries_to_send(delivery.MARK_EVERY)
    assert sent == delivery.MARK_EVERY
    sent, many = queries_to_send(3 * delivery.MARK_EVERY)
    assert sent == 4 * delivery.MARK_EVERY
    assert many == few + 3  # three more groups of marks; rendering and sending add no query per message
