"""The PDF: shaped text in every Mekong script, metadata, fallbacks. Names are checked through the
metadata and the shaper, never through extracted text (shaped glyphs do not round-trip)."""

import datetime
import io
import shutil
import subprocess

import pytest
from django.core import checks
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import shapeStr

from certificates.rendering import CertificateDocument, Signatory, render_certificate
from training import pdf_fonts

NAMES = {
    "km": "សុភ័ក្ត្រ ស្រីមុំ",
    "my": "ဒေါ်ခင်ကြည် မြင့်မြတ်",
    "th": "น้ำผึ้ง ศรีสุข",
    "lo": "ແກ້ວ ບຸນມີ",
    "vi": "Nguyễn Thị Hương",
    "zh-hans": "王芳",
}


def document(**overrides) -> CertificateDocument:
    values = {
        "holder_name": "Nguyễn Thị Hương",
        "holder_latin_name": "Nguyen Thi Huong",
        "course_title": "Community climate adaptation",
        "hours": 12,
        "completed_on": datetime.date(2026, 11, 30),
        "issuer_name": "Lancang-Mekong Environmental Cooperation Center",
        "code": "abcdEFGH1234ijklMNOP56",
        "reference": "MCT-ABCD-EFGH",
        "verify_url": "http://testserver/verify/abcdEFGH1234ijklMNOP56/",
        "signatories": [Signatory(name="Dr. Malai Phommachanh", title="Programme director")],
    }
    values.update(overrides)
    return CertificateDocument(**values)


def embedded_font_names(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.parametrize(("language", "name"), NAMES.items())
def test_each_script_renders_a_one_page_landscape_pdf_with_the_name_in_its_metadata(language, name):
    rendered = render_certificate(document(holder_name=name, language=language))
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert reader.metadata.title.endswith(f" — {name}")
    assert reader.metadata.subject == "Community climate adaptation"
    assert rendered.warnings == []


@pytest.mark.parametrize(
    ("name", "font"),
    [
        ("សុភ័ក្ត្រ", "NotoSansKhmer-Bold"),
        ("ဒေါ်ခင်ကြည်", "NotoSansMyanmar-Bold"),
        ("น้ำผึ้ง", "NotoSansThai-Bold"),
        ("ແກ້ວ", "NotoSansLao-Bold"),
        ("王芳", "WenQuanYiMicroHei-0"),
    ],
)
def test_each_script_is_drawn_in_its_own_embedded_font(name, font):
    rendered = render_certificate(document(holder_name=name))
    assert font in embedded_font_names(rendered.pdf)


def test_the_shaper_reorders_khmer_and_burmese_pre_base_vowels():
    pdf_fonts.register_fonts()
    khmer = shapeStr("ខ្មែរ", pdf_fonts.font_name(pdf_fonts.KHMER), 20)
    # ែ (U+17C2) is typed after the cluster but drawn first: shaping ran.
    assert khmer[0] == "\u17c2"
    # The coeng + MO pair becomes one subscript glyph (a private-use code point), not two characters.
    assert len(khmer) == 4
    burmese = shapeStr("ဒေါ်", pdf_fonts.font_name(pdf_fonts.MYANMAR), 20)
    assert burmese[0] == "\u1031"


def test_mixed_script_name_is_split_into_one_run_per_font():
    result = pdf_fonts.split_runs("សុភ័ក្ត្រ ស្រីមុំ (Sopheak) 王芳 น้ำผึ้ง")
    assert [run.script for run in result.runs] == [
        pdf_fonts.KHMER,
        pdf_fonts.LATIN,
        pdf_fonts.HAN,
        pdf_fonts.THAI,
    ]
    assert "".join(run.text for run in result.runs) == "សុភ័ក្ត្រ ស្រីមុំ (Sopheak) 王芳 น้ำผึ้ง"
    assert result.missing == []


def test_digits_in_a_chinese_date_are_latin_like_in_every_other_language():
    result = pdf_fonts.split_runs("2026年11月30日")
    assert [run.text for run in result.runs] == ["2026", "年", "11", "月", "30", "日"]
    assert [run.script for run in result.runs] == [pdf_fonts.LATIN, pdf_fonts.HAN] * 3


def test_a_word_no_single_font_covers_changes_font_with_nothing_inserted():
    result = pdf_fonts.split_runs("ខ្មែរ(Khmer)")
    assert [run.script for run in result.runs] == [pdf_fonts.KHMER, pdf_fonts.LATIN]
    assert [run.text for run in result.runs] == ["ខ្មែរ", "(Khmer)"]
    result = pdf_fonts.split_runs("ດຣ. ສູນ, ລາວ")  # the Lao font has no full stop or comma
    assert [run.text for run in result.runs] == ["ດຣ", ". ", "ສູນ", ", ", "ລາວ"]


def test_markup_escapes_the_name():
    body, _missing = pdf_fonts.markup('<b>Ann & "Bo"</b>')
    assert "<b>" not in body
    assert "&lt;b&gt;Ann &amp;" in body


def test_name_of_200_characters_in_mixed_scripts_fits_on_the_page():
    name = ("សុភ័ក្ត្រ ဒေါ်ခင်ကြည် น้ำผึ้ง ແກ້ວ 王芳 Nguyễn " * 10)[:200]
    assert len(name) == 200
    rendered = render_certificate(document(holder_name=name, course_title="Ứng phó " * 25))
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert len(reader.pages) == 1
    assert reader.metadata.title.endswith(name)
    assert rendered.warnings == []


def test_a_character_no_font_has_prints_with_the_fallback_and_a_warning():
    rendered = render_certificate(document(holder_name="Sok \U0001f600 \U00013000"))
    assert len(PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    assert len(rendered.warnings) == 1
    assert "U+1F600" in rendered.warnings[0]
    assert "U+13000" in rendered.warnings[0]


def test_an_unreadable_logo_gives_a_warning_not_a_crash():
    rendered = render_certificate(document(logos=[b"not an image"]))
    assert len(PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    assert "logo" in rendered.warnings[0]


def test_verification_address_is_printed_in_latin_text():
    rendered = render_certificate(document())
    text = PdfReader(io.BytesIO(rendered.pdf)).pages[0].extract_text()
    assert "http://testserver/verify/abcdEFGH1234ijklMNOP56/" in text
    assert "MCT-ABCD-EFGH" in text


def test_system_check_reports_missing_font_files(settings, tmp_path):
    assert [m.id for m in checks.run_checks() if m.id.startswith("certificates.")] == []
    settings.CERTIFICATE_FONTS = {pdf_fonts.LAO: (tmp_path / "gone.ttf", tmp_path / "gone-bold.ttf")}
    errors = [m for m in checks.run_checks() if m.id == "certificates.E001"]
    assert len(errors) == 1
    assert "gone.ttf" in errors[0].msg


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)
def test_qr_code_scans_to_the_verification_address(tmp_path):
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(render_certificate(document(holder_name="សុភ័ក្ត្រ ស្រីមុំ")).pdf)
    pdftoppm, zbarimg = shutil.which("pdftoppm"), shutil.which("zbarimg")
    subprocess.run([pdftoppm, "-png", "-r", "150", "-singlefile", pdf, tmp_path / "page"], check=True)
    scanned = subprocess.run(
        [zbarimg, "--quiet", "--raw", tmp_path / "page.png"], capture_output=True, text=True, check=True
    )
    assert scanned.stdout.strip() == "http://testserver/verify/abcdEFGH1234ijklMNOP56/"
