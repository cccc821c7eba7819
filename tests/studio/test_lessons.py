import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from courses import authoring
from courses.models import CourseStatus, Lesson, LessonDraft, LessonImage
from learning import completion
from tests.factories import EnrolmentFactory, LessonProgressFactory
from tests.studio.factories import TrainerFactory, image_bytes, image_upload


def _url(name, lesson, **extra):
    return reverse(
        f"studio:{name}", kwargs={"slug": lesson.module.course.slug, "lesson_id": lesson.pk, **extra}
    )


def _form(lesson, **changes):
    data = {
        "title": lesson.title,
        "body": lesson.body,
        "video_url": lesson.video_url,
        "estimated_minutes": lesson.estimated_minutes,
        "is_required": "on" if lesson.is_required else "",
        "version": lesson.version,
        "action": "save",
    }
    return {**data, **changes}


def test_saving_a_published_lesson_changes_it_for_trainees_and_keeps_a_revision(
    trainer_client, course, lessons, trainer
):
    course.status = CourseStatus.PUBLISHED
    course.save()
    lesson = lessons[0]
    response = trainer_client.post(
        _url("lesson", lesson), _form(lesson, body="Rain *upstream* floods **fields**.")
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.version == 2
    assert "<strong>fields</strong>" in lesson.body_html
    enrolment = EnrolmentFactory(course=course)
    trainee_client = trainer_client
    trainee_client.force_login(enrolment.trainee)
    assert "<strong>fields</strong>" in trainee_client.get(lesson.get_absolute_url()).content.decode()
    versions = list(lesson.revisions.order_by("version").values_list("version", "author"))
    assert versions == [(1, None), (2, trainer.pk)]


def test_second_trainer_saving_a_stale_lesson_is_told_and_nothing_is_overwritten(
    client, course, lessons, trainer
):
    colleague = TrainerFactory()
    course.trainers.add(colleague)
    lesson = lessons[0]
    opened_by_both = _form(lesson)
    client.force_login(trainer)
    client.post(_url("lesson", lesson), {**opened_by_both, "body": "First trainer's text."})
    client.force_login(colleague)
    response = client.post(_url("lesson", lesson), {**opened_by_both, "body": "Second trainer's text."})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this lesson after you opened it" in page
    assert "Second trainer&#x27;s text." in page  # their own text is still in the form
    assert "<p>First trainer's text.</p>" in page  # and the saved text is shown to compare
    lesson.refresh_from_db()
    assert lesson.body == "First trainer's text."
    assert lesson.version == 2
    # Saving again after seeing the conflict is deliberate, and the first text stays in the history.
    again = client.post(_url("lesson", lesson), {**opened_by_both, "body": "Merged text.", "version": 2})
    assert again.status_code == 302
    assert lesson.revisions.filter(body="First trainer's text.").exists()


def test_markdown_with_scripts_is_sanitised_in_preview_and_on_save(trainer_client, lessons):
    lesson = lessons[0]
    evil = '<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror="alert(3)">'
    preview = trainer_client.post(_url("lesson_preview", lesson), {"body": evil}).content.decode()
    for html in (preview,):
        assert "<script" not in html
        assert "onerror" not in html
        assert "javascript:" not in html
    trainer_client.post(_url("lesson", lesson), _form(lesson, body=evil))
    lesson.refresh_from_db()
    assert "<script" not in lesson.body_html
    assert "onerror" not in lesson.body_html
    assert "javascript:" not in lesson.body_html


def test_preview_without_javascript_renders_on_the_server_and_saves_nothing(trainer_client, lessons):
    lesson = lessons[0]
    response = trainer_client.post(_url("lesson", lesson), _form(lesson, body="## Heading", action="preview"))
    assert response.status_code == 200
    assert "<h2>Heading</h2>" in response.content.decode()
    lesson.refresh_from_db()
    assert lesson.version == 1


def test_autosave_keeps_a_draft_that_trainees_never_see_and_the_editor_offers_it(
    trainer_client, lessons, trainer
):
    lesson = lessons[0]
    response = trainer_client.post(_url("lesson_autosave", lesson), {"body": "Half-typed sen", "version": 1})
    assert response.status_code == 200
    assert response.json()["ok"] is True
    draft = LessonDraft.objects.get(lesson=lesson, author=trainer)
    assert draft.body == "Half-typed sen"
    lesson.refresh_from_db()
    assert lesson.body == "Rain **upstream**."
    assert "You have unsaved changes" in trainer_client.get(_url("lesson", lesson)).content.decode()
    restored = trainer_client.get(_url("lesson", lesson) + "?draft=1").content.decode()
    assert "Half-typed sen</textarea>" in restored
    trainer_client.post(_url("lesson", lesson), _form(lesson, body="Full sentence."))
    assert not LessonDraft.objects.filter(lesson=lesson).exists()


def test_autosave_warns_when_someone_else_saved_meanwhile(trainer_client, lessons):
    lesson = lessons[0]
    trainer_client.post(_url("lesson", lesson), _form(lesson, body="v2"))
    response = trainer_client.post(_url("lesson_autosave", lesson), {"body": "typing", "version": 1})
    assert response.json()["changed"] is True


def test_previous_version_can_be_seen_and_restored(trainer_client, lessons):
    lesson = lessons[0]
    trainer_client.post(_url("lesson", lesson), _form(lesson, body="Second version."))
    history = trainer_client.get(_url("lesson_history", lesson)).content.decode()
    assert _url("revision", lesson, version=1) in history
    old = trainer_client.get(_url("revision", lesson, version=1)).content.decode()
    assert "<strong>upstream</strong>" in old
    trainer_client.post(_url("revision", lesson, version=1), {"version": 2})
    lesson.refresh_from_db()
    assert (lesson.body, lesson.version) == ("Rain **upstream**.", 3)


def test_uploaded_image_is_reencoded_shrunk_and_served_to_the_course(trainer_client, lessons):
    lesson = lessons[0]
    response = trainer_client.post(
        _url("lesson_image_add", lesson),
        {"image": image_upload("big.jpg", "JPEG", (3000, 2000)), "alt_text": "A river gauge"},
        follow=True,
    )
    image = lesson.images.get(alt_text="A river gauge")
    assert image.markdown in response.content.decode()
    assert (image.width, image.height) == (1600, 1067)
    assert image.file.name.endswith(".webp")
    served = trainer_client.get(image.get_absolute_url())
    assert served.status_code == 200
    assert served["Content-Type"] == "image/webp"


def test_oversized_image_is_refused_with_a_clear_message(trainer_client, lessons, settings):
    settings.LESSON_IMAGE_MAX_BYTES = 1000
    lesson = lessons[0]
    response = trainer_client.post(
        _url("lesson_image_add", lesson), {"image": image_upload("big.png", "PNG", (400, 400))}, follow=True
    )
    assert "the limit is 1000" in response.content.decode().replace("\xa0", " ")
    assert lesson.images.count() == 1  # only the fixture's image


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("photo.png", b"<html><script>alert(1)</script></html>", content_type="image/png"),
        SimpleUploadedFile("photo.jpg", image_bytes("PNG")[:60], content_type="image/jpeg"),  # truncated
        SimpleUploadedFile("drawing.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml"),
    ],
    ids=["html-as-png", "truncated", "svg"],
)
def test_file_lying_about_being_an_image_is_refused(trainer_client, lessons, upload):
    lesson = lessons[0]
    response = trainer_client.post(_url("lesson_image_add", lesson), {"image": upload}, follow=True)
    assert "This file is not an image we can use." in response.content.decode()
    assert LessonImage.objects.filter(lesson=lesson).count() == 1


