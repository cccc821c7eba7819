"""Who may read a course's lessons."""

from accounts.models import User
from courses import permissions as course_permissions
from courses.models import Course
from learning.models import Enrolment, EnrolmentStatus


def is_enrolled(enrolment: Enrolment | None) -> bool:
    return enrolment is not None and enrolment.status != EnrolmentStatus.WITHDRAWN


def can_read_lessons(user: User, course: Course, enrolment: Enrolment | None) -> bool:
    return is_enrolled(enrolment) or course_permissions.can_preview_course(user, course)
