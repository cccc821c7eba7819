"""Learning's receivers of news from lower apps, connected in LearningConfig.ready.

- quizzes.signals.quiz_passed: a passed quiz may complete the course, so completion is re-checked.
- quizzes.permissions enrolment hook: quizzes may not import learning, so learning tells it who is enrolled.
"""

from accounts.models import User
from courses.models import Course
from learning import permissions, selectors, services


def is_enrolled_in(user: User, course: Course) -> bool:
    return permissions.is_enrolled(selectors.enrolment_of(user=user, course=course))


def reevaluate_completion_after_quiz(sender, *, attempt, counts_for_completion=True, **kwargs) -> None:
    # A pass of an optional quiz, or of one passed before, leaves the completion rules where they were
    # (lessons and attendance re-check completion themselves when they change).
    if not counts_for_completion:
        return
    services.evaluate_completion_of(trainee_id=attempt.trainee_id, course_id=attempt.quiz.course_id)


def connect() -> None:
    from quizzes import permissions as quiz_permissions
    from quizzes import signals as quiz_signals

    quiz_signals.quiz_passed.connect(reevaluate_completion_after_quiz, dispatch_uid="learning.quiz_passed")
    quiz_permissions.register_enrolment_check(is_enrolled_in)
