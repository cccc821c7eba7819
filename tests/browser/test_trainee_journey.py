"""The key trainee journey in Debian's chromium: sign up, enrol, complete a lesson, on a phone screen."""

import pytest

from learning.models import Enrolment, LessonProgress
from tests.factories import course_with_lessons

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 360, "height": 740}, "locale": "en"}


def test_sign_up_enrol_and_complete_a_lesson(page, live_server, settings, tmp_path):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    course = course_with_lessons(modules=1, lessons_per_module=2, title="Community climate adaptation basics")

    page.goto(live_server.url + "/courses/")
    page.get_by_role("link", name="Community climate adaptation basics").click()
    page.get_by_role("link", name="Sign up to enrol").click()

    page.get_by_label("Email").fill("lan@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-and-unusual-passphrase")
    page.get_by_label("Password (again)").fill("a-long-and-unusual-passphrase")
    page.get_by_label("Full name").fill("ສົມພອນ ແກ້ວມະນີ")
    page.get_by_label("Country", exact=True).select_option("LA")
    page.get_by_label("Sex", exact=True).select_option("female")
    page.get_by_label("Age", exact=True).select_option("25_34")
    page.get_by_role("button", name="Sign Up").click()

    page.wait_for_url(f"**{course.get_absolute_url()}")
    page.get_by_role("button", name="Enrol in this course").click()
    page.get_by_text("You are enrolled").wait_for()
    page.get_by_role("link", name="Start the first lesson").click()
    page.get_by_role("heading", level=1).wait_for()
    page.screenshot(path=str(tmp_path / "lesson-360.png"), full_page=True)
    page.get_by_role("button", name="Mark as complete").click()
    page.get_by_text("Lesson marked as complete").wait_for()

    enrolment = Enrolment.objects.get(trainee__email="lan@example.org", course=course)
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
    # Nothing on the phone layout overflows sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
