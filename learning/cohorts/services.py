"""Writes for cohorts: create a cohort, join it, import or add participants, schedule sessions, take
attendance. Each function is one use case and runs in one transaction. Business rules raise CohortError
with a message the user sees as it is.

Completion: after attendance changes, learning.services.evaluate_completion re-checks the course's rules
(learning.completion, which includes the cohort's attendance rule) for participants who have an account, so
a completed course sends learning.signals.course_completed and certificates follow the normal path.
"""

import secrets
from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, FilteredRelation, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AgeBand, User
from courses.models import Course, Module
from learning import cache as learning_cache
from learning import services as learning_services
from learning.cohorts import cache, csv_import
from learning.models import (
    Attendance,
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    Participant,
    ParticipantSource,
)

# No 0/O or 1/I/L: codes are read aloud and copied from a whiteboard.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class CohortError(Exception):
    """A business rule refused the action; the message is shown to the user as it is."""


class NotInCohort(CohortError):
    """The participant belongs to another cohort (or does not exist): views answer 403."""


def new_join_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


@transaction.atomic
def create_cohort(*, created_by: User, course: Course, facilitators: Iterable[User] = (), **fields) -> Cohort:
    if fields["ends_on"] < fields["starts_on"]:
        raise CohortError(_("The group cannot end before it starts."))
    for _attempt in range(5):
        try:
            with transaction.atomic():
                cohort = Cohort.objects.create(
                    course=course,
                    join_code=new_join_code(),
                    calendar_token=secrets.token_urlsafe(32),
                    **fields,
                )
            break
        except IntegrityError:
            continue  # a code collision: 31^8 codes make this vanishingly rare
    else:  # pragma: no cover
        raise CohortError(_("Please try again."))
    cohort.facilitators.add(created_by, *facilitators)
    return cohort


@transaction.atomic
def update_cohort(*, cohort: Cohort, facilitators: Iterable[User] | None = None, **fields) -> Cohort:
    for name, value in fields.items():
        setattr(cohort, name, value)
    if cohort.ends_on < cohort.starts_on:
        raise CohortError(_("The group cannot end before it starts."))
    cohort.save()
    transaction.on_commit(cache.bump_calendar_version)
    if facilitators is not None:
        cohort.facilitators.add(*facilitators)
    if "min_attendance_percent" in fields:
        _evaluate_account_holders(cohort)
    return cohort


