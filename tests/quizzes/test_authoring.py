import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import CourseStatus
from quizzes import services
from quizzes.models import Choice, Question, QuestionKind, Quiz, QuizPurpose
from tests.factories import CourseFactory, ModuleFactory
from tests.quizzes.factories import (
    QuizFactory,
    add_questions,
    course_trainer,
    enrolled_trainee,
    multiple,
    quiz_with_questions,
    single,
    true_false,
)

pytestmark = pytest.mark.django_db


def studio(quiz, name, **extra):
    return reverse(f"quizzes:{name}", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk, **extra})


def test_trainer_creates_a_quiz_for_a_module(client):
    course = CourseFactory(status=CourseStatus.DRAFT)
    module = ModuleFactory(course=course)
    client.force_login(course_trainer(course))
    response = client.post(
        reverse("quizzes:studio_quiz_new", kwargs={"slug": course.slug}),
        {
            "title": "Flood risk basics", "module": module.pk, "purpose": "standard", "pass_mark": 80,
            "feedback_policy": "after_each_attempt", "is_required": "on", "max_attempts": 3,
        },
    )  # fmt: skip
    quiz = Quiz.objects.get(course=course)
    assert response.status_code == 302
    assert response.url == studio(quiz, "studio_quiz")
    assert (quiz.module, quiz.pass_mark, quiz.max_attempts, quiz.is_published) == (module, 80, 3, False)


def test_module_of_another_course_and_pass_mark_over_100_are_refused(client):
    course = CourseFactory()
    client.force_login(course_trainer(course))
    other_module = ModuleFactory()
    url = reverse("quizzes:studio_quiz_new", kwargs={"slug": course.slug})
    base = {"title": "T", "purpose": "standard", "feedback_policy": "never", "pass_mark": 50}
    assert client.post(url, {**base, "module": other_module.pk}).status_code == 200
    assert client.post(url, {**base, "pass_mark": 101}).status_code == 200
    assert not Quiz.objects.filter(course=course).exists()