def test_resource_lying_about_its_type_is_refused(trainer_client, lessons):
    lesson = lessons[0]
    fake = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = trainer_client.post(
        _url("resource_add", lesson), {"title": "Report", "file": fake}, follow=True
    )
    assert "does not match its" in response.content.decode()
    assert list(lesson.resources.values_list("title", flat=True)) == ["Checklist"]


def test_video_is_a_link_with_a_thumbnail_and_never_an_embedded_player(trainer_client, lessons):
    lesson = lessons[0]
    trainer_client.post(
        _url("lesson", lesson), _form(lesson, video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    )
    page = trainer_client.get(_url("preview_lesson", lesson)).content.decode()
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in page
    assert "https://i.ytimg.com/vi/dQw4w9WgXcQ/mqdefault.jpg" in page
    assert "<iframe" not in page
    assert "<video" not in page
    assert "autoplay" not in page


def test_lesson_with_progress_cannot_be_deleted_only_archived(trainer_client, course, lessons):
    lesson = lessons[0]
    progress = LessonProgressFactory(lesson=lesson, enrolment=EnrolmentFactory(course=course))
    confirm = trainer_client.get(_url("lesson_delete", lesson)).content.decode()
    assert "cannot be deleted. Archive it instead" in confirm
    response = trainer_client.post(_url("lesson_delete", lesson), follow=True)
    assert "so it cannot be deleted. Archive it instead." in response.content.decode()
    assert Lesson.objects.filter(pk=lesson.pk).exists()
    trainer_client.post(_url("lesson_archive", lesson))
    lesson.refresh_from_db()
    assert lesson.is_archived
    progress.refresh_from_db()  # the trainee's progress is kept


def test_module_with_progress_cannot_be_deleted(trainer_client, course, module, lessons):
    LessonProgressFactory(lesson=lessons[1], enrolment=EnrolmentFactory(course=course))
    url = reverse("studio:module_delete", kwargs={"slug": course.slug, "module_id": module.pk})
    response = trainer_client.post(url, follow=True)
    assert "Archive those lessons instead" in response.content.decode()
    assert Lesson.objects.filter(module=module).count() == 2


def test_archived_lesson_disappears_from_trainee_pages_and_completion(trainer_client, course, lessons):
    client = Client()
    course.status = CourseStatus.PUBLISHED
    course.save()
    first, second = lessons
    enrolment = EnrolmentFactory(course=course)
    LessonProgressFactory(lesson=first, enrolment=enrolment)
    assert not completion.required_lessons_done(enrolment)
    trainer_client.post(_url("lesson_archive", second))
    assert completion.required_lessons_done(enrolment)
    client.force_login(enrolment.trainee)
    page = client.get(course.get_absolute_url()).content.decode()
    assert first.title in page
    assert second.title not in page
    catalogue = client.get(reverse("courses:catalogue")).content.decode()
    assert "1 lesson" in catalogue
    trainer_client.post(_url("lesson_archive", second), {"restore": "1"})
    assert second.title in client.get(course.get_absolute_url()).content.decode()


def test_archived_lesson_address_is_not_found_for_trainees(course, lessons):
    course.status = CourseStatus.PUBLISHED
    course.save()
    enrolment = EnrolmentFactory(course=course)
    authoring.archive_lesson(lesson=lessons[1])
    client = Client()
    client.force_login(enrolment.trainee)
    assert client.get(lessons[1].get_absolute_url()).status_code == 404
    assert client.get(lessons[0].get_absolute_url()).status_code == 200
