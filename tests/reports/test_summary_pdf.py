"""The one-page donor summary: the dashboard's figures, scope and suppression, as a PDF (see conftest)."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from reports.models import ExportKind, ExportLog
from tests.factories import TraineeFactory, TrainerFactory

SUMMARY = reverse("reports:summary_pdf")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_text(response, tmp_path) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "summary.pdf"
    path.write_bytes(response.content)
    info = subprocess.run([shutil.which("pdfinfo"), path], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    return subprocess.run(
        [shutil.which("pdftotext"), "-layout", path, "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_programme_summary_holds_the_hand_counted_figures(client, world, tmp_path):
    client.force_login(world["regional"])
    p1 = world["programmes"][0]
    response = client.get(SUMMARY, {"programme": p1.pk})
    assert f"summary-{p1.slug}-" in response["Content-Disposition"]
    text = pdf_text(response, tmp_path)
    assert "Programme summary: Community adaptation" in text
    # Programme P1 = courses A and B: VA 8 + VB 6 + LA 3 = 17 enrolled, 9 completed (52.9%), active 1 + 3 + 1.
    words = " ".join(text.split())
    assert "17 5 9 52.9%" in words  # the first row of figures, above their labels
    for label in ("Enrolments", "Active trainees (last 30 days)", "Completions", "Completion rate"):
        assert label in words
    assert text.count("Thailand") == 1  # in the scope line only: its one course is in the other programme
    assert "<5" in text  # Laos: 3 people
    log = ExportLog.objects.get()
    assert (log.kind, log.file_format, log.filters) == (ExportKind.SUMMARY, "pdf", {"programme_id": p1.pk})


def test_a_national_coordinator_gets_their_country_only(client, world, tmp_path):
    client.force_login(world["vietnam"])
    text = pdf_text(client.get(SUMMARY), tmp_path)
    assert "Summary of all programmes" in text
    assert "Countries: Vietnam" in text
    assert "Laos" not in text
    assert "Thailand" not in text
    assert "14 <5 8 57.1%" in " ".join(text.split())  # VA 8 + VB 6; active 1 + 3; 8 of 14 completed


def test_outside_the_scope_or_without_the_role_is_refused(client, world):
    client.force_login(world["laos"])
    assert client.get(SUMMARY, {"country": "VN"}).status_code == 403
    for factory in (TraineeFactory, TrainerFactory):
        client.force_login(factory())
        assert client.get(SUMMARY).status_code == 403
    assert not ExportLog.objects.exists()


def test_bad_filters_get_a_clear_message(client, world):
    client.force_login(world["regional"])
    response = client.get(SUMMARY, {"date_from": "2025-05", "date_to": "2025-01"})
    assert response.status_code == 400
    assert "The start month is after the end month." in response.content.decode()


def test_the_dashboard_links_to_it_with_its_filters(client, world):
    client.force_login(world["regional"])
    p1 = world["programmes"][0]
    page = client.get(reverse("reports:dashboard"), {"programme": p1.pk}).content.decode()
    assert f'{SUMMARY}?programme={p1.pk}"' in page
