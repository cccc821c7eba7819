"""Who may take, author and analyse quizzes: each rule is a queryset (lists) and a boolean (one object).

Taking a quiz needs an enrolment, which belongs to the learning app. Quizzes sit below learning and may not
import it, so learning registers its enrolment check here when it starts (learning/apps.py). Until one is
registered nobody counts as enrolled: the default is to deny.
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from accounts.models import Role, User
from courses import permissions as course_permissions
from courses.models import Course
from quizzes.models import Attempt, Quiz

EnrolmentCheck = Callable[[User, Course], bool]
_enrolment_check: EnrolmentCheck | None = None


def register_enrolment_check(check: EnrolmentCheck) -> None:
    global _enrolment_check
    _enrolment_check = check


def is_enrolled(user: User, course: Course) -> bool:
    return user.is_authenticated and _enrolment_check is not None and _enrolment_check(user, course)


def quizzes_visible_to(user: User) -> QuerySet[Quiz]:
    """Published quizzes of the courses a user can see; every quiz of the courses they teach or coordinate."""
    courses = course_permissions.courses_visible_to(user).values("pk")
    quizzes = Quiz.objects.filter(course__in=courses)
    if user.is_authenticated and user.is_coordinator:
        return quizzes
    taught = Course.objects.filter(trainers=user).values("pk") if user.is_authenticated else []
    return quizzes.filter(Q(is_published=True) | Q(course__in=taught))


def can_take_quiz(user: User, quiz: Quiz) -> bool:
    return quiz.is_published and is_enrolled(user, quiz.course)


def can_author_quizzes(user: User, course: Course) -> bool:
    """The course's trainers (and administrators) write its quizzes."""
    return course_permissions.can_edit_course(user, course)


def can_view_item_analysis(user: User, course: Course) -> bool:
    return user.is_authenticated and (
        user.is_coordinator or course_permissions.is_course_trainer(user, course)
    )


def attempts_of(user: User) -> QuerySet[Attempt]:
    """A trainee reaches only their own attempts; anyone else's id is simply not found."""
    return Attempt.objects.filter(trainee_id=user.pk)


def analysis_country_scope(user: User) -> str | None:
    """A national coordinator's item analysis counts only trainees of their country."""
    if user.role == Role.NATIONAL_COORDINATOR and not user.is_admin:
        return user.coordinator_country
    return None
