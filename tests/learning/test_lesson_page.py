"""The lesson page serves its shared parts from the cache and the reader's progress live: every change by a
trainer, and every change to the reader's enrolment or progress, shows on the very next request."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import authoring, translations
from courses import services as course_services
from courses.models import CourseStatus
from learning import services
from learning.cohorts import services as cohort_services
from learning.models import Enrolment, EnrolmentStatus, LessonProgress
from tests.cohorts.factories import CohortFactory
from tests.factories import EnrolmentFactory, TrainerFactory, course_with_lessons
from tests.i18n.helpers import trainee_speaking

pytestmark = pytest.mark.django_db

TICK = 'class="tick"'


@pytest.fixture
def trainer():
    return TrainerFactory()


@pytest.fixture
def course(trainer):
    return course_with_lessons(modules=2, lessons_per_module=2, trainers=[trainer])


@pytest.fixture
def lessons(course):
    return [lesson for module in course.modules.order_by("position") for lesson in module.lessons.all()]


@pytest.fixture
def enrolment(client, course):
    enrolment = EnrolmentFactory(course=course)
    client.force_login(enrolment.trainee)
    return enrolment


def page(client, lesson) -> str:
    response = client.get(lesson.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in context.captured_queries]


def outline_item(html: str, lesson) -> str:
    """The outline's <li> for ``lesson``."""
    match = re.search(
        rf"<li[^>]*>(?:(?!</li>).)*?/lessons/{lesson.pk}/\"(?:(?!</li>).)*</li>", html, flags=re.DOTALL
    )
    assert match, f"lesson {lesson.pk} not in the outline"
    return match.group(0)


# --- Queries -------------------------------------------------------------------------------------------


def test_a_warm_lesson_page_reads_no_course_or_progress_table(client, enrolment, lessons):
    page(client, lessons[1])  # fills the caches and records the visit
    sql = queries(client, lessons[1].get_absolute_url())
    touched = [q for q in sql if re.search(r'"(courses|learning)_', q)]
    assert touched == []
    # The signed-in user, the layout's unread notifications and the lesson's related good practices.
    assert len(sql) <= 3


