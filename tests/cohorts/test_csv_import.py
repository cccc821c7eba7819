"""Bulk enrolment from a CSV file: preview, line-numbered problems, all-or-nothing, idempotent re-upload."""

import base64

import pytest
from django.urls import reverse

from learning.cohorts import services
from learning.models import Enrolment, Participant
from tests.cohorts.factories import CohortFactory, ParticipantFactory, facilitator_of
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "name,email,country,sex,age_band,guardian_consent\n"
    "សុភ័ក្ត្រ ស្រីមុំ,,KH,female,18-24,\n"
    "အောင်ကျော်,,Myanmar,M,25-34,\n"
    "Nguyễn Thị Hương,huong@example.org,Viet Nam,female,35-49,no\n"
    "Dara,,KH,male,Under 18,yes\n"
)


def problems(cohort, data: bytes) -> list[tuple[int, str]]:
    preview = services.preview_import(cohort=cohort, data=data)
    return [(p.line, p.message) for p in preview.problems]


def import_all_or_nothing(cohort, data: bytes) -> None:
    with pytest.raises(services.CohortError):
        services.import_participants(cohort=cohort, data=data)
    assert not Participant.objects.filter(cohort=cohort).exists()


def test_a_good_file_previews_then_imports_every_row_with_names_in_their_scripts():
    cohort = CohortFactory()
    preview = services.preview_import(cohort=cohort, data=GOOD.encode())
    assert preview.is_valid
    assert [row.line for row in preview.new_rows] == [2, 3, 4, 5]
    assert not Participant.objects.exists()  # a preview writes nothing

    created = services.import_participants(cohort=cohort, data=GOOD.encode())

    assert len(created) == 4
    names = set(Participant.objects.filter(cohort=cohort).values_list("display_name", flat=True))
    assert names == {"សុភ័ក្ត្រ ស្រីមុំ", "အောင်ကျော်", "Nguyễn Thị Hương", "Dara"}
    dara = Participant.objects.get(display_name="Dara")
    assert dara.age_band == "under_18"
    assert dara.guardian_consent
    assert dara.guardian_consent_at
    assert Participant.objects.get(display_name="အောင်ကျော်").country == "MM"


def test_uploading_the_same_file_again_creates_nothing_new():
    cohort = CohortFactory()
    services.import_participants(cohort=cohort, data=GOOD.encode())

    preview = services.preview_import(cohort=cohort, data=GOOD.encode())
    assert preview.is_valid
    assert not preview.new_rows
    assert len(preview.existing_rows) == 4
    assert services.import_participants(cohort=cohort, data=GOOD.encode()) == []
    assert Participant.objects.filter(cohort=cohort).count() == 4


def test_a_longer_second_file_adds_only_the_new_people():
    cohort = CohortFactory()
    services.import_participants(cohort=cohort, data=GOOD.encode())
    created = services.import_participants(cohort=cohort, data=(GOOD + "Somchai,,TH,male,50+,\n").encode())
    assert [p.display_name for p in created] == ["Somchai"]


def test_byte_order_mark_and_windows_line_endings_are_read():
    cohort = CohortFactory()
    data = "\ufeff".encode() + GOOD.replace("\n", "\r\n").encode()
    preview = services.preview_import(cohort=cohort, data=data)
    assert preview.is_valid
    assert len(preview.new_rows) == 4
    assert preview.new_rows[0].display_name == "សុភ័ក្ត្រ ស្រីមុំ"


def test_utf16_from_excel_with_tabs_is_read():
    cohort = CohortFactory()
    data = GOOD.replace(",", "\t").replace("\n", "\r\n").encode("utf-16")
    assert services.preview_import(cohort=cohort, data=data).is_valid


def test_semicolon_separated_files_are_read():
    cohort = CohortFactory()
    assert services.preview_import(cohort=cohort, data=GOOD.replace(",", ";").encode()).is_valid


