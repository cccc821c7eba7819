import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses import authoring, exchange
from courses import translations as course_translations
from courses.models import Course, LessonImage
from quizzes import translations as quiz_translations
from quizzes.models import Question, Quiz
from tests.factories import ProgrammeFactory
from tests.quizzes import factories as quiz_factories
from tests.quizzes.factories import QuizFactory, add_questions
from tests.studio.factories import TrainerFactory


def _translations(obj, *fields) -> list:
    return [(t.language, *(getattr(t, f) for f in fields)) for t in obj.translations.order_by("language")]


def _quizzes(course: Course) -> list:
    modules = list(course.modules.order_by("position").values_list("pk", flat=True))
    rows = []
    for quiz in Quiz.objects.filter(course=course).order_by("pk"):
        questions = []
        for question in quiz.questions.filter(is_archived=False).order_by("position"):
            choices = [
                (c.text, c.is_correct, c.position, _translations(c, "text"))
                for c in question.choices.order_by("position")
            ]
            questions.append(
                (
                    question.kind, question.text, question.explanation, question.points,
                    question.multiple_scoring, question.numeric_answer, question.numeric_tolerance,
                    question.accepted_answers, _translations(question, "text", "explanation"), choices,
                )
            )  # fmt: skip
        rows.append(
            (
                modules.index(quiz.module_id) + 1 if quiz.module_id else None, quiz.title, quiz.description,
                quiz.purpose, quiz.pass_mark, quiz.max_attempts, quiz.time_limit_minutes,
                quiz.shuffle_questions, quiz.shuffle_choices, quiz.draw_count, quiz.feedback_policy,
                quiz.is_required, quiz.is_published, questions,
            )
        )  # fmt: skip
    return rows


def _snapshot(course: Course) -> dict:
    """What an import must reproduce: titles, order, bodies, settings, translations, quizzes and media."""
    modules = []
    for module in course.modules.order_by("position"):
        lessons = []
        for lesson in module.lessons.order_by("position"):
            lessons.append(
                (
                    lesson.title,
                    lesson.body,
                    lesson.body_html,
                    lesson.video_url,
                    lesson.is_required,
                    lesson.estimated_minutes,
                    lesson.is_archived,
                    [
                        (str(i.key), i.alt_text, i.file.open("rb").read())
                        for i in lesson.images.order_by("pk")
                    ],
                    [
                        (r.title, r.original_name, r.content_type, r.size, r.file.open("rb").read())
                        for r in lesson.resources.order_by("pk")
                    ],
                    _translations(lesson, "title", "body", "body_html"),
                )
            )
        modules.append((module.title, module.summary, _translations(module, "title", "summary"), lessons))
    return {
        "course": (
            course.title,
            course.summary,
            course.language,
            course.estimated_hours,
            course.enrolment_opens_at,
            course.enrolment_closes_at,
            _translations(course, "title", "summary"),
        ),
        "modules": modules,
        "quizzes": _quizzes(course),
    }


