import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Country, Role
from certificates import services
from certificates.models import Certificate, EventKind
from tests.certificates.factories import CompletedEnrolmentFactory
from tests.factories import CoordinatorFactory, TraineeFactory, TrainerFactory, warm_layout


def verify_url(certificate: Certificate) -> str:
    return reverse("certificates:verify", kwargs={"code": certificate.code})


def download_url(certificate: Certificate) -> str:
    return reverse("certificates:download", kwargs={"code": certificate.code})


def detail_url(certificate: Certificate) -> str:
    return reverse("certificates:manage_detail", kwargs={"code": certificate.code})


def login(client: Client, user) -> Client:
    client.force_login(user)
    return client


def national_coordinator(country: str):
    return CoordinatorFactory(role=Role.NATIONAL_COORDINATOR, coordinator_country=country)


# --- public verification -------------------------------------------------------------------------------


def test_verify_page_shows_minimum_details_without_login(client, certificate):
    trainee = certificate.enrolment.trainee
    response = client.get(verify_url(certificate))
    assert response.status_code == 200
    page = response.content.decode()
    for shown in ("Valid", certificate.holder_name, certificate.course_title, certificate.issuer_name):
        assert shown in page
    assert ">4<" in page  # hours
    for hidden in (trainee.email, "Vietnam", trainee.profile.age_band, "25-34"):
        assert hidden not in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]


def test_verify_page_escapes_markup_in_names(client, db):
    enrolment = CompletedEnrolmentFactory(trainee__profile__full_name="<script>alert(1)</script>")
    certificate = services.issue_certificate(enrolment_id=enrolment.pk)
    page = client.get(verify_url(certificate)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_revoked_code_says_revoked_and_nothing_about_the_holder(client, certificate):
    services.revoke_certificate(certificate=certificate, reason="Fraud", acting_user=CoordinatorFactory())
    response = client.get(verify_url(certificate))
    assert response.status_code == 410
    page = response.content.decode()
    assert "revoked" in page.lower()
    assert certificate.holder_name not in page
    assert certificate.course_title not in page
    assert "Fraud" not in page


@pytest.mark.parametrize("code", ["forged-code-that-does-not-exist1", "x", "%2e%2e"])
def test_unknown_or_forged_code_is_404(client, certificate, code):
    assert client.get(f"/verify/{code}/").status_code == 404


def test_mistyped_code_is_404(client, certificate):
    mistyped = certificate.code[:-1] + ("A" if certificate.code[-1] != "A" else "B")
    assert client.get(f"/verify/{mistyped}/").status_code == 404


def test_verify_is_rate_limited_per_client_address(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(verify_url(certificate), REMOTE_ADDR="10.0.0.1").status_code == 200
    limited = client.get(verify_url(certificate), REMOTE_ADDR="10.0.0.1")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert client.get("/verify/unknown-code-guess-000000/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get(verify_url(certificate), REMOTE_ADDR="10.0.0.2").status_code == 200


def test_verify_page_costs_one_query(client, certificate):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(verify_url(certificate)).status_code == 200
    assert len(queries) == 1


def test_verify_rejects_post(client, certificate):
    assert client.post(verify_url(certificate)).status_code == 405


# --- the holder's certificates and the PDF -----------------------------------------------------------


def test_holder_lists_and_downloads_their_certificate(client, certificate):
    login(client, certificate.enrolment.trainee)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert certificate.course_title in page
    assert download_url(certificate) in page
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "attachment" in response["Content-Disposition"]


def test_dashboard_links_to_the_certificates(client, certificate):
    login(client, certificate.enrolment.trainee)
    page = client.get(reverse("learning:dashboard")).content.decode()
    assert reverse("certificates:mine") in page


def test_my_certificates_query_count_does_not_grow(client, db):
    trainee = TraineeFactory()
    login(client, trainee)
    warm_layout(client)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("certificates:mine")).status_code == 200
        return len(queries)

    services.issue_certificate(enrolment_id=CompletedEnrolmentFactory(trainee=trainee).pk)
    few = count()
    for _ in range(4):
        services.issue_certificate(enrolment_id=CompletedEnrolmentFactory(trainee=trainee).pk)
    assert count() == few


def test_other_trainees_see_only_their_own_certificates(client, certificate):
    login(client, TraineeFactory())
    assert certificate.course_title not in client.get(reverse("certificates:mine")).content.decode()
    assert client.get(download_url(certificate)).status_code == 404


def test_anonymous_download_goes_to_login(client, certificate):
    response = client.get(download_url(certificate))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_pdf_is_not_reachable_by_its_storage_path(client, certificate):
    login(client, certificate.enrolment.trainee)
    assert client.get(f"/media-not-public/{certificate.pdf.name}").status_code == 404
    assert client.get(f"/media/{certificate.pdf.name}").status_code == 404


def test_revoked_certificate_is_not_downloadable_by_its_holder(client, certificate):
    services.revoke_certificate(certificate=certificate, reason="Fraud", acting_user=CoordinatorFactory())
    login(client, certificate.enrolment.trainee)
    assert client.get(download_url(certificate)).status_code == 410


def test_certificate_without_pdf_yet_says_it_is_being_prepared(client, db):
    enrolment = CompletedEnrolmentFactory()
    certificate = services.issue_certificate(enrolment_id=enrolment.pk, render=False)
    login(client, enrolment.trainee)
    response = client.get(download_url(certificate))
    assert response.status_code == 503
    assert "being prepared" in client.get(reverse("certificates:mine")).content.decode()


# --- coordinators: scope and actions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "download", "detail"),
    [
        ("holder", 200, 403),
        ("other_trainee", 404, 404),
        ("trainer", 404, 404),
        ("national_same_country", 200, 200),
        ("national_other_country", 404, 404),
        ("regional", 200, 200),
        ("admin", 200, 200),
    ],
)
def test_permission_matrix(client, certificate, who, download, detail):
    users = {
        "holder": lambda: certificate.enrolment.trainee,
        "other_trainee": TraineeFactory,
        "trainer": TrainerFactory,
        "national_same_country": lambda: national_coordinator(Country.VIETNAM),
        "national_other_country": lambda: national_coordinator(Country.THAILAND),
        "regional": CoordinatorFactory,
        "admin": lambda: CoordinatorFactory(role=Role.ADMIN),
    }
    login(client, users[who]())
    assert client.get(download_url(certificate)).status_code == download
    assert client.get(detail_url(certificate)).status_code == detail
    revoke = client.post(
        reverse("certificates:revoke", kwargs={"code": certificate.code}), {"reason": "Test"}
    )
    assert revoke.status_code == (302 if detail == 200 else detail)
    certificate.refresh_from_db()
    assert certificate.is_revoked is (detail == 200)


@pytest.mark.parametrize("role", [Role.TRAINEE, Role.TRAINER])
def test_manage_list_is_for_coordinators_only(client, db, role):
    login(client, TraineeFactory(role=role))
    assert client.get(reverse("certificates:manage_list")).status_code == 403


def test_anonymous_manage_list_goes_to_login(client, db):
    assert client.get(reverse("certificates:manage_list")).status_code == 302


def test_national_coordinator_lists_only_their_country(client, db):
    vietnam = services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk)
    thailand = services.issue_certificate(
        enrolment_id=CompletedEnrolmentFactory(
            trainee__profile__country=Country.THAILAND, trainee__profile__full_name="สมชาย ใจดี"
        ).pk
    )
    login(client, national_coordinator(Country.THAILAND))
    page = client.get(reverse("certificates:manage_list")).content.decode()
    assert thailand.reference in page
    assert vietnam.reference not in page


