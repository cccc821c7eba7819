"""Shaped text in PDFs keeps one baseline (training/reportlab_fix.py): measured on the rendered page."""

import io
import shutil
import subprocess

import pytest
from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph, SimpleDocTemplate

from certificates import fonts
from training import reportlab_fix

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")


def _baselines(text: str, tmp_path) -> tuple[int, int]:
    """The lowest inked row under the first and under the last few letters of one line of text."""
    fonts.register_fonts()
    body, _missing = fonts.markup(text)
    style = ParagraphStyle("t", fontName=fonts.font_name(fonts.LATIN), fontSize=40, leading=80, shaping=1)
    out = io.BytesIO()
    SimpleDocTemplate(out).build([Paragraph(body, style)])
    pdf = tmp_path / "line.pdf"
    pdf.write_bytes(out.getvalue())
    subprocess.run(
        [shutil.which("pdftoppm"), "-png", "-r", "100", "-singlefile", pdf, tmp_path / "line"], check=True
    )
    image = Image.open(tmp_path / "line.png").convert("L")
    width, height = image.size
    pixels = image.load()
    inked_rows = [y for y in range(height) if any(pixels[x, y] < 128 for x in range(width))]
    assert inked_rows[-1] - inked_rows[0] < 100, "the text must fit on one line for this measurement"
    inked_columns = [x for x in range(width) if any(pixels[x, y] < 128 for y in range(height))]
    left, right = inked_columns[0], inked_columns[-1]
    span = (right - left) // 6

    def bottom(x0: int, x1: int) -> int:
        return max(y for x in range(x0, x1) for y in range(height) if pixels[x, y] < 128)

    return bottom(left, left + span), bottom(right - span, right + 1)


@pytest.mark.parametrize(
    "text",
    [
        "កកកបណ្តុះកកកកកក",  # Khmer: coeng then a vowel below, each with its own offset
        "ကကကျွန်ုပ်ကကက",  # Burmese: medials and a vowel below
    ],
)
def test_glyphs_after_stacked_marks_stay_on_the_baseline(text, tmp_path):
    first, last = _baselines(text, tmp_path)
    assert abs(first - last) <= 2, f"the end of the line is {last - first} px off the baseline"


def test_the_fix_is_what_keeps_the_baseline(tmp_path, monkeypatch):
    """Without it ReportLab 5.1 sinks the rest of a Khmer line (if a release fixes that, drop the fix)."""
    monkeypatch.setattr(PDFTextObject, "setRise", reportlab_fix._original)
    first, last = _baselines("កកកបណ្តុះកកកកកក", tmp_path)
    assert last - first > 5
