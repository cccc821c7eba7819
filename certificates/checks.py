"""System checks: certificates cannot be printed correctly without their fonts and the HarfBuzz shaper."""

import importlib.util

from django.core import checks

from training import pdf_fonts


@checks.register(checks.Tags.compatibility)
def certificate_fonts_installed(app_configs, **kwargs) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    missing = pdf_fonts.missing_font_files()
    if missing:
        errors.append(
            checks.Error(
                "Certificate fonts are missing: " + ", ".join(str(path) for path in missing),
                hint="Install the Debian packages fonts-noto-core and fonts-wqy-microhei, "
                "or point CERTIFICATE_FONTS at TrueType files.",
                id="certificates.E001",
            )
        )
    if importlib.util.find_spec("uharfbuzz") is None:
        errors.append(
            checks.Error(
                "uharfbuzz is not installed: ReportLab would print Khmer, Burmese, Thai and Lao unshaped.",
                hint='Install "reportlab[shaping]".',
                id="certificates.E002",
            )
        )
    return errors
