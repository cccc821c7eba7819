"""A correction to ReportLab 5.1's text rise, without which shaped Khmer, Burmese and Thai text drifts.

ReportLab draws HarfBuzz's vertical glyph offsets with the PDF text rise (``Ts``). When one cluster ends
with the rise set back to 0 and the next begins with another rise, ``PDFTextObject.setRise`` merges the two
``Ts`` operators but forgets to record the new rise. The text object then believes the rise is 0 while the
PDF says otherwise, never resets it, and every following glyph is drawn too low or too high. In Khmer this
happens after almost any subscript followed by a vowel sign below (បណ្តុះ: the rest of the line sinks),
so certificates, attendance certificates and report PDFs would print broken course titles and names.

``apply()`` replaces ``setRise`` with a version that keeps the recorded rise and baseline in step with the
operators it writes. tests/certificates/test_rendering.py renders such text and measures the baselines.
"""

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.textobject import PDFTextObject

_original = PDFTextObject.setRise


def _set_rise(self: PDFTextObject, rise: float) -> None:
    operator = f"{fp_str(rise)} Ts"
    if self._code and self._code[-1].endswith(" Ts"):
        self._y += self._rise  # undo the rise of the operator being replaced
        self._code[-1] = operator
    else:
        self._code.append(operator)
    self._rise = rise
    self._y -= rise


def apply() -> None:
    """Idempotent; called when the project package is imported, before any PDF is drawn."""
    PDFTextObject.setRise = _set_rise
