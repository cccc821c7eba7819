"""Who may see and change courses. Each rule exists as a queryset (for lists) and a boolean (one object)."""

from django.db.models import Q, QuerySet

from accounts.models import User
from courses.models import Course, CourseStatus


def courses_visible_to(user: User) -> QuerySet[Course]:
    """Published courses for everyone; drafts only for their trainers, coordinators and admins."""
    if user.is_authenticated and user.is_coordinator:
        return Course.objects.all()
    if user.is_authenticated:
        taught = Course.objects.filter(trainers=user).values("pk")
        return Course.objects.filter(Q(status=CourseStatus.PUBLISHED) | Q(pk__in=taught))
    return Course.objects.filter(status=CourseStatus.PUBLISHED)


def can_view_course(user: User, course: Course) -> bool:
    """The boolean twin of courses_visible_to (a query only for an unpublished course)."""
    if course.status == CourseStatus.PUBLISHED or (user.is_authenticated and user.is_coordinator):
        return True
    return is_course_trainer(user, course)


def is_course_trainer(user: User, course: Course) -> bool:
    return user.is_authenticated and course.trainers.filter(pk=user.pk).exists()


def can_edit_course(user: User, course: Course) -> bool:
    return user.is_authenticated and (user.is_admin or is_course_trainer(user, course))


def can_preview_course(user: User, course: Course) -> bool:
    """Trainers of the course, coordinators and admins read every lesson without enrolling."""
    return user.is_authenticated and (user.is_coordinator or is_course_trainer(user, course))


# --- Studio (issue 3) ----------------------------------------------------------------------------------


def can_use_studio(user: User) -> bool:
    """Trainers author; coordinators and admins may look around the studio (admins may also change)."""
    return user.is_authenticated and (user.is_trainer or user.is_coordinator)


def can_author_courses(user: User) -> bool:
    """Create or import new courses."""
    return user.is_authenticated and user.is_trainer


def studio_courses_for(user: User) -> QuerySet[Course]:
    """Courses a user can open in the studio: coordinators and admins see all, trainers their own."""
    if not can_use_studio(user):
        return Course.objects.none()
    if user.is_coordinator:
        return Course.objects.all()
    return Course.objects.filter(pk__in=Course.objects.filter(trainers=user).values("pk"))
