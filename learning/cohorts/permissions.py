"""Who may see a cohort, and who may run it.

A cohort is visible to its facilitators, to participants who have an account, to coordinators (a national
coordinator only for cohorts in their country) and administrators. Only its facilitators run it: they take
attendance, import participants, schedule sessions and print certificates. Views fetch through
`cohorts_visible_to` (not visible: 404) and then check `can_facilitate` (visible but not allowed: 403).
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import Role, User
from courses.models import Course
from learning.models import Cohort, Participant

Facilitators = Cohort.facilitators.through


def _facilitates(user: User) -> Exists:
    return Exists(Facilitators.objects.filter(cohort_id=OuterRef("pk"), user_id=user.pk))


def cohorts_visible_to(user: User) -> QuerySet[Cohort]:
    """Visible cohorts, annotated with `is_facilitator` so that a view needs no second query to check it."""
    cohorts = Cohort.objects.annotate(is_facilitator=_facilitates(user))
    if user.is_admin or user.role == Role.REGIONAL_COORDINATOR:
        return cohorts
    visible = Q(is_facilitator=True) | Q(
        Exists(Participant.objects.filter(cohort_id=OuterRef("pk"), enrolment__trainee_id=user.pk))
    )
    if user.role == Role.NATIONAL_COORDINATOR:
        visible |= Q(country=user.coordinator_country)
    return cohorts.filter(visible)


def can_facilitate(user: User, cohort: Cohort) -> bool:
    annotated = getattr(cohort, "is_facilitator", None)
    if annotated is not None:
        return bool(annotated)
    return cohort.facilitators.filter(pk=user.pk).exists()


def courses_for_new_cohort(user: User) -> QuerySet[Course]:
    """A cohort can be started on a course the user teaches; coordinators may start one on any course."""
    if user.is_coordinator:
        return Course.objects.all()
    return Course.objects.filter(trainers=user)


def can_create_cohort(user: User) -> bool:
    return user.is_trainer or user.is_coordinator
