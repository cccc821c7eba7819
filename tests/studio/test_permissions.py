"""Every studio address for every role: anonymous, trainee, a trainer of another course, coordinator,
the course's own trainer and an administrator."""

import pytest
from django.urls import reverse

from courses.models import LessonRevision
from tests.studio.conftest import ROLE_FACTORIES


def _targets(course, module, lessons):
    lesson = lessons[0]
    image = lesson.images.get()
    resource = lesson.resources.get()
    trainer = course.trainers.get()
    LessonRevision.objects.create(lesson=lesson, version=1, title=lesson.title, body=lesson.body)
    c = {"slug": course.slug}
    m = {**c, "module_id": module.pk}
    ls = {**c, "lesson_id": lesson.pk}
    return [
        # (name, kwargs, method, data, changes_something)
        ("home", {}, "get", None, False),
        ("course_create", {}, "get", None, "author"),
        ("course_create", {}, "post", {"title": "X"}, "author"),
        ("course_import", {}, "get", None, "author"),
        ("course_import", {}, "post", {}, "author"),
        ("outline", c, "get", None, False),
        ("course_settings", c, "get", None, False),
        ("course_settings", c, "post", {"title": ""}, True),
        ("trainer_add", c, "post", {"email": "x@example.org"}, True),
        ("trainer_remove", {**c, "user_id": trainer.pk}, "post", {}, True),
        ("publish", c, "get", None, False),
        ("publish", c, "post", {}, True),
        ("preview_course", c, "get", None, False),
        ("preview_lesson", ls, "get", None, False),
        ("course_copy", c, "get", None, "edit"),
        ("course_copy", c, "post", {"title": "Copy", "language": "en"}, True),
        ("course_export", c, "get", None, False),
        ("module_add", c, "post", {"title": "New"}, True),
        ("modules_reorder", c, "post", {"ids": str(module.pk)}, True),
        ("module_rename", m, "post", {"title": "Renamed"}, True),
        ("module_move", m, "post", {"direction": "up"}, True),
        ("module_delete", m, "get", None, "edit"),
        ("module_delete", m, "post", {}, True),
        ("lesson_add", m, "post", {"title": "New lesson"}, True),
        ("lessons_reorder", m, "post", {"ids": ",".join(str(x.pk) for x in reversed(lessons))}, True),
        ("lesson", ls, "get", None, False),
        ("lesson", ls, "post", {"title": "T", "version": 1, "estimated_minutes": 5}, True),
        ("lesson_quick_edit", ls, "post", {"title": "T", "version": 1}, True),
        ("lesson_move", ls, "post", {"direction": "down"}, True),
        ("lesson_transfer", ls, "post", {"module": module.pk}, True),
        ("lesson_delete", ls, "get", None, "edit"),
        ("lesson_delete", ls, "post", {}, True),
        ("lesson_archive", ls, "post", {}, True),
        ("lesson_autosave", ls, "post", {"body": "typing", "version": 1}, True),
        ("lesson_draft_discard", ls, "post", {}, True),
        ("lesson_preview", ls, "post", {"body": "# Hi"}, False),
        ("lesson_image_add", ls, "post", {}, True),
        ("lesson_image_delete", {**ls, "image_id": image.pk}, "post", {}, True),
        ("resource_add", ls, "post", {}, True),
        ("resource_delete", {**ls, "resource_id": resource.pk}, "post", {}, True),
        ("lesson_history", ls, "get", None, False),
        ("revision", {**ls, "version": 1}, "get", None, False),
        ("revision", {**ls, "version": 1}, "post", {"version": 1}, True),
    ]


TARGET_IDS = [
    f"{i:02d}-{name}-{method}"
    for i, (name, method) in enumerate(
        [
            ("home", "get"), ("course_create", "get"), ("course_create", "post"), ("course_import", "get"),
            ("course_import", "post"), ("outline", "get"), ("course_settings", "get"),
            ("course_settings", "post"), ("trainer_add", "post"), ("trainer_remove", "post"),
            ("publish", "get"), ("publish", "post"), ("preview_course", "get"), ("preview_lesson", "get"),
            ("course_copy", "get"), ("course_copy", "post"), ("course_export", "get"), ("module_add", "post"),
            ("modules_reorder", "post"), ("module_rename", "post"), ("module_move", "post"),
            ("module_delete", "get"), ("module_delete", "post"), ("lesson_add", "post"),
            ("lessons_reorder", "post"), ("lesson", "get"), ("lesson", "post"), ("lesson_quick_edit", "post"),
            ("lesson_move", "post"), ("lesson_transfer", "post"), ("lesson_delete", "get"),
            ("lesson_delete", "post"),
            ("lesson_archive", "post"), ("lesson_autosave", "post"), ("lesson_draft_discard", "post"),
            ("lesson_preview", "post"), ("lesson_image_add", "post"), ("lesson_image_delete", "post"),
            ("resource_add", "post"), ("resource_delete", "post"), ("lesson_history", "get"),
            ("revision", "get"), ("revision", "post"),
        ]
    )
]  # fmt: skip


def _request(client, target):
    name, kwargs, method, data, _changes = target
    url = reverse(f"studio:{name}", kwargs=kwargs)
    return client.get(url) if method == "get" else client.post(url, data or {})


def _expected(role: str, target) -> set[int]:
    _name, kwargs, method, _data, changes = target
    course_scoped = "slug" in kwargs
    if role == "trainee":
        return {403}
    if role == "other_trainer":
        return {404} if course_scoped else {200, 302, 400}
    if role == "coordinator":
        if changes in {"author", "edit"} or (changes and method == "post"):
            return {403}
        return {200}
    return {200, 302, 400, 409}  # the course's trainer and admins: allowed (400/409 = input refused)


@pytest.mark.parametrize("index", range(len(TARGET_IDS)), ids=TARGET_IDS)
@pytest.mark.parametrize("role", ["anonymous", "trainee", "other_trainer", "coordinator", "trainer", "admin"])
def test_every_studio_view_for_every_role(client, course, module, lessons, trainer, role, index):
    target = _targets(course, module, lessons)[index]
    if role == "trainer":
        client.force_login(trainer)
    elif role != "anonymous":
        client.force_login(ROLE_FACTORIES[role]())
    response = _request(client, target)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        return
    assert response.status_code in _expected(role, target), (role, target[:3], response.status_code)


def test_trainer_of_another_course_does_not_see_it_on_the_studio_home(client, course):
    other = ROLE_FACTORIES["other_trainer"]()
    client.force_login(other)
    assert course.title not in client.get(reverse("studio:home")).content.decode()


def test_coordinator_sees_every_course_but_no_edit_controls(client, course):
    client.force_login(ROLE_FACTORIES["coordinator"]())
    assert course.title in client.get(reverse("studio:home")).content.decode()
    page = client.get(reverse("studio:outline", kwargs={"slug": course.slug})).content.decode()
    assert "You can look at this course but not change it." in page
    assert reverse("studio:module_add", kwargs={"slug": course.slug}) not in page


def test_studio_link_in_navigation_only_for_trainers(client, course, trainer):
    client.force_login(ROLE_FACTORIES["trainee"]())
    assert reverse("studio:home") not in client.get(reverse("courses:catalogue")).content.decode()
    client.force_login(trainer)
    assert reverse("studio:home") in client.get(reverse("courses:catalogue")).content.decode()
