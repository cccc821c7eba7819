"""A real SMTP conversation on loopback (aiosmtpd): messages arrive once; refusals and timeouts retry."""

import email
import logging
import socket
import threading
from datetime import timedelta

import pytest

from reminders import delivery, dispatch
from reminders.models import Delivery, DeliveryStatus
from tests.reminders.factories import MONDAY_MORNING, enrol, send_all
from tests.reminders.smtp import free_port, smtp_sink

pytestmark = pytest.mark.django_db
NOW = MONDAY_MORNING


class Sink:
    """Keeps every message; refuses the first `refuse` with a temporary error (451)."""

    def __init__(self, refuse: int = 0) -> None:
        self.messages: list[email.message.Message] = []
        self.refuse = refuse

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def sink(settings):
    with smtp_sink(settings, Sink()) as handler:
        yield handler


@pytest.fixture
def silent_server(settings):
    """Accepts connections and never says a word: the client must time out."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_sink_receives_each_message_once_with_both_parts_and_headers(sink):
    enrolments = [enrol(at=NOW, last_activity=NOW) for _ in range(3)]
    dispatch.dispatch_due(now=NOW)
    report = send_all(NOW)
    send_all(NOW)  # a second worker with the same ids finds nothing to do
    assert len(report.sent) == 3
    assert sorted(m["To"] for m in sink.messages) == sorted(e.trainee.email for e in enrolments)
    message = sink.messages[0]
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.get_payload()] == ["text/plain", "text/html"]
    # Long headers may be folded on the wire; unfolded they are one URL.
    assert "".join(message["List-Unsubscribe"].split()).startswith(
        "<https://training.example.org/unsubscribe/"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Subject"].startswith("Welcome to ")
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_temporary_refusals_are_retried_with_growing_delays_then_delivered_once(sink, caplog):
    sink.refuse = 2
    enrol(at=NOW, last_activity=NOW)
    dispatch.dispatch_due(now=NOW)
    with caplog.at_level(logging.WARNING, logger="reminders.delivery"):
        first = send_all(NOW)
    row = Delivery.objects.get()
    assert first.retry == [row.pk]
    assert row.status == DeliveryStatus.PENDING
    assert row.not_before == NOW + timedelta(minutes=1)
    assert "SMTPDataError" in row.last_error
    assert "retry in" in caplog.text
    assert send_all(NOW + timedelta(seconds=30)).sent == []  # not due yet
    later = NOW + timedelta(minutes=1)
    send_all(later)
    row.refresh_from_db()
    assert row.not_before == later + timedelta(minutes=2)  # twice the wait
    send_all(later + timedelta(minutes=2))
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT
    assert row.attempts == 3
    assert len(sink.messages) == 1


def test_timeout_is_retried_and_nothing_is_lost(settings, silent_server, sink):
    sink_port = settings.EMAIL_PORT
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = silent_server, 0.5
    enrol(at=NOW, last_activity=NOW)
    dispatch.dispatch_due(now=NOW)
    report = send_all(NOW)
    row = Delivery.objects.get()
    assert report.retry == [row.pk]
    assert "timed out" in row.last_error.lower() or "Timeout" in row.last_error
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = sink_port, 2
    send_all(NOW + timedelta(minutes=5))
    assert len(sink.messages) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_refused_connection_gives_up_after_max_attempts_and_logs(settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 1
    enrol(at=NOW, last_activity=NOW)
    dispatch.dispatch_due(now=NOW)
    now = NOW
    with caplog.at_level(logging.WARNING, logger="reminders.delivery"):
        for _ in range(delivery.MAX_ATTEMPTS):
            send_all(now)
            now += timedelta(hours=1)
        send_all(now)  # nothing left to try
    row = Delivery.objects.get()
    assert row.status == DeliveryStatus.FAILED
    assert row.attempts == delivery.MAX_ATTEMPTS
    assert "ConnectionRefusedError" in row.last_error
    assert "failed for good" in caplog.text
    # The dispatcher does not bring a failed row back.
    assert dispatch.dispatch_due(now=now).total == 0
