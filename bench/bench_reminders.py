"""Reminders on PostgreSQL: the dispatcher over 100,000 enrolments (10% due), and sending to an SMTP sink.

1. Dispatch: wall time and SQL queries of `dispatch_due` over BENCH_ENROLMENTS (default 100,000) active
   enrolments of which 10% are due for an inactivity nudge, at two batch sizes: the query count must follow
   the number of batches, not of enrolments. Baseline in the same run: one plain read of every enrolment row.
   A second run right after must record nothing new.
2. Sending: messages per second through `reminders.delivery.send_deliveries` (claim, re-check, render text +
   HTML in the recipient's language, in-app notification, SMTP, mark each sent) in chunks of
   `tasks.SEND_CHUNK` as the worker does, against Django's `send_mass_mail` of as many plain messages to
   the same aiosmtpd sink (another process), in the same run. Target: at least 50% of send_mass_mail,
   one process against one process. send_mass_mail runs before and after; the faster of the two counts.
   For information: the same messages as Django `EmailMultiAlternatives` (text + HTML of a similar size,
   one connection), and send_deliveries in two worker processes (as `celery worker -c 2`).
"""

import multiprocessing
import os
import sys
import time
from datetime import UTC, datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench import common

DB = "mct_bench_reminders"
ENROLMENTS = int(os.environ.get("BENCH_ENROLMENTS", "100000"))
MESSAGES = int(os.environ.get("BENCH_MESSAGES", "2000"))
COURSES = 100
COUNTRIES = ["VN", "TH", "KH", "LA", "CN", "MM"]
LANGUAGES = {"VN": "vi", "TH": "th", "KH": "km", "LA": "lo", "CN": "zh-hans", "MM": "my"}


def sink_process(port, count, ready, stop):
    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            with count.get_lock():
                count.value += 1
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


