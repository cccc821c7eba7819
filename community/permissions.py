"""Who may read, write and moderate in the community: a queryset for lists, a boolean for one object.

Discussions are private to a course's participants: trainees with a current (not withdrawn) enrolment and
the course's trainers. The course's trainers moderate it; administrators may too (they run the platform).
Coordinators report on courses but do not take part in discussions unless they are also enrolled.
Knowledge Hub: published cases are public; a case under review is seen by its author and coordinators.
"""

from django.db.models import Q, QuerySet

from accounts.models import User
from community.models import CaseStatus, CaseStudy, Post, Thread
from courses import permissions as course_permissions
from courses.models import Course
from learning import permissions as learning_permissions
from learning.models import Enrolment, EnrolmentStatus


# --- Discussions -------------------------------------------------------------------------------------
def discussion_courses_for(user: User) -> QuerySet[Course]:
    """Courses whose discussions the user takes part in."""
    if not user.is_authenticated:
        return Course.objects.none()
    if user.is_admin:
        return Course.objects.all()
    enrolled = Enrolment.objects.filter(trainee=user).exclude(status=EnrolmentStatus.WITHDRAWN)
    taught = Course.objects.filter(trainers=user).values("pk")
    return Course.objects.filter(Q(pk__in=enrolled.values("course_id")) | Q(pk__in=taught))


def can_moderate(user: User, course: Course) -> bool:
    return user.is_authenticated and (user.is_admin or course_permissions.is_course_trainer(user, course))


def can_participate(user: User, course: Course, enrolment: Enrolment | None) -> bool:
    """Read and write in the course's discussions (enrolment: the user's enrolment in it, or None)."""
    return learning_permissions.is_enrolled(enrolment) or can_moderate(user, course)


def threads_visible_to(user: User, course: Course, *, is_moderator: bool) -> QuerySet[Thread]:
    threads = Thread.objects.filter(course=course)
    return threads if is_moderator else threads.filter(is_hidden=False)


def can_reply(user: User, thread: Thread, *, is_moderator: bool) -> bool:
    """Locked threads take replies only from moderators; hidden ones from no one but moderators."""
    return is_moderator or not (thread.is_locked or thread.is_hidden)


def can_accept_answer(user: User, post: Post, *, is_moderator: bool) -> bool:
    return is_moderator and not post.is_opening


# --- Knowledge Hub -----------------------------------------------------------------------------------
def cases_visible_to(user: User) -> QuerySet[CaseStudy]:
    if user.is_authenticated and user.is_coordinator:
        return CaseStudy.objects.all()
    if user.is_authenticated:
        return CaseStudy.objects.filter(Q(status=CaseStatus.PUBLISHED) | Q(submitted_by=user))
    return CaseStudy.objects.filter(status=CaseStatus.PUBLISHED)


def can_review_cases(user: User) -> bool:
    return user.is_authenticated and user.is_coordinator


def can_edit_case(user: User, case: CaseStudy) -> bool:
    """The author edits a case until it is published (a returned case goes back into review when saved)."""
    if not user.is_authenticated:
        return False
    if user.is_coordinator:
        return True
    return case.submitted_by_id == user.pk and case.status != CaseStatus.PUBLISHED


def can_link_case_to_lessons(user: User) -> bool:
    """Trainers link cases to lessons of courses they teach (which lessons: lessons_linkable_by)."""
    return user.is_authenticated and user.is_trainer


def lesson_courses_editable_by(user: User) -> QuerySet[Course]:
    if not user.is_authenticated:
        return Course.objects.none()
    if user.is_admin:
        return Course.objects.all()
    return Course.objects.filter(trainers=user)
