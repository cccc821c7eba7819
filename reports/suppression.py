"""Small-cell suppression for every disaggregated table and aggregate export.

A cell counting from 1 to k-1 people (k = settings.REPORTS_MIN_CELL, 5 by default) is never shown: it reads
"<5" (primary suppression). Because each table also shows its total, one hidden cell could be worked out as
total minus the visible cells, so more cells are hidden in the same column, smallest first, until at least
two are hidden and together they count at least k (complementary suppression); those read as a dash
(HIDDEN). Zero is shown: it singles nobody out. No rate is ever computed from a hidden cell.
"""

from dataclasses import dataclass

from django.conf import settings

SHOWN, PRIMARY, COMPLEMENTARY = "shown", "primary", "complementary"
HIDDEN = "\u2013"  # an en dash: hidden, or not computed


def min_cell() -> int:
    return int(getattr(settings, "REPORTS_MIN_CELL", 5))


@dataclass(frozen=True)
class Cell:
    """One figure as a report may show it. ``value`` is None whenever the figure is hidden."""

    value: float | int | None
    state: str = SHOWN
    kind: str = "count"  # count | percent | points

    @property
    def is_hidden(self) -> bool:
        return self.state != SHOWN

    @property
    def display(self) -> str:
        if self.state == PRIMARY:
            return f"<{min_cell()}"
        if self.state == COMPLEMENTARY or self.value is None:
            return HIDDEN
        if self.kind == "count":
            return f"{int(self.value):,}"
        if self.kind == "percent":
            return f"{self.value:.1f}%"
        return f"{self.value:+.1f}"

    @property
    def export_value(self) -> str | int | float:
        """What an export writes: the number, or the same marker the page shows."""
        if self.is_hidden or self.value is None:
            return self.display
        return round(self.value, 1) if self.kind != "count" else int(self.value)


def primary_states(values: list[int], *, k: int | None = None) -> list[str]:
    k = min_cell() if k is None else k
    return [PRIMARY if 0 < v < k else SHOWN for v in values]


def complement(values: list[int], states: list[str], *, k: int | None = None) -> list[str]:
    """Hide more cells of a column whose total is shown, smallest first, until the hidden ones cannot be
    recovered by subtraction: at least two hidden, together counting at least k."""
    k = min_cell() if k is None else k
    states = list(states)
    while True:
        hidden = [v for v, s in zip(values, states, strict=True) if s != SHOWN]
        if not hidden or (len(hidden) >= 2 and sum(hidden) >= k):
            return states
        candidates = [
            (v, i) for i, (v, s) in enumerate(zip(values, states, strict=True)) if s == SHOWN and v > 0
        ]
        if not candidates:
            return states
        _, index = min(candidates)
        states[index] = COMPLEMENTARY


def column_states(values: list[int], *, k: int | None = None) -> list[str]:
    """The state of each count in a column whose total is shown alongside."""
    return complement(values, primary_states(values, k=k), k=k)


def count_cell(value: int, *, k: int | None = None) -> Cell:
    """A lone count (a headline figure): hidden when it counts 1 to k-1."""
    k = min_cell() if k is None else k
    return Cell(value=value, state=PRIMARY if 0 < value < k else SHOWN)


def rate_cell(part: Cell, whole: Cell) -> Cell:
    """part / whole in percent, only when both are shown and the whole is not zero."""
    if part.is_hidden or whole.is_hidden or not whole.value:
        return Cell(value=None, kind="percent")
    return Cell(value=100.0 * part.value / whole.value, kind="percent")


def pass_rate_cell(passed: int, attempts: int, *, k: int | None = None) -> Cell:
    """Quiz pass rate; hidden unless both the passes and the fails are 0 or at least k."""
    k = min_cell() if k is None else k
    failed = attempts - passed
    if attempts < k or 0 < passed < k or 0 < failed < k:
        return Cell(value=None, kind="percent")
    return Cell(value=100.0 * passed / attempts, kind="percent")


def mean_cell(total: float, people: int, *, k: int | None = None) -> Cell:
    """A mean over people, shown only when at least k people contribute."""
    k = min_cell() if k is None else k
    if people < k:
        return Cell(value=None, kind="points")
    return Cell(value=total / people, kind="points")