def test_manage_list_searches_by_reference_and_name(client, db):
    first = services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk)
    second = services.issue_certificate(
        enrolment_id=CompletedEnrolmentFactory(trainee__profile__full_name="សុភ័ក្ត្រ ស្រីមុំ").pk
    )
    login(client, CoordinatorFactory())
    page = client.get(reverse("certificates:manage_list"), {"q": first.reference}).content.decode()
    assert first.reference in page
    assert second.reference not in page
    page = client.get(reverse("certificates:manage_list"), {"q": "ស្រីមុំ"}).content.decode()
    assert second.reference in page
    assert first.reference not in page


def test_manage_list_pages_keep_the_search(client, db):
    from urllib.parse import quote

    for n in range(51):
        services.issue_certificate(
            enrolment_id=CompletedEnrolmentFactory(trainee__profile__full_name=f"ស្រីមុំ {n}").pk, render=False
        )
    login(client, CoordinatorFactory())
    url = reverse("certificates:manage_list")
    page = client.get(url, {"q": "ស្រីមុំ"}).content.decode()
    assert "Page 1 of 2" in page
    assert f'href="?q={quote("ស្រីមុំ")}&amp;page=2"' in page
    assert "Page 2 of 2" in client.get(url, {"q": "ស្រីមុំ", "page": "2"}).content.decode()


def test_manage_list_query_count_does_not_grow(client, db):
    login(client, CoordinatorFactory())
    warm_layout(client)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("certificates:manage_list")).status_code == 200
        return len(queries)

    services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk, render=False)
    few = count()
    for _ in range(5):
        services.issue_certificate(enrolment_id=CompletedEnrolmentFactory().pk, render=False)
    assert count() == few


def test_coordinator_revokes_with_a_reason(client, certificate):
    coordinator = CoordinatorFactory()
    login(client, coordinator)
    url = reverse("certificates:revoke", kwargs={"code": certificate.code})
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.get(url).status_code == 405
    response = client.post(url, {"reason": "Completed by someone else"}, follow=True)
    assert response.status_code == 200
    assert "revoked" in response.content.decode().lower()
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Completed by someone else"
    assert certificate.events.filter(kind=EventKind.REVOKED, actor=coordinator).exists()
    assert client.get(verify_url(certificate)).status_code == 410


def test_coordinator_reissues_after_a_name_correction(client, certificate):
    profile = certificate.enrolment.trainee.profile
    profile.full_name = "ນາງ ແກ້ວ ບຸນມີ"
    profile.save()
    login(client, CoordinatorFactory())
    old_pdf = certificate.pdf.name
    response = client.post(
        reverse("certificates:reissue", kwargs={"code": certificate.code}), {"reason": "Name"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.holder_name == "ນາງ ແກ້ວ ບຸນມີ"
    assert certificate.pdf.name != old_pdf
    assert certificate.version == 2
    assert "ນາງ ແກ້ວ ບຸນມີ" in client.get(verify_url(certificate)).content.decode()


def test_revoke_and_reissue_need_the_csrf_token(certificate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(CoordinatorFactory())
    for name in ("certificates:revoke", "certificates:reissue"):
        response = client.post(reverse(name, kwargs={"code": certificate.code}), {"reason": "x"})
        assert response.status_code == 403
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert certificate.version == 1


def test_coordinator_detail_shows_rendering_warnings(client, db):
    enrolment = CompletedEnrolmentFactory(trainee__profile__full_name="Sok \U0001f331")
    certificate = services.issue_certificate(enrolment_id=enrolment.pk)
    login(client, CoordinatorFactory())
    page = client.get(detail_url(certificate)).content.decode()
    assert "U+1F331" in page
