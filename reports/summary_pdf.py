"""The one-page donor summary: the dashboard's figures for one programme (or all) as an A4 PDF.

It is drawn from the same ``selectors.Dashboard`` the page shows, so scope and small-cell suppression are
exactly the page's: a hidden cell prints as "<5" here too. Labels come in the reader's language, so every
piece of text goes through the certificates' shaped-paragraph markup (ReportLab shapes Khmer, Burmese,
Thai and Lao only inside a Paragraph with shaping on); the charts are rows of shaped labels beside bars,
not canvas strings.
"""

import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from reports.selectors import Dashboard
from reports.suppression import Cell
from training import pdf_fonts

INK = colors.HexColor("#1B2A26")
MUTED = colors.HexColor("#4D5E59")
ACCENT = colors.HexColor("#0B6B4F")
PALE = colors.HexColor("#E6F0EC")
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 14 * mm
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
VALUE_WIDTH = 16 * mm


def _style(size: float, *, bold: bool = False, colour=INK, align=TA_LEFT) -> ParagraphStyle:
    return ParagraphStyle(
        "summary",
        fontName=pdf_fonts.font_name(pdf_fonts.LATIN, bold=bold),
        fontSize=size,
        leading=size * 1.5,
        textColor=colour,
        alignment=align,
        shaping=1,
    )


def _text(value: str, size: float = 8.5, **style) -> Paragraph:
    body, _missing = pdf_fonts.markup(str(value), bold=style.get("bold", False))
    return Paragraph(body, _style(size, **style))


def _bar(cell: Cell, largest: float, width: float) -> Drawing:
    drawing = Drawing(width, 9)
    drawing.add(Rect(0, 1.5, width, 6, fillColor=PALE, strokeColor=None))
    if not cell.is_hidden and cell.value and largest:
        drawing.add(Rect(0, 1.5, width * cell.value / largest, 6, fillColor=ACCENT, strokeColor=None))
    return drawing


def _bar_table(title: str, rows: Iterable[tuple[str, Cell]], width: float) -> list:
    rows = list(rows)
    largest = max((cell.value or 0 for _label, cell in rows if not cell.is_hidden), default=0)
    label_width = (width - VALUE_WIDTH) * 0.45
    bar_width = width - VALUE_WIDTH - label_width - 2 * mm
    data = [
        [_text(label), _bar(cell, largest, bar_width), _text(cell.display, align=TA_RIGHT)]
        for label, cell in rows
    ]
    if not data:
        data = [[_text(_("No data for these filters.")), "", ""]]
    table = Table(data, colWidths=[label_width + 2 * mm, bar_width, VALUE_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [_text(title, 10, bold=True, colour=ACCENT), table, Spacer(1, 3 * mm)]


def _months(board: Dashboard) -> list:
    """Enrolments per month as columns; the month labels are digits, which every font has."""
    rows = board.months.chart_rows() if board.months else []
    rows = rows[-24:]
    if not rows:
        return []
    height, label_space = 38 * mm, 7 * mm
    drawing = Drawing(BODY_WIDTH, height)
    largest = max((cell.value or 0 for _label, cell in rows if not cell.is_hidden), default=0) or 1
    step = min(BODY_WIDTH / len(rows), 14 * mm)
    for index, (label, cell) in enumerate(rows):
        x = index * step
        if cell.is_hidden:
            drawing.add(String(x + step / 2, label_space + 1, "<", fontName="Helvetica", fontSize=6,
                               fillColor=MUTED, textAnchor="middle"))  # fmt: skip
        elif cell.value:
            bar = (height - label_space - 4) * cell.value / largest
            drawing.add(
                Rect(x + step * 0.15, label_space, step * 0.7, bar, fillColor=ACCENT, strokeColor=None)
            )
        if len(rows) <= 12 or index % 3 == 0:
            drawing.add(String(x + step / 2, 1, label, fontName="Helvetica", fontSize=6, fillColor=MUTED,
                               textAnchor="middle"))  # fmt: skip
    return [_text(board.months.title, 10, bold=True, colour=ACCENT), drawing, Spacer(1, 3 * mm)]


def _headline(board: Dashboard) -> Table:
    h = board.headline
    f2f = board.face_to_face.headline if board.face_to_face else {}
    figures = [
        (_("Enrolments"), h["enrolled"]),
        (_("Active trainees (last 30 days)"), h["active"]),
        (_("Completions"), h["completed"]),
        (_("Completion rate"), h["completion_rate"]),
        (_("Certificates issued"), h["certified"]),
        (_("Quiz pass rate"), h["quiz_pass_rate"]),
        (_("Knowledge gain, pre- to post-test"), h["knowledge_gain"]),
        (_("Face-to-face sessions") + " · " + _("Participants"), f2f.get("participants", Cell(0))),
    ]
    cells = [
        [_text(cell.display, 15, bold=True, colour=ACCENT), _text(label, 7.5, colour=MUTED)]
        for label, cell in figures
    ]
    grid = [cells[0:4], cells[4:8]]
    width = BODY_WIDTH / 4
    table = Table([[Table([[v], [lbl]]) for v, lbl in row] for row in grid], colWidths=[width] * 4)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALE),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.white),
                ("INNERGRID", (0, 0), (-1, -1), 2, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def render_summary(board: Dashboard, *, title: str, lines: list[str], footer: str) -> bytes:
    """The PDF's bytes. ``lines`` describe the scope and filters; ``footer`` says how small cells read."""
    pdf_fonts.register_fonts()
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=_("Mekong Climate Training"),
    )
    by_slug = {table.slug: table for table in board.tables}
    half = (BODY_WIDTH - 6 * mm) / 2
    story = [
        _text(_("Mekong Climate Training"), 9, bold=True, colour=ACCENT),
        _text(title, 17, bold=True),
        *[_text(line, 8.5, colour=MUTED) for line in lines],
        Spacer(1, 4 * mm),
        _headline(board),
        Spacer(1, 5 * mm),
    ]
    left = _bar_table(board.funnel.title, board.funnel.chart_rows("count"), half)
    left += _bar_table(by_slug["sex"].title, by_slug["sex"].chart_rows(), half)
    right = _bar_table(by_slug["country"].title, by_slug["country"].chart_rows(), half)
    right += _bar_table(by_slug["age_band"].title, by_slug["age_band"].chart_rows(), half)
    columns = Table([[left, right]], colWidths=[half + 6 * mm, half])
    columns.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [columns, *_months(board), _text(footer, 7.5, colour=MUTED)]
    document.build(story)
    return out.getvalue()
