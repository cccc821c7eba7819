"""Put translations back into a catalogue after `tools/i18n_check.py --export <lang> > export.tsv`.

    python tools/i18n_import.py <lang> export.tsv translated.tsv [--keep-existing]

translated.tsv has one line per entry: the export's number, a tab, the translation (\\n for a line break).
The five other languages of the platform have a single plural form, so one translation fills msgstr[0].
Imported entries lose any fuzzy flag: a reviewer who is unsure should leave the line out instead. The header
is normalised (Language, Plural-Forms: nplurals=1; plural=0;, UTF-8).
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], text[i : i + 2]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def normalise_header(catalogue: polib.POFile, language: str) -> None:
    catalogue.metadata["Language"] = language
    catalogue.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    catalogue.metadata["Language-Team"] = f"{language} (unreviewed: see docs/translations.md)"
    catalogue.metadata.pop("Last-Translator", None)


def main(language: str, export_path: str, translated_path: str, *, keep_existing: bool = False) -> None:
    exported = {}
    for line in Path(export_path).read_text(encoding="utf-8").splitlines():
        number, msgctxt, msgid, _plural = line.split("\t")
        exported[number] = (_unescape(msgctxt) or None, _unescape(msgid))
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path), wrapwidth=110)
    normalise_header(catalogue, language)
    entries = {(e.msgctxt, e.msgid): e for e in catalogue if not e.obsolete}
    done = 0
    for line in Path(translated_path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or "\t" not in line:
            continue
        number, text = line.split("\t", 1)
        key = exported.get(number.strip())
        entry = entries.get(key) if key else None
        if entry is None or not text.strip():
            print(f"skipped line {number!r}", file=sys.stderr)
            continue
        if keep_existing and entry.translated() and "fuzzy" not in entry.flags:
            continue
        text = _unescape(text.rstrip("\r"))
        if entry.msgid.endswith("\n") and not text.endswith("\n"):
            text += "\n"
        if entry.msgid_plural:
            entry.msgstr_plural = {0: text}
        else:
            entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        done += 1
    catalogue.save(str(path))
    print(f"{language}: {done} translations imported")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(arguments) != 3:
        sys.exit(__doc__)
    main(*arguments, keep_existing="--keep-existing" in sys.argv)