def test_lesson_page_queries_do_not_grow_with_lessons_resources_or_progress(client, trainer):
    counts = []
    for size in (2, 12):
        course = course_with_lessons(modules=size // 2, lessons_per_module=2, trainers=[trainer])
        ordered = [
            lesson for module in course.modules.order_by("position") for lesson in module.lessons.all()
        ]
        enrolment = EnrolmentFactory(course=course)
        client.force_login(enrolment.trainee)
        for lesson in ordered[1 : 1 + size // 2]:
            services.complete_lesson(enrolment=enrolment, lesson=lesson)
        for n in range(size // 2):
            course_services.add_resource(
                lesson=ordered[0], title=f"Sheet {n}", upload=SimpleUploadedFile(f"s{n}.pdf", b"%PDF-1.4\n")
            )
        url = ordered[0].get_absolute_url()
        cold = queries(client, url)
        warm = queries(client, url)
        counts.append((len(cold), len(warm)))
    assert counts[0] == counts[1]


def test_a_cache_miss_fetches_lesson_module_and_course_in_one_query(client, enrolment, lessons):
    sql = queries(client, lessons[0].get_absolute_url())
    lesson_queries = [
        q for q in sql if q.startswith('SELECT "courses_lesson"') and 'JOIN "courses_course"' in q
    ]
    assert len(lesson_queries) == 1
    assert not [q for q in sql if q.startswith('SELECT "courses_course"')]


# --- Progress: ticks, percent, the completion button ---------------------------------------------------


def test_completing_a_lesson_shows_its_tick_and_progress_on_the_next_page(client, enrolment, lessons):
    html = page(client, lessons[0])
    assert TICK not in html
    assert 'value="0"' in html
    assert "Mark as complete" in html

    response = client.post(
        reverse(
            "learning:complete_lesson", kwargs={"slug": enrolment.course.slug, "lesson_id": lessons[0].pk}
        )
    )
    assert response.status_code == 302

    html = page(client, lessons[1])
    assert TICK in outline_item(html, lessons[0])
    assert TICK not in outline_item(html, lessons[1])
    assert 'value="25"' in html  # one of four required lessons
    html = page(client, lessons[0])
    assert "You have completed this lesson." in html
    assert "Mark as complete" not in html


def test_progress_removed_in_the_admin_removes_the_tick(client, enrolment, lessons):
    services.complete_lesson(enrolment=enrolment, lesson=lessons[0])
    assert TICK in outline_item(page(client, lessons[1]), lessons[0])
    LessonProgress.objects.filter(enrolment=enrolment).delete()
    assert TICK not in page(client, lessons[1])


def test_the_current_lesson_is_marked_in_the_outline(client, enrolment, lessons):
    html = page(client, lessons[2])
    assert html.count('aria-current="page"') == 1
    assert 'aria-current="page"' in outline_item(html, lessons[2])
    html = page(client, lessons[0])  # the same cached outline, another current lesson
    assert 'aria-current="page"' in outline_item(html, lessons[0])


def test_a_title_cannot_forge_a_tick_marker(client, enrolment, lessons, trainer):
    authoring.update_lesson(
        lesson=lessons[1], expected_version=1, author=trainer, title=f"<!--lesson-tick:{lessons[1].pk}-->"
    )
    services.complete_lesson(enrolment=enrolment, lesson=lessons[1])
    html = page(client, lessons[0])
    assert html.count(TICK) == 1
    assert "&lt;!--lesson-tick:" in html


def test_unenrolling_closes_the_lessons_at_once(client, enrolment, lessons):
    page(client, lessons[0])
    services.unenrol_trainee(enrolment=enrolment)
    assert client.get(lessons[0].get_absolute_url()).status_code == 403
    services.enrol_trainee(trainee=enrolment.trainee, course=enrolment.course)
    assert client.get(lessons[0].get_absolute_url()).status_code == 200


def test_an_enrolment_withdrawn_in_the_admin_closes_the_lessons_at_once(client, enrolment, lessons):
    page(client, lessons[0])
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.save()
    assert client.get(lessons[0].get_absolute_url()).status_code == 403


def test_joining_a_cohort_reopens_a_withdrawn_enrolment_at_once(client, enrolment, lessons):
    services.unenrol_trainee(enrolment=enrolment)
    assert client.get(lessons[0].get_absolute_url()).status_code == 403
    cohort = CohortFactory(course=enrolment.course)
    cohort_services.join_cohort(user=enrolment.trainee, code=cohort.join_code)
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.ACTIVE
    assert client.get(lessons[0].get_absolute_url()).status_code == 200


def test_rereading_lessons_keeps_continue_where_i_left_off(client, enrolment, lessons):
    page(client, lessons[2])
    page(client, lessons[1])
    assert Enrolment.objects.get(pk=enrolment.pk).last_lesson_id == lessons[1].pk
    page(client, lessons[2])
    assert Enrolment.objects.get(pk=enrolment.pk).last_lesson_id == lessons[2].pk


# --- A trainer's changes --------------------------------------------------------------------------------


def test_a_lesson_edit_shows_on_the_next_request(client, enrolment, lessons, trainer):
    assert "Mekong Delta" in page(client, lessons[0])
    authoring.update_lesson(
        lesson=lessons[0],
        expected_version=1,
        author=trainer,
        title="Rising seas",
        body="Salt in the **rice**.",
    )
    html = page(client, lessons[0])
    assert "<h1>Rising seas</h1>" in html
    assert "<strong>rice</strong>" in html
    assert "Mekong Delta" not in html
    assert "Rising seas" in outline_item(page(client, lessons[1]), lessons[0])  # the outline and next link


def test_a_new_translation_shows_on_the_next_request(client, course, lessons):
    reader = trainee_speaking("lo")
    EnrolmentFactory(trainee=reader, course=course)
    client.force_login(reader)
    html = page(client, lessons[0])
    assert '<article class="lesson" lang="en">' in html
    assert "content-note" in html

    translations.save_lesson_translation(lesson=lessons[0], language="lo", title="ບົດທີໜຶ່ງ", body="ນ້ຳ **ຖ້ວມ**")
    html = page(client, lessons[0])
    assert '<article class="lesson" lang="lo">' in html
    assert "<h1>ບົດທີໜຶ່ງ</h1>" in html
    assert "content-note" not in html
    assert 'lang="lo">ບົດທີໜຶ່ງ</a>' in page(client, lessons[1])

    translations.delete_translation(instance=lessons[0], language="lo")
    assert '<article class="lesson" lang="en">' in page(client, lessons[0])


def test_module_and_course_translations_show_on_the_next_request(client, course, lessons):
    reader = trainee_speaking("lo")
    EnrolmentFactory(trainee=reader, course=course)
    client.force_login(reader)
    page(client, lessons[0])
    translations.save_module_translation(module=lessons[0].module, language="lo", title="ໂມດູນ", summary="")
    translations.save_course_translation(course=course, language="lo", title="ຫຼັກສູດ", summary="ສະຫຼຸບ")
    html = page(client, lessons[0])
    assert '<span lang="lo">ໂມດູນ</span></nav>' in html  # breadcrumb
    assert 'lang="lo">ຫຼັກສູດ</a>' in html
    assert '<h3 lang="lo">ໂມດູນ</h3>' in html  # outline


def test_reordering_and_renaming_update_the_outline_and_neighbours(client, enrolment, lessons):
    html = page(client, lessons[0])
    assert "Lesson 1 of 4" in html
    authoring.reorder_lessons(module=lessons[0].module, ordered_ids=[lessons[1].pk, lessons[0].pk])
    html = page(client, lessons[0])
    assert "Lesson 2 of 4" in html
    assert f'rel="prev" href="{lessons[1].get_absolute_url()}"' in html
    authoring.rename_module(module=lessons[0].module, title="Floods and storms")
    assert "Floods and storms" in page(client, lessons[0])


def test_an_archived_lesson_leaves_the_page_and_the_outline(client, enrolment, lessons):
    page(client, lessons[1])
    authoring.archive_lesson(lesson=lessons[1])
    assert client.get(lessons[1].get_absolute_url()).status_code == 404
    html = page(client, lessons[0])
    assert lessons[1].get_absolute_url() not in html
    assert "Lesson 1 of 3" in html
    authoring.unarchive_lesson(lesson=lessons[1])
    assert client.get(lessons[1].get_absolute_url()).status_code == 200


def test_resources_added_and_deleted_show_on_the_next_request(client, enrolment, lessons):
    assert "Downloads" not in page(client, lessons[0])
    resource = course_services.add_resource(
        lesson=lessons[0], title="Flood map", upload=SimpleUploadedFile("map.pdf", b"%PDF-1.4\n")
    )
    html = page(client, lessons[0])
    assert "Flood map" in html
    assert (
        reverse(
            "learning:resource",
            kwargs={"slug": enrolment.course.slug, "lesson_id": lessons[0].pk, "resource_id": resource.pk},
        )
        in html
    )
    authoring.delete_resource(resource=resource)
    assert "Flood map" not in page(client, lessons[0])


def test_unpublishing_hides_the_lessons_from_trainees_but_not_from_the_trainer(
    client, enrolment, lessons, trainer
):
    page(client, lessons[0])
    course = enrolment.course
    course.status = CourseStatus.DRAFT
    course.save()
    assert client.get(lessons[0].get_absolute_url()).status_code == 404
    client.force_login(trainer)
    html = page(client, lessons[0])  # preview without enrolling: no progress, no completion button
    assert "Mark as complete" not in html
    assert "course-progress" not in html
