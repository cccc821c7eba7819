import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import Course, CourseStatus, Lesson, Module
from tests.factories import EnrolmentFactory, LessonProgressFactory, ProgrammeFactory
from tests.studio.factories import TrainerFactory, draft_course, image_upload


def _titles(module: Module) -> list[str]:
    return list(module.lessons.order_by("position").values_list("title", flat=True))


def test_trainer_creates_a_draft_course_with_a_cover(trainer_client, trainer):
    programme = ProgrammeFactory()
    response = trainer_client.post(
        reverse("studio:course_create"),
        {
            "title": "Low-carbon city planning",
            "summary": "Plan a city that emits less.",
            "language": "vi",
            "programme": programme.pk,
            "estimated_hours": 6,
            "cover": image_upload("cover.jpg", "JPEG", (2400, 1200)),
        },
    )
    course = Course.objects.get(title="Low-carbon city planning")
    assert response.status_code == 302
    assert response["Location"] == reverse("studio:outline", kwargs={"slug": course.slug})
    assert course.status == CourseStatus.DRAFT
    assert list(course.trainers.all()) == [trainer]
    assert course.cover_image.name.endswith(".webp")
    cover = trainer_client.get(reverse("courses:course_cover", kwargs={"slug": course.slug}))
    assert cover.status_code == 200
    assert cover["Content-Type"] == "image/webp"


def test_enrolment_window_must_close_after_it_opens(trainer_client):
    response = trainer_client.post(
        reverse("studio:course_create"),
        {
            "title": "T",
            "summary": "S",
            "language": "en",
            "programme": ProgrammeFactory().pk,
            "estimated_hours": 1,
            "enrolment_opens_at": "2027-02-01T09:00",
            "enrolment_closes_at": "2027-01-01T09:00",
        },
    )
    assert response.status_code == 200
    assert "Enrolment must close after it opens." in response.content.decode()
    assert not Course.objects.filter(title="T").exists()


def test_home_lists_state_enrolments_and_last_edit(trainer_client, course):
    EnrolmentFactory(course=course)
    EnrolmentFactory(course=course, status="withdrawn")
    page = trainer_client.get(reverse("studio:home")).content.decode()
    assert course.title in page
    assert "Draft" in page
    assert "<td>1</td>" in page  # one current enrolment; the withdrawn one does not count
    assert "<td>2</td>" in page  # two lessons


def test_add_rename_and_delete_modules_and_lessons(trainer_client, course, module):
    url = reverse("studio:module_add", kwargs={"slug": course.slug})
    assert trainer_client.post(url, {"title": "Acting on warnings"}).status_code == 302
    new = course.modules.get(title="Acting on warnings")
    assert new.position == 2
    kwargs = {"slug": course.slug, "module_id": new.pk}
    trainer_client.post(reverse("studio:module_rename", kwargs=kwargs), {"title": "Acting early"})
    trainer_client.post(
        reverse("studio:lesson_add", kwargs=kwargs), {"title": "Evacuation", "is_required": ""}
    )
    lesson = new.lessons.get()
    assert lesson.title == "Evacuation"
    assert lesson.is_required is False
    trainer_client.post(
        reverse("studio:lesson_quick_edit", kwargs={"slug": course.slug, "lesson_id": lesson.pk}),
        {"title": "Evacuation routes", "is_required": "on", "version": lesson.version},
    )
    lesson.refresh_from_db()
    assert (lesson.title, lesson.is_required, lesson.version) == ("Evacuation routes", True, 2)
    trainer_client.post(reverse("studio:lesson_delete", kwargs={"slug": course.slug, "lesson_id": lesson.pk}))
    assert not Lesson.objects.filter(pk=lesson.pk).exists()
    trainer_client.post(reverse("studio:module_delete", kwargs=kwargs))
    assert list(course.modules.values_list("title", flat=True)) == ["Understanding floods"]