def _export_bytes(client, course) -> bytes:
    response = client.get(reverse("studio:course_export", kwargs={"slug": course.slug}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return b"".join(response.streaming_content)


def _import(client, content: bytes, programme):
    upload = SimpleUploadedFile("course.zip", content, content_type="application/zip")
    return client.post(
        reverse("studio:course_import"), {"file": upload, "programme": programme.pk}, follow=True
    )


@pytest.fixture
def rich_course(course, lessons, trainer):
    """The fixture course with a second module, an archived lesson and an image used in a body."""
    first = lessons[0]
    image = first.images.get()
    authoring.update_lesson(
        lesson=first, expected_version=1, author=trainer, body=f"Look:\n\n{image.markdown}\n\nRain."
    )
    module = authoring.Module.objects.create(course=course, title="Acting early", summary="Plans", position=2)
    from courses import services

    services.add_lesson(module=module, title="Evacuation", body="Go **uphill**.", is_required=False)
    old = services.add_lesson(module=module, title="Old lesson", body="Outdated.")
    authoring.archive_lesson(lesson=old)
    authoring.move_lesson(lesson=old, direction="up")
    _add_translations_and_quizzes(course, first, module)
    course.refresh_from_db()
    return course


def _add_translations_and_quizzes(course, lesson, second_module):
    course_translations.save_course_translation(
        course=course, language="km", title="ការព្រមានទឹកជំនន់", summary="សហគមន៍ត្រៀមខ្លួន"
    )
    course_translations.save_module_translation(
        module=second_module, language="lo", title="ປະຕິບັດແຕ່ເນີ້ນໆ", summary=""
    )
    course_translations.save_lesson_translation(
        lesson=lesson, language="my", title="ရေကြီးခြင်း", body="**မိုးရေ** များလာသည်။"
    )
    module_quiz = QuizFactory(course=course, module=second_module, title="Check", time_limit_minutes=15,
                              max_attempts=3, draw_count=4, shuffle_choices=True)  # fmt: skip
    single, *_others = add_questions(
        module_quiz,
        [quiz_factories.single(), quiz_factories.multiple(scoring="proportional"),
         quiz_factories.true_false(False), quiz_factories.numeric("1.5", "0.25"),
         quiz_factories.short_text("Mekong", "แม่น้ำโขง")],
    )  # fmt: skip
    quiz_translations.save_question_translation(
        question=single, language="th", text="ก๊าซใดกักเก็บความร้อนมากที่สุด", explanation="เพราะ",
        choices={single.choices.order_by("position").first().pk: "ไอน้ำ"},
    )  # fmt: skip
    gone = add_questions(module_quiz, [quiz_factories.single(text="An old question")])[0]
    type(gone).objects.filter(pk=gone.pk).update(is_archived=True)
    final = QuizFactory(course=course, module=None, title="Final", purpose="post_test", is_published=False)
    add_questions(final, [quiz_factories.single(text="Last one")])


def test_export_then_import_on_another_installation_reproduces_the_course_exactly(
    trainer_client, rich_course
):
    content = _export_bytes(trainer_client, rich_course)
    before = _snapshot(rich_course)
    programme = rich_course.programme
    # "Another installation": the original course and its media are gone when the file arrives.
    for lesson in authoring.Lesson.objects.filter(module__course=rich_course):
        lesson.images.all().delete()
    rich_course.delete()
    response = _import(trainer_client, content, programme)
    assert response.status_code == 200
    imported = Course.objects.get()
    after = _snapshot(imported)
    assert after == before
    assert imported.status == "draft"
    assert len(after["quizzes"]) == 2
    assert len(after["quizzes"][0][-1]) == 5  # the archived question stays behind
    assert after["course"][-1] == [("km", "ការព្រមានទឹកជំនន់", "សហគមន៍ត្រៀមខ្លួន")]


def test_import_on_the_same_installation_gives_images_new_keys_and_rewrites_bodies(
    trainer_client, rich_course
):
    content = _export_bytes(trainer_client, rich_course)
    before = _snapshot(rich_course)
    _import(trainer_client, content, rich_course.programme)
    copy = Course.objects.exclude(pk=rich_course.pk).get()
    after = _snapshot(copy)
    assert after["course"] == before["course"]
    old_key = str(rich_course.modules.get(position=1).lessons.get(position=1).images.get().key)
    new_image = LessonImage.objects.get(lesson__module__course=copy)
    new_body = copy.modules.get(position=1).lessons.get(position=1).body
    assert old_key not in new_body
    assert str(new_image.key) in new_body
    assert new_image.file.open("rb").read() == before["modules"][0][3][0][7][0][2]
    assert [m[0] for m in after["modules"]] == [m[0] for m in before["modules"]]


def _zip(files: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _problems(response) -> str:
    assert response.status_code == 400
    return response.content.decode()


def test_corrupted_zip_is_refused_clearly_and_nothing_is_imported(trainer_client, rich_course):
    content = _export_bytes(trainer_client, rich_course)
    damaged = content[: len(content) // 2]
    page = _problems(_import(trainer_client, damaged, rich_course.programme))
    assert "not a readable zip file" in page
    assert Course.objects.count() == 1
    page = _problems(_import(trainer_client, b"just some text", rich_course.programme))
    assert "not a readable zip file" in page


def test_export_from_a_newer_version_is_refused_clearly(trainer_client, course):
    data = {"format": exchange.FORMAT_NAME, "format_version": exchange.FORMAT_VERSION + 1}
    page = _problems(_import(trainer_client, _zip({"course.json": json.dumps(data)}), course.programme))
    assert "exported by a newer version of the platform" in page
    assert Course.objects.count() == 1


def test_every_problem_in_the_file_is_reported_and_nothing_is_half_imported(trainer_client, rich_course):
    content = _export_bytes(trainer_client, rich_course)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    data = json.loads(files["course.json"])
    data["modules"][0]["lessons"][1]["title"] = ""
    data["modules"][1]["lessons"][0]["estimated_minutes"] = "ten"
    resource_file = data["modules"][0]["lessons"][0]["resources"][0]["file"]
    files[resource_file] = b"<html>not a pdf</html>"
    image_file = data["modules"][0]["lessons"][0]["images"][0]["file"]
    del files[image_file]
    files["course.json"] = json.dumps(data)
    files_before = sorted(rich_course.cover_image.storage.listdir("resources")[1])
    page = _problems(_import(trainer_client, _zip(files), rich_course.programme))
    assert "Module 1, lesson 2: “title” is missing." in page
    assert "Module 2, lesson 1: “estimated_minutes” must be a whole number" in page
    assert "does not match its" in page
    assert "is missing from the zip file" in page
    assert Course.objects.count() == 1
    assert sorted(rich_course.cover_image.storage.listdir("resources")[1]) == files_before


def test_zip_that_is_not_a_course_export_is_refused(trainer_client, course):
    page = _problems(_import(trainer_client, _zip({"readme.txt": "hello"}), course.programme))
    assert "has no course.json" in page
    page = _problems(_import(trainer_client, _zip({"course.json": "{not json"}), course.programme))
    assert "course.json is not valid JSON" in page


def test_copy_makes_a_new_draft_for_a_translation_without_archived_lessons(
    trainer_client, rich_course, trainer
):
    colleague = TrainerFactory()
    rich_course.trainers.add(colleague)
    url = reverse("studio:course_copy", kwargs={"slug": rich_course.slug})
    response = trainer_client.post(url, {"title": "Cảnh báo lũ sớm", "language": "vi"})
    copy = Course.objects.get(title="Cảnh báo lũ sớm")
    assert response.status_code == 302
    assert copy.language == "vi"
    assert copy.status == "draft"
    assert copy.slug != rich_course.slug
    assert set(copy.trainers.all()) == {trainer, colleague}
    titles = [
        [lesson.title for lesson in module.lessons.order_by("position")]
        for module in copy.modules.order_by("position")
    ]
    assert titles == [["How floods form", "Reading river gauges"], ["Evacuation"]]
    assert copy.modules.get(position=1).lessons.get(position=1).resources.get().title == "Checklist"


def test_imported_programme_is_the_one_chosen(trainer_client, course):
    other = ProgrammeFactory(name="Women and children")
    content = _export_bytes(trainer_client, course)
    _import(trainer_client, content, other)
    assert Course.objects.exclude(pk=course.pk).get().programme == other


def _course_json(client, course) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(_export_bytes(client, course))) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(files["course.json"]), files


def test_a_version_1_export_without_translations_or_quizzes_still_imports(trainer_client, rich_course):
    data, files = _course_json(trainer_client, rich_course)
    data["format_version"] = 1
    del data["quizzes"]
    del data["course"]["translations"]
    for module in data["modules"]:
        del module["translations"]
        for lesson in module["lessons"]:
            del lesson["translations"]
    files["course.json"] = json.dumps(data)
    response = _import(trainer_client, _zip(files), rich_course.programme)
    assert response.status_code == 200
    imported = Course.objects.exclude(pk=rich_course.pk).get()
    assert imported.modules.count() == 2
    assert not Quiz.objects.filter(course=imported).exists()


def test_bad_quizzes_and_translations_are_reported_where_they_are_and_nothing_is_imported(
    trainer_client, rich_course
):
    data, files = _course_json(trainer_client, rich_course)
    quiz = data["quizzes"][0]
    quiz["module"] = 9
    quiz["pass_mark"] = 130
    quiz["questions"][0]["choices"][0]["is_correct"] = False  # a single choice with no right answer
    quiz["questions"][3]["numeric_answer"] = "lots"
    data["quizzes"][1]["purpose"] = "pre_test"
    data["quizzes"][1]["is_required"] = True
    data["course"]["translations"].append({"language": "xx", "title": "?", "summary": ""})
    data["modules"][0]["lessons"][0]["translations"][0]["title"] = ""
    files["course.json"] = json.dumps(data)
    page = _problems(_import(trainer_client, _zip(files), rich_course.programme))
    assert "Quiz 1: it belongs to a module that is not in the export." in page
    assert "Quiz 1: “pass_mark” must be a whole number from 0 to 100." in page
    assert "Quiz 1, question 1: Mark exactly one choice as correct." in page
    assert "Quiz 1, question 4: Give the correct number." in page
    assert "Quiz 2: a pre-test cannot be required for completion." in page
    assert "Course: the language “xx” is not offered here." in page
    assert "Module 1, lesson 1: “title” is missing." in page
    assert Course.objects.count() == 1
    assert Quiz.objects.count() == 2


def test_a_copy_keeps_the_quizzes_and_translations(trainer_client, rich_course):
    url = reverse("studio:course_copy", kwargs={"slug": rich_course.slug})
    trainer_client.post(url, {"title": "Second run", "language": rich_course.language})
    copy = Course.objects.get(title="Second run")
    original, copied = _snapshot(rich_course), _snapshot(copy)
    assert copied["quizzes"] == original["quizzes"]
    assert Question.objects.filter(quiz__course=copy, is_archived=False).count() == 6
    assert copied["course"][-1] == original["course"][-1]
