"""Completion by attendance: the cohort's rule completes the course for account holders (the normal path,
so certificates follow), and facilitators print attendance certificates for those without an account."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

from learning import completion, signals
from learning.cohorts import pdf, selectors, services
from learning.models import EnrolmentStatus
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, ParticipantFactory, facilitator_of
from tests.factories import LessonFactory, ModuleFactory, TraineeFactory
from training import pdf_fonts

pytestmark = pytest.mark.django_db


@pytest.fixture
def completions():
    received = []

    def receiver(sender, *, enrolment, **kwargs):
        received.append(enrolment.pk)

    signals.course_completed.connect(receiver, dispatch_uid="test-cohort-completions")
    yield received
    signals.course_completed.disconnect(dispatch_uid="test-cohort-completions")


def group(rule=80, sessions=5, mode="blended"):
    cohort = CohortFactory(min_attendance_percent=rule, mode=mode)
    return cohort, CohortSessionFactory.create_batch(sessions, cohort=cohort), facilitator_of(cohort)


def test_the_online_rules_and_the_cohort_are_asked_in_one_query(django_assert_num_queries):
    from tests.factories import EnrolmentFactory

    outside = EnrolmentFactory()
    with django_assert_num_queries(1):
        assert completion.requirements_met(outside)
    cohort = CohortFactory(min_attendance_percent=None)
    participant, _ = services.join_cohort(user=TraineeFactory(), code=cohort.join_code)
    with django_assert_num_queries(1):
        assert completion.requirements_met(participant.enrolment)


def test_meeting_the_rule_completes_the_course_and_sends_the_signal(completions):
    cohort, sessions, facilitator = group(rule=80, sessions=5)
    trainee = TraineeFactory()
    participant, _ = services.join_cohort(user=trainee, code=cohort.join_code)
    for session in sessions[:3]:
        services.mark_attendance(session=session, participant=participant, present=True, by=facilitator)
    participant.enrolment.refresh_from_db()
    assert participant.enrolment.status == EnrolmentStatus.ACTIVE  # 60% < 80%
    assert completions == []

    services.mark_attendance(session=sessions[3], participant=participant, present=True, by=facilitator)

    participant.enrolment.refresh_from_db()
    assert participant.enrolment.status == EnrolmentStatus.COMPLETED  # 80%
    assert completions == [participant.enrolment.pk]
    services.mark_attendance(session=sessions[4], participant=participant, present=True, by=facilitator)
    assert completions == [participant.enrolment.pk]  # once


def test_absences_do_not_count(completions):
    cohort, sessions, facilitator = group(rule=50, sessions=2)
    participant, _ = services.join_cohort(user=TraineeFactory(), code=cohort.join_code)
    services.mark_attendance(session=sessions[0], participant=participant, present=False, by=facilitator)
    services.mark_attendance(session=sessions[1], participant=participant, present=False, by=facilitator)
    assert completions == []


def test_cancelling_a_session_can_complete_those_who_attended_the_rest(completions):
    cohort, sessions, facilitator = group(rule=100, sessions=3)
    participant, _ = services.join_cohort(user=TraineeFactory(), code=cohort.join_code)
    for session in sessions[:2]:
        services.mark_attendance(session=session, participant=participant, present=True, by=facilitator)
    assert completions == []
    last = sessions[2]
    services.update_session(
        session=last, module=None, title=last.title, starts_at=last.starts_at, ends_at=last.ends_at,
        place=last.place, online_url="", is_cancelled=True,
    )  # fmt: skip
    assert completions == [participant.enrolment.pk]


def test_required_online_lessons_still_count_in_a_blended_course(completions):
    cohort, sessions, facilitator = group(rule=50, sessions=2)
    LessonFactory(module=ModuleFactory(course=cohort.course), is_required=True)
    participant, _ = services.join_cohort(user=TraineeFactory(), code=cohort.join_code)
    services.mark_attendance(session=sessions[0], participant=participant, present=True, by=facilitator)
    assert completions == []  # the rules are all required together (learning.completion)


def test_in_a_face_to_face_cohort_attendance_alone_completes_the_course(completions):
    cohort, sessions, facilitator = group(rule=50, sessions=2, mode="face_to_face")
    LessonFactory(module=ModuleFactory(course=cohort.course), is_required=True)
    participant, _ = services.join_cohort(user=TraineeFactory(), code=cohort.join_code)
    services.mark_attendance(session=sessions[0], participant=participant, present=True, by=facilitator)
    assert completions == [participant.enrolment.pk]


def test_an_enrolment_outside_any_cohort_is_not_held_back():
    from tests.factories import EnrolmentFactory

    assert completion.cohort_attendance_met(EnrolmentFactory())


def test_a_cohort_without_a_rule_does_not_hold_back_completion():
    cohort = CohortFactory(min_attendance_percent=None)
    participant, _ = services.join_cohort(user=TraineeFactory(), code=cohort.join_code)
    assert completion.cohort_attendance_met(participant.enrolment)


def test_a_rule_with_no_sessions_is_not_met():
    assert not selectors.meets_rule(attended=0, total=0, percent=80)
    assert selectors.meets_rule(attended=4, total=5, percent=80)
    assert not selectors.meets_rule(attended=3, total=4, percent=80)


def test_the_facilitator_prints_certificates_for_participants_without_accounts(client):
    cohort, sessions, facilitator = group(rule=50, sessions=2)
    khmer = ParticipantFactory(cohort=cohort, display_name="សុភ័ក្ត្រ ស្រីមុំ")
    burmese = ParticipantFactory(cohort=cohort, display_name="ဒေါ်ခင်ကြည်")
    absent = ParticipantFactory(cohort=cohort, display_name="Absent Person")
    account, _ = services.join_cohort(user=TraineeFactory(), code=cohort.join_code)
    for participant in (khmer, burmese, account):
        services.mark_attendance(session=sessions[0], participant=participant, present=True, by=facilitator)
    services.mark_attendance(session=sessions[0], participant=absent, present=False, by=facilitator)

    assert {p.pk for p in selectors.certificate_recipients(cohort=cohort)} == {khmer.pk, burmese.pk}
    client.force_login(facilitator)
    response = client.get(reverse("learning:cohorts:certificates", kwargs={"cohort_id": cohort.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2
    subject = reader.metadata.subject
    assert "សុភ័ក្ត្រ ស្រីមុំ" in subject
    assert "ဒေါ်ခင်ကြည်" in subject
    assert "Absent Person" not in subject
    fonts = {str(font) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert fonts  # fonts are embedded subsets, one per script used


def test_certificates_are_only_for_facilitators(client):
    cohort, _sessions, _facilitator = group()
    trainee = TraineeFactory()
    services.join_cohort(user=trainee, code=cohort.join_code)
    client.force_login(trainee)
    assert (
        client.get(reverse("learning:cohorts:certificates", kwargs={"cohort_id": cohort.pk})).status_code
        == 403
    )


def test_attendance_certificate_text_uses_the_shared_script_fonts():
    pdf_fonts.register_fonts()
    assert pdf.markup("<b>ខ្មែរ") == (
        f'<font name="{pdf_fonts.font_name(pdf_fonts.LATIN)}">&lt;b&gt;</font>'
        f'<font name="{pdf_fonts.font_name(pdf_fonts.KHMER)}">ខ្មែរ</font>'
    )
    assert (
        pdf.markup("ខ្មែរ", bold=True)
        == f'<font name="{pdf_fonts.font_name(pdf_fonts.KHMER, bold=True)}">ខ្មែរ</font>'
    )
    shaped = shapeStr("ខ្មែរ", pdf_fonts.font_name(pdf_fonts.KHMER), 20)
    assert isinstance(shaped, ShapedStr)
    assert not pdf_fonts.missing_font_files()
