"""The cohort's attendance rule, as a completion rule (asked by learning.completion.requirements_met).

An enrolment that belongs to no cohort, or to a cohort without an attendance rule, passes. Otherwise the
participant must have been present at the rule's share of the cohort's sessions (cancelled ones do not count).
"""

from learning.cohorts import selectors
from learning.models import Enrolment, Participant


def cohort_attendance_met(enrolment: Enrolment) -> bool:
    participant = Participant.objects.filter(enrolment=enrolment).select_related("cohort").first()
    if participant is None or participant.cohort.min_attendance_percent is None:
        return True
    attended, total = selectors.participant_attendance(participant=participant)
    return selectors.meets_rule(
        attended=attended, total=total, percent=participant.cohort.min_attendance_percent
    )