def test_text_that_is_not_utf8_is_refused_with_its_line():
    cohort = CohortFactory()
    data = b"name,country,sex,age_band\nSok,KH,female,18-24\n" + b"Ch\xe9a,KH,female,18-24\n"
    assert problems(cohort, data)[0][0] == 3
    import_all_or_nothing(cohort, data)


def test_an_empty_file_is_refused():
    cohort = CohortFactory()
    for data in (b"", b"\xef\xbb\xbf", b"\r\n\r\n"):
        assert problems(cohort, data) == [(1, "The file is empty.")]
        import_all_or_nothing(cohort, data)


def test_a_header_without_rows_is_refused():
    cohort = CohortFactory()
    assert problems(cohort, b"name,country,sex,age_band\r\n") == [
        (1, "The file has a header line but no participants.")
    ]


def test_duplicate_rows_name_the_first_line():
    cohort = CohortFactory()
    data = (GOOD + "សុភ័ក្ត្រ  ស្រីមុំ,,kh,F,18_24,\n").encode()  # same person, written differently
    assert problems(cohort, data) == [(6, "This line repeats line 2 (the same person).")]
    import_all_or_nothing(cohort, data)


def test_duplicate_emails_are_the_same_person():
    cohort = CohortFactory()
    data = (GOOD + "Huong N.,HUONG@example.org,VN,female,35-49,\n").encode()
    assert problems(cohort, data) == [(6, "This line repeats line 4 (the same person).")]


def test_missing_columns_are_named():
    cohort = CohortFactory()
    found = problems(cohort, b"name,country\nSok,KH\n")
    assert found[0] == (1, "Missing columns: sex, age_band.")
    assert all(line == 1 for line, _ in found)
    import_all_or_nothing(cohort, b"name,country\nSok,KH\n")


def test_unknown_extra_columns_are_named():
    cohort = CohortFactory()
    found = problems(cohort, b"name,country,sex,age_band,phone\nSok,KH,female,18-24,012345\n")
    assert (1, "Unknown column \u201cphone\u201d.") in found


def test_rows_with_missing_or_extra_values_are_reported_with_their_lines():
    cohort = CohortFactory()
    data = b"name,country,sex,age_band\nSok,KH,female,18-24\nDara,KH,male\nVanna,KH,female,25-34,extra\n"
    assert problems(cohort, data) == [
        (3, "This line has 3 values but there are 4 columns."),
        (4, "This line has 5 values but there are only 4 columns."),
    ]
    import_all_or_nothing(cohort, data)


def test_trailing_empty_cells_from_spreadsheets_are_harmless():
    cohort = CohortFactory()
    assert services.preview_import(
        cohort=cohort, data=b"name,country,sex,age_band\nSok,KH,female,18-24,,\n"
    ).is_valid


def test_unknown_country_and_age_band_are_reported_with_their_lines():
    cohort = CohortFactory()
    data = "name,country,sex,age_band\nSok,Atlantis,female,18-24\nDara,KH,male,60-70\nLan,VN,robot,25-34\n"
    found = problems(cohort, data.encode())
    assert [line for line, _ in found] == [2, 3, 4]
    assert found[0][1].startswith("Unknown country \u201cAtlantis\u201d")
    assert found[1][1].startswith("Unknown age band \u201c60-70\u201d. Use one of: Under 18, 18-24")
    assert found[2][1].startswith("Unknown sex \u201crobot\u201d")
    import_all_or_nothing(cohort, data.encode())


def test_a_minor_without_guardian_consent_is_refused():
    cohort = CohortFactory()
    data = b"name,country,sex,age_band,guardian_consent\nDara,KH,male,under 18,no\n"
    assert problems(cohort, data) == [
        (2, "This participant is under 18: confirm a parent's or guardian's consent (yes).")
    ]


def test_every_bad_row_is_reported_and_nothing_is_imported_even_when_most_rows_are_good():
    cohort = CohortFactory()
    data = (GOOD + "Bad,,Narnia,female,18-24,\n,,KH,female,18-24,\nOk,not-an-email,KH,male,18-24,\n").encode()
    assert [line for line, _ in problems(cohort, data)] == [6, 7, 8]
    import_all_or_nothing(cohort, data)


