"""When is a course complete? One function, `requirements_met`, decides from the rules in this module.

Rules on the online course (ONLINE_RULES) each give what is still left to do, as a queryset that is empty
once the rule is met: required lessons without progress, required quizzes without a pass. Later rules of
this kind are added to ONLINE_RULES. `requirements_met` asks all of them, and for the enrolment's cohort, in
one query; the cohort's attendance rule (learning.cohorts.rules) is asked only of participants of a cohort
that has one. learning sits above courses and quizzes, so it may call their selectors. Completion stays a
single decision.
"""

from collections.abc import Callable

from django.db.models import Exists, OuterRef, QuerySet

from courses.models import Lesson
from learning.cohorts.rules import cohort_attendance_met
from learning.models import CohortMode, Enrolment, LessonProgress
from quizzes import selectors as quiz_selectors

OnlineRule = Callable[[Enrolment], QuerySet]


def required_lessons_left(enrolment: Enrolment) -> QuerySet[Lesson]:
    """Live, required lessons of the course without the enrolment's progress."""
    done = LessonProgress.objects.filter(enrolment_id=enrolment.pk, lesson=OuterRef("pk"))
    return (
        Lesson.objects.live()
        .filter(module__course_id=enrolment.course_id, is_required=True)
        .filter(~Exists(done))
    )


def required_quizzes_left(enrolment: Enrolment) -> QuerySet:
    return quiz_selectors.required_quizzes_not_passed(
        trainee_id=enrolment.trainee_id, course_id=enrolment.course_id
    )


ONLINE_RULES: list[OnlineRule] = [required_lessons_left, required_quizzes_left]


def required_lessons_done(enrolment: Enrolment) -> bool:
    return not required_lessons_left(enrolment).exists()


def requirements_met(enrolment: Enrolment) -> bool:
    """Every online rule met and, in a cohort with an attendance rule, that rule met too.

    In a face-to-face cohort with an attendance rule the workshop is the course: meeting the rule completes
    it, whatever the online lessons say (many participants never open them). Online and blended cohorts
    need every rule. One query, plus one for a participant of a cohort with an attendance rule.
    """
    left = {f"left_{index}": Exists(rule(enrolment)) for index, rule in enumerate(ONLINE_RULES)}
    row = (
        Enrolment.objects.filter(pk=enrolment.pk)
        .annotate(**left)
        .values(
            *left, "cohort_participant__cohort__min_attendance_percent", "cohort_participant__cohort__mode"
        )
        .first()
    )
    if row is None:
        return False
    online_met = not any(row[name] for name in left)
    if row["cohort_participant__cohort__min_attendance_percent"] is None:
        return online_met
    if row["cohort_participant__cohort__mode"] == CohortMode.FACE_TO_FACE:
        return cohort_attendance_met(enrolment)
    return online_met and cohort_attendance_met(enrolment)
