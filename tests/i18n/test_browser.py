"""Fonts and rendering in Debian's chromium: web fonts load only for their script; screenshots per language.

A phone without Khmer, Lao, Burmese or Thai fonts is simulated by a chromium whose fontconfig knows only
DejaVu. Screenshots go to var/screenshots/i18n/ (not committed); look at them after template or CSS changes.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import EnrolmentFactory, course_with_lessons
from tests.i18n.factories import CourseTranslationFactory, LessonTranslationFactory, ModuleTranslationFactory
from tests.i18n.helpers import LANGUAGES, trainee_speaking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Not test-results/: pytest-playwright empties that folder at the start of every run.
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "i18n"

# A lesson in each language: title, module title, body (Markdown). Written for the screenshots.
LESSONS = {
    "zh-hans": (
        "红树林与风暴潮",
        "第一单元",
        "## 为什么重要\n\n湄公河三角洲的洪水在增加。**红树林**能减弱风暴潮。",
    ),
    "my": (
        "ဒီရေတောနှင့် မုန်တိုင်းလှိုင်း",
        "ပထမ မော်ဂျူး",
        "## ဘာကြောင့် အရေးကြီးသနည်း\n\nမဲခေါင်မြစ်ဝကျွန်းပေါ်တွင် ရေကြီးမှု များလာသည်။ "
        "**ဒီရေတော**များက မုန်တိုင်းလှိုင်းကို လျော့ပါးစေသည်။",
    ),
    "lo": (
        "ປ່າຊາຍເລນ ແລະ ຄື້ນພາຍຸ",
        "ໂມດູນທີໜຶ່ງ",
        "## ເປັນຫຍັງຈຶ່ງສຳຄັນ\n\nນ້ຳຖ້ວມເພີ່ມຂຶ້ນໃນສາມຫຼ່ຽມແມ່ຂອງ. **ປ່າຊາຍເລນ** ຊ່ວຍຫຼຸດຄື້ນພາຍຸ.",
    ),
    "th": (
        "ป่าชายเลนกับคลื่นพายุซัดฝั่ง",
        "หน่วยที่หนึ่ง",
        "## ทำไมจึงสำคัญ\n\nน้ำท่วมในสามเหลี่ยมปากแม่น้ำโขงเพิ่มขึ้น **ป่าชายเลน**ช่วยลดคลื่นพายุซัดฝั่ง",
    ),
    "km": (
        "ព្រៃកោងកាង និងរលកព្យុះ",
        "ម៉ូឌុលទីមួយ",
        "## ហេតុអ្វីវាសំខាន់\n\nទឹកជំនន់កំពុងកើនឡើងនៅដីសណ្តទន្លេមេគង្គ។ **ព្រៃកោងកាង**ជួយកាត់បន្ថយរលកព្យុះ។",
    ),
    "vi": (
        "Rừng ngập mặn và nước dâng do bão",
        "Học phần một",
        "## Vì sao quan trọng\n\nLũ lụt ở **Đồng bằng sông Cửu Long** đang tăng. "
        "Rừng ngập mặn giúp giảm nước dâng do bão.",
    ),
}
FONT_FILES = {
    "km": "NotoSansKhmer-Regular.woff2",
    "lo": "NotoSansLao-Regular.woff2",
    "my": "NotoSansMyanmar-Regular.woff2",
    "th": "NotoSansThai-Regular.woff2",
}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 360, "height": 740}}


@pytest.fixture
def translated_lesson():
    course = course_with_lessons(modules=1, lessons_per_module=2, title="Mangroves and storm surge")
    module = course.modules.get()
    lesson = module.lessons.order_by("position").first()
    for language, (title, module_title, body) in LESSONS.items():
        LessonTranslationFactory(lesson=lesson, language=language, title=title, body=body)
        ModuleTranslationFactory(module=module, language=language, title=module_title)
        CourseTranslationFactory(course=course, language=language, title=title, summary=title)
    return lesson


def sign_in_as(context, live_server, language, course):
    """A signed-in trainee reading in ``language``: the session cookie is set on the browser context."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore

    trainee = trainee_speaking(language)
    EnrolmentFactory(trainee=trainee, course=course)
    session = SessionStore()
    session[SESSION_KEY] = str(trainee.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = trainee.get_session_auth_hash()
    session.save()
    host = live_server.url.split("//")[1].split(":")[0]
    context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "domain": host, "path": "/"},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "domain": host, "path": "/"},
        ]
    )


