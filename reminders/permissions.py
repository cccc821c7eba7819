"""Who may change reminder defaults: a course's trainers (and admins, coordinators) for a course;
coordinators for a programme. Everyone manages only their own notifications and preferences."""

from accounts.models import User
from courses import permissions as course_permissions
from courses.models import Course


def can_configure_course(user: User, course: Course) -> bool:
    return user.is_authenticated and (user.is_coordinator or course_permissions.can_edit_course(user, course))


def can_configure_programmes(user: User) -> bool:
    return user.is_authenticated and user.is_coordinator
