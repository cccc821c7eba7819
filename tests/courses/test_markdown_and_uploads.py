import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from courses import services
from courses.markdown import render_markdown
from courses.models import Resource
from tests.factories import LessonFactory, course_with_lessons

DANGEROUS_MARKDOWN = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    '<img src="x" onerror="alert(1)">',
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src='https://evil.example'></iframe>",
    '<svg onload="alert(1)"></svg>',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("source", DANGEROUS_MARKDOWN)
def test_markdown_with_scripts_or_javascript_links_is_rendered_inert(source):
    html = render_markdown(source).lower()
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html
    assert "onload" not in html
    assert "<iframe" not in html
    assert "data:text/html" not in html
    assert "<style" not in html


def test_markdown_keeps_teaching_content_and_secures_links():
    html = render_markdown("## ນ້ຳຖ້ວມ\n\n* **Plan** early\n\n[UNEP](https://www.unep.org)")
    assert "<h2>ນ້ຳຖ້ວມ</h2>" in html
    assert "<strong>Plan</strong>" in html
    assert 'rel="noopener noreferrer"' in html


@pytest.mark.django_db
def test_lesson_page_shows_sanitised_body(client):
    course = course_with_lessons(lessons_per_module=1)
    lesson = course.modules.get().lessons.get()
    lesson.body = "Hello <script>alert('x')</script> [bad](javascript:alert(1))"
    services.save_lesson(lesson=lesson)
    from tests.factories import EnrolmentFactory

    client.force_login(EnrolmentFactory(course=course).trainee)
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "javascript:alert" not in page


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("guide.pdf", b"%PDF-1.7\n"), ("photo.png", _png_bytes()), ("handout.docx", _docx_bytes())],
)
def test_allowed_resources_are_stored_under_a_server_chosen_name(name, content):
    resource = services.add_resource(
        lesson=LessonFactory(), title="Handout", upload=SimpleUploadedFile(name, content)
    )
    assert resource.original_name == name
    assert resource.file.name.startswith("resources/")
    assert name not in resource.file.name
    assert resource.size == len(content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ....", "not allowed"),
        ("page.html", b"<html>", "not allowed"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "does not match"),
        ("fake.png", b"%PDF-1.4", "does not match"),
        ("fake.docx", b"PK\x03\x04garbage", "does not match"),
        ("noextension", b"%PDF-1.4", "not allowed"),
    ],
)
def test_disallowed_or_lying_resources_are_refused_and_nothing_is_stored(name, content, message):
    with pytest.raises(ValidationError) as error:
        services.add_resource(lesson=LessonFactory(), title="Bad", upload=SimpleUploadedFile(name, content))
    assert message in " ".join(error.value.messages)
    assert not Resource.objects.exists()


@pytest.mark.django_db
@override_settings(RESOURCE_MAX_BYTES=1024)
def test_oversized_resource_is_refused_with_the_limit_in_the_message():
    with pytest.raises(ValidationError) as error:
        services.add_resource(
            lesson=LessonFactory(), title="Big", upload=SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000)
        )
    assert "limit is 1.0" in error.value.messages[0]
    assert not Resource.objects.exists()


@pytest.mark.django_db
@override_settings(RESOURCE_MAX_BYTES=1024)
def test_oversized_upload_through_the_admin_shows_the_message(admin_client):
    lesson = LessonFactory()
    response = admin_client.post(
        "/admin/courses/resource/add/",
        {"lesson": lesson.pk, "title": "Big", "file": SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000)},
    )
    assert response.status_code == 200
    assert "the limit is" in response.content.decode()
    assert not Resource.objects.exists()
