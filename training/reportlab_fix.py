"""Two corrections to ReportLab 5.1's shaping, without which Khmer, Burmese, Thai and Lao text prints wrong.

1. Text rise. ReportLab draws HarfBuzz's vertical glyph offsets with the PDF text rise (``Ts``). When one
   cluster ends with the rise set back to 0 and the next begins with another rise,
   ``PDFTextObject.setRise`` merges the two ``Ts`` operators but forgets to record the new rise. The text
   object then believes the rise is 0 while the PDF says otherwise, never resets it, and every following
   glyph is drawn too low or too high. In Khmer this happens after almost any subscript followed by a
   vowel sign below (បណ្តុះ: the rest of the line sinks). ``_set_rise`` keeps the recorded rise and
   baseline in step with the operators it writes.

2. Words in several fonts. ``shapeFragWord`` (reportlab/pdfbase/ttfonts.py) shapes a whole word (text
   between spaces) with HarfBuzz in the font of its first fragment, then reads each glyph id back in the
   fragment's own font. When a word changes font without a space, as in "ดร." (the Noto Thai font has no
   full stop), "ខ្មែរ(Khmer)" or "ສູນ," the later fragments get glyph ids of the wrong font: empty boxes or
   unrelated letters. ``_shape_frag_word`` cuts such a word at each change of font and lets the original
   function shape each part with its own font, then joins the parts into one word again, so the line
   breaker still treats it as one word and no space has to be inserted. A word in one font goes to the
   original function unchanged.

Both are applied only to the ReportLab release they were written against (``WRITTEN_FOR``); another
release gets a warning and no patch, and tests/ops/test_pdf_text.py (which renders and measures the
text) fails until the corrections are checked against it. Called when the project package is imported.
"""

import warnings

import reportlab
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import ttfonts
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import paragraph

WRITTEN_FOR = "5.1.0"

_original_set_rise = PDFTextObject.setRise
_original_shape_frag_word = ttfonts.shapeFragWord


def _set_rise(self: PDFTextObject, rise: float) -> None:
    operator = f"{fp_str(rise)} Ts"
    if self._code and self._code[-1].endswith(" Ts"):
        self._y += self._rise  # undo the rise of the operator being replaced
        self._code[-1] = operator
    else:
        self._code.append(operator)
    self._rise = rise
    self._y -= rise


def _font_runs(frags: list) -> list[list]:
    """Consecutive fragments of a word grouped by font; an image or anchor stays with the run it is in."""
    runs: list[list] = [[]]
    font = None
    for frag in frags:
        style = frag[0]
        if not hasattr(style, "cbDefn"):
            if font is not None and style.fontName != font:
                runs.append([])
            font = style.fontName
        runs[-1].append(frag)
    return runs


def _shape_frag_word(word, features=_original_shape_frag_word.__defaults__[0], force=False):
    """``shapeFragWord`` that shapes each single-font part of a word with that part's font.

    ``word`` is ReportLab's frag word ``[width, (style, text), ...]``; the result has the same form, its
    width being the sum of the shaped advances.
    """
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    runs = _font_runs(word[1:])
    if len(runs) < 2:
        return _original_shape_frag_word(word, features, force)
    width = 0
    frags = []
    for run in runs:
        # force: every part comes back as shaped strings (glyphs of its own font), even plain Latin.
        part = _original_shape_frag_word([0, *run], features, True)
        width += part[0]
        frags.extend(part[1:])
    return ttfonts.makeShapedFragWord(word)([width, *frags])


def apply() -> bool:
    """Idempotent; returns whether the corrections are in place."""
    if reportlab.Version != WRITTEN_FOR:
        warnings.warn(
            f"training/reportlab_fix.py was written for ReportLab {WRITTEN_FOR}, not {reportlab.Version}: "
            "not applied. Check whether the new release still needs it (tests/ops/test_pdf_text.py).",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    PDFTextObject.setRise = _set_rise
    # paragraph.py imported the function by name, so both references are replaced.
    ttfonts.shapeFragWord = _shape_frag_word
    paragraph.shapeFragWord = _shape_frag_word
    return True
