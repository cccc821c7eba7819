"""Reading the reports' exports back, as a coordinator's spreadsheet would."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook


def export_url(slug, file_format="csv"):
    return reverse("reports:export_table", kwargs={"slug": slug, "file_format": file_format})


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response):
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in book.active.iter_rows(values_only=True)]
