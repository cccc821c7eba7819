import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses import authoring, exchange
from courses.models import Course, LessonImage
from tests.factories import ProgrammeFactory
from tests.studio.factories import TrainerFactory


def _snapshot(course: Course) -> dict:
    """Everything an import must reproduce: titles, order, bodies, settings and media bytes."""
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
                )
            )
        modules.append((module.title, module.summary, lessons))
    return {
        "course": (
            course.title,
            course.summary,
            course.language,
            course.estimated_hours,
            course.enrolment_opens_at,
            course.enrolment_closes_at,
        ),
        "modules": modules,
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
    course.refresh_from_db()
    return course


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
    assert _snapshot(imported) == before
    assert imported.status == "draft"


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
    assert new_image.file.open("rb").read() == before["modules"][0][2][0][7][0][2]
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
