"""Grading: pure functions from a question's answer key and a trainee's response to credit (0 to 1).

Nothing here touches the database or evaluates anything a trainer or trainee wrote: numbers are parsed with
Decimal (no eval), text is compared after Unicode normalisation.
"""

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from quizzes.models import MultipleScoring, QuestionKind

ZERO = Decimal(0)
ONE = Decimal(1)
MAX_NUMBER_LENGTH = 40
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Key:
    """What grading needs to know about a question (built from the model, or directly in tests)."""

    kind: str
    correct_choice_ids: frozenset[int] = frozenset()
    choice_ids: frozenset[int] = frozenset()
    multiple_scoring: str = MultipleScoring.ALL_OR_NOTHING
    numeric_answer: Decimal | None = None
    numeric_tolerance: Decimal = ZERO
    accepted_answers: tuple[str, ...] = ()


def normalise_text(value: str) -> str:
    """Case, surrounding and repeated spaces ignored; Unicode-normalised so that the same word typed
    differently compares equal. NFKC is NFC (composed and decomposed Vietnamese tones) plus compatibility
    folding: full-width letters and digits, and Thai SARA AM typed as NIKHAHIT + SARA AA."""
    value = unicodedata.normalize("NFKC", value)
    value = _SPACES.sub(" ", value).strip()
    return unicodedata.normalize("NFKC", value.casefold())


def parse_number(value: str) -> Decimal | None:
    """A trainee's number: any script's digits, a comma or point as decimal mark, spaces ignored.

    "1 234,5", "1,234.5", "๓.๕" and full-width digits all parse; "1e999", "nan" and anything long do not.
    """
    value = unicodedata.normalize("NFKC", value or "").strip()
    if not value or len(value) > MAX_NUMBER_LENGTH:
        return None
    value = _SPACES.sub("", value).replace("\u2212", "-")
    if "," in value and "." in value:
        value = value.replace(",", "")  # 1,234.5: the comma groups thousands
    elif value.count(",") == 1:
        value = value.replace(",", ".")  # 3,5: the comma is the decimal mark
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value):
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def grade(key: Key, *, selected: Collection[int], text: str) -> Decimal:
    """Credit from 0 to 1 for one response. Choice ids must already be checked to belong to the question."""
    if key.kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE):
        picked = set(selected)
        return ONE if len(picked) == 1 and picked <= key.correct_choice_ids else ZERO
    if key.kind == QuestionKind.MULTIPLE:
        return _grade_multiple(key, set(selected))
    if key.kind == QuestionKind.NUMERIC:
        number = parse_number(text)
        if number is None or key.numeric_answer is None:
            return ZERO
        return ONE if abs(number - key.numeric_answer) <= key.numeric_tolerance else ZERO
    if key.kind == QuestionKind.SHORT_TEXT:
        given = normalise_text(text)
        accepted = {normalise_text(answer) for answer in key.accepted_answers}
        return ONE if given and given in accepted else ZERO
    return ZERO


def _grade_multiple(key: Key, picked: set[int]) -> Decimal:
    correct = key.correct_choice_ids
    if not correct:
        return ZERO
    if key.multiple_scoring == MultipleScoring.ALL_OR_NOTHING:
        return ONE if picked == correct else ZERO
    # Proportional: each right pick earns 1/len(correct), each wrong pick takes as much away, floor at 0.
    # Ticking every box therefore earns nothing unless every choice is correct.
    right = len(picked & correct)
    wrong = len(picked - correct)
    credit = Decimal(right - wrong) / Decimal(len(correct))
    return max(ZERO, min(ONE, credit)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def percent(awarded: Decimal, possible: Decimal) -> Decimal:
    if possible <= 0:
        return ZERO
    return (Decimal(100) * awarded / possible).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
