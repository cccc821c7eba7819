"""Course content in the trainee's language where a trainer translated it, else the course's own (noted)."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import translations
from courses.models import LessonTranslation
from quizzes import services as quiz_services
from quizzes import translations as quiz_translations
from tests.factories import EnrolmentFactory, TraineeFactory, TrainerFactory, course_with_lessons
from tests.i18n.factories import (
    CourseTranslationFactory,
    LessonTranslationFactory,
    ModuleTranslationFactory,
)
from tests.i18n.helpers import trainee_speaking
from tests.quizzes.factories import QuizFactory, add_questions, correct_payload, single

pytestmark = pytest.mark.django_db

NOTE_LO = "ບົດຮຽນນີ້ຍັງບໍ່ມີເປັນພາສາ"  # "This lesson is not yet available in ..." (Lao)


@pytest.fixture
def course():
    return course_with_lessons(modules=1, lessons_per_module=2, title="Mangroves and storm surge")


def lessons_of(course):
    return list(course.modules.get().lessons.order_by("position"))


def lao_reader(client, course):
    trainee = trainee_speaking("lo")
    EnrolmentFactory(trainee=trainee, course=course)
    client.force_login(trainee)
    return trainee


def test_translated_lesson_is_shown_in_the_readers_language(client, course):
    lesson = lessons_of(course)[0]
    LessonTranslationFactory(lesson=lesson)
    ModuleTranslationFactory(module=lesson.module)
    CourseTranslationFactory(course=course)
    lao_reader(client, course)

    html = client.get(lesson.get_absolute_url()).content.decode()

    assert '<article class="lesson" lang="lo">' in html
    assert "<h1>ເປັນຫຍັງຈຶ່ງສຳຄັນ</h1>" in html
    assert "<strong>ສາມຫຼ່ຽມແມ່ຂອງ</strong>" in html
    assert "Mekong Delta" not in html
    assert "ໂມດູນທີໜຶ່ງ" in html  # module title in the breadcrumb and outline
    assert NOTE_LO not in html


def test_untranslated_lesson_falls_back_to_the_course_language_with_a_note(client, course):
    lesson = lessons_of(course)[1]
    LessonTranslationFactory(lesson=lessons_of(course)[0])  # another lesson is translated, this one is not
    lao_reader(client, course)

    html = client.get(lesson.get_absolute_url()).content.decode()

    assert '<article class="lesson" lang="en">' in html
    assert "Floods are rising in the <strong>Mekong Delta</strong>" in html
    assert NOTE_LO in html
    assert "ກຳລັງສະແດງເປັນພາສາອັງກິດ" in html  # "showing English", the course language named in Lao
    # The outline links to the translated lesson under its Lao title, marked as Lao.
    assert 'lang="lo">ເປັນຫຍັງຈຶ່ງສຳຄັນ</a>' in html


def test_course_page_falls_back_with_a_note_and_uses_translations_where_they_exist(client, course):
    lao_reader(client, course)
    html = client.get(course.get_absolute_url()).content.decode()
    assert "ຫຼັກສູດນີ້ຍັງບໍ່ມີເປັນພາສາ" in html
    assert '<article lang="en">' in html

    CourseTranslationFactory(course=course)
    html = client.get(course.get_absolute_url()).content.decode()
    assert "ຫຼັກສູດນີ້ຍັງບໍ່ມີເປັນພາສາ" not in html
    assert '<article lang="lo">' in html
    assert "ການປັບຕົວຕໍ່ການປ່ຽນແປງສະພາບອາກາດຂອງຊຸມຊົນ" in html


def test_reader_in_the_course_language_sees_no_note(client, course):
    trainee = trainee_speaking("en")
    EnrolmentFactory(trainee=trainee, course=course)
    client.force_login(trainee)
    html = client.get(lessons_of(course)[0].get_absolute_url()).content.decode()
    assert "not yet available" not in html


def test_a_course_written_in_khmer_is_shown_in_khmer_to_an_english_reader_without_translation(client):
    course = course_with_lessons(
        modules=1, lessons_per_module=1, language="km", title="ការបន្សាំ", slug="adaptation-km"
    )
    trainee = trainee_speaking("en")
    EnrolmentFactory(trainee=trainee, course=course)
    client.force_login(trainee)
    html = client.get(lessons_of(course)[0].get_absolute_url()).content.decode()
    assert '<article class="lesson" lang="km">' in html
    assert "This lesson is not yet available in English; showing Khmer." in html


def test_catalogue_and_dashboard_show_translated_course_titles(client, course):
    CourseTranslationFactory(course=course)
    lao_reader(client, course)
    for url in (reverse("courses:catalogue"), reverse("learning:dashboard")):
        html = client.get(url).content.decode()
        assert 'lang="lo">ການປັບຕົວຕໍ່ການປ່ຽນແປງສະພາບອາກາດຂອງຊຸມຊົນ' in html, url


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_translations_add_no_query_to_trainee_pages(client, course):
    lesson = lessons_of(course)[0]
    lao_reader(client, course)
    urls = [course.get_absolute_url(), lesson.get_absolute_url(), reverse("learning:dashboard")]
    client.get(lesson.get_absolute_url())  # the first visit records progress; compare steady states
    before = [queries_for(client, url) for url in urls]
    CourseTranslationFactory(course=course)
    ModuleTranslationFactory(module=lesson.module)
    for item in lessons_of(course):
        LessonTranslationFactory(lesson=item)
    for url in urls:  # saving a translation bumps the catalogue version: warm the outline cache again
        client.get(url)
    assert [queries_for(client, url) for url in urls] == before


def test_translated_quiz_questions_choices_and_explanations(client):
    course = course_with_lessons(modules=1, lessons_per_module=1)
    quiz = QuizFactory(course=course, module=course.modules.get(), pass_mark=50)
    question = add_questions(quiz, [single(text="Which gas traps the most heat?")])[0]
    choices = list(question.choices.order_by("position"))
    quiz_translations.save_question_translation(
        question=question,
        language="km",
        text="តើឧស្ម័នមួយណាស្រូបកំដៅច្រើនជាងគេ?",
        explanation="ចំហាយទឹកស្រូបកំដៅច្រើនជាងគេ។",
        choices={choices[0].pk: "ចំហាយទឹក", choices[1].pk: "", choices[2].pk: "អុកស៊ីសែន"},
    )
    trainee = trainee_speaking("km")
    EnrolmentFactory(trainee=trainee, course=course)
    client.force_login(trainee)
    attempt = quiz_services.start_attempt(quiz=quiz, trainee=trainee)
    kwargs = {"slug": course.slug, "quiz_id": quiz.pk, "attempt_id": attempt.pk}

    html = client.get(reverse("quizzes:attempt", kwargs=kwargs)).content.decode()
    assert "តើឧស្ម័នមួយណាស្រូបកំដៅច្រើនជាងគេ?" in html
    assert "ចំហាយទឹក" in html
    assert "អុកស៊ីសែន" in html
    assert "Option 2" in html  # an untranslated choice stays in the original
    assert "ចំហាយទឹកស្រូបកំដៅច្រើនជាងគេ។" not in html  # no explanation while the attempt is open

    client.post(reverse("quizzes:submit", kwargs=kwargs), correct_payload(attempt))
    html = client.get(reverse("quizzes:result", kwargs=kwargs)).content.decode()
    assert "ចំហាយទឹកស្រូបកំដៅច្រើនជាងគេ។" in html


# --- Studio: entering translations --------------------------------------------------------------------


def edit_url(course, kind, obj, language):
    return reverse(
        "studio:translation_edit",
        kwargs={"slug": course.slug, "kind": kind, "object_id": obj.pk, "language": language},
    )


def test_trainer_translates_a_lesson_and_its_body_is_sanitised(client, course):
    trainer = TrainerFactory()
    course.trainers.add(trainer)
    client.force_login(trainer)
    lesson = lessons_of(course)[0]

    response = client.post(
        edit_url(course, "lesson", lesson, "km"),
        {"title": "ហេតុអ្វីវាសំខាន់", "body": "## ទឹកជំនន់\n\n<script>alert(1)</script> **ដីសណ្តមេគង្គ**"},
    )

    assert response.status_code == 302
    translation = LessonTranslation.objects.get(lesson=lesson, language="km")
    assert "<h2>ទឹកជំនន់</h2>" in translation.body_html
    assert "<script>" not in translation.body_html
    assert "<strong>ដីសណ្តមេគង្គ</strong>" in translation.body_html
    overview = client.get(reverse("studio:translations", kwargs={"slug": course.slug})).content.decode()
    assert "✓" in overview


def test_trainer_translates_course_and_module_and_can_delete(client, course):
    trainer = TrainerFactory()
    course.trainers.add(trainer)
    client.force_login(trainer)
    module = course.modules.get()
    client.post(edit_url(course, "course", course, "vi"), {"title": "Rừng ngập mặn", "summary": "Tóm tắt"})
    client.post(edit_url(course, "module", module, "vi"), {"title": "Học phần một", "summary": ""})
    assert course.translations.get(language="vi").title == "Rừng ngập mặn"
    assert module.translations.get(language="vi").title == "Học phần một"
    client.post(edit_url(course, "module", module, "vi"), {"delete": "1"})
    assert not module.translations.exists()


def test_a_translation_into_the_course_language_is_not_offered(client, course):
    trainer = TrainerFactory()
    course.trainers.add(trainer)
    client.force_login(trainer)
    assert client.get(edit_url(course, "course", course, "en")).status_code == 404
    assert client.get(edit_url(course, "course", course, "xx")).status_code == 404
    with pytest.raises(translations.TranslationError):
        translations.save_course_translation(course=course, language="en", title="x", summary="")


def test_empty_title_is_rejected_with_a_message(client, course):
    trainer = TrainerFactory()
    course.trainers.add(trainer)
    client.force_login(trainer)
    response = client.post(
        edit_url(course, "lesson", lessons_of(course)[0], "th"), {"title": "", "body": "x"}
    )
    assert response.status_code == 400
    assert not LessonTranslation.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("trainee", 403), ("other_trainer", 404), ("coordinator_reader", None)]
)
def test_translation_views_refuse_the_wrong_people(client, course, who, status):
    lesson = lessons_of(course)[0]
    if who == "trainee":
        client.force_login(TraineeFactory())
    elif who == "other_trainer":
        client.force_login(TrainerFactory())
    else:
        from tests.factories import CoordinatorFactory

        client.force_login(CoordinatorFactory())
    overview = client.get(reverse("studio:translations", kwargs={"slug": course.slug}))
    post = client.post(edit_url(course, "lesson", lesson, "lo"), {"title": "x", "body": ""})
    if status is None:  # coordinators may look at the studio but not change a course they do not teach
        assert overview.status_code == 200
        assert post.status_code == 403
    else:
        assert overview.status_code == status
        assert post.status_code == status
    assert not LessonTranslation.objects.exists()


def test_trainer_translates_a_quiz_question_in_the_studio(client):
    course = course_with_lessons(modules=1, lessons_per_module=1)
    trainer = TrainerFactory()
    course.trainers.add(trainer)
    quiz = QuizFactory(course=course, module=course.modules.get())
    question = add_questions(quiz, [single()])[0]
    choice = question.choices.order_by("position").first()
    client.force_login(trainer)
    url = reverse(
        "quizzes:studio_question_translation",
        kwargs={"slug": course.slug, "quiz_id": quiz.pk, "question_id": question.pk},
    )
    response = client.post(
        url + "?language=th",
        {"text": "ก๊าซใดกักเก็บความร้อนมากที่สุด", "explanation": "", f"choice_{choice.pk}": "ไอน้ำ"},
    )
    assert response.status_code == 302
    assert question.translations.get(language="th").text == "ก๊าซใดกักเก็บความร้อนมากที่สุด"
    assert choice.translations.get(language="th").text == "ไอน้ำ"
    client.force_login(TraineeFactory())
    assert client.get(url).status_code == 403
    client.force_login(TrainerFactory())
    assert client.get(url).status_code == 403


def test_settings_still_list_exactly_the_seven_languages():
    assert [code for code, _ in settings.LANGUAGES] == ["en", "zh-hans", "my", "lo", "th", "km", "vi"]


def test_demo_translations_are_idempotent_and_skip_without_the_demo_course():
    import io

    from courses import demo_translations

    out = io.StringIO()
    demo_translations.seed(stdout=out)
    assert "skipped" in out.getvalue()
    course = course_with_lessons(modules=1, lessons_per_module=2, slug=demo_translations.COURSE_SLUG)
    demo_translations.seed(stdout=out)
    demo_translations.seed(stdout=out)
    assert course.translations.count() == 2
    assert LessonTranslation.objects.filter(language="km").count() == 1
    assert "<h2>" in LessonTranslation.objects.get(language="lo").body_html
