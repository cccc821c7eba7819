"""Demo cohorts for `manage.py seed_demo` (called through learning/demo.py). Idempotent.

Two community groups run face to face by the demo trainer: a women's group in Takeo (Cambodia) and a youth
climate club in Magway (Myanmar). Most participants have no account and are recorded with a first name,
sex and age band only; the minors have their guardian's consent recorded. Past sessions have attendance, so
the reports have figures and some participants have met the 80% rule.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import PartnerOrganisation, User
from courses.models import Course
from learning.cohorts import services
from learning.models import Cohort, CohortMode, CohortSession, Participant

GROUPS = [
    {
        "course": "community-based-adaptation-mekong",
        "name": "Takeo commune women's group",
        "partner": "MWCLN",
        "country": "KH",
        "province": "Takeo",
        "mode": CohortMode.FACE_TO_FACE,
        "rule": 80,
        "place": "Commune hall, Bati district",
        "sessions": ["Our village and the floods", "Mapping risks together", "Early warning in the commune",
                     "Safe water after a flood", "Planning our adaptation actions"],
        "participants": [
            ("សុភ័ក្ត្រ", "female", "35_49"), ("ស្រីមុំ", "female", "25_34"), ("ចាន់ដារ៉ា", "female", "50_plus"),
            ("សុខា", "female", "18_24"), ("ធីតា", "female", "under_18"), ("វណ្ណា", "male", "35_49"),
            ("ស.ម.", "female", "25_34"), ("ស្រីនាង", "female", "under_18"), ("បូផា", "female", "50_plus"),
        ],
        "trainee": "sreyneang.kh@example.org",
    },
    {
        "course": "children-youth-climate-champions",
        "name": "Magway youth climate club",
        "partner": "MYCA",
        "country": "MM",
        "province": "Magway",
        "mode": CohortMode.BLENDED,
        "rule": 75,
        "place": "Township library, Magway",
        "sessions": ["What is climate change?", "Heat and our health", "Saving water at school",
                     "Our club's campaign"],
        "participants": [
            ("အောင်ကျော်", "male", "under_18"), ("မြင့်မြတ်", "female", "under_18"), ("ခင်ကြည်", "female", "18_24"),
            ("ဇော်ဝင်း", "male", "18_24"), ("နှင်းဝေ", "female", "under_18"), ("သီရိ", "female", "18_24"),
        ],
        "trainee": None,
    },
]  # fmt: skip


def seed_cohorts(*, stdout) -> None:
    trainer = User.objects.filter(email="trainer@example.org").first()
    if trainer is None:
        stdout.write("Cohorts: skipped (no demo trainer).")
        return
    made = 0
    for spec in GROUPS:
        course = Course.objects.filter(slug=spec["course"]).first()
        if course is None:
            continue
        cohort = _cohort(spec, course, trainer)
        sessions = _sessions(spec, cohort)
        people = _participants(spec, cohort)
        if spec["trainee"]:
            trainee = User.objects.filter(email=spec["trainee"]).first()
            if trainee is not None and trainee.has_profile:
                try:
                    participant, _created = services.join_cohort(user=trainee, code=cohort.join_code)
                    people.append(participant)
                except services.CohortError:
                    pass  # already in another group of this course
        now = timezone.now()
        for s_index, session in enumerate(sessions):
            if session.starts_at > now:
                continue
            for p_index, participant in enumerate(people):
                # A fixed pattern: most come, a few miss a session.
                present = (p_index + s_index) % 5 != 0
                services.mark_attendance(
                    session=session, participant=participant, present=present, by=trainer
                )
        made += 1
    stdout.write(f"Cohorts: {made} demo groups with sessions, participants and attendance.")


def _cohort(spec: dict, course: Course, trainer: User) -> Cohort:
    cohort = Cohort.objects.filter(course=course, name=spec["name"]).first()
    if cohort is not None:
        return cohort
    today = timezone.localdate()
    return services.create_cohort(
        created_by=trainer,
        course=course,
        name=spec["name"],
        partner=PartnerOrganisation.objects.filter(short_name=spec["partner"]).first(),
        country=spec["country"],
        province=spec["province"],
        mode=spec["mode"],
        starts_on=today - timedelta(days=21),
        ends_on=today + timedelta(days=35),
        min_attendance_percent=spec["rule"],
    )


def _sessions(spec: dict, cohort: Cohort) -> list[CohortSession]:
    modules = list(cohort.course.modules.order_by("position"))
    start = timezone.now().replace(hour=2, minute=0, second=0, microsecond=0) - timedelta(days=20)
    sessions = []
    for index, title in enumerate(spec["sessions"]):
        session = CohortSession.objects.filter(cohort=cohort, title=title).first()
        if session is None:
            starts = start + timedelta(days=7 * index)
            session = services.schedule_session(
                cohort=cohort,
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place=spec["place"],
                module=modules[index % len(modules)] if modules else None,
            )
        sessions.append(session)
    return sessions


def _participants(spec: dict, cohort: Cohort) -> list[Participant]:
    people = []
    for name, sex, age_band in spec["participants"]:
        participant = Participant.objects.filter(
            cohort=cohort, display_name=name, enrolment__isnull=True
        ).first()
        if participant is None:
            participant = services.add_participant(
                cohort=cohort,
                display_name=name,
                country=spec["country"],
                sex=sex,
                age_band=age_band,
                guardian_consent=age_band == "under_18",
            )
        people.append(participant)
    return people
