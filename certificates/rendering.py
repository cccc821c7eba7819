"""The certificate PDF, drawn with ReportLab.

Every piece of text goes through a shaped Paragraph (``ParagraphStyle(shaping=1)``), split into one run per
script by training.pdf_fonts, so that Khmer subscripts, Burmese medials and Thai and Lao marks come out
right. Rendering works on a plain CertificateDocument, not on models, so the benchmark and the tests can
render without a database; it never raises for bad content (a missing logo, a character no font has): it
returns warnings instead, which the service stores for coordinators to see.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field
from datetime import date

import segno
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from training import pdf_fonts

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 60
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN - 40
MAX_SIGNATORIES = 3
MAX_LOGOS = 4
LOGO_TOP = PAGE_HEIGHT - 46
LOGO_HEIGHT = 40
LOGO_WIDTH = 120
LOGO_GAP = 28
SIGNATURE_LINE = 112  # the signatures' base line; the QR code sits to their right
SIGNATURE_HEIGHT = 40
SIGNATURE_LEFT = 76
SIGNATURE_AREA = 550  # up to the reference printed under the QR code
SIGNATURE_GAP = 28
INK = HexColor("#1B2A26")
MUTED = HexColor("#4D5E59")


@dataclass
class Signatory:
    name: str
    title: str = ""
    signature: bytes | None = None  # an image file (PNG from certificates.images), drawn above the line


@dataclass
class CertificateDocument:
    holder_name: str
    course_title: str
    hours: int
    completed_on: date
    issuer_name: str
    code: str
    reference: str
    verify_url: str
    holder_latin_name: str = ""
    language: str = "en"
    signatories: list[Signatory] = field(default_factory=list)  # at most 3, printed left to right
    logos: list[bytes] = field(default_factory=list)  # at most 4, printed in a row at the top
    accent_colour: str = "#0B6B4F"
    image_warnings: list[str] = field(default_factory=list)  # files that could not be read before rendering


@dataclass
class Rendered:
    pdf: bytes
    warnings: list[str] = field(default_factory=list)


class _Writer:
    """Draws shaped paragraphs at fixed positions and collects the characters no font could draw."""

    def __init__(self, pdf: canvas.Canvas) -> None:
        self.pdf = pdf
        self.missing: list[str] = []

    def paragraph(
        self,
        text: str,
        *,
        size: float,
        bold: bool = False,
        colour: Color = INK,
        align: int = TA_CENTER,
        leading: float = 1.45,
    ) -> Paragraph:
        body, missing = pdf_fonts.markup(text, bold=bold)
        self.missing.extend(char for char in missing if char not in self.missing)
        style = ParagraphStyle(
            "certificate",
            fontName=pdf_fonts.font_name(pdf_fonts.LATIN, bold=bold),
            fontSize=size,
            leading=size * leading,
            textColor=colour,
            alignment=align,
            shaping=1,
            wordWrap=None,
            splitLongWords=1,
        )
        return Paragraph(body, style)

    def draw(self, paragraph: Paragraph, *, x: float, top: float, width: float) -> float:
        """Draw with its top edge at `top`; returns the height used."""
        _, height = paragraph.wrap(width, PAGE_HEIGHT)
        paragraph.drawOn(self.pdf, x, top - height)
        return height

    def fitted(
        self, text: str, *, sizes: tuple[float, ...], max_height: float, width: float, bold: bool = False
    ) -> Paragraph:
        """The largest size at which the text fits the box (long names shrink rather than overflow)."""
        for size in sizes:
            # Burmese and Khmer stack above and below the line: a taller leading keeps lines apart.
            paragraph = self.paragraph(text, size=size, bold=bold, leading=1.6)
            _, height = paragraph.wrap(width, PAGE_HEIGHT)
            if height <= max_height:
                return paragraph
        return paragraph


def render_certificate(document: CertificateDocument) -> Rendered:
    pdf_fonts.register_fonts()
    with translation.override(document.language):
        return _render(document)


def _render(doc: CertificateDocument) -> Rendered:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1)
    # Tests and archives read the name from the metadata: text extracted from shaped glyphs does not
    # round-trip for Khmer, Burmese, Thai or Lao.
    pdf.setTitle(_("Certificate of completion") + f" — {doc.holder_name}")
    pdf.setSubject(doc.course_title)
    pdf.setAuthor(doc.issuer_name)
    pdf.setCreator("Mekong Climate Training")
    pdf.setKeywords(doc.reference)
    warnings: list[str] = []
    accent = _colour(doc.accent_colour, warnings)
    writer = _Writer(pdf)

    _frame(pdf, accent)
    warnings.extend(doc.image_warnings)
    has_logos = _logos(pdf, doc.logos, warnings)

    x = (PAGE_WIDTH - TEXT_WIDTH) / 2
    top = LOGO_TOP - LOGO_HEIGHT - 12 if has_logos else PAGE_HEIGHT - 66
    top -= writer.draw(
        writer.paragraph(doc.issuer_name, size=13, bold=True, colour=MUTED),
        x=x + 120,
        top=top,
        width=TEXT_WIDTH - 240,
    )
    signatories = [s for s in doc.signatories[:MAX_SIGNATORIES] if s.name or s.title]
    if not signatories:
        bottom = 170
    elif any(s.signature for s in signatories):
        bottom = SIGNATURE_LINE + 4 + SIGNATURE_HEIGHT + 10
    else:
        bottom = SIGNATURE_LINE + 18
    # The body shrinks as a whole when long names, a second script line and partner logos would otherwise
    # run into the signatures.
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        body = _body(writer, doc, accent, scale)
        if top - sum(gap + height for gap, _paragraph, height in body) >= bottom:
            break
    for gap, paragraph, height in body:
        top -= gap
        paragraph.drawOn(pdf, x, top - height)
        top -= height

    _signatories(writer, signatories, accent, warnings)
    _qr(pdf, writer, doc)
    if writer.missing:
        warnings.append(
            _("No certificate font has these characters; they print as empty boxes: %(chars)s")
            % {"chars": " ".join(f"U+{ord(char):04X}" for char in writer.missing)}
        )
    pdf.showPage()
    pdf.save()
    return Rendered(pdf=buffer.getvalue(), warnings=warnings)


def _colour(value: str, warnings: list[str]) -> Color:
    try:
        return HexColor(value)
    except (ValueError, TypeError):
        warnings.append(
            _("The template's colour %(value)s is not valid; the default is used.") % {"value": value}
        )
        return HexColor("#0B6B4F")


def _frame(pdf: canvas.Canvas, accent: Color) -> None:
    pdf.setStrokeColor(accent)
    pdf.setLineWidth(6)
    pdf.rect(20, 20, PAGE_WIDTH - 40, PAGE_HEIGHT - 40)
    pdf.setLineWidth(0.8)
    pdf.rect(31, 31, PAGE_WIDTH - 62, PAGE_HEIGHT - 62)


def _body(writer: _Writer, doc: CertificateDocument, accent: Color, scale: float) -> list:
    """(gap above, paragraph, height) for each line of the body, at the given scale."""
    lines = []

    def add(gap: float, paragraph: Paragraph) -> None:
        _, height = paragraph.wrap(TEXT_WIDTH, PAGE_HEIGHT)
        lines.append((gap * scale, paragraph, height))

    def sizes(*values: float) -> tuple[float, ...]:
        return tuple(round(value * scale, 1) for value in values)

    add(26, writer.paragraph(_("Certificate of completion"), size=30 * scale, bold=True, colour=accent))
    add(22, writer.paragraph(_("This certifies that"), size=13 * scale, colour=MUTED))
    name = writer.fitted(
        doc.holder_name,
        sizes=sizes(32, 28, 24, 20, 17, 14, 12, 10),
        max_height=100 * scale,
        width=TEXT_WIDTH,
        bold=True,
    )
    add(8, name)
    if doc.holder_latin_name and doc.holder_latin_name.strip() != doc.holder_name.strip():
        latin = writer.fitted(
            doc.holder_latin_name, sizes=sizes(15, 13, 11, 9), max_height=40 * scale, width=TEXT_WIDTH
        )
        add(6, latin)
    add(20, writer.paragraph(_("has completed the course"), size=13 * scale, colour=MUTED))
    course = writer.fitted(
        doc.course_title, sizes=sizes(21, 18, 15, 12, 10), max_height=64 * scale, width=TEXT_WIDTH, bold=True
    )
    add(8, course)
    hours = ngettext("%(hours)d hour", "%(hours)d hours", doc.hours) % {"hours": doc.hours}
    when = _("completed on %(date)s") % {"date": formats.date_format(doc.completed_on, "DATE_FORMAT")}
    add(16, writer.paragraph(f"{hours} · {when}", size=12 * scale))
    return lines


def _image(data: bytes, *, box_width: float, box_height: float) -> tuple[ImageReader, float, float]:
    """The image and its size scaled to fit the box (never enlarged past twice its pixel size)."""
    image = ImageReader(io.BytesIO(data))
    width, height = image.getSize()
    scale = min(box_width / width, box_height / height, 2.0)
    return image, width * scale, height * scale


def _logos(pdf: canvas.Canvas, logos: list[bytes], warnings: list[str]) -> bool:
    """Partner logos in a centred row at the top; True if any was drawn."""
    placed = []
    for data in logos[:MAX_LOGOS]:
        try:
            placed.append(_image(data, box_width=LOGO_WIDTH, box_height=LOGO_HEIGHT))
        except Exception:  # any undecodable image must not stop the certificate
            warnings.append(
                _("The template's logo could not be read; the certificate was printed without it.")
            )
    if not placed:
        return False
    total = sum(placed_width for _reader, placed_width, _height in placed) + LOGO_GAP * (len(placed) - 1)
    x = (PAGE_WIDTH - total) / 2
    for image, width, height in placed:
        # Bottom-aligned in the row, so logos of different shapes stand on one line.
        pdf.drawImage(image, x, LOGO_TOP - LOGO_HEIGHT, width, height, mask="auto")
        x += width + LOGO_GAP
    return True


def _signatories(writer: _Writer, signatories: list[Signatory], accent: Color, warnings: list[str]) -> None:
    """Side by side under the body: the signature image above the line, name and title below it."""
    if not signatories:
        return
    count = len(signatories)
    width = min(240, (SIGNATURE_AREA - SIGNATURE_GAP * (count - 1)) / count)
    pdf = writer.pdf
    for index, signatory in enumerate(signatories):
        x = SIGNATURE_LEFT + index * (width + SIGNATURE_GAP)
        if signatory.signature:
            try:
                image, image_width, image_height = _image(
                    signatory.signature, box_width=width - 20, box_height=SIGNATURE_HEIGHT
                )
                pdf.drawImage(
                    image,
                    x + (width - image_width) / 2,
                    SIGNATURE_LINE + 3,
                    image_width,
                    image_height,
                    mask="auto",
                )
            except Exception:  # any undecodable image must not stop the certificate
                warnings.append(
                    _("A signature image could not be read; the certificate was printed without it.")
                )
        pdf.setStrokeColor(accent)
        pdf.setLineWidth(0.8)
        pdf.line(x, SIGNATURE_LINE, x + width, SIGNATURE_LINE)
        top = SIGNATURE_LINE - 3
        if signatory.name:
            top -= writer.draw(
                writer.paragraph(signatory.name, size=10.5, bold=True), x=x, top=top, width=width
            )
        if signatory.title:
            writer.draw(writer.paragraph(signatory.title, size=8.5, colour=MUTED), x=x, top=top, width=width)


def draw_qr(pdf: canvas.Canvas, value: str, *, x: float, y: float, size: float) -> None:
    """A QR code drawn as one filled path, with a quiet zone of two modules.

    segno computes the matrix; ReportLab's QrCodeWidget did the same job but encoded twice and drew ~450
    separate shapes, which was three quarters of the rendering time (docs/certificates.md).
    """
    matrix = segno.make(value, error="m", micro=False).matrix
    step = size / (len(matrix) + 4)
    path = pdf.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + 2) * step
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(x + (column + 2) * step, top - step, length * step, step)
            column += length
    pdf.setFillColor(INK)
    pdf.drawPath(path, stroke=0, fill=1)


def _qr(pdf: canvas.Canvas, writer: _Writer, doc: CertificateDocument) -> None:
    size = 92
    x, y = PAGE_WIDTH - 80 - size, 70
    draw_qr(pdf, doc.verify_url, x=x, y=y, size=size)
    writer.draw(writer.paragraph(doc.reference, size=8, colour=MUTED), x=x - 30, top=y, width=size + 60)
    writer.draw(
        writer.paragraph(
            _("Verify this certificate at %(url)s") % {"url": doc.verify_url}, size=7.5, colour=MUTED
        ),
        x=MARGIN,
        top=48,
        width=PAGE_WIDTH - 2 * MARGIN,
    )
