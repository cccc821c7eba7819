"""Printed attendance certificates for participants without an account, one A4 landscape page each.

Self-contained on purpose (the certificates app issues account holders' certificates and is built
separately). All text goes through Paragraph with ParagraphStyle(shaping=1): ReportLab shapes Khmer,
Myanmar, Thai and Lao only there (canvas.drawString does not). ReportLab has no font fallback, so text is
split into runs by script and each run is wrapped in <font name=...>; combining marks, spaces and joiners
stay with the run before them. Fonts come from Debian's fonts-noto-core and fonts-wqy-microhei.
"""

import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

NOTO = Path("/usr/share/fonts/truetype/noto")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONTS = {
    "Latin": NOTO / "NotoSans-Regular.ttf",
    "Latin-Bold": NOTO / "NotoSans-Bold.ttf",
    "Khmer": NOTO / "NotoSansKhmer-Regular.ttf",
    "Khmer-Bold": NOTO / "NotoSansKhmer-Bold.ttf",
    "Myanmar": NOTO / "NotoSansMyanmar-Regular.ttf",
    "Myanmar-Bold": NOTO / "NotoSansMyanmar-Bold.ttf",
    "Thai": NOTO / "NotoSansThai-Regular.ttf",
    "Thai-Bold": NOTO / "NotoSansThai-Bold.ttf",
    "Lao": NOTO / "NotoSansLao-Regular.ttf",
    "Lao-Bold": NOTO / "NotoSansLao-Bold.ttf",
    "Han": WQY,
    "Han-Bold": WQY,
}
PREFIX = "Cohort"  # registered names: CohortLatin, CohortKhmer-Bold ... (no clash with other apps' fonts)
RANGES = [
    (0x1780, 0x17FF, "Khmer"),
    (0x19E0, 0x19FF, "Khmer"),
    (0x1000, 0x109F, "Myanmar"),
    (0xAA60, 0xAA7F, "Myanmar"),
    (0xA9E0, 0xA9FF, "Myanmar"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x2E80, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"),
    (0xFF00, 0xFFEF, "Han"),
    (0x20000, 0x3FFFF, "Han"),
]


def missing_fonts() -> list[str]:
    return [str(path) for path in FONTS.values() if not path.exists()]


@cache
def register_fonts() -> None:
    for name, path in FONTS.items():
        pdfmetrics.registerFont(TTFont(PREFIX + name, str(path)))


def script_of(char: str) -> str | None:
    """The font family a character needs, or None for characters that go with their neighbours."""
    if unicodedata.category(char) in ("Mn", "Mc", "Me", "Zs", "Cf") or char in "\u200c\u200d":
        return None
    code = ord(char)
    for low, high, script in RANGES:
        if low <= code <= high:
            return script
    return "Latin"


def runs(text: str) -> list[tuple[str, str]]:
    result: list[tuple[str, list[str]]] = []
    for char in text:
        script = script_of(char) or (result[-1][0] if result else "Latin")
        if result and result[-1][0] == script:
            result[-1][1].append(char)
        else:
            result.append((script, [char]))
    return [(script, "".join(chars)) for script, chars in result]


def markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for text in any mix of scripts, escaped."""
    suffix = "-Bold" if bold else ""
    return "".join(
        f'<font name="{PREFIX}{script}{suffix}">{escape(part)}</font>' for script, part in runs(text)
    )


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
        "cert", fontName=PREFIX + "Latin", fontSize=size, leading=leading, alignment=TA_CENTER, shaping=1
    )


def render(certificates: Iterable[CertificateText], *, title: str) -> bytes:
    register_fonts()
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
