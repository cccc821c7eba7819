"""CSV rows for item analysis. Every text cell is neutralised against spreadsheet formula injection."""

import re
from collections.abc import Iterator

from django.utils.translation import gettext as _

from quizzes.selectors import QuizStats

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "|", "%")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def sanitize_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; real numbers pass."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(_DANGEROUS) and not _NUMBER.match(value):
        return "'" + value.replace("|", "\\|")
    return value


def item_analysis_rows(stats: QuizStats) -> Iterator[list[object]]:
    yield [
        _("position"), _("question"), _("type"), _("answered"),
        # Translators: a column heading, not a format string. xgettext:no-python-format
        _("% correct"),
        _("discrimination"), _("most chosen wrong answer"), _("choices (times picked)"),
    ]  # fmt: skip
    for stat in stats.questions:
        question = stat.question
        picked = "; ".join(f"{'*' if c.is_correct else ''}{c.choice.text} ({c.picked})" for c in stat.choices)
        row = [
            question.position,
            question.text,
            question.get_kind_display(),
            stat.answered,
            stat.percent_correct,
            stat.discrimination,
            stat.most_chosen_wrong,
            picked,
        ]
        yield [sanitize_cell(cell) for cell in row]
