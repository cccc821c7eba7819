"""Import questions from a CSV file (format in docs/quizzes.md): all rows or none.

Every row is checked with the same rules as the question form; every bad row is reported with its line
number in the file (a quoted field spanning lines counts its lines) and the reason. Only when every row is
valid are the questions created, in one transaction, after the quiz's existing questions.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from quizzes import grading
from quizzes.models import MultipleScoring, Question, QuestionKind, Quiz
from quizzes.services.authoring import QuestionData, create_question, validate_question

MAX_BYTES = 1024 * 1024
MAX_ROWS = 500
REQUIRED_COLUMNS = ("type", "question", "correct")
OPTIONAL_COLUMNS = ("choices", "explanation", "points", "scoring", "tolerance")
SEPARATOR = "|"
TRUE_WORDS = {"true", "t", "yes", "1"}
FALSE_WORDS = {"false", "f", "no", "0"}


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class ImportRejected(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(SEPARATOR) if part.strip()]


def _row_data(row: dict[str, str]) -> tuple[QuestionData | None, list[str]]:
    kind = (row.get("type") or "").strip().lower().replace("-", "_").replace(" ", "_")
    correct = (row.get("correct") or "").strip()
    errors: list[str] = []
    suppressed: set[str] = set()  # rule messages already said more precisely above
    points_text = (row.get("points") or "").strip() or "1"
    try:
        points = int(points_text)
    except ValueError:
        errors.append(_("points “%(value)s” is not a whole number.") % {"value": points_text[:20]})
        points = 1
    data = QuestionData(
        kind=kind,
        text=(row.get("question") or "").strip(),
        explanation=(row.get("explanation") or "").strip(),
        points=points,
        multiple_scoring=(row.get("scoring") or "").strip().lower() or MultipleScoring.ALL_OR_NOTHING,
    )
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        texts = _split(row.get("choices") or "")
        picks: set[int] = set()
        for part in _split(correct):
            if not part.isdigit() or not 1 <= int(part) <= len(texts):
                errors.append(
                    _("correct “%(value)s” is not the number of a choice (1 to %(count)s).")
                    % {"value": part[:20], "count": len(texts)}
                )
            else:
                picks.add(int(part))
        data.choices = [(text, index + 1 in picks) for index, text in enumerate(texts)]
    elif kind == QuestionKind.TRUE_FALSE:
        word = correct.lower()
        data.true_answer = True if word in TRUE_WORDS else False if word in FALSE_WORDS else None
        if data.true_answer is None and correct:
            errors.append(_("correct must be true or false, not “%(value)s”.") % {"value": correct[:20]})
    elif kind == QuestionKind.NUMERIC:
        data.numeric_answer = grading.parse_number(correct)
        if data.numeric_answer is None and correct:
            errors.append(_("correct “%(value)s” is not a number.") % {"value": correct[:40]})
            suppressed.add(_("Give the correct number."))
        tolerance_text = (row.get("tolerance") or "").strip()
        tolerance = grading.parse_number(tolerance_text) if tolerance_text else Decimal(0)
        if tolerance is None:
            errors.append(_("tolerance “%(value)s” is not a number.") % {"value": tolerance_text[:40]})
        else:
            data.numeric_tolerance = tolerance
    elif kind == QuestionKind.SHORT_TEXT:
        data.accepted_answers = _split(correct)
    errors.extend(error for error in validate_question(data) if error not in suppressed)
    return (None if errors else data), errors


def parse_questions_csv(content: bytes) -> list[QuestionData]:
    """The questions in the file, or ImportRejected listing every problem."""
    if len(content) > MAX_BYTES:
        raise ImportRejected([RowError(0, _("The file is larger than 1 MB."))])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(
            [RowError(0, _("The file is not UTF-8 text. Save it as “CSV UTF-8”."))]
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as error:
        raise ImportRejected(
            [RowError(1, _("The header cannot be read: %(error)s") % {"error": error})]
        ) from None
    reader.fieldnames = header
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name and name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown or len(set(header)) != len(header):
        message = _("The header must name the columns %(columns)s.") % {
            "columns": ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
        }
        if missing:
            message += " " + _("Missing: %(names)s.") % {"names": ", ".join(missing)}
        if unknown:
            message += " " + _("Unknown: %(names)s.") % {"names": ", ".join(unknown)[:200]}
        raise ImportRejected([RowError(1, message)])
    questions: list[QuestionData] = []
    errors: list[RowError] = []
    line = reader.line_num
    try:
        for row in reader:
            start, line = line + 1, reader.line_num
            if None in row:
                errors.append(RowError(start, _("The row has more fields than the header.")))
                continue
            if not any((value or "").strip() for value in row.values()):
                continue  # blank lines are allowed
            if len(questions) + len(errors) >= MAX_ROWS:
                errors.append(
                    RowError(start, _("A file holds at most %(max)s questions.") % {"max": MAX_ROWS})
                )
                break
            data, problems = _row_data(row)
            if data is None:
                errors.extend(RowError(start, problem) for problem in problems)
            else:
                questions.append(data)
    except csv.Error as error:
        errors.append(RowError(line + 1, _("The row cannot be read: %(error)s") % {"error": error}))
    if errors:
        raise ImportRejected(errors)
    if not questions:
        raise ImportRejected([RowError(0, _("The file has no questions."))])
    return questions


@transaction.atomic
def import_questions(*, quiz: Quiz, content: bytes) -> list[Question]:
    questions = parse_questions_csv(content)
    return [create_question(quiz=quiz, data=data) for data in questions]
