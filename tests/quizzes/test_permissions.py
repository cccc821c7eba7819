import pytest
from django.urls import reverse

from accounts.models import Country, Role
from courses.models import CourseStatus
from learning.models import EnrolmentStatus
from quizzes import services
from quizzes.models import Attempt
from tests.factories import CoordinatorFactory, EnrolmentFactory, TraineeFactory, TrainerFactory
from tests.quizzes.factories import course_trainer, enrolled_trainee, quiz_with_questions

pytestmark = pytest.mark.django_db


def quiz_url(quiz, name="quiz"):
    return reverse(f"quizzes:{name}", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def attempt_url(attempt, name="attempt"):
    return reverse(
        f"quizzes:{name}",
        kwargs={"slug": attempt.quiz.course.slug, "quiz_id": attempt.quiz_id, "attempt_id": attempt.pk},
    )


STUDIO_GET = ["studio_quiz", "studio_preview", "studio_import", "studio_question_new"]
STUDIO_POST = ["studio_quiz_delete", "studio_reorder"]


def test_only_enrolled_trainees_start_a_quiz(client):
    quiz = quiz_with_questions(1)
    outsider = TraineeFactory()
    client.force_login(outsider)
    assert client.get(quiz_url(quiz)).status_code == 200  # published course: the quiz page is visible
    assert client.post(quiz_url(quiz, "start")).status_code == 403
    withdrawn = EnrolmentFactory(course=quiz.course, status=EnrolmentStatus.WITHDRAWN).trainee
    client.force_login(withdrawn)
    assert client.post(quiz_url(quiz, "start")).status_code == 403
    trainee = enrolled_trainee(quiz.course)
    client.force_login(trainee)
    assert client.post(quiz_url(quiz, "start")).status_code == 302
    assert Attempt.objects.filter(trainee=trainee).count() == 1
    assert not Attempt.objects.filter(trainee__in=[outsider, withdrawn]).exists()


def test_anonymous_users_are_sent_to_sign_in(client):
    quiz = quiz_with_questions(1)
    response = client.get(quiz_url(quiz))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_unpublished_quiz_is_not_found_for_trainees_but_visible_to_its_trainers(client):
    quiz = quiz_with_questions(1, is_published=False)
    client.force_login(enrolled_trainee(quiz.course))
    assert client.get(quiz_url(quiz)).status_code == 404
    assert client.post(quiz_url(quiz, "start")).status_code == 404
    client.force_login(course_trainer(quiz.course))
    assert client.get(quiz_url(quiz)).status_code == 200


def test_quiz_of_a_draft_course_is_not_found(client):
    quiz = quiz_with_questions(1, course__status=CourseStatus.DRAFT)
    client.force_login(TraineeFactory())
    assert client.get(quiz_url(quiz)).status_code == 404


@pytest.mark.parametrize("name", ["attempt", "result"])
def test_another_trainees_attempt_is_not_found(client, name):
    quiz = quiz_with_questions(1)
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course))
    client.force_login(enrolled_trainee(quiz.course))
    assert client.get(attempt_url(attempt, name)).status_code == 404


@pytest.mark.parametrize("name", ["save", "submit"])
def test_posting_to_another_trainees_attempt_is_not_found_and_changes_nothing(client, name):
    quiz = quiz_with_questions(1)
    attempt = services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course))
    question = quiz.questions.get()
    client.force_login(enrolled_trainee(quiz.course))
    data = {"shown": [question.pk], f"q{question.pk}": [question.choices.get(is_correct=True).pk]}
    assert client.post(attempt_url(attempt, name), data).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"


def test_attempt_under_the_wrong_quiz_or_course_is_not_found(client):
    quiz = quiz_with_questions(1)
    trainee = enrolled_trainee(quiz.course)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee)
    other = quiz_with_questions(1)
    client.force_login(trainee)
    url = reverse(
        "quizzes:attempt", kwargs={"slug": other.course.slug, "quiz_id": quiz.pk, "attempt_id": attempt.pk}
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", STUDIO_GET)
def test_studio_pages_are_for_the_courses_trainers(client, name):
    quiz = quiz_with_questions(1)
    url = quiz_url(quiz, name) + ("?kind=single" if name == "studio_question_new" else "")
    client.force_login(enrolled_trainee(quiz.course))
    assert client.get(url).status_code == 403
    client.force_login(TrainerFactory())  # a trainer, but of another course
    assert client.get(url).status_code == 403
    client.force_login(CoordinatorFactory())  # coordinators analyse but do not author
    assert client.get(url).status_code == 403
    client.force_login(course_trainer(quiz.course))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", STUDIO_POST)
def test_studio_actions_are_refused_to_other_users(client, name):
    quiz = quiz_with_questions(1)
    client.force_login(TrainerFactory())
    assert client.post(quiz_url(quiz, name), {"order": "1"}).status_code == 403
    assert quiz.__class__.objects.filter(pk=quiz.pk).exists()


def test_studio_of_a_draft_course_is_not_found_for_strangers(client):
    quiz = quiz_with_questions(1, course__status=CourseStatus.DRAFT)
    client.force_login(TrainerFactory())
    assert client.get(quiz_url(quiz, "studio_quiz")).status_code == 404
    assert client.get(reverse("quizzes:studio_quizzes", kwargs={"slug": quiz.course.slug})).status_code == 404


def test_studio_question_urls_check_the_question_belongs_to_the_quiz(client):
    quiz = quiz_with_questions(1)
    other = quiz_with_questions(1)
    client.force_login(course_trainer(quiz.course))
    url = reverse(
        "quizzes:studio_question",
        kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk, "question_id": other.questions.get().pk},
    )
    assert client.get(url).status_code == 404


def test_item_analysis_is_for_trainers_and_coordinators(client):
    quiz = quiz_with_questions(1)
    url = quiz_url(quiz, "studio_analysis")
    client.force_login(enrolled_trainee(quiz.course))
    assert client.get(url).status_code == 403
    client.force_login(TrainerFactory())
    assert client.get(url).status_code == 403
    client.force_login(CoordinatorFactory())
    assert client.get(url).status_code == 200
    national = TraineeFactory(role=Role.NATIONAL_COORDINATOR, coordinator_country=Country.LAOS)
    client.force_login(national)
    assert "Only trainees from your country" in client.get(url).content.decode()
    client.force_login(course_trainer(quiz.course))
    assert client.get(url).status_code == 200
    assert client.get(quiz_url(quiz, "studio_analysis_csv")).status_code == 200


def test_copying_to_a_quiz_the_trainer_does_not_teach_is_refused(client):
    quiz = quiz_with_questions(1)
    foreign = quiz_with_questions(1)
    client.force_login(course_trainer(quiz.course))
    url = reverse(
        "quizzes:studio_question_copy",
        kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk, "question_id": quiz.questions.get().pk},
    )
    assert client.post(url, {"target": foreign.pk}).status_code == 403
    assert foreign.questions.count() == 1
