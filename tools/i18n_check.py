"""Report untranslated and fuzzy entries in the platform's catalogues (locale/<lang>/LC_MESSAGES/*.po).

    python tools/i18n_check.py            # a summary per catalogue; exit status 1 if anything is missing
    python tools/i18n_check.py -v         # also list every missing entry
    python tools/i18n_check.py --export km > km.tsv
                                          # the missing entries of one language as a numbered TSV to translate

An entry is complete when every msgstr (each plural form) is non-empty, it is not marked fuzzy, and its
Python placeholders (%(name)s, %s, {name}) are the same as the msgid's. tests/i18n/test_catalogues.py runs
the same check. The TSV round trip is described in docs/translations.md.
"""

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdfir]|%[sdfir]|\{[a-zA-Z_][a-zA-Z0-9_]*\}")


@dataclass
class Report:
    language: str
    domain: str
    total: int = 0
    untranslated: list[polib.POEntry] = field(default_factory=list)
    fuzzy: list[polib.POEntry] = field(default_factory=list)
    bad_placeholders: list[polib.POEntry] = field(default_factory=list)
    header_problems: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.untranslated or self.fuzzy or self.bad_placeholders or self.header_problems)


def catalogue_paths() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _msgstrs(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def check(path: Path) -> Report:
    catalogue = polib.pofile(str(path))
    report = Report(language=path.parent.parent.name, domain=path.stem)
    plural_forms = catalogue.metadata.get("Plural-Forms", "")
    if "nplurals=1" not in plural_forms.replace(" ", ""):
        report.header_problems.append(f"Plural-Forms is {plural_forms!r}; these languages use nplurals=1")
    for entry in catalogue:
        if entry.obsolete:
            continue
        report.total += 1
        strings = _msgstrs(entry)
        if "fuzzy" in entry.flags:
            report.fuzzy.append(entry)
        elif not strings or any(not s for s in strings):
            report.untranslated.append(entry)
        elif "python-format" in entry.flags or "python-brace-format" in entry.flags:
            wanted = placeholders(entry.msgid_plural or entry.msgid)
            if any(
                placeholders(s) != wanted and placeholders(s) != placeholders(entry.msgid) for s in strings
            ):
                report.bad_placeholders.append(entry)
    return report


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def export(language: str) -> None:
    """Missing entries of one language: number, context, msgid (escaped), msgid_plural, current msgstr."""
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    report = check(path)
    for number, entry in enumerate(report.untranslated + report.fuzzy + report.bad_placeholders, start=1):
        columns = [str(number), entry.msgctxt or "", entry.msgid, entry.msgid_plural or ""]
        print("\t".join(_escape(c) for c in columns))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--export"] and len(argv) == 2:
        export(argv[1])
        return 0
    verbose = "-v" in argv
    failed = False
    for path in catalogue_paths():
        report = check(path)
        missing = len(report.untranslated) + len(report.fuzzy) + len(report.bad_placeholders)
        status = "ok" if report.complete else "INCOMPLETE"
        print(
            f"{report.language:8} {report.domain:9} {report.total:5} entries"
            f"  {len(report.untranslated):4} untranslated  {len(report.fuzzy):4} fuzzy"
            f"  {len(report.bad_placeholders):3} placeholder errors  {status}"
        )
        for problem in report.header_problems:
            print(f"    header: {problem}")
        if verbose and missing:
            for kind, entries in (
                ("untranslated", report.untranslated),
                ("fuzzy", report.fuzzy),
                ("placeholders", report.bad_placeholders),
            ):
                for entry in entries:
                    print(f"    {kind}: {entry.msgid[:100]!r}")
        failed = failed or not report.complete
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