def test_one_pre_test_per_course_and_it_is_never_required():
    course = CourseFactory()
    pre = services.save_quiz(
        quiz=Quiz(title="Before", purpose=QuizPurpose.PRE_TEST, is_required=True), course=course
    )
    assert pre.is_required is False
    with pytest.raises(services.QuizError):
        services.save_quiz(quiz=Quiz(title="Again", purpose=QuizPurpose.PRE_TEST), course=course)


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("single", {"text": "Which?", "choice_1": "A", "correct_1": "on", "choice_2": "B"}),
        ("multiple", {"text": "Which?", "choice_1": "A", "correct_1": "on", "choice_2": "B",
                      "correct_2": "on",
                      "choice_3": "C", "multiple_scoring": "proportional"}),
        ("true_false", {"text": "Rice paddies emit methane.", "true_answer": "true"}),
        ("numeric", {"text": "How many countries?", "numeric_answer": "6", "numeric_tolerance": "0"}),
        ("short_text", {"text": "Name the river.", "accepted_answers": "Mekong\nLancang\n"}),
    ],
)  # fmt: skip
def test_trainer_adds_each_type_of_question(client, kind, data):
    quiz = QuizFactory()
    client.force_login(course_trainer(quiz.course))
    response = client.post(studio(quiz, "studio_question_new") + f"?kind={kind}", {"points": 1, **data})
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(quiz=quiz)
    assert question.kind == kind
    assert question.position == 1
    if kind == "true_false":
        assert list(question.choices.values_list("text", "is_correct")) == [("True", True), ("False", False)]
    if kind == "short_text":
        assert question.accepted_answers == ["Mekong", "Lancang"]
    # The edit page shows the saved values again.
    page = client.get(studio(quiz, "studio_question", question_id=question.pk))
    assert page.status_code == 200
    assert data["text"] in page.content.decode()


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("single", {"text": "Q", "choice_1": "A", "choice_2": "B"}, "Mark exactly one choice"),
        ("single", {"text": "Q", "choice_1": "A", "correct_1": "on"}, "at least two choices"),
        ("multiple", {"text": "Q", "choice_1": "A", "choice_2": "a"}, "Two choices are the same"),
        ("numeric", {"text": "Q", "numeric_answer": "six"}, "Enter a number"),
        ("short_text", {"text": "Q", "accepted_answers": "  \n "}, "at least one accepted answer"),
        ("true_false", {"text": "Q"}, "true or false"),
    ],
)
def test_invalid_questions_are_explained(client, kind, data, message):
    quiz = QuizFactory()
    client.force_login(course_trainer(quiz.course))
    response = client.post(studio(quiz, "studio_question_new") + f"?kind={kind}", {"points": 1, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.filter(quiz=quiz).exists()


def test_editing_keeps_choice_ids_and_updates_texts():
    quiz = QuizFactory()
    (question,) = add_questions(quiz, [single(count=3)])
    ids = list(question.choices.order_by("position").values_list("pk", flat=True))
    data = services.question_data_from(question)
    data.choices = [("Carbon dioxide", False), ("Methane", True)]
    services.update_question(question=question, data=data)
    assert list(question.choices.order_by("position").values_list("pk", "text", "is_correct")) == [
        (ids[0], "Carbon dioxide", False),
        (ids[1], "Methane", True),
    ]
    assert not Choice.objects.filter(pk=ids[2]).exists()


def test_reorder_move_and_delete(client):
    quiz = quiz_with_questions(4)
    q1, q2, q3, q4 = quiz.questions.order_by("position")
    client.force_login(course_trainer(quiz.course))
    client.post(studio(quiz, "studio_reorder"), {"order": f"{q3.pk},{q1.pk}"})
    assert list(quiz.questions.order_by("position").values_list("pk", flat=True)) == [
        q3.pk,
        q1.pk,
        q2.pk,
        q4.pk,
    ]
    client.post(studio(quiz, "studio_question_move", question_id=q4.pk), {"direction": "up"})
    assert list(quiz.questions.order_by("position").values_list("pk", flat=True)) == [
        q3.pk,
        q1.pk,
        q4.pk,
        q2.pk,
    ]
    client.post(studio(quiz, "studio_question_delete", question_id=q1.pk))
    assert not Question.objects.filter(pk=q1.pk).exists()
    other = quiz_with_questions(1)
    response = client.post(studio(quiz, "studio_reorder"), {"order": f"{other.questions.get().pk}"})
    assert response.status_code == 302
    assert other.questions.get().position == 1


def test_answered_question_is_archived_not_deleted():
    quiz = quiz_with_questions(2)
    trainee = enrolled_trainee(quiz.course)
    attempt = services.submit_attempt(attempt=services.start_attempt(quiz=quiz, trainee=trainee))
    first = quiz.questions.order_by("position").first()
    assert services.delete_question(question=first) is False
    first.refresh_from_db()
    assert first.is_archived
    assert attempt.answers.filter(question=first).exists()
    new = services.start_attempt(quiz=quiz, trainee=trainee)
    assert not new.answers.filter(question=first).exists()


def test_copy_question_to_another_quiz_of_the_trainer(client):
    quiz = QuizFactory()
    (question,) = add_questions(quiz, [multiple()])
    target = QuizFactory(course=quiz.course)
    client.force_login(course_trainer(quiz.course))
    response = client.post(
        studio(quiz, "studio_question_copy", question_id=question.pk), {"target": target.pk}
    )
    assert response.status_code == 302
    copy = target.questions.get()
    assert copy.pk != question.pk
    assert copy.text == question.text
    assert list(copy.choices.values_list("text", "is_correct")) == list(
        question.choices.values_list("text", "is_correct")
    )


def test_preview_shows_questions_without_the_key(client):
    quiz = QuizFactory()
    add_questions(quiz, [single(), true_false()])
    client.force_login(course_trainer(quiz.course))
    html = client.get(studio(quiz, "studio_preview")).content.decode()
    assert "Option 1" in html
    assert "Mangroves reduce storm surge." in html
    assert "Because." not in html  # the explanation


def test_deleting_a_quiz_with_attempts_is_refused(client):
    quiz = quiz_with_questions(1)
    services.start_attempt(quiz=quiz, trainee=enrolled_trainee(quiz.course))
    client.force_login(course_trainer(quiz.course))
    client.post(studio(quiz, "studio_quiz_delete"))
    assert Quiz.objects.filter(pk=quiz.pk).exists()
    empty = QuizFactory(course=quiz.course)
    client.post(studio(empty, "studio_quiz_delete"))
    assert not Quiz.objects.filter(pk=empty.pk).exists()


# --- CSV import ------------------------------------------------------------------------------------------

GOOD_CSV = """type,question,choices,correct,explanation,points,scoring,tolerance
single,Which gas do rice paddies emit most?,Methane|Nitrogen|Oxygen,1,Flooded soils lack oxygen.,1,,
multiple,"Which protect a coast?",Mangroves|Sea walls|Car parks,1|2,,2,proportional,
true_false,Mangroves reduce storm surge.,,true,,,,
numeric,"Warming limit in °C, Paris goal?",,1.5,,,,0.1
short_text,Name the river through six countries.,,Mekong|Mê Kông|แม่น้ำโขง,,,,
"""


def upload(client, quiz, content: str | bytes):
    data = content.encode() if isinstance(content, str) else content
    return client.post(studio(quiz, "studio_import"), {"file": SimpleUploadedFile("q.csv", data, "text/csv")})


def test_csv_import_creates_every_question(client):
    quiz = quiz_with_questions(1)
    client.force_login(course_trainer(quiz.course))
    response = upload(client, quiz, "\ufeff" + GOOD_CSV)
    assert response.status_code == 302
    questions = list(quiz.questions.order_by("position"))
    assert [q.kind for q in questions] == [
        "single",
        "single",
        "multiple",
        "true_false",
        "numeric",
        "short_text",
    ]
    assert questions[2].points == 2
    assert questions[2].multiple_scoring == "proportional"
    assert list(questions[2].choices.values_list("is_correct", flat=True)) == [True, True, False]
    assert str(questions[4].numeric_tolerance.normalize()) == "0.1"
    assert questions[5].accepted_answers == ["Mekong", "Mê Kông", "แม่น้ำโขง"]


def test_csv_import_reports_every_bad_row_with_its_line_and_imports_nothing(client):
    quiz = QuizFactory()
    client.force_login(course_trainer(quiz.course))
    bad = (
        "type,question,choices,correct\n"
        "single,Fine question,A|B,1\n"
        "single,No correct,A|B,3\n"  # line 3
        '"essay","Unknown type",,x\n'  # line 4
        'numeric,"A number\nover two lines",,abc\n'  # lines 5-6
        "true_false,,,maybe\n"  # line 7
        "short_text,Answer,,\n"  # line 8
    )
    response = upload(client, quiz, bad)
    assert response.status_code == 400
    html = response.content.decode()
    for expected in (
        "Line 3: correct “3” is not the number of a choice",
        "Line 4: Unknown question type “essay”",
        "Line 5: correct “abc” is not a number",
        "Line 7: correct must be true or false",
        "Line 7: The question text is empty.",
        "Line 8: Give at least one accepted answer.",
    ):
        assert expected in html
    assert "Line 2" not in html
    assert not quiz.questions.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00bad", "not UTF-8"),
        ("question,correct\nQ,1\n", "Missing: type"),
        ("type,question,correct,extra\n", "Unknown: extra"),
        ("type,question,correct\n", "no questions"),
        ("type,question,correct\nsingle,Q,1,surplus\n", "more fields than the header"),
    ],
)
def test_csv_import_rejects_malformed_files(client, content, message):
    quiz = QuizFactory()
    client.force_login(course_trainer(quiz.course))
    response = upload(client, quiz, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not quiz.questions.exists()


def test_csv_import_never_evaluates_content():
    questions = services.parse_questions_csv(
        b"type,question,correct,tolerance\nnumeric,{{ settings.SECRET_KEY }},1,0\n"
    )
    assert questions[0].text == "{{ settings.SECRET_KEY }}"
    with pytest.raises(services.ImportRejected) as rejected:
        services.parse_questions_csv(
            b"type,question,correct\nnumeric,Q,__import__('os')\nnumeric,Q,9**9**9\n"
        )
    assert [error.line for error in rejected.value.errors] == [2, 3]


def test_question_kind_labels_exist():
    assert {k for k, _ in QuestionKind.choices} == {
        "single",
        "multiple",
        "true_false",
        "numeric",
        "short_text",
    }
