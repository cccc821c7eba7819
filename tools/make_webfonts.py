"""Build the web fonts in static/fonts/ from Debian's Noto fonts (fonts-noto-core), subset to one script each.

    python tools/make_webfonts.py

Each WOFF2 keeps every OpenType layout feature (the shaping rules Khmer, Lao, Burmese and Thai need) and only
the code points of its script plus the joiners and the dotted circle. static/css/fonts.css declares them with
the same unicode-range, so a browser downloads a file only for a page that uses that script, and only when
the device has no such font of its own. The fonts are under the SIL Open Font License (static/fonts/OFL.txt).
"""

from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parent.parent / "static" / "fonts"
COMMON = "U+200B-200D,U+25CC"
FONTS = {
    "NotoSansKhmer-Regular": "U+1780-17FF,U+19E0-19FF",
    "NotoSansLao-Regular": "U+0E80-0EFF",
    "NotoSansMyanmar-Regular": "U+1000-109F,U+A9E0-A9FF,U+AA60-AA7F",
    "NotoSansThai-Regular": "U+0E01-0E5B",
}


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, ranges in FONTS.items():
        output = TARGET / f"{name}.woff2"
        subset.main(
            [
                str(SOURCE / f"{name}.ttf"),
                f"--unicodes={ranges},{COMMON}",
                "--layout-features=*",
                "--flavor=woff2",
                "--no-hinting",
                "--desubroutinize",
                f"--output-file={output}",
            ]
        )
        print(f"{output.name}: {output.stat().st_size // 1024} KB ({ranges})")


if __name__ == "__main__":
    main()