def regenerate_join_code(*, cohort: Cohort) -> Cohort:
    """A new code stops the old one (and links shared with it) from working."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                cohort.join_code = new_join_code()
                cohort.save(update_fields=["join_code", "updated_at"])
            return cohort
        except IntegrityError:
            continue
    raise CohortError(_("Please try again."))  # pragma: no cover


def _enrolment_for(*, user: User, course: Course) -> Enrolment:
    enrolment, created = Enrolment.objects.get_or_create(
        trainee=user, course=course, defaults={"last_activity_at": timezone.now()}
    )
    if not created and enrolment.status == EnrolmentStatus.WITHDRAWN:
        Enrolment.objects.filter(pk=enrolment.pk).update(status=EnrolmentStatus.ACTIVE)
        learning_cache.forget(trainee_id=enrolment.trainee_id, course_id=enrolment.course_id)
        enrolment.status = EnrolmentStatus.ACTIVE
    return enrolment


def join_cohort(*, user: User, code: str, now: datetime | None = None) -> tuple[Participant, bool]:
    """The trainee joins the cohort whose code this is. Returns (participant, created); joining twice is
    harmless. The participant's country, sex and age band come from the trainee's profile."""
    now = now or timezone.now()
    code = normalise_code(code)
    cohort = Cohort.objects.select_related("course").filter(join_code=code).first() if code else None
    if cohort is None:
        raise CohortError(_("This code does not match any group. Check it with your facilitator."))
    if cohort.join_code_expires_at and now >= cohort.join_code_expires_at:
        raise CohortError(_("This code has expired. Ask your facilitator for a new one."))
    if cohort.ends_on < timezone.localdate(now):
        raise CohortError(_("This group has finished, so it cannot be joined."))
    if not cohort.course.is_published:
        raise CohortError(_("This course is not open yet."))
    if not user.has_profile:
        raise CohortError(_("Please complete your profile before joining a group."))
    profile = user.profile
    with transaction.atomic():
        enrolment = _enrolment_for(user=user, course=cohort.course)
        current = Participant.objects.select_for_update().filter(enrolment=enrolment).first()
        if current is not None:
            if current.cohort_id != cohort.pk:
                raise CohortError(
                    _("You are already in another group for this course: %(name)s.")
                    % {"name": current.cohort.name}
                )
            return current, False
        # Someone imported from a file with this email becomes this account's participant record.
        imported = (
            Participant.objects.select_for_update()
            .filter(cohort=cohort, enrolment__isnull=True, email=user.email)
            .first()
        )
        if imported is not None:
            imported.enrolment = enrolment
            imported.save(update_fields=["enrolment"])
            return imported, False
        minor = profile.age_band == AgeBand.UNDER_18
        participant = Participant.objects.create(
            cohort=cohort,
            enrolment=enrolment,
            display_name=(profile.full_name or user.email.split("@")[0])[:100],
            country=profile.country,
            sex=profile.sex,
            age_band=profile.age_band,
            guardian_consent=profile.guardian_consent,
            guardian_consent_at=(profile.guardian_consent_at or now) if minor else None,
            source=ParticipantSource.JOIN_CODE,
            identity_key=f"user:{user.pk}",
        )
    return participant, True


def existing_identities(*, cohort: Cohort) -> tuple[set[str], set[str]]:
    rows = Participant.objects.filter(cohort=cohort).values_list(
        "identity_key", "email", "enrolment__trainee__email"
    )
    keys, emails = set(), set()
    for key, email, account_email in rows:
        keys.add(key)
        emails.update(e.lower() for e in (email, account_email) if e)
    return keys, emails


def preview_import(*, cohort: Cohort, data: bytes) -> csv_import.Preview:
    keys, emails = existing_identities(cohort=cohort)
    preview = csv_import.parse(data, existing_keys=keys, existing_emails=emails)
    _check_other_cohorts(cohort=cohort, preview=preview)
    return preview


def _check_other_cohorts(*, cohort: Cohort, preview: csv_import.Preview) -> None:
    """An account holder can be in only one group per course."""
    emails = {row.email: row.line for row in preview.new_rows if row.email}
    if not emails:
        return
    elsewhere = Participant.objects.filter(
        cohort__course_id=cohort.course_id, enrolment__trainee__email__in=list(emails)
    ).exclude(cohort=cohort)
    for email in elsewhere.values_list("enrolment__trainee__email", flat=True):
        preview.problems.append(
            csv_import.Problem(emails[email], _("This person is already in another group for this course."))
        )
    preview.problems.sort(key=lambda problem: problem.line)


@transaction.atomic
def import_participants(*, cohort: Cohort, data: bytes) -> list[Participant]:
    """Import a whole file, or nothing. The file is checked again here: the preview is only advice.
    Returns the participants created (none when the same file is imported twice)."""
    cohort = Cohort.objects.select_for_update().select_related("course").get(pk=cohort.pk)
    preview = preview_import(cohort=cohort, data=data)
    if not preview.is_valid:
        raise CohortError(_("The file has problems, so nobody was imported. Correct them and try again."))
    now = timezone.now()
    new = preview.new_rows
    accounts = {}
    if cohort.course.is_published:
        emails = [row.email for row in new if row.email]
        accounts = {user.email: user for user in User.objects.filter(email__in=emails, is_active=True)}
    created = []
    for row in new:
        user = accounts.get(row.email) if row.email else None
        created.append(
            Participant.objects.create(
                cohort=cohort,
                enrolment=_enrolment_for(user=user, course=cohort.course) if user else None,
                display_name=row.display_name,
                email=row.email,
                country=row.country,
                sex=row.sex,
                age_band=row.age_band,
                guardian_consent=row.guardian_consent,
                guardian_consent_at=now if row.guardian_consent else None,
                source=ParticipantSource.CSV,
                identity_key=row.key,
            )
        )
    return created


def add_participant(
    *,
    cohort: Cohort,
    display_name: str,
    country: str,
    sex: str,
    age_band: str,
    guardian_consent: bool = False,
) -> Participant:
    """A facilitator records someone without an account (on the day, from a phone)."""
    display_name = csv_import._clean(display_name)
    if not display_name:
        raise CohortError(_("Enter a first name or initials."))
    if age_band == AgeBand.UNDER_18 and not guardian_consent:
        raise CohortError(_("For a participant under 18, confirm that a parent or guardian has agreed."))
    key = csv_import.row_key(email="", display_name=display_name, country=country, sex=sex, age_band=age_band)
    if Participant.objects.filter(cohort=cohort, identity_key=key).exists():
        raise CohortError(_("This person is already in the group. Add initials to tell two people apart."))
    try:
        with transaction.atomic():
            return Participant.objects.create(
                cohort=cohort,
                display_name=display_name,
                country=country,
                sex=sex,
                age_band=age_band,
                guardian_consent=guardian_consent,
                guardian_consent_at=timezone.now() if guardian_consent else None,
                source=ParticipantSource.MANUAL,
                identity_key=key,
            )
    except IntegrityError:
        raise CohortError(_("This person is already in the group.")) from None


def _check_module(cohort: Cohort, module: Module | None) -> None:
    if module is not None and module.course_id != cohort.course_id:
        raise CohortError(_("That module belongs to another course."))


def schedule_session(*, cohort: Cohort, module: Module | None = None, **fields) -> CohortSession:
    _check_module(cohort, module)
    _check_session_fields(fields)
    session = CohortSession.objects.create(cohort=cohort, module=module, **fields)
    transaction.on_commit(cache.bump_calendar_version)
    return session


def _check_session_fields(fields: dict) -> None:
    if fields["ends_at"] <= fields["starts_at"]:
        raise CohortError(_("The session must end after it starts."))
    if not fields.get("place") and not fields.get("online_url"):
        raise CohortError(_("Give a place or an online meeting link."))


@transaction.atomic
def update_session(*, session: CohortSession, module: Module | None = None, **fields) -> CohortSession:
    _check_module(session.cohort, module)
    _check_session_fields(fields)
    was_cancelled = session.is_cancelled
    for name, value in fields.items():
        setattr(session, name, value)
    session.module = module
    session.sequence = F("sequence") + 1  # calendars replace the event they already have
    session.save()
    session.refresh_from_db(fields=["sequence"])
    transaction.on_commit(cache.bump_calendar_version)
    if was_cancelled != session.is_cancelled:
        _evaluate_account_holders(session.cohort)  # the number of sessions to attend changed
    return session


def _check_attendance(session: CohortSession, participant: Participant) -> None:
    if participant.cohort_id != session.cohort_id:
        raise CohortError(_("This participant is not in this session's group."))
    if session.is_cancelled:
        raise CohortError(_("This session was cancelled."))


def record_tap(*, session: CohortSession, participant_id: int, present: bool, by: User) -> None:
    """One tap from the attendance page. The participant and their current mark come in one query, and a
    resent tap (same state) writes nothing."""
    participant = (
        Participant.objects.filter(pk=participant_id, cohort_id=session.cohort_id)
        .select_related("enrolment")
        .annotate(mark=FilteredRelation("attendance", condition=Q(attendance__session_id=session.pk)))
        .annotate(current=F("mark__present"))
        .first()
    )
    if participant is None:
        raise NotInCohort(_("This participant is not in this session's group."))
    if session.is_cancelled:
        raise CohortError(_("This session was cancelled."))
    if participant.current is present:
        return
    mark_attendance(session=session, participant=participant, present=present, by=by)


def mark_attendance(
    *, session: CohortSession, participant: Participant, present: bool, by: User
) -> Attendance:
    """Record one tap. Idempotent: the request says "present" or "absent", never "toggle", so a retried
    request leaves the same state."""
    _check_attendance(session, participant)
    current = Attendance.objects.filter(session=session, participant=participant).first()
    if current is not None and current.present == present:
        return current  # a resent tap: nothing to write
    with transaction.atomic():
        attendance, _created = Attendance.objects.update_or_create(
            session=session, participant=participant, defaults={"present": present, "marked_by": by}
        )
        if participant.enrolment_id:
            learning_services.evaluate_completion(enrolment=participant.enrolment)
    return attendance


@transaction.atomic
def save_attendance_sheet(*, session: CohortSession, present_ids: set[int], by: User) -> int:
    """The no-JavaScript form: everyone listed is present, everyone else in the group absent."""
    if session.is_cancelled:
        raise CohortError(_("This session was cancelled."))
    participants = list(Participant.objects.filter(cohort_id=session.cohort_id).select_related("enrolment"))
    unknown = present_ids - {p.pk for p in participants}
    if unknown:
        raise CohortError(_("This participant is not in this session's group."))
    current = dict(Attendance.objects.filter(session=session).values_list("participant_id", "present"))
    changed = 0
    for participant in participants:
        present = participant.pk in present_ids
        if current.get(participant.pk) is present:
            continue
        Attendance.objects.update_or_create(
            session=session, participant=participant, defaults={"present": present, "marked_by": by}
        )
        changed += 1
        if participant.enrolment_id:
            learning_services.evaluate_completion(enrolment=participant.enrolment)
    return changed


def _evaluate_account_holders(cohort: Cohort) -> None:
    for enrolment in Enrolment.objects.filter(
        cohort_participant__cohort=cohort, status=EnrolmentStatus.ACTIVE
    ):
        learning_services.evaluate_completion(enrolment=enrolment)
