import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from community.models import CaseAttachment, CaseImage, CaseStatus, CaseStudy
from community.services import cases as services
from courses.models import CourseStatus, Theme
from tests.community.factories import CaseStudyFactory
from tests.factories import CourseFactory, LessonFactory, ModuleFactory, PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30), mode="RGB", fmt="PNG", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (200, 80, 40) if mode == "RGB" else (200, 80, 40, 128)).save(
        out, format=fmt, **save
    )
    return out.getvalue()


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (60, 40), (10, 120, 90))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def form_data(**overrides):
    data = {
        "title": "Community-managed mangrove belts in Cà Mau",
        "country": "VN",
        "themes": ["community_adaptation", "women_children"],
        "partner": "",
        "year": "2022",
        "language": "en",
        "summary": "Villagers replanted 40 ha of mangroves to break waves in front of the sea dyke.",
        "body": "## Results\n\nWave height at the dyke fell by **half**.",
    }
    data.update(overrides)
    return data


def service_data(**overrides):
    data = {**form_data(), "partner": None, "year": 2022}
    data.pop("themes")
    data.update(overrides)
    return data


def stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --- Submission and review ---------------------------------------------------------------------------
def test_signed_in_user_submits_a_case_with_image_and_attachment(client, settings, member):
    client.force_login(member)
    partner = PartnerOrganisationFactory()
    response = client.post(
        reverse("community:case_submit"),
        {
            **form_data(partner=partner.pk),
            "image_1": SimpleUploadedFile("beach.jpg", jpeg_with_exif(), content_type="image/jpeg"),
            "image_1_alt": "Young mangroves in front of the dyke",
            "file_1": SimpleUploadedFile("report.pdf", b"%PDF-1.7\n...", content_type="application/pdf"),
            "file_1_title": "Project report",
        },
    )
    case = CaseStudy.objects.get()
    assert response.status_code == 302
    assert (case.status, case.submitted_by, case.partner) == (CaseStatus.SUBMITTED, member, partner)
    assert sorted(t.theme for t in case.themes.all()) == ["community_adaptation", "women_children"]
    assert "<strong>half</strong>" in case.body_html
    assert "Vietnam" in case.search_text
    assert "Women and children" in case.search_text
    image = case.images.get()
    with Image.open(image.file.path) as stored:
        assert stored.format == "JPEG"
        assert "exif" not in stored.info  # metadata dropped
        assert stored.size == (40, 60)  # turned upright from the EXIF orientation
    assert image.file.name.startswith("cases/images/")
    assert "beach" not in image.file.name
    attachment = case.attachments.get()
    assert (attachment.title, attachment.content_type) == ("Project report", "application/pdf")
    # The author sees the pending case; the public does not.
    assert client.get(case.get_absolute_url()).status_code == 200
    assert client.get(image.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(image.get_absolute_url()).status_code == 404
    assert client.get(attachment.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("field", "name", "content", "message"),
    [
        ("image_1", "photo.png", b"this is not an image at all", "not a readable PNG image"),
        ("image_1", "photo.png", png_bytes()[:60], "not a readable PNG image"),
        ("image_1", "photo.jpg", png_bytes(), "does not match"),
        ("image_1", "photo.svg", b"<svg onload=alert(1)></svg>", "must be JPEG, PNG, WebP or GIF"),
        ("file_1", "report.pdf", b"<html><script>alert(1)</script></html>", "does not match"),
        ("file_1", "slides.pptx", b"PK\x03\x04 broken zip", "does not match"),
        ("file_1", "tool.exe", b"MZ\x90\x00", "not allowed"),
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_stored(
    client, settings, member, field, name, content, message
):
    client.force_login(member)
    data = {
        **form_data(),
        field: SimpleUploadedFile(name, content),
        "image_1_alt": "A photo",
        "file_1_title": "F",
    }
    response = client.post(reverse("community:case_submit"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CaseStudy.objects.exists()
    assert not CaseImage.objects.exists()
    assert not CaseAttachment.objects.exists()
    assert stored_files(settings) == []


def test_oversized_and_pixel_flood_images_are_refused(settings, member):
    settings.COMMUNITY_IMAGE_MAX_BYTES = 1000
    big = SimpleUploadedFile("big.png", png_bytes((300, 300)) + b"\0" * 2000)
    with pytest.raises(services.ValidationError, match="limit"):
        services.submit_case(
            author=member,
            data=service_data(),
            themes=["community_adaptation"],
            files=services.CaseUploads(images=[(big, "x")]),
        )
    settings.COMMUNITY_IMAGE_MAX_BYTES = 5 * 1024 * 1024
    flood = SimpleUploadedFile("flood.png", png_bytes((8000, 6000), optimize=True))
    with pytest.raises(services.ValidationError, match="too many pixels"):
        services.submit_case(
            author=member,
            data=service_data(),
            themes=["community_adaptation"],
            files=services.CaseUploads(images=[(flood, "x")]),
        )
    assert not CaseStudy.objects.exists()
    assert stored_files(settings) == []


def test_transparent_png_stays_png_and_large_images_are_scaled(member):
    upload = SimpleUploadedFile("logo.png", png_bytes((3200, 800), mode="RGBA"))
    case = services.submit_case(
        author=member,
        data=service_data(),
        themes=["low_carbon_cities"],
        files=services.CaseUploads(images=[(upload, "Logo")]),
    )
    image = case.images.get()
    assert (image.content_type, image.width, image.height) == ("image/png", 1600, 400)


def test_an_image_needs_a_description(member):
    upload = SimpleUploadedFile("a.png", png_bytes())
    with pytest.raises(services.ValidationError, match="Describe each image"):
        services.submit_case(
            author=member,
            data=service_data(),
            themes=["low_carbon_cities"],
            files=services.CaseUploads(images=[(upload, " ")]),
        )


def test_missing_themes_are_refused(client, member):
    client.force_login(member)
    response = client.post(reverse("community:case_submit"), form_data(themes=[]))
    assert response.status_code == 400
    assert not CaseStudy.objects.exists()


def test_coordinator_publishes_and_the_case_becomes_public(client, roles):
    case = CaseStudyFactory(status=CaseStatus.SUBMITTED, submitted_by=roles["member"])
    client.force_login(roles["coordinator"])
    queue = client.get(reverse("community:review_queue"))
    assert list(queue.context["cases"]) == [case]
    response = client.post(reverse("community:case_review", kwargs={"pk": case.pk}), {"decision": "publish"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.reviewed_by) == (CaseStatus.PUBLISHED, roles["coordinator"])
    assert case.published_at is not None
    client.logout()
    assert client.get(case.get_absolute_url()).status_code == 200
    assert case.title in client.get(reverse("community:cases")).content.decode()


def test_returned_case_goes_back_to_the_author_who_resubmits(client, roles):
    author = roles["member"]
    case = CaseStudyFactory(status=CaseStatus.SUBMITTED, submitted_by=author)
    client.force_login(roles["coordinator"])
    response = client.post(
        reverse("community:case_review", kwargs={"pk": case.pk}), {"decision": "return", "reason": ""}
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED  # a reason is required
    client.post(
        reverse("community:case_review", kwargs={"pk": case.pk}),
        {"decision": "return", "reason": "Please add the number of households reached."},
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.RETURNED
    client.force_login(author)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Please add the number of households reached." in page
    response = client.post(
        reverse("community:case_edit", kwargs={"pk": case.pk}),
        form_data(body="It reached **1,200 households**.", themes=["community_adaptation"]),
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    assert "1,200 households" in case.body_html


@pytest.mark.parametrize("role", ["member", "outsider", "trainer", "other_trainer"])
def test_only_coordinators_review(client, roles, role):
    case = CaseStudyFactory(status=CaseStatus.SUBMITTED)
    client.force_login(roles[role])
    assert client.get(reverse("community:review_queue")).status_code == 403
    assert (
        client.post(
            reverse("community:case_review", kwargs={"pk": case.pk}), {"decision": "publish"}
        ).status_code
        == 403
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED


@pytest.mark.parametrize("status", [CaseStatus.SUBMITTED, CaseStatus.RETURNED])
@pytest.mark.parametrize("role", ["outsider", "trainer", "anonymous"])
def test_unpublished_cases_are_404_for_others(client, roles, status, role):
    case = CaseStudyFactory(status=status, submitted_by=roles["member"])
    if role != "anonymous":
        client.force_login(roles[role])
    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(reverse("community:case_edit", kwargs={"pk": case.pk})).status_code in (404, 302)
    client.force_login(roles["coordinator"])
    assert client.get(case.get_absolute_url()).status_code == 200


def test_author_cannot_edit_once_published_but_a_coordinator_can(client, roles):
    case = CaseStudyFactory(submitted_by=roles["member"])
    client.force_login(roles["member"])
    assert client.get(reverse("community:case_edit", kwargs={"pk": case.pk})).status_code == 403
    client.force_login(roles["coordinator"])
    assert client.get(reverse("community:case_edit", kwargs={"pk": case.pk})).status_code == 200


def test_public_pages_need_no_sign_in_but_submitting_does(client):
    case = CaseStudyFactory()
    assert client.get(reverse("community:cases")).status_code == 200
    assert client.get(case.get_absolute_url()).status_code == 200
    for name in ("case_submit", "my_cases", "review_queue"):
        response = client.get(reverse(f"community:{name}"))
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_my_cases_lists_only_mine(client, roles):
    mine = CaseStudyFactory(submitted_by=roles["member"], status=CaseStatus.RETURNED)
    CaseStudyFactory(submitted_by=roles["outsider"])
    client.force_login(roles["member"])
    assert list(client.get(reverse("community:my_cases")).context["cases"]) == [mine]


def test_attachment_downloads_as_attachment(client, member):
    upload = SimpleUploadedFile("Báo cáo.pdf", b"%PDF-1.4 report")
    case = services.submit_case(
        author=member,
        data=service_data(),
        themes=["community_adaptation"],
        files=services.CaseUploads(attachments=[(upload, "")]),
    )
    case.status, case.published_at = CaseStatus.PUBLISHED, case.submitted_at
    case.save()
    response = client.get(case.attachments.get().get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 report"


def test_editing_removes_images_after_commit(member, settings, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("a.png", png_bytes())
    case = services.submit_case(
        author=member,
        data=service_data(),
        themes=["community_adaptation"],
        files=services.CaseUploads(images=[(upload, "A")]),
    )
    image = case.images.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.update_case(
            case=case,
            editor=member,
            data=service_data(),
            themes=["community_adaptation"],
            files=services.CaseUploads(remove_image_ids=[image.pk]),
        )
    assert not case.images.exists()
    assert stored_files(settings) == []


# --- Lessons link to cases ---------------------------------------------------------------------------
def test_trainer_links_a_case_to_own_lesson_and_the_lesson_shows_it(client, course, trainer, member):
    lesson = LessonFactory(module=ModuleFactory(course=course))
    case = CaseStudyFactory(title="Solar pumps for dry-season irrigation")
    client.force_login(trainer)
    response = client.post(
        reverse("community:case_lessons", kwargs={"pk": case.pk}), {"lesson": lesson.pk, "action": "link"}
    )
    assert response.status_code == 302
    assert list(case.lessons.all()) == [lesson]
    client.force_login(member)
    assert lesson.title in client.get(case.get_absolute_url()).content.decode()
    assert "Solar pumps for dry-season irrigation" in client.get(lesson.get_absolute_url()).content.decode()


def test_the_lesson_page_follows_links_and_unpublishing_at_once(client, course, trainer, member):
    """Related cases are cached per lesson: linking, unlinking and withdrawing a case show at once."""
    lesson = LessonFactory(module=ModuleFactory(course=course))
    case = CaseStudyFactory(title="Solar pumps for dry-season irrigation")
    client.force_login(member)
    assert case.title not in client.get(lesson.get_absolute_url()).content.decode()  # cached: none
    services.link_lesson(case=case, lesson=lesson, actor=trainer)
    assert case.title in client.get(lesson.get_absolute_url()).content.decode()
    type(case).objects.filter(pk=case.pk).update(title="Renamed")  # a write with no signal: TTL-bound
    case.lessons.remove(lesson)  # the admin or a data fix: m2m_changed
    assert case.title not in client.get(lesson.get_absolute_url()).content.decode()
    assert "Renamed" not in client.get(lesson.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ["other_trainer", "member", "coordinator"])
def test_linking_someone_elses_lesson_is_refused(client, roles, course, role):
    lesson = LessonFactory(module=ModuleFactory(course=course))
    case = CaseStudyFactory()
    client.force_login(roles[role])
    response = client.post(reverse("community:case_lessons", kwargs={"pk": case.pk}), {"lesson": lesson.pk})
    assert response.status_code == 403
    assert not case.lessons.exists()


def test_case_page_hides_lessons_of_draft_courses_from_the_public(client, trainer):
    draft = CourseFactory(status=CourseStatus.DRAFT, trainers=[trainer])
    lesson = LessonFactory(module=ModuleFactory(course=draft), title="Unreleased lesson")
    case = CaseStudyFactory()
    case.lessons.add(lesson)
    assert "Unreleased lesson" not in client.get(case.get_absolute_url()).content.decode()
    client.force_login(trainer)
    assert "Unreleased lesson" in client.get(case.get_absolute_url()).content.decode()


def test_unpublished_case_cannot_be_linked(trainer, course):
    lesson = LessonFactory(module=ModuleFactory(course=course))
    with pytest.raises(services.CaseError):
        services.link_lesson(case=CaseStudyFactory(status=CaseStatus.SUBMITTED), lesson=lesson, actor=trainer)


def test_themes_reuse_the_catalogue_themes():
    assert {value for value, _ in CaseStudy._meta.get_field("country").choices} >= {
        "CN",
        "MM",
        "LA",
        "TH",
        "KH",
        "VN",
    }
    case = CaseStudyFactory(themes=[Theme.SUSTAINABLE_INFRASTRUCTURE, Theme.CLIMATE_GOVERNANCE])
    assert {t.get_theme_display() for t in case.themes.all()} == {
        "Sustainable infrastructure",
        "Climate governance",
    }
