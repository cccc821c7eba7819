"""Printed attendance certificates for participants without an account, one A4 landscape page each.

Separate from the certificates app, which issues account holders' certificates and sits above learning.
All text goes through Paragraph with ParagraphStyle(shaping=1): ReportLab shapes Khmer, Myanmar, Thai and
Lao only there (canvas.drawString does not). The fonts and the split into one run per font are the ones
every PDF of the platform uses (training.pdf_fonts).
"""

import io
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from training import pdf_fonts


def markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for text in any mix of scripts, escaped (training.pdf_fonts)."""
    return pdf_fonts.markup(text, bold=bold)[0]


@dataclass(frozen=True)
class CertificateText:
    """Everything printed on one certificate, already translated and formatted by the caller."""

    heading: str
    intro: str
    name: str
    body: str
    details: str
    footer: str


def _style(size: float, leading: float) -> ParagraphStyle:
    return ParagraphStyle(
        "cert",
        fontName=pdf_fonts.font_name(pdf_fonts.LATIN),
        fontSize=size,
        leading=leading,
        alignment=TA_CENTER,
        shaping=1,
    )


def render(certificates: Iterable[CertificateText], *, title: str) -> bytes:
    pdf_fonts.register_fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Mekong Climate Training")
    frame_width = width - 50 * mm
    names = []
    for cert in certificates:
        names.append(cert.name)
        canvas.setStrokeColorRGB(0.043, 0.42, 0.31)
        canvas.setLineWidth(3)
        canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
        y = height - 40 * mm
        for text, size, bold in (
            (cert.heading, 30, True),
            (cert.intro, 14, False),
            (cert.name, 28, True),
            (cert.body, 14, False),
            (cert.details, 12, False),
        ):
            paragraph = Paragraph(markup(text, bold=bold), _style(size, size * 1.5))
            _w, h = paragraph.wrapOn(canvas, frame_width, height)
            y -= h
            paragraph.drawOn(canvas, 25 * mm, y)
            y -= 8 * mm
        footer = Paragraph(markup(cert.footer), _style(10, 15))
        _w, h = footer.wrapOn(canvas, frame_width, height)
        footer.drawOn(canvas, 25 * mm, 20 * mm)
        canvas.showPage()
    # The names are in the metadata too: text extraction of shaped scripts is lossy, metadata is not.
    canvas.setSubject("; ".join(names))
    canvas.save()
    return buffer.getvalue()
