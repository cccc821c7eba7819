from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses import permissions as course_permissions
from courses import selectors as course_selectors
from courses import translations
from courses.models import Course, Lesson, Resource
from learning import lesson_page, permissions, selectors, services
from quizzes import selectors as quiz_selectors


def _visible_course(request: HttpRequest, slug: str) -> Course:
    """The course, its title and summary shown in the reader's language where a trainer translated them."""
    language = get_language()
    course = get_object_or_404(
        translations.translated(
            course_permissions.courses_visible_to(request.user).select_related("programme"), language=language
        ),
        slug=slug,
    )
    return translations.localise(
        course, fields=translations.COURSE_FIELDS, original_language=course.language, language=language
    )


@login_not_required
@require_GET
def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = _visible_course(request, slug)
    outline = course_selectors.course_outline(course=course, language=get_language())
    enrolment = selectors.enrolment_of(user=request.user, course=course)
    enrolled = permissions.is_enrolled(enrolment)
    rows = selectors.module_progress(
        outline=outline, done_ids=selectors.completed_lesson_ids(enrolment=enrolment if enrolled else None)
    )
    lessons = course_selectors.lessons_in_order(outline=outline)
    return render(
        request,
        "learning/course_detail.html",
        {
            "course": course,
            "rows": rows,
            "enrolment": enrolment,
            "enrolled": enrolled,
            "percent": selectors.course_percent(rows),
            "can_read": permissions.can_read_lessons(request.user, course, enrolment),
            "first_lesson": lessons[0] if lessons else None,
            "continue_lesson": enrolment.last_lesson if enrolled and enrolment.last_lesson_id else None,
            "enrolment_open": course.is_published and course.enrolment_is_open(),
            "lesson_count": len(lessons),
            "total_minutes": sum(lesson.estimated_minutes for lesson in lessons),
            # Published quizzes by module with the trainee's results (two queries).
            "quiz_sections": quiz_selectors.course_quizzes_for_trainee(course=course, trainee=request.user),
            "content_note": translations.fallback_note(wanted=get_language(), shown=course.content_language),
        },
    )


@require_POST
def enrol(request: HttpRequest, slug: str) -> HttpResponse:
    course = _visible_course(request, slug)
    try:
        services.enrol_trainee(trainee=request.user, course=course)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
        if not request.user.has_profile:
            return redirect(f"{reverse('accounts:profile')}?next={course.get_absolute_url()}")
        return redirect(course)
    messages.success(request, _("You are enrolled. Welcome to the course!"))
    return redirect(course)


@require_POST
def unenrol(request: HttpRequest, slug: str) -> HttpResponse:
    course = _visible_course(request, slug)
    enrolment = selectors.enrolment_of(user=request.user, course=course)
    if enrolment is None:
        messages.error(request, _("You are not enrolled in this course."))
        return redirect(course)
    try:
        services.unenrol_trainee(enrolment=enrolment)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have left the course. Your progress is kept if you come back."))
    return redirect(course)


def _lesson_context(request: HttpRequest, slug: str, lesson_id: int, *, language: str | None = None):
    """The course, the lesson and the reader's enrolment. With ``language`` the lesson's translation into it
    is fetched in the same query (display only: call translations.localise after any write)."""
    course = _visible_course(request, slug)
    lesson = get_object_or_404(
        translations.translated(Lesson.objects.live().select_related("module"), language=language),
        pk=lesson_id,
        module__course=course,
    )
    enrolment = selectors.enrolment_of(user=request.user, course=course)
    return course, lesson, enrolment


@require_GET
def lesson_detail(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    # The parts every reader shares come from the cache (learning.lesson_page); so do the reader's enrolment
    # and completed lessons, until any of them changes (learning.cache).
    page = lesson_page.lesson_page(slug=slug, lesson_id=lesson_id, language=get_language())
    if page is None or not course_permissions.can_view_course(request.user, page.course):
        raise Http404
    course = page.course
    enrolment, done_ids = selectors.enrolment_and_completed_ids(user=request.user, course_id=course.pk)
    if not permissions.can_read_lessons(request.user, course, enrolment):
        return render(
            request,
            "learning/not_enrolled.html",
            {"course": course, "enrolment_open": course.is_published and course.enrolment_is_open()},
            status=403,
        )
    enrolled = permissions.is_enrolled(enrolment)
    if enrolled:
        services.record_lesson_visit(enrolment=enrolment, lesson=page.lesson)
    else:
        done_ids = set()
    return render(
        request,
        "learning/lesson.html",
        {
            "page": page,
            "outline": lesson_page.outline_for(page, done_ids=done_ids),
            "enrolled": enrolled,
            "is_done": page.lesson.pk in done_ids,
            "percent": lesson_page.percent_done(page, done_ids=done_ids),
        },
    )


@require_POST
def complete_lesson(request: HttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    course, lesson, enrolment = _lesson_context(request, slug, lesson_id)
    if not permissions.is_enrolled(enrolment):
        messages.error(request, _("Enrol in the course to record your progress."))
        return redirect(course)
    try:
        course_done = services.complete_lesson(enrolment=enrolment, lesson=lesson)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
        return redirect(lesson)
    if course_done:
        messages.success(
            request, _("Congratulations! You have completed “%(course)s”.") % {"course": course.title}
        )
        return redirect("learning:dashboard")
    outline = course_selectors.course_outline(course=course)
    ordered = course_selectors.lessons_in_order(outline=outline)
    index = next(i for i, item in enumerate(ordered) if item.pk == lesson.pk)
    messages.success(request, _("Lesson marked as complete."))
    if index + 1 < len(ordered):
        return redirect(ordered[index + 1])
    return redirect(course)


@require_GET
def download_resource(request: HttpRequest, slug: str, lesson_id: int, resource_id: int) -> FileResponse:
    course, lesson, enrolment = _lesson_context(request, slug, lesson_id)
    if not permissions.can_read_lessons(request.user, course, enrolment):
        raise Http404
    resource = get_object_or_404(Resource, pk=resource_id, lesson=lesson)
    response = FileResponse(
        resource.file.open("rb"),
        as_attachment=True,
        filename=resource.original_name,
        content_type=resource.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    enrolments = selectors.localise_courses(
        list(selectors.dashboard_enrolments(user=request.user, language=get_language())),
        language=get_language(),
    )
    return render(
        request,
        "learning/dashboard.html",
        {
            "enrolments": enrolments,
            "resume": selectors.last_active_enrolment(enrolments),
            "needs_profile": not request.user.has_profile,
        },
    )