def test_move_buttons_reorder_lessons_and_modules_without_javascript(trainer_client, course, module, lessons):
    first, _second = lessons
    url = reverse("studio:lesson_move", kwargs={"slug": course.slug, "lesson_id": first.pk})
    response = trainer_client.post(url, {"direction": "down"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#lesson-{first.pk}")
    assert _titles(module) == ["Reading river gauges", "How floods form"]
    trainer_client.post(url, {"direction": "down"})  # already last: nothing changes
    assert _titles(module) == ["Reading river gauges", "How floods form"]
    other = services.add_module(course=course, title="Second module")
    trainer_client.post(
        reverse("studio:module_move", kwargs={"slug": course.slug, "module_id": other.pk}),
        {"direction": "up"},
    )
    assert list(course.modules.order_by("position").values_list("title", flat=True)) == [
        "Second module",
        "Understanding floods",
    ]


def test_drag_and_drop_endpoint_saves_a_new_order(trainer_client, course, module, lessons):
    third = services.add_lesson(module=module, title="Community radio")
    ids = [third.pk, lessons[1].pk, lessons[0].pk]
    response = trainer_client.post(
        reverse("studio:lessons_reorder", kwargs={"slug": course.slug, "module_id": module.pk}),
        {"ids": ",".join(map(str, ids))},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert _titles(module) == ["Community radio", "Reading river gauges", "How floods form"]


def test_reorder_with_a_stale_list_changes_nothing(trainer_client, course, module, lessons):
    response = trainer_client.post(
        reverse("studio:lessons_reorder", kwargs={"slug": course.slug, "module_id": module.pk}),
        {"ids": str(lessons[1].pk)},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 400
    assert "changed while you were reordering" in response.json()["message"]
    assert _titles(module) == ["How floods form", "Reading river gauges"]


def test_co_trainer_added_by_email_gets_the_same_rights(trainer_client, course, client):
    colleague = TrainerFactory(email="sokha@example.org")
    url = reverse("studio:trainer_add", kwargs={"slug": course.slug})
    trainer_client.post(url, {"email": "SOKHA@example.org"})
    assert course.trainers.filter(pk=colleague.pk).exists()
    client.force_login(colleague)
    assert client.get(reverse("studio:outline", kwargs={"slug": course.slug})).status_code == 200
    assert (
        client.post(reverse("studio:module_add", kwargs={"slug": course.slug}), {"title": "M2"}).status_code
        == 302
    )


def test_adding_an_unknown_or_trainee_email_is_refused_clearly(trainer_client, course, trainee):
    url = reverse("studio:trainer_add", kwargs={"slug": course.slug})
    response = trainer_client.post(url, {"email": trainee.email}, follow=True)
    assert "No trainer account uses" in response.content.decode()
    assert course.trainers.count() == 1


def test_the_last_trainer_cannot_be_removed(trainer_client, course, trainer):
    url = reverse("studio:trainer_remove", kwargs={"slug": course.slug, "user_id": trainer.pk})
    response = trainer_client.post(url, follow=True)
    assert "A course needs at least one trainer." in response.content.decode()
    assert course.trainers.count() == 1


def _outline_queries(client, course) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("studio:outline", kwargs={"slug": course.slug})).status_code == 200
    return len(ctx)


def test_outline_editor_query_count_is_the_same_for_3_and_30_lessons(client, trainer):
    client.force_login(trainer)
    small = draft_course(trainer)
    module = services.add_module(course=small, title="M")
    for n in range(3):
        services.add_lesson(module=module, title=f"L{n}")
    large = draft_course(trainer)
    for m in range(3):
        module = services.add_module(course=large, title=f"M{m}")
        for n in range(10):
            lesson = services.add_lesson(module=module, title=f"L{n}")
            if n % 3 == 0:
                LessonProgressFactory(lesson=lesson, enrolment=EnrolmentFactory(course=large))
    _outline_queries(client, small)  # warm the session
    assert _outline_queries(client, small) == _outline_queries(client, large)


@pytest.mark.django_db
def test_reordering_shows_at_once_on_the_cached_trainee_pages(client):
    from courses import authoring
    from tests.factories import EnrolmentFactory, course_with_lessons

    course = course_with_lessons(lessons_per_module=3)
    module = course.modules.get()
    first, second, third = module.lessons.order_by("position")
    client.force_login(EnrolmentFactory(course=course).trainee)
    page = client.get(first.get_absolute_url()).content.decode()  # caches the outline
    assert page.index(first.title) < page.index(third.title)

    authoring.reorder_lessons(module=module, ordered_ids=[third.pk, second.pk, first.pk])

    page = client.get(course.get_absolute_url()).content.decode()
    outline = page[page.index('id="outline-heading"') :]
    assert outline.index(third.title) < outline.index(second.title) < outline.index(first.title)


def test_a_lesson_moves_to_another_module_and_trainees_keep_their_progress(
    trainer_client, course, module, lessons
):
    first, _second = lessons
    other = services.add_module(course=course, title="Acting early")
    services.add_lesson(module=other, title="Evacuation")
    progress = LessonProgressFactory(lesson=first, enrolment=EnrolmentFactory(course=course))
    outline = trainer_client.get(reverse("studio:outline", kwargs={"slug": course.slug})).content.decode()
    assert "Move to another module" in outline

    url = reverse("studio:lesson_transfer", kwargs={"slug": course.slug, "lesson_id": first.pk})
    response = trainer_client.post(url, {"module": other.pk})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#lesson-{first.pk}")
    assert _titles(other) == ["Evacuation", "How floods form"]
    assert list(other.lessons.order_by("position").values_list("position", flat=True)) == [1, 2]
    assert _titles(module) == ["Reading river gauges"]
    assert module.lessons.get().position == 1
    progress.refresh_from_db()
    assert progress.lesson_id == first.pk


def test_a_lesson_cannot_move_into_another_courses_module(trainer_client, course, module, lessons):
    foreign = services.add_module(course=draft_course(TrainerFactory()), title="Elsewhere")
    url = reverse("studio:lesson_transfer", kwargs={"slug": course.slug, "lesson_id": lessons[0].pk})
    response = trainer_client.post(url, {"module": foreign.pk}, follow=True)
    assert "Choose one of this course&#x27;s modules." in response.content.decode()
    assert _titles(module) == ["How floods form", "Reading river gauges"]
    assert not foreign.lessons.exists()


def test_the_outline_links_to_the_course_quizzes_and_certificates_and_both_open(trainer_client, trainer):
    course = draft_course(trainer)
    page = trainer_client.get(reverse("studio:outline", kwargs={"slug": course.slug}))
    quizzes_url = reverse("quizzes:studio_quizzes", kwargs={"slug": course.slug})
    certificates_url = reverse("certificates:manage_course", kwargs={"course_id": course.pk})
    html = page.content.decode()
    assert f'href="{quizzes_url}"' in html
    assert f'href="{certificates_url}"' in html
    assert trainer_client.get(quizzes_url).status_code == 200
    assert trainer_client.get(certificates_url).status_code == 200


def test_another_trainer_reaches_neither_linked_page(client, trainer):
    course = draft_course(trainer)
    client.force_login(TrainerFactory())
    assert client.get(reverse("quizzes:studio_quizzes", kwargs={"slug": course.slug})).status_code in (
        403,
        404,
    )
    assert client.get(reverse("certificates:manage_course", kwargs={"course_id": course.pk})).status_code in (
        403,
        404,
    )
