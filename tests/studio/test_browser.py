import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from courses.models import Course, CourseStatus
from tests.factories import ProgrammeFactory
from tests.studio.factories import TrainerFactory


def _sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_trainer_builds_reorders_publishes_and_finds_the_course(page, live_server, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    programme = ProgrammeFactory(name="Community adaptation")
    trainer = TrainerFactory()
    csp_errors = []
    page.on(
        "console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    _sign_in(page, live_server, trainer)

    page.goto(f"{live_server.url}/studio/")
    page.get_by_role("link", name="Create a course").click()
    page.get_by_label("Title").fill("Mangroves protect coasts")
    page.get_by_label("Summary").fill("Why and how communities restore mangroves.")
    page.get_by_label("Programme").select_option(label=programme.name)
    page.get_by_role("button", name="Create the course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mangroves protect coasts")

    page.get_by_label("New module").fill("Mangrove basics")
    page.get_by_role("button", name="Add module").click()
    for title in ("Where mangroves grow", "Planting seedlings"):
        page.get_by_label("New lesson in this module").fill(title)
        page.get_by_role("button", name="Add lesson").click()

    for title, body in (
        ("Where mangroves grow", "Along **tidal** coasts."),
        ("Planting seedlings", "In rows."),
    ):
        page.get_by_role("link", name=title, exact=True).click()
        page.get_by_label("Text (Markdown)").fill(body)
        expect(page.locator("#autosave-status")).to_contain_text("Draft saved", timeout=10_000)
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_role("status").filter(has_text="Lesson saved")).to_be_visible()
        page.get_by_role("link", name="Mangroves protect coasts").click()

    page.get_by_role("button", name="Move lesson “Planting seedlings” up").click()
    lessons = page.locator(".studio-lesson > .studio-row > a:first-child")
    expect(lessons).to_have_text(["Planting seedlings", "Where mangroves grow"])

    page.get_by_role("link", name="Check and publish").click()
    expect(page.get_by_text("Everything needed is there.")).to_be_visible()
    page.get_by_role("button", name="Publish the course").click()
    expect(page.get_by_text("Published: the course is now in the catalogue.")).to_be_visible()

    page.goto(f"{live_server.url}/courses/")
    page.get_by_role("link", name="Mangroves protect coasts").click()
    expect(page).to_have_url(re.compile(r"/courses/mangroves-protect-coasts/$"))
    outline = page.locator(".outline li a")
    expect(outline).to_have_text(["Planting seedlings", "Where mangroves grow"])
    assert Course.objects.get().status == CourseStatus.PUBLISHED
    assert csp_errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_dragging_a_lesson_saves_the_new_order(page, live_server):
    from courses import services
    from tests.studio.factories import draft_course

    trainer = TrainerFactory()
    course = draft_course(trainer, title="Drag test")
    module = services.add_module(course=course, title="M")
    for title in ("One", "Two", "Three"):
        services.add_lesson(module=module, title=title, body="Text.")
    _sign_in(page, live_server, trainer)
    page.goto(f"{live_server.url}/studio/courses/{course.slug}/")
    lessons = page.locator(".studio-lesson")
    with page.expect_response(lambda response: "/lessons/order/" in response.url) as saved:
        lessons.nth(2).drag_to(lessons.nth(0), target_position={"x": 20, "y": 3})
    assert saved.value.ok
    page.wait_for_load_state()  # the script reloads the outline after saving
    expect(page.locator(".studio-lesson > .studio-row > a:first-child")).to_have_text(["Three", "One", "Two"])
    assert list(module.lessons.order_by("position").values_list("title", flat=True)) == [
        "Three",
        "One",
        "Two",
    ]
