"""Reading a facilitator's participant list (CSV) into rows that can be previewed and then imported.

The file is checked whole before anything is written: `parse` returns every row and every problem, each
with the line number a spreadsheet shows (line 1 is the header). Nothing is imported while any problem
remains. A row's identity key (its email, or else its name, country, sex and age band) decides whether it
is already in the cohort, so uploading the same file twice adds nobody the second time.

Accepted: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark (Excel "Unicode text"),
comma, semicolon or tab separators, Windows, Unix or old Mac line endings, names in any script (stored in
Unicode NFC), column names in any order and case, and a few common spellings of each value.
"""

import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from accounts.models import AgeBand, Country, Sex

MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
NAME_MAX = 100
REQUIRED = ("name", "country", "sex", "age_band")
OPTIONAL = ("email", "guardian_consent")
TEMPLATE_HEADER = "name,email,country,sex,age_band,guardian_consent"

HEADER_ALIASES = {
    "name": "name", "first_name": "name", "initials": "name", "first_name_or_initials": "name",
    "email": "email", "e_mail": "email", "email_address": "email",
    "country": "country",
    "sex": "sex", "gender": "sex",
    "age_band": "age_band", "age": "age_band", "age_group": "age_band",
    "guardian_consent": "guardian_consent", "consent": "guardian_consent",
    "parental_consent": "guardian_consent",
}  # fmt: skip
COUNTRY_ALIASES = {
    "cn": "CN", "china": "CN", "中国": "CN", "中國": "CN",
    "mm": "MM", "myanmar": "MM", "burma": "MM", "မြန်မာ": "MM",
    "la": "LA", "laos": "LA", "lao": "LA", "lao pdr": "LA", "ລາວ": "LA",
    "th": "TH", "thailand": "TH", "ไทย": "TH", "ประเทศไทย": "TH",
    "kh": "KH", "cambodia": "KH", "កម្ពុជា": "KH",
    "vn": "VN", "vietnam": "VN", "viet nam": "VN", "việt nam": "VN",
    "xx": "XX", "other": "XX",
}  # fmt: skip
SEX_ALIASES = {
    "f": Sex.FEMALE, "female": Sex.FEMALE, "woman": Sex.FEMALE, "girl": Sex.FEMALE,
    "m": Sex.MALE, "male": Sex.MALE, "man": Sex.MALE, "boy": Sex.MALE,
    "other": Sex.OTHER,
    "undisclosed": Sex.UNDISCLOSED, "prefer not to say": Sex.UNDISCLOSED,
}  # fmt: skip
AGE_ALIASES = {
    "under_18": AgeBand.UNDER_18, "under 18": AgeBand.UNDER_18, "<18": AgeBand.UNDER_18,
    "0-17": AgeBand.UNDER_18,
    "18_24": AgeBand.FROM_18_TO_24, "18-24": AgeBand.FROM_18_TO_24,
    "25_34": AgeBand.FROM_25_TO_34, "25-34": AgeBand.FROM_25_TO_34,
    "35_49": AgeBand.FROM_35_TO_49, "35-49": AgeBand.FROM_35_TO_49,
    "50_plus": AgeBand.FROM_50, "50+": AgeBand.FROM_50, "50 and over": AgeBand.FROM_50,
}  # fmt: skip
YES = {"yes", "y", "true", "1", "x", "✓"}
NO = {"no", "n", "false", "0", ""}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Row:
    line: int
    display_name: str
    email: str
    country: str
    sex: str
    age_band: str
    guardian_consent: bool
    key: str
    existing: bool = False


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


@dataclass
class Preview:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def new_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.existing]

    @property
    def existing_rows(self) -> list[Row]:
        return [row for row in self.rows if row.existing]