def create_data(now):
    from django.contrib.auth.hashers import make_password

    from accounts.models import Profile, User
    from courses.models import Course, CourseStatus, Programme, Theme
    from learning.models import Enrolment

    programme = Programme.objects.create(
        name="Bench programme", slug="bench", theme=Theme.COMMUNITY_ADAPTATION
    )
    courses = Course.objects.bulk_create(
        Course(
            title=f"Course {n}",
            slug=f"course-{n}",
            summary="s",
            programme=programme,
            status=CourseStatus.PUBLISHED,
        )
        for n in range(COURSES)
    )
    people = ENROLMENTS // 10
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"trainee{n}@example.org", password=password) for n in range(people)
    )
    Profile.objects.bulk_create(
        Profile(
            user=user,
            full_name=f"Trainee {n}",
            country=COUNTRIES[n % 6],
            sex="female",
            age_band="25_34",
            preferred_language=LANGUAGES[COUNTRIES[n % 6]],
        )
        for n, user in enumerate(users)
    )
    rows = []
    for n in range(ENROLMENTS):
        quiet = n % 10 == 0  # 10% have been quiet for 8 days: their first nudge is due
        rows.append(
            Enrolment(
                trainee=users[n % people],
                course=courses[(n // people) * 10 % COURSES + (n % 10)],
                last_activity_at=now - timedelta(days=8 if quiet else 1),
            )
        )
    Enrolment.objects.bulk_create(rows, batch_size=5000)
    Enrolment.objects.update(enrolled_at=now - timedelta(days=30))


def send_chunks(ids, now) -> int:
    """What the worker does with the queued chunks: one send_deliveries call (one task) per chunk."""
    from reminders import delivery, tasks

    sent = 0
    for start in range(0, len(ids), tasks.SEND_CHUNK):
        sent += len(
            delivery.send_deliveries(delivery_ids=ids[start : start + tasks.SEND_CHUNK], now=now).sent
        )
    return sent


def send_worker(db, ids, now, port, ready, go, out):
    """One worker process (as `celery worker -c 2` runs them); timed from `go`, after Django started."""
    common.BENCH_ENV["CELERY_BROKER_URL"] = "memory://"
    common.django_setup(db)
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    ready.put(True)
    go.wait()
    out.put(send_chunks(ids, now))


def mass_mail_rate(sender) -> float:
    """Django's usual way to send many plain messages: send_mass_mail over one connection."""
    from django.core.mail import get_connection, send_mass_mail

    plain = [
        (f"Reminder {n}", "Continue your course.", sender, [f"t{n}@example.org"]) for n in range(MESSAGES)
    ]
    started = time.perf_counter()
    send_mass_mail(plain, connection=get_connection())
    return MESSAGES / (time.perf_counter() - started)


def alternatives_rate(sender) -> float:
    """Text + HTML (about the size of a reminder) as EmailMultiAlternatives over one connection."""
    from django.core.mail import EmailMultiAlternatives, get_connection

    html = (
        "<!DOCTYPE html><html><body><p>Hello Trainee,</p>" + "<p>Continue your course.</p>" * 40 + "</body>"
    )
    messages = []
    for n in range(MESSAGES):
        message = EmailMultiAlternatives(
            f"Reminder {n}", "Hello,\n\nContinue your course.\n", sender, [f"t{n}@e.org"]
        )
        message.attach_alternative(html, "text/html")
        messages.append(message)
    started = time.perf_counter()
    get_connection().send_messages(messages)
    return MESSAGES / (time.perf_counter() - started)


def measure_dispatch(now, batch_size):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reminders import dispatch
    from reminders.models import Delivery

    Delivery.objects.all().delete()
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        report = dispatch.dispatch_due(now=now, batch_size=batch_size)
        elapsed = time.perf_counter() - started
    return report, elapsed, len(ctx)


def main() -> int:
    common.BENCH_ENV["CELERY_BROKER_URL"] = "memory://"  # fanned-out tasks are not run here
    common.setup_database(DB)
    common.django_setup(DB)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from learning.models import Enrolment
    from reminders import dispatch
    from reminders.models import Delivery, DeliveryStatus

    today = datetime.now(UTC).date()
    now = datetime(today.year, today.month, today.day, 4, 0, tzinfo=UTC)  # daytime in all six countries
    started = time.perf_counter()
    create_data(now)
    print(f"  data: {ENROLMENTS:,} enrolments in {time.perf_counter() - started:.1f} s")

    ok = True
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        scanned = len(list(Enrolment.objects.values_list("pk", "last_activity_at")))
    scan = time.perf_counter() - started
    print(f"  baseline: read all {scanned:,} enrolment rows once: {scan * 1000:.0f} ms, {len(ctx)} query")

    results = {}
    for batch_size in (1000, 2000, 5000):
        report, elapsed, queries = measure_dispatch(now, batch_size)
        results[batch_size] = (report, elapsed, queries)
        due = report.created["inactivity"]
        print(
            f"  dispatch batch {batch_size:>5}: {elapsed * 1000:7.0f} ms, {queries:4} queries, "
            f"{report.batches} batches, {due:,} nudges recorded "
            f"(ratio to baseline read: {elapsed / scan:.1f}x)"
        )
        ok &= due == ENROLMENTS // 10
    # Queries follow batches: about 5 per batch of due rows plus a constant.
    q1, q5 = results[1000][2], results[5000][2]
    print(f"  queries at batch 1000 vs 5000: {q1} vs {q5} (enrolments unchanged: grows with batches only)")
    ok &= q1 > q5 and q1 < ENROLMENTS // 100
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        again = dispatch.dispatch_due(now=now)
        elapsed = time.perf_counter() - started
    print(f"  dispatch again: {elapsed * 1000:.0f} ms, {len(ctx)} queries, {again.total} new (must be 0)")
    ok &= again.total == 0

    # --- sending --------------------------------------------------------------------------------------
    port = common.free_port()
    count = multiprocessing.Value("i", 0)
    ready, stop = multiprocessing.Event(), multiprocessing.Event()
    sink = multiprocessing.Process(target=sink_process, args=(port, count, ready, stop))
    sink.start()
    ready.wait(10)
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    try:
        sender = settings.DEFAULT_FROM_EMAIL
        mass_before = mass_mail_rate(sender)
        alternatives = alternatives_rate(sender)

        pending = Delivery.objects.filter(status=DeliveryStatus.PENDING).order_by("pk")
        ids = list(pending.values_list("pk", flat=True)[: MESSAGES * 2])
        one, two = ids[:MESSAGES], ids[MESSAGES:]
        before = count.value
        started = time.perf_counter()
        sent_one = send_chunks(one, now)
        single = len(one) / (time.perf_counter() - started)
        received = count.value - before
        mass_after = mass_mail_rate(sender)
        mass = max(mass_before, mass_after)

        # The worker runs with concurrency 2 (docker-compose, `make run`): two processes share the chunks.
        connection.close()
        out: multiprocessing.Queue = multiprocessing.Queue()
        ready: multiprocessing.Queue = multiprocessing.Queue()
        go = multiprocessing.Event()
        halves = [two[: len(two) // 2], two[len(two) // 2 :]]
        workers = [
            multiprocessing.Process(target=send_worker, args=(DB, h, now, port, ready, go, out))
            for h in halves
        ]
        for worker in workers:
            worker.start()
        for _ in workers:
            ready.get(timeout=60)
        before = count.value
        started = time.perf_counter()
        go.set()
        sent_two = sum(out.get() for _ in workers)
        double = len(two) / (time.perf_counter() - started)
        for worker in workers:
            worker.join()
        received_two = count.value - before
    finally:
        stop.set()
        sink.join(10)
    ratio = single / mass
    print(
        f"  send_mass_mail (plain text, one connection, one process): {mass:7.0f} msgs/s "
        f"(before {mass_before:.0f}, after {mass_after:.0f}; the faster counts)"
    )
    print(
        f"  EmailMultiAlternatives text + HTML, one connection:        {alternatives:7.0f} msgs/s "
        "(for information)"
    )
    print(f"  send_deliveries, one process:          {single:7.0f} msgs/s, {received} received")
    print(
        f"  send_deliveries, two worker processes: {double:7.0f} msgs/s ({double / mass:.2f} of one "
        f"send_mass_mail process), {received_two} received"
    )
    print(
        f"  ratio, one process to one process: {ratio:.2f} (target >= 0.5)  "
        f"{'OK' if ratio >= 0.5 else 'MISSED'}"
    )
    ok &= ratio >= 0.5 and received == sent_one == len(one) and received_two == sent_two == len(two)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
