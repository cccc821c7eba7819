import pytest
from django.conf import settings
from django.test import Client

from quizzes.models import Attempt
from tests.quizzes.factories import (
    QuizFactory,
    add_questions,
    enrolled_trainee,
    multiple,
    numeric,
    short_text,
    single,
)


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_trainee_takes_a_quiz_to_a_pass_with_autosave_and_reload(page, live_server):
    quiz = QuizFactory(title="Delta flood basics", pass_mark=75, shuffle_choices=True)
    add_questions(quiz, [single(), multiple(correct=(1, 2)), numeric("1.5", "0"), short_text("Mekong")])
    trainee = enrolled_trainee(quiz.course)
    sign_in(page, live_server, trainee)
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append((message.text, message.location.get("url")))
            if message.type == "error" and not message.location.get("url", "").endswith("favicon.ico")
            else None
        ),
    )

    page.goto(live_server.url + quiz.course.get_absolute_url())
    page.get_by_role("link", name="Delta flood basics").click()
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_role("radio", name="Option 1").check()
    page.get_by_text("Your answers are saved as you go").wait_for()
    page.get_by_role("status").filter(has_text="Answer saved.").wait_for()

    # The answer survived a reload: it was saved by the script, not by the form.
    page.reload()
    assert page.get_by_role("radio", name="Option 1").is_checked()
    page.get_by_role("checkbox", name="Measure 1").check()
    page.get_by_role("checkbox", name="Measure 2").check()
    page.get_by_label("Your answer (a number)").fill("1,5")
    page.get_by_label("Your answer", exact=True).fill("  mekong ")
    page.get_by_role("button", name="Submit answers").click()

    page.get_by_role("heading", name="Your score: 100%").wait_for()
    page.get_by_text("You passed. Well done!").wait_for()
    attempt = Attempt.objects.get(trainee=trainee)
    assert attempt.passed
    assert attempt.score == 100
    assert not errors, errors
