"""Certificates: PDF rendering rate and end-to-end issuing through a real worker.

1. Certificates rendered per second in this process (names in all six scripts, shaped, fonts embedded,
   QR code), against a minimal ReportLab page with the same fonts, one shaped name and the same QR code
   drawing, rendered in the same run. Target: at least 50% of the baseline rate.
2. 1,000 certificates issued through a real `celery worker` (prefork, 2 processes) on Redis and
   PostgreSQL, end to end (row, PDF, notification email), with 200 duplicate messages thrown in.
   Target: at least 50 certificates/s and 0 duplicates.

Run: `python bench/bench_certificates.py` (PostgreSQL from BENCH_PG, Redis from BENCH_BROKER_URL).
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common

DATABASE = "bench_certificates"
RENDER_N = 300
ISSUE_N = 1000
DUPLICATES = 200
NAMES = [
    ("សុភ័ក្ត្រ ស្រីមុំ", "Sopheak Sreymom", "km"),
    ("ဒေါ်ခင်ကြည် မြင့်မြတ်", "Daw Khin Kyi", "my"),
    ("น้ำผึ้ง ศรีสุข", "Namphueng Srisuk", "th"),
    ("ແກ້ວ ບຸນມີ", "Keo Bounmy", "lo"),
    ("Nguyễn Thị Hương", "", "vi"),
    ("王芳", "Wang Fang", "zh-hans"),
]


def bench_rendering() -> float:
    import datetime

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph

    from certificates.rendering import CertificateDocument, Signatory, draw_qr, render_certificate
    from training import pdf_fonts

    pdf_fonts.register_fonts()
    url = "https://training.example.org/verify/abcdEFGH1234ijklMNOP56/"

    def minimal(name: str, *, widget: bool) -> bytes:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=landscape(A4))
        body, _missing = pdf_fonts.markup(name, bold=True)
        style = ParagraphStyle(
            "n", fontName=pdf_fonts.font_name(pdf_fonts.LATIN), fontSize=30, leading=44, shaping=1
        )
        paragraph = Paragraph(body, style)
        paragraph.wrap(700, 200)
        paragraph.drawOn(pdf, 70, 300)
        if widget:  # ReportLab's own QR widget: the plain way to put a QR code on a page
            qr = QrCodeWidget(url)
            left, bottom, right, top = qr.getBounds()
            drawing = Drawing(92, 92, transform=[92 / (right - left), 0, 0, 92 / (top - bottom), 0, 0])
            drawing.add(qr)
            renderPDF.draw(drawing, pdf, 700, 70)
        else:  # the certificate's own QR drawing (segno matrix, one path)
            draw_qr(pdf, url, x=700, y=70, size=92)
        pdf.showPage()
        pdf.save()
        return buffer.getvalue()

    def full(name: str, latin: str, language: str) -> bytes:
        document = CertificateDocument(
            holder_name=name,
            holder_latin_name=latin,
            course_title="Community climate adaptation",
            hours=12,
            completed_on=datetime.date(2026, 11, 30),
            issuer_name="Lancang-Mekong Environmental Cooperation Center",
            code="abcdEFGH1234ijklMNOP56",
            reference="MCT-ABCD-EFGH",
            verify_url=url,
            language=language,
            signatories=[Signatory(name="Dr. Malai Phommachanh", title="Programme director")],
        )
        return render_certificate(document).pdf

    for name, latin, language in NAMES:  # warm caches (shaper fonts, translations) for all three
        minimal(name, widget=True)
        minimal(name, widget=False)
        full(name, latin, language)

    def rate_of(make) -> float:
        started = time.perf_counter()
        for i in range(RENDER_N):
            make(i)
        return RENDER_N / (time.perf_counter() - started)

    baseline = rate_of(lambda i: minimal(NAMES[i % len(NAMES)][0], widget=True))
    strict = rate_of(lambda i: minimal(NAMES[i % len(NAMES)][0], widget=False))
    started = time.perf_counter()
    sizes = []
    for i in range(RENDER_N):
        sizes.append(len(full(*NAMES[i % len(NAMES)])))
    rate = RENDER_N / (time.perf_counter() - started)
    ratio = rate / baseline
    ok = ratio >= 0.5
    print(f"  minimal page, same fonts, ReportLab QR widget  {baseline:8.1f} pages/s")
    print(f"  minimal page, same fonts, certificate's QR     {strict:8.1f} pages/s")
    size = sum(sizes) / len(sizes) / 1024
    print(f"  certificate                                    {rate:8.1f} certificates/s, {size:.0f} KB each")
    print(f"  ratio to the widget page {ratio:.2f} (target >= 0.5)  {'OK' if ok else 'MISSED'}")
    print(f"  ratio to the page with the certificate's QR drawing {rate / strict:.2f} (information)")
    return ok


def make_enrolments(n: int, label: str) -> list[int]:
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.models import Country, Profile, User
    from courses.models import Course, CourseStatus, Programme, Theme
    from learning.models import Enrolment, EnrolmentStatus

    programme, _ = Programme.objects.get_or_create(
        slug="bench-programme", defaults={"name": "Bench programme", "theme": Theme.COMMUNITY_ADAPTATION}
    )
    course, _ = Course.objects.get_or_create(
        slug="bench-course",
        defaults={"title": "Community climate adaptation", "summary": "Bench", "programme": programme,
                  "status": CourseStatus.PUBLISHED, "estimated_hours": 12},
    )  # fmt: skip
    password = make_password(None)
    stamp = int(time.time())
    users = User.objects.bulk_create(
        User(email=f"bench-{label}-{stamp}-{i}@example.org", password=password) for i in range(n)
    )
    Profile.objects.bulk_create(
        Profile(user=user, full_name=NAMES[i % len(NAMES)][0], latin_name=NAMES[i % len(NAMES)][1],
                country=Country.CAMBODIA, sex="female", age_band="25_34")
        for i, user in enumerate(users)
    )  # fmt: skip
    now = timezone.now()
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(trainee=user, course=course, status=EnrolmentStatus.COMPLETED, completed_at=now)
        for user in users
    )
    return [e.pk for e in enrolments]


def bench_worker(env: dict[str, str]) -> bool:
    import redis
    from django.db.models import Count

    from certificates import tasks
    from certificates.models import Certificate, CertificateEvent, EventKind
    from training.celery import app

    broker = env["CELERY_BROKER_URL"]
    redis.Redis.from_url(broker).delete("celery", "unacked", "unacked_index")
    warmup = make_enrolments(2, "warmup")
    enrolment_ids = make_enrolments(ISSUE_N, "batch")
    media = tempfile.mkdtemp(prefix="bench-certificates-")
    worker_env = {**env, "MEDIA_ROOT": media}
    command = [
        sys.executable, "-m", "celery", "-A", "training", "worker", "-P", "prefork", "-c", "2",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "WARNING",
    ]  # fmt: skip
    worker = subprocess.Popen(
        command, cwd=common.ROOT, env=worker_env, start_new_session=True, stdout=subprocess.DEVNULL
    )
    try:
        with app.connection_for_write(broker) as conn:
            for enrolment_id in warmup:  # one per pool process: fonts registered, connections open
                tasks.issue_certificate.apply_async(args=[enrolment_id], connection=conn)
            deadline = time.monotonic() + 60
            while Certificate.objects.filter(enrolment_id__in=warmup, pdf_version=1).count() < 2:
                if time.monotonic() > deadline:
                    raise RuntimeError("the worker did not start")
                time.sleep(0.1)
            messages = enrolment_ids + random.sample(enrolment_ids, DUPLICATES)
            random.shuffle(messages)
            started = time.perf_counter()
            for enrolment_id in messages:
                tasks.issue_certificate.apply_async(args=[enrolment_id], connection=conn)
        enqueued = time.perf_counter() - started
        batch = Certificate.objects.filter(enrolment_id__in=enrolment_ids)
        deadline = time.monotonic() + 300
        while batch.filter(pdf_version=1).count() < ISSUE_N:
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {batch.count()} certificates after 300 s")
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
    finally:
        worker.terminate()  # warm shutdown of the main process; it stops its pool
        worker.wait(timeout=60)
    rate = ISSUE_N / elapsed
    duplicates = batch.values("enrolment").annotate(n=Count("pk")).filter(n__gt=1).count()
    extra_events = (
        CertificateEvent.objects.filter(certificate__in=batch, kind=EventKind.ISSUED).count() - batch.count()
    )
    ok = rate >= 50 and duplicates == 0 and extra_events == 0 and batch.count() == ISSUE_N
    print(f"  {ISSUE_N} certificates + {DUPLICATES} duplicate messages, worker -c 2 on Redis + PostgreSQL")
    print(f"  enqueue {enqueued:.2f} s, all issued with PDF after {elapsed:.2f} s: {rate:.1f} certificates/s")
    print(f"  certificates {batch.count()}, duplicates {duplicates}, extra 'issued' events {extra_events}")
    print(f"  target >= 50/s and 0 duplicates  {'OK' if ok else 'MISSED'}")
    return ok


def main() -> int:
    env = common.setup_database(DATABASE)
    if "BENCH_BROKER_URL" not in os.environ:
        env["CELERY_BROKER_URL"] = "redis://127.0.0.1:6379/4"
    common.django_setup(DATABASE)
    os.environ["CELERY_BROKER_URL"] = env["CELERY_BROKER_URL"]
    print("rendering (one process):")
    render_ok = bench_rendering()
    print("issuing through a real worker:")
    worker_ok = bench_worker(env)
    return 0 if render_ok and worker_ok else 1


if __name__ == "__main__":
    sys.exit(main())