def row_key(*, email: str, display_name: str, country: str, sex: str, age_band: str) -> str:
    """The same person gives the same key: by email when there is one, else by what the row says."""
    basis = f"e:{email}" if email else f"n:{display_name.casefold()}|{country}|{sex}|{age_band}"
    return hashlib.sha256(basis.encode()).hexdigest()


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, Problem(1, _("The file is empty."))
    if len(data) > MAX_BYTES:
        return None, Problem(1, _("The file is larger than 1 MB. Split it into smaller files."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, Problem(1, _("The file could not be read as Unicode text."))
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, Problem(
            line,
            _("This line is not UTF-8 text. In your spreadsheet, save the file as “CSV UTF-8”."),
        )


def _dialect(text: str) -> str:
    first = text.split("\n", 1)[0]
    if "," not in first:
        if "\t" in first:
            return "\t"
        if ";" in first:
            return ";"
    return ","


def _clean(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def parse(data: bytes, *, existing_keys: set[str], existing_emails: set[str]) -> Preview:
    """Check a whole file. `existing_*` describe who is already in the cohort (not errors: skipped)."""
    preview = Preview()
    text, problem = decode(data)
    if problem:
        preview.problems.append(problem)
        return preview
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(text))
    try:
        header = next(reader, None)
    except csv.Error as error:
        preview.problems.append(Problem(1, _("The header line could not be read (%s).") % error))
        return preview
    columns = _read_header(header or [], preview)
    if columns is None:
        return preview
    seen: dict[str, int] = {}
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            preview.problems.append(Problem(line, _("This line could not be read (%s).") % error))
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        if len(preview.rows) + len(preview.problems) >= MAX_ROWS:
            preview.problems.append(
                Problem(start, _("A file can hold at most %(max)d participants.") % {"max": MAX_ROWS})
            )
            break
        row = _read_row(start, cells, columns, preview)
        if row is None:
            continue
        if row.key in seen:
            preview.problems.append(
                Problem(
                    start, _("This line repeats line %(line)d (the same person).") % {"line": seen[row.key]}
                )
            )
            continue
        seen[row.key] = start
        if row.key in existing_keys or (row.email and row.email in existing_emails):
            row = Row(**{**row.__dict__, "existing": True})
        preview.rows.append(row)
    if not preview.rows and not preview.problems:
        preview.problems.append(Problem(1, _("The file has a header line but no participants.")))
    return preview


def _read_header(header: list[str], preview: Preview) -> list[str] | None:
    columns, problems = [], []
    for raw in header:
        name = re.sub(r"[\s\-]+", "_", _clean(raw).casefold())
        canonical = HEADER_ALIASES.get(name)
        if canonical is None:
            if name:
                problems.append(_("Unknown column “%(column)s”.") % {"column": raw.strip()})
            else:
                problems.append(_("A column has no name."))
        elif canonical in columns:
            problems.append(_("The column “%(column)s” appears twice.") % {"column": raw.strip()})
        columns.append(canonical or "")
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if problems:
        expected = _("The first line must name the columns, for example: %(header)s") % {
            "header": TEMPLATE_HEADER
        }
        preview.problems.extend(Problem(1, message) for message in [*problems, expected])
        return None
    return columns


def _read_row(line: int, cells: list[str], columns: list[str], preview: Preview) -> Row | None:
    if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns) :]):
        preview.problems.append(
            Problem(
                line,
                _("This line has %(found)d values but there are only %(expected)d columns.")
                % {"found": len(cells), "expected": len(columns)},
            )
        )
        return None
    if len(cells) < len(columns):
        preview.problems.append(
            Problem(
                line,
                _("This line has %(found)d values but there are %(expected)d columns.")
                % {"found": len(cells), "expected": len(columns)},
            )
        )
        return None
    values = {column: _clean(cell) for column, cell in zip(columns, cells, strict=False)}
    errors = []

    name = values["name"]
    if not name:
        errors.append(_("The name is missing."))
    elif len(name) > NAME_MAX:
        errors.append(_("The name is longer than %(max)d characters.") % {"max": NAME_MAX})
    elif CONTROL.search(name):
        errors.append(_("The name contains characters that cannot be printed."))

    email = values.get("email", "").lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(_("“%(value)s” is not an email address.") % {"value": values["email"]})

    country = COUNTRY_ALIASES.get(values["country"].casefold())
    if country is None:
        errors.append(
            _("Unknown country “%(value)s”. Use one of: %(choices)s.")
            % {"value": values["country"], "choices": ", ".join(Country.values)}
        )
    sex = SEX_ALIASES.get(values["sex"].casefold())
    if sex is None:
        errors.append(
            _("Unknown sex “%(value)s”. Use one of: %(choices)s.")
            % {"value": values["sex"], "choices": ", ".join(Sex.values)}
        )
    age_band = AGE_ALIASES.get(values["age_band"].casefold())
    if age_band is None:
        errors.append(
            _("Unknown age band “%(value)s”. Use one of: %(choices)s.")
            % {"value": values["age_band"], "choices": ", ".join(str(label) for label in AgeBand.labels)}
        )
    consent_text = values.get("guardian_consent", "").casefold()
    consent = consent_text in YES
    if consent_text not in YES | NO:
        errors.append(
            _("Guardian consent must be yes or no, not “%(value)s”.") % {"value": values["guardian_consent"]}
        )
    elif age_band == AgeBand.UNDER_18 and not consent:
        errors.append(_("This participant is under 18: confirm a parent's or guardian's consent (yes)."))

    if errors:
        preview.problems.extend(Problem(line, message) for message in errors)
        return None
    return Row(
        line=line,
        display_name=name,
        email=email,
        country=country,
        sex=sex,
        age_band=age_band,
        guardian_consent=consent,
        key=row_key(email=email, display_name=name, country=country, sex=sex, age_band=age_band),
    )
