"""CSV and XLSX files of the dashboard's tables, and the pseudonymised participant-level CSV.

Every cell goes through quizzes.exports.sanitize_cell (one neutraliser for every export path: a text cell
starting with = + - @ | % tab or CR gets a leading apostrophe). Tables carry the same suppressed cells as
the page ("<5", a dash), never the raw small counts.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from django.db.models import Exists, OuterRef, Value
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from openpyxl import Workbook

from quizzes.exports import sanitize_cell
from reports.selectors import Table, certificate_model

PSEUDONYM_SALT = "reports.participant-pseudonym"


def table_rows(table: Table) -> Iterator[list]:
    yield [sanitize_cell(cell) for cell in [table.dimension, *[c.label for c in table.columns]]]
    rows = [*table.rows, table.total] if table.total else table.rows
    for row in rows:
        yield [sanitize_cell(row.label), *[sanitize_cell(cell.export_value) for cell in row.cell_list]]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[list]) -> Iterator[str]:
    """CSV text row by row, for a StreamingHttpResponse. A BOM first so spreadsheets read UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(row)


def xlsx_bytes(rows: Iterable[list], *, sheet: str) -> bytes:
    book = Workbook(write_only=True)
    worksheet = book.create_sheet(title=sheet[:31] or "Report")
    for row in rows:
        worksheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pseudonym(user_id: int) -> str:
    """Stable across exports, keyed (HMAC with the site's secret), so it cannot be reversed by hashing ids."""
    return salted_hmac(PSEUDONYM_SALT, str(user_id), algorithm="sha256").hexdigest()[:20]


def participant_rows(enrolments) -> Iterator[list]:
    """One row per enrolment; no name, email or any direct identifier, whatever the trainee's age."""
    certificate = certificate_model()
    certified = (
        Exists(certificate.objects.filter(enrolment_id=OuterRef("pk"), revoked_at__isnull=True))
        if certificate is not None
        else Value(False)
    )
    yield [
        _("participant"), _("country"), _("sex"), _("age band"), _("organisation"), _("programme"),
        _("course"), _("enrolled (month)"), _("status"), _("completed (month)"), _("certified"),
    ]  # fmt: skip
    rows = (
        enrolments.annotate(is_certified=certified)
        .values_list(
            "trainee_id",
            "trainee__profile__country",
            "trainee__profile__sex",
            "trainee__profile__age_band",
            "trainee__profile__organisation__short_name",
            "course__programme__name",
            "course__title",
            "enrolled_at",
            "status",
            "completed_at",
            "is_certified",
        )
        .order_by("pk")
    )
    for (
        trainee_id,
        country,
        sex,
        age,
        org,
        programme,
        course,
        enrolled,
        status,
        completed,
        cert,
    ) in rows.iterator(chunk_size=2000):
        row = [
            pseudonym(trainee_id),
            country,
            sex,
            age,
            org or "",
            programme,
            course,
            enrolled.strftime("%Y-%m"),
            status,
            completed.strftime("%Y-%m") if completed else "",
            "yes" if cert else "no",
        ]
        yield [sanitize_cell(cell) for cell in row]
