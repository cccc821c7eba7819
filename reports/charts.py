"""Charts drawn on the server as SVG: no chart library reaches the browser.

Each chart is an <svg role="img"> with a <title> and a <desc> (referenced by aria-labelledby) and sits next
to a table with the same numbers. Colours come from classes in static/css/reports.css (the CSP forbids
style attributes). Hidden cells (small-cell suppression) draw no bar; their label says "<5" or a dash.
Text is escaped here, so callers may pass user-written names (course titles, organisations).
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from reports.suppression import Cell

WIDTH = 320
LABEL_W = 118
VALUE_W = 52
BAR_H = 18
GAP = 8


def _shorten(text: str, limit: int = 19) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _open(slug: str, title: str, desc: str, height: int) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{slug}-title {slug}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{slug}-title">{escape(title)}</title><desc id="{slug}-desc">{escape(desc)}</desc>'
    )


def bar_chart(*, slug: str, title: str, desc: str, rows: list[tuple[str, Cell]]) -> SafeString:
    """Horizontal bars: readable on a 360 px phone because labels never compete for width."""
    height = max(1, len(rows)) * (BAR_H + GAP) + GAP
    peak = max((c.value for _label, c in rows if not c.is_hidden and c.value), default=0)
    plot = WIDTH - LABEL_W - VALUE_W
    parts = [_open(slug, title, desc, height)]
    for index, (label, cell) in enumerate(rows):
        y = GAP + index * (BAR_H + GAP)
        parts.append(
            f'<text class="chart-label" x="{LABEL_W - 6}" y="{y + BAR_H - 5}" text-anchor="end">'
            f"{escape(_shorten(label))}</text>"
        )
        if not cell.is_hidden and cell.value and peak:
            width = max(1.0, plot * cell.value / peak)
            parts.append(
                f'<rect class="chart-bar" x="{LABEL_W}" y="{y}" width="{width:.1f}" height="{BAR_H}"/>'
            )
        else:
            width = 0.0
        parts.append(
            f'<text class="chart-value" x="{LABEL_W + width + 4:.1f}" y="{y + BAR_H - 5}">'
            f"{escape(cell.display)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above went through escape()


def column_chart(*, slug: str, title: str, desc: str, rows: list[tuple[str, Cell]]) -> SafeString:
    """Vertical bars for a time series, labelled at the first month and then every sixth."""
    height, bottom, top = 180, 150, 16
    count = max(1, len(rows))
    step = (WIDTH - 16) / count
    peak = max((c.value for _label, c in rows if not c.is_hidden and c.value), default=0)
    parts = [_open(slug, title, desc, height)]
    parts.append(f'<line class="chart-axis" x1="8" y1="{bottom}" x2="{WIDTH - 8}" y2="{bottom}"/>')
    if peak:
        parts.append(f'<text class="chart-value" x="8" y="{top - 4}">{escape(f"{int(peak):,}")}</text>')
    for index, (label, cell) in enumerate(rows):
        x = 8 + index * step
        if not cell.is_hidden and cell.value and peak:
            bar = (bottom - top) * cell.value / peak
            parts.append(
                f'<rect class="chart-bar" x="{x + step * 0.1:.1f}" y="{bottom - bar:.1f}" '
                f'width="{step * 0.8:.1f}" height="{bar:.1f}"><title>{escape(label)}: {escape(cell.display)}'
                "</title></rect>"
            )
        elif cell.is_hidden:
            parts.append(
                f'<text class="chart-hidden" x="{x + step / 2:.1f}" y="{bottom - 3}" '
                'text-anchor="middle">·</text>'
            )
        if index % 6 == 0:
            parts.append(f'<text class="chart-label" x="{x:.1f}" y="{bottom + 16}">{escape(label)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above went through escape()


# Schematic shapes of the six countries (not to scale, not a boundary claim), in a 320 x 380 box.
SHAPES = {
    "CN": "M70,10 L300,10 L300,70 L250,92 L205,84 L170,96 L130,78 L100,86 L70,60 Z",
    "MM": "M30,40 L70,60 L100,86 L108,130 L92,170 L98,230 L88,330 L70,260 L60,190 L22,150 L14,90 Z",
    "LA": "M130,78 L170,96 L182,130 L215,170 L236,222 L214,236 L196,200 L160,176 L140,150 L124,112 Z",
    "TH": "M108,130 L124,112 L140,150 L160,176 L196,200 L186,240 L150,244 L132,268 L122,320 L106,360 "
    "L96,330 L104,260 L92,170 Z",
    "KH": "M150,244 L186,240 L214,236 L236,252 L228,292 L186,300 L160,280 Z",
    "VN": "M205,84 L250,92 L262,112 L228,140 L236,176 L262,214 L276,256 L262,300 L228,330 L200,318 "
    "L228,292 L236,252 L236,222 L215,170 L182,130 L170,96 Z",
}
LABEL_AT = {
    "CN": (190, 46),
    "MM": (56, 130),
    "LA": (168, 150),
    "TH": (126, 212),
    "KH": (194, 272),
    "VN": (248, 200),
}


def reach_map(*, slug: str, title: str, desc: str, rows: list[tuple[str, str, Cell]]) -> SafeString:
    """The six countries shaded by enrolments in five steps; rows are (code, name, cell)."""
    by_code = {code: (name, cell) for code, name, cell in rows}
    peak = max((c.value for _n, c in by_code.values() if not c.is_hidden and c.value), default=0)
    parts = [_open(slug, title, desc, 380).replace('class="chart"', 'class="chart chart-map"')]
    for code, path in SHAPES.items():
        name, cell = by_code.get(code, (code, None))
        if cell is None:
            css, text = "map-out", _("not in your scope")
        elif cell.is_hidden:
            css, text = "map-hidden", cell.display
        else:
            level = 0 if not peak or not cell.value else min(4, int(4 * cell.value / peak + 0.999))
            css, text = f"map-{level}", cell.display
        x, y = LABEL_AT[code]
        parts.append(f'<path class="{css}" d="{path}"><title>{escape(name)}: {escape(text)}</title></path>')
        if cell is not None:
            parts.append(
                f'<text class="map-label" x="{x}" y="{y}" text-anchor="middle">{escape(code)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above went through escape()
