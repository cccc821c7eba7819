"""Fonts for every PDF the platform draws (certificates, attendance certificates, the donor summary), and
splitting text into runs that one font can draw.

ReportLab has no font fallback: each run of text is drawn in the one font named for it, and a character
that font lacks comes out as an empty box. A name such as "សុភ័ក្ត្រ (Sopheak)" therefore has to be cut into
runs by script, each wrapped in ``<font name=...>`` markup, inside a Paragraph with ``shaping=1`` (the only
ReportLab path that runs HarfBuzz; ``canvas.drawString`` does not shape).

The fonts are OFL TrueType files from Debian's ``fonts-noto-core`` and ``fonts-wqy-microhei`` (Noto CJK in
Debian is CFF, which ReportLab refuses). ``CERTIFICATE_FONTS`` in the settings may point elsewhere; a system
check reports missing files at start-up.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

NOTO = Path("/usr/share/fonts/truetype/noto")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

LATIN, KHMER, MYANMAR, THAI, LAO, HAN = "latin", "khmer", "myanmar", "thai", "lao", "han"

# script -> (regular file, bold file). Latin covers Vietnamese, and the Noto Sans file also covers Greek
# and Cyrillic; it is the fallback for every character no other script claims.
DEFAULT_FONT_FILES: dict[str, tuple[Path, Path]] = {
    LATIN: (NOTO / "NotoSans-Regular.ttf", NOTO / "NotoSans-Bold.ttf"),
    KHMER: (NOTO / "NotoSansKhmer-Regular.ttf", NOTO / "NotoSansKhmer-Bold.ttf"),
    MYANMAR: (NOTO / "NotoSansMyanmar-Regular.ttf", NOTO / "NotoSansMyanmar-Bold.ttf"),
    THAI: (NOTO / "NotoSansThai-Regular.ttf", NOTO / "NotoSansThai-Bold.ttf"),
    LAO: (NOTO / "NotoSansLao-Regular.ttf", NOTO / "NotoSansLao-Bold.ttf"),
    HAN: (WQY, WQY),  # WenQuanYi Micro Hei has no bold face
}

# Unicode blocks of the scripts that need their own font (inclusive ranges).
_SCRIPT_RANGES: list[tuple[int, int, str]] = [
    (0x0E00, 0x0E7F, THAI),
    (0x0E80, 0x0EFF, LAO),
    (0x1000, 0x109F, MYANMAR),
    (0x1780, 0x17FF, KHMER),
    (0x19E0, 0x19FF, KHMER),
    (0x2E80, 0x2FDF, HAN),
    (0x3000, 0x303F, HAN),
    (0x3040, 0x30FF, HAN),
    (0x3100, 0x31BF, HAN),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xA9E0, 0xA9FF, MYANMAR),
    (0xAA60, 0xAA7F, MYANMAR),
    (0xF900, 0xFAFF, HAN),
    (0xFF00, 0xFFEF, HAN),
    (0x20000, 0x3134F, HAN),
]
# Joiners and marks belong to the run before them: splitting them off would break the shaping of a cluster.
_STICKY = {"\u200c", "\u200d", "\u2060", "\ufe0e", "\ufe0f"}


def font_files() -> dict[str, tuple[Path, Path]]:
    configured = getattr(settings, "CERTIFICATE_FONTS", None) or {}
    files = dict(DEFAULT_FONT_FILES)
    for script, paths in configured.items():
        files[script] = (Path(paths[0]), Path(paths[1]))
    return files


def missing_font_files() -> list[Path]:
    seen: list[Path] = []
    for regular, bold in font_files().values():
        for path in (regular, bold):
            if not path.is_file() and path not in seen:
                seen.append(path)
    return seen


def font_name(script: str, *, bold: bool = False) -> str:
    regular, bold_file = font_files()[script]
    # A family without a bold face uses its regular font: registering one file under two names makes two
    # subsets with the same PDF font name, and viewers then draw one subset's glyphs from the other.
    return f"MCT-{script}-Bold" if bold and bold_file != regular else f"MCT-{script}"


@functools.cache
def register_fonts() -> dict[str, TTFont]:
    """Register every certificate font with ReportLab once per process; returns them by ReportLab name."""
    registered: dict[str, TTFont] = {}
    for script, (regular, bold) in font_files().items():
        for path, is_bold in ((regular, False), (bold, True)):
            name = font_name(script, bold=is_bold)
            if name in registered:
                continue
            font = (
                TTFont(name, str(path), subfontIndex=0) if path.suffix == ".ttc" else TTFont(name, str(path))
            )
            pdfmetrics.registerFont(font)
            registered[name] = font
    return registered


def script_of(char: str) -> str | None:
    """The script that needs its own font for this character, LATIN for everything else, None if neutral."""
    if char in _STICKY or unicodedata.category(char) in ("Mn", "Mc", "Me") or char.isspace():
        return None
    code = ord(char)
    for start, end, script in _SCRIPT_RANGES:
        if start <= code <= end:
            return script
    return LATIN


def has_glyph(script: str, char: str) -> bool:
    font = register_fonts()[font_name(script)]
    return ord(char) in font.face.charToGlyph


@dataclass(frozen=True)
class Run:
    script: str
    text: str


@dataclass
class SplitResult:
    runs: list[Run]
    missing: list[str]  # characters that no certificate font can draw (printed as the font's empty box)


_FALLBACK_ORDER = [LATIN, HAN, KHMER, MYANMAR, THAI, LAO]


def split_runs(text: str) -> SplitResult:
    """Cut text into runs of one font each.

    Each character goes to its script's font, or to the first other font with a glyph for it; a character
    that no font has stays in the current run and is reported. A word (text between spaces) may change
    font with nothing inserted: "ดร." is the Thai "ดร" and a full stop from Noto Sans (the Thai font has
    none). ReportLab 5.1 would shape such a word in its first font; training/reportlab_fix.py makes it
    shape each part in its own.
    """
    register_fonts()
    missing: list[str] = []
    runs: list[Run] = []
    current: str | None = None
    buffer: list[str] = []
    for char in text:
        script = script_of(char)
        if script is None:
            buffer.append(char)  # a mark, joiner or space stays with the run before it
            continue
        if not has_glyph(script, char):
            covering = next((s for s in _FALLBACK_ORDER if has_glyph(s, char)), None)
            if covering is None:
                if char not in missing:
                    missing.append(char)
                script = current or LATIN
            else:
                script = covering
        if current is not None and script != current:
            runs.append(Run(current, "".join(buffer)))
            buffer = []
        current = script
        buffer.append(char)
    if buffer:
        runs.append(Run(current or LATIN, "".join(buffer)))
    return SplitResult(runs=runs, missing=missing)


def markup(text: str, *, bold: bool = False) -> tuple[str, list[str]]:
    """Paragraph markup for text in any mix of scripts, escaped, with a <font> per run."""
    result = split_runs(text)
    parts = [
        f'<font name="{font_name(run.script, bold=bold)}">{escape(run.text)}</font>' for run in result.runs
    ]
    return "".join(parts), result.missing
