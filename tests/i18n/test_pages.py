"""Every main page renders in every platform language, in that language; a trainee's profile language wins."""

import pytest
from django.conf import settings
from django.urls import reverse

from quizzes import services as quiz_services
from tests.factories import EnrolmentFactory, TrainerFactory, course_with_lessons
from tests.i18n.helpers import LANGUAGES, assert_written_in, trainee_speaking
from tests.quizzes.factories import QuizFactory, add_questions, single

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    course = course_with_lessons(modules=1, lessons_per_module=2, title="Mangroves and storm surge")
    lesson = course.modules.get().lessons.order_by("position").first()
    quiz = QuizFactory(course=course, module=course.modules.get())
    question = add_questions(quiz, [single()])[0]
    trainee = trainee_speaking("en")
    EnrolmentFactory(trainee=trainee, course=course)
    attempt = quiz_services.start_attempt(quiz=quiz, trainee=trainee)
    trainer = TrainerFactory()
    course.trainers.add(trainer)
    return {
        "course": course,
        "lesson": lesson,
        "quiz": quiz,
        "question": question,
        "attempt": attempt,
        "trainee": trainee,
        "trainer": trainer,
    }


def trainee_urls(w):
    course, lesson, quiz, attempt = w["course"], w["lesson"], w["quiz"], w["attempt"]
    return [
        reverse("courses:catalogue"),
        course.get_absolute_url(),
        lesson.get_absolute_url(),
        reverse("learning:dashboard"),
        reverse("accounts:profile"),
        reverse("quizzes:quiz", kwargs={"slug": course.slug, "quiz_id": quiz.pk}),
        reverse(
            "quizzes:attempt", kwargs={"slug": course.slug, "quiz_id": quiz.pk, "attempt_id": attempt.pk}
        ),
        reverse("community:index"),
        reverse("community:cases"),
        reverse("account_change_password"),
        reverse("account_email"),
    ]


def trainer_urls(w):
    course, lesson, quiz, question = w["course"], w["lesson"], w["quiz"], w["question"]
    other = "lo" if course.language != "lo" else "km"
    return [
        reverse("studio:home"),
        reverse("studio:outline", kwargs={"slug": course.slug}),
        reverse("studio:lesson", kwargs={"slug": course.slug, "lesson_id": lesson.pk}),
        reverse("studio:translations", kwargs={"slug": course.slug}),
        reverse(
            "studio:translation_edit",
            kwargs={"slug": course.slug, "kind": "lesson", "object_id": lesson.pk, "language": other},
        ),
        reverse("quizzes:studio_quiz", kwargs={"slug": course.slug, "quiz_id": quiz.pk}),
        reverse(
            "quizzes:studio_question_translation",
            kwargs={"slug": course.slug, "quiz_id": quiz.pk, "question_id": question.pk},
        ),
    ]


VISITOR_URLS = ["account_login", "account_signup", "account_reset_password", "courses:catalogue"]


def assert_page_in(response, language: str) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    # The layout's own navigation is always translated, so the page shows the language's script.
    start = html.index("<header")
    assert_written_in(html[start : html.index("</header>")], language)
    return html


@pytest.mark.parametrize("language", LANGUAGES)
def test_trainee_pages_render_in_every_language(client, world, language):
    client.force_login(world["trainee"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for url in trainee_urls(world):
        assert_page_in(client.get(url), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_trainer_pages_render_in_every_language(client, world, language):
    client.force_login(world["trainer"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for url in trainer_urls(world):
        assert_page_in(client.get(url), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_pages_render_in_every_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for name in VISITOR_URLS:
        html = assert_page_in(client.get(reverse(name)), language)
        if name != "courses:catalogue":
            main = html[html.index("<main") : html.index("</main>")]
            assert_written_in(main, language)


@pytest.mark.parametrize("language", ["km", "lo", "my", "vi", "th", "zh-hans"])
def test_browser_language_is_used_for_visitors(client, language):
    response = client.get(reverse("account_login"), headers={"accept-language": f"{language},en;q=0.5"})
    assert_page_in(response, language)


def test_trainee_whose_profile_says_khmer_gets_khmer_pages(client, world):
    trainee = trainee_speaking("km")
    EnrolmentFactory(trainee=trainee, course=world["course"])
    client.force_login(trainee)
    for url in (
        reverse("learning:dashboard"),
        world["course"].get_absolute_url(),
        world["lesson"].get_absolute_url(),
    ):
        html = assert_page_in(client.get(url), "km")
        assert "ការសិក្សារបស់ខ្ញុំ" in html  # "My learning" in the navigation


def test_khmer_trainee_signing_in_gets_khmer_pages(client, password, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    trainee = trainee_speaking("km")
    response = client.post(
        reverse("account_login"), {"login": trainee.email, "password": password}, follow=True
    )
    assert_page_in(response, "km")


def test_language_cookie_beats_the_profile(client, world):
    trainee = trainee_speaking("km")
    client.force_login(trainee)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lo"
    assert_page_in(client.get(reverse("learning:dashboard")), "lo")


def test_switching_language_saves_it_in_the_profile(client):
    trainee = trainee_speaking("en")
    client.force_login(trainee)
    response = client.post(reverse("accounts:switch_language"), {"language": "lo", "next": "/learn/"})
    assert response.status_code == 302
    trainee.profile.refresh_from_db()
    assert trainee.profile.preferred_language == "lo"


@pytest.mark.parametrize("language", ["lo", "km", "my"])
def test_sign_up_errors_are_in_the_visitors_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(reverse("account_signup"), {"email": "not-an-address", "password1": "123"})
    assert response.status_code == 200
    errors = " ".join(
        str(message) for messages in response.context["form"].errors.values() for message in messages
    )
    assert errors
    assert_written_in(errors, language)
    assert "This field is required." not in errors


@pytest.mark.parametrize("language", ["km", "lo", "my"])
def test_sign_up_confirmation_email_is_in_the_visitors_language(client, language, mailoutbox):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(
        reverse("account_signup"),
        {
            "email": f"new-{language}@example.org",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
            "full_name": "សុភ័ក្ត្រ ស្រីមុំ",
            "country": "KH",
            "sex": "female",
            "age_band": "25_34",
            "preferred_language": language,
        },
    )
    assert response.status_code == 302
    (message,) = mailoutbox
    assert "Mekong Climate Training" not in message.subject
    assert_written_in(message.subject, language)
    assert_written_in(message.body, language)
