"""When is a course complete? One function, `requirements_met`, asks every rule in RULES.

A rule takes an enrolment and returns True when its part is satisfied. Later rules (passing required
quizzes, attendance at face-to-face sessions) are added to RULES in this module: learning sits above
courses and quizzes, so it may call their selectors. Completion stays a single decision.
"""

from collections.abc import Callable

from django.db.models import Exists, OuterRef

from courses.models import Lesson
from learning.cohorts.rules import attendance_replaces_online, cohort_attendance_met
from learning.models import Enrolment, LessonProgress
from quizzes import selectors as quiz_selectors

Rule = Callable[[Enrolment], bool]


def required_lessons_done(enrolment: Enrolment) -> bool:
    """No live, required lesson of the course is without the enrolment's progress (one query)."""
    done = LessonProgress.objects.filter(enrolment_id=enrolment.pk, lesson=OuterRef("pk"))
    required = Lesson.objects.live().filter(module__course_id=enrolment.course_id, is_required=True)
    return not required.filter(~Exists(done)).exists()


def required_quizzes_passed(enrolment: Enrolment) -> bool:
    return quiz_selectors.has_passed_required_quizzes(
        trainee_id=enrolment.trainee_id, course_id=enrolment.course_id
    )


RULES: list[Rule] = [required_lessons_done, required_quizzes_passed, cohort_attendance_met]


def requirements_met(enrolment: Enrolment) -> bool:
    # In a face-to-face cohort with an attendance rule, the workshop is the course: meeting the rule
    # completes it, whatever the online lessons say (many participants never open them). Online and
    # blended cohorts need every rule.
    if attendance_replaces_online(enrolment):
        return cohort_attendance_met(enrolment)
    return all(rule(enrolment) for rule in RULES)