def test_line_numbers_follow_the_file_across_blank_lines_and_quoted_line_breaks():
    cohort = CohortFactory()
    data = b'name,country,sex,age_band\n\n"Sok\nSamnang",KH,female,18-24\nDara,XY,male,18-24\n'
    assert [line for line, _ in problems(cohort, data)] == [5]


def test_an_email_of_an_existing_account_links_the_participant_to_an_enrolment():
    cohort = CohortFactory()
    trainee = TraineeFactory(email="huong@example.org")
    services.import_participants(cohort=cohort, data=GOOD.encode())
    participant = Participant.objects.get(display_name="Nguyễn Thị Hương")
    assert participant.enrolment == Enrolment.objects.get(trainee=trainee, course=cohort.course)


def test_an_account_already_in_another_group_of_the_course_is_reported():
    cohort = CohortFactory()
    other = CohortFactory(course=cohort.course)
    trainee = TraineeFactory(email="huong@example.org")
    services.join_cohort(user=trainee, code=other.join_code)
    assert problems(cohort, GOOD.encode()) == [
        (4, "This person is already in another group for this course.")
    ]


def test_someone_already_added_by_hand_is_skipped_not_duplicated():
    cohort = CohortFactory()
    ParticipantFactory(cohort=cohort, display_name="Dara", sex="male", age_band="under_18",
                       guardian_consent=True, guardian_consent_at="2026-01-01T00:00Z")  # fmt: skip
    preview = services.preview_import(cohort=cohort, data=GOOD.encode())
    assert [row.display_name for row in preview.existing_rows] == ["Dara"]


# --- through the pages ---------------------------------------------------------------------------------
def test_facilitator_previews_confirms_and_reimport_creates_nothing(client):
    cohort = CohortFactory()
    client.force_login(facilitator_of(cohort))
    url = reverse("learning:cohorts:participant_import", kwargs={"cohort_id": cohort.pk})
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("list.csv", GOOD.encode(), content_type="text/csv")
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    assert "4 new participants will be added." in response.content.decode()
    assert not Participant.objects.exists()

    content = base64.b64encode(GOOD.encode()).decode()
    response = client.post(url, {"content": content})
    assert response.status_code == 302
    assert Participant.objects.filter(cohort=cohort).count() == 4
    client.post(url, {"content": content})
    assert Participant.objects.filter(cohort=cohort).count() == 4


def test_a_tampered_confirmation_is_checked_again_and_imports_nothing(client):
    cohort = CohortFactory()
    client.force_login(facilitator_of(cohort))
    url = reverse("learning:cohorts:participant_import", kwargs={"cohort_id": cohort.pk})
    bad = base64.b64encode(b"name,country,sex,age_band\nSok,Atlantis,female,18-24\n").decode()
    response = client.post(url, {"content": bad})
    assert response.status_code == 200
    assert "Line 2:" in response.content.decode()
    assert not Participant.objects.exists()


def test_problems_are_shown_with_line_numbers(client):
    cohort = CohortFactory()
    client.force_login(facilitator_of(cohort))
    url = reverse("learning:cohorts:participant_import", kwargs={"cohort_id": cohort.pk})
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("list.csv", b"name,country,sex,age_band\nSok,KH,female,99\n")
    body = client.post(url, {"file": upload}).content.decode()
    assert "nobody was imported" in body
    assert "Line 2:" in body
    assert 'name="content"' not in body  # no way to confirm a file with problems


@pytest.mark.parametrize("who", ["trainee", "other_trainer"])
def test_only_facilitators_import(client, who):
    cohort = CohortFactory()
    from tests.factories import TrainerFactory

    client.force_login(TraineeFactory() if who == "trainee" else TrainerFactory())
    url = reverse("learning:cohorts:participant_import", kwargs={"cohort_id": cohort.pk})
    assert client.post(url, {"content": base64.b64encode(GOOD.encode()).decode()}).status_code == 404
    assert not Participant.objects.exists()