@pytest.fixture(scope="session")
def phone_without_fonts(browser_type, browser_type_launch_args, tmp_path_factory):
    """A chromium that has only DejaVu, like a phone without fonts for the Mekong scripts."""
    folder = tmp_path_factory.mktemp("fontconfig")
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{folder}/cache</cachedir></fontconfig>"
    )
    browser = browser_type.launch(
        **browser_type_launch_args, env={**os.environ, "FONTCONFIG_FILE": str(config)}
    )
    yield browser
    browser.close()


def font_requests_for(browser, live_server, url, language, course):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    sign_in_as(context, live_server, language, course)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"lesson-{language}-webfonts.png"), full_page=True)
    context.close()
    return [Path(url).name for url in requested if "/static/fonts/" in url]


def test_an_english_page_downloads_no_web_font(phone_without_fonts, live_server, translated_lesson):
    fonts = font_requests_for(
        phone_without_fonts,
        live_server,
        translated_lesson.get_absolute_url(),
        "en",
        translated_lesson.module.course,
    )
    assert fonts == []


@pytest.mark.parametrize("language", ["km", "lo", "my", "th"])
def test_a_page_in_a_mekong_script_downloads_only_that_scripts_font(
    phone_without_fonts, live_server, translated_lesson, language
):
    fonts = font_requests_for(
        phone_without_fonts,
        live_server,
        translated_lesson.get_absolute_url(),
        language,
        translated_lesson.module.course,
    )
    assert fonts == [FONT_FILES[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_page_screenshot_in_each_language(page, live_server, translated_lesson, language):
    sign_in_as(page.context, live_server, language, translated_lesson.module.course)
    page.goto(live_server.url + translated_lesson.get_absolute_url())
    page.get_by_role("heading", level=1).wait_for()
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.locator("html").get_attribute("lang") == language
    heading = page.get_by_role("heading", level=1).inner_text()
    expected = LESSONS[language][0] if language in LESSONS else translated_lesson.title
    assert heading == expected
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"lesson-{language}.png"), full_page=True)
    # Nothing overflows sideways on a 360 px phone, whatever the script.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_trainer_translates_a_lesson_in_the_studio_and_a_lao_trainee_reads_it(page, live_server, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    from tests.factories import TrainerFactory

    course = course_with_lessons(modules=1, lessons_per_module=2, title="Mangroves and storm surge")
    lesson = course.modules.get().lessons.order_by("position").first()
    trainer = TrainerFactory()
    course.trainers.add(trainer)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(trainer.email)
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/learn/")
    page.goto(live_server.url + f"/studio/courses/{course.slug}/")
    page.get_by_role("link", name="Translations").click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "studio-translations.png"), full_page=True)
    page.get_by_role("link", name=f"Add (lo: {lesson.title})").click()
    page.get_by_label("Title").fill("ເປັນຫຍັງຈຶ່ງສຳຄັນ")
    page.get_by_label("Text (Markdown)").fill("ນ້ຳຖ້ວມເພີ່ມຂຶ້ນໃນ **ສາມຫຼ່ຽມແມ່ຂອງ**.")
    page.screenshot(path=str(SCREENSHOTS / "studio-translation-form.png"), full_page=True)
    page.get_by_role("button", name="Save translation").click()
    page.get_by_text("Translation saved.").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.context.clear_cookies()
    sign_in_as(page.context, live_server, "lo", course)
    page.goto(live_server.url + lesson.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "ເປັນຫຍັງຈຶ່ງສຳຄັນ"
    page.goto(live_server.url + course.modules.get().lessons.order_by("position").last().get_absolute_url())
    page.get_by_role("note").wait_for()
    page.screenshot(path=str(SCREENSHOTS / "lesson-lo-fallback-note.png"), full_page=True)
