"""The interface catalogues are complete: no empty, fuzzy or placeholder-broken entry in any language."""

import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import check_for_language, get_language_info

sys.path.insert(0, str(Path(settings.BASE_DIR) / "tools"))
import i18n_check

from tests.i18n.helpers import assert_written_in

CATALOGUES = i18n_check.catalogue_paths()


def test_every_platform_language_but_english_has_a_catalogue():
    languages = {path.parent.parent.name for path in CATALOGUES}
    assert languages == {"zh_Hans", "my", "lo", "th", "km", "vi"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_catalogue_has_no_untranslated_fuzzy_or_broken_entry(path):
    report = i18n_check.check(path)
    problems = [e.msgid for e in report.untranslated + report.fuzzy + report.bad_placeholders]
    assert not report.header_problems
    assert problems == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_catalogue_declares_a_single_plural_form(path):
    metadata = polib.pofile(str(path)).metadata
    assert metadata["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_compiled_catalogue_is_in_step_with_its_source(path):
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), "run `make compilemessages` (the Makefile does it before tests)"
    assert compiled.stat().st_mtime >= path.stat().st_mtime - 1


def test_lao_is_a_language_django_can_switch_to():
    assert check_for_language("lo")
    assert get_language_info("lo")["name_local"] == "ລາວ"
    assert get_language_info("km")["name_local"] == "ខ្មែរ"


FRAMEWORK_STRINGS = [
    "This field is required.",  # Django forms
    "Enter a valid email address.",  # Django validators
    "This password is too common.",  # django.contrib.auth password validation
    "The email address and/or password you specified are not correct.",  # allauth sign-in
    "Forgot your password?",  # allauth template
    "Please Confirm Your Email Address",  # allauth email subject
]


@pytest.mark.parametrize("language", ["zh-hans", "my", "lo", "th", "km", "vi"])
@pytest.mark.parametrize("msgid", FRAMEWORK_STRINGS)
def test_django_and_allauth_strings_trainees_see_are_translated(language, msgid):
    with translation.override(language):
        assert_written_in(translation.gettext(msgid), language)
