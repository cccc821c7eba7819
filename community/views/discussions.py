"""Course discussion pages. A course the user cannot see is 404; a course they see but do not take part in
is 403; a hidden thread is 404 for everyone but the course's moderators."""

import functools
import re
import secrets

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community import cache as community_cache
from community import permissions, selectors
from community.forms import ReasonForm, ReplyForm, ReportForm, ThreadForm
from community.models import ModerationKind, Post, Report, ReportStatus, Thread
from community.services import discussions as services
from courses import permissions as course_permissions
from courses.models import Course
from learning import selectors as learning_selectors

THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 25


def _participant_course(request: HttpRequest, course: Course) -> bool:
    """Raise PermissionDenied unless the user takes part in the course's discussions; True for moderators."""
    is_moderator = permissions.can_moderate(request.user, course)
    if not is_moderator:
        enrolment = learning_selectors.enrolment_of(user=request.user, course=course)
        if not permissions.can_participate(request.user, course, enrolment):
            raise PermissionDenied(_("Enrol in the course to join its discussions."))
    return is_moderator


def _course(request: HttpRequest, slug: str) -> tuple[Course, bool]:
    course = get_object_or_404(course_permissions.courses_visible_to(request.user), slug=slug)
    return course, _participant_course(request, course)


def _thread(request: HttpRequest, pk: int) -> tuple[Thread, bool]:
    # One query: the thread, its course and the user's standing there (trainer, enrolment, follower).
    thread = get_object_or_404(
        permissions.threads_with_standing(request.user).select_related("course"), pk=pk
    )
    is_moderator = permissions.is_thread_moderator(request.user, thread)
    if not permissions.is_thread_participant(request.user, thread):
        raise PermissionDenied(_("Enrol in the course to join its discussions."))
    if thread.is_hidden and not is_moderator:
        raise Http404
    return thread, is_moderator


def _post(request: HttpRequest, pk: int) -> tuple[Post, bool]:
    visible = course_permissions.courses_visible_to(request.user).values("pk")
    post = get_object_or_404(Post.objects.select_related("thread__course"), pk=pk, thread__course__in=visible)
    is_moderator = _participant_course(request, post.thread.course)
    if (post.thread.is_hidden or post.is_hidden) and not is_moderator:
        raise Http404
    return post, is_moderator


def _send_back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect(fallback)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    courses = selectors.discussion_courses(courses=permissions.discussion_courses_for(request.user))
    return render(request, "community/index.html", {"courses": courses})


@require_GET
def course_threads(request: HttpRequest, slug: str) -> HttpResponse:
    course, is_moderator = _course(request, slug)
    threads = permissions.threads_visible_to(request.user, course, is_moderator=is_moderator)
    page = Paginator(selectors.course_threads(course=course, threads=threads), THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "community/course_threads.html",
        {
            "course": course,
            "page": page,
            "is_moderator": is_moderator,
            "open_reports": selectors.open_report_count(course=course) if is_moderator else 0,
        },
    )


@require_http_methods(["GET", "POST"])
def new_thread(request: HttpRequest, slug: str) -> HttpResponse:
    course, _is_moderator = _course(request, slug)
    form = ThreadForm(request.POST or None, course=course, initial={"lesson": request.GET.get("lesson")})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.start_thread(
                course=course,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                lesson=form.cleaned_data["lesson"],
            )
        except services.RateLimited as error:
            form.add_error(None, str(error))
            status = 429
        except services.DiscussionError as error:
            form.add_error(None, str(error))
            status = 400
        else:
            messages.success(request, _("Your discussion has started."))
            return redirect(thread)
    elif request.method == "POST":
        status = 400
    return render(request, "community/new_thread.html", {"course": course, "form": form}, status=status)


def _render_thread(request, thread, is_moderator, *, form=None, status=200, page_number=None):
    selectors.attach_lesson(thread=thread)
    context = {
        "thread": thread,
        "course": thread.course,
        "posts_html": _thread_posts_html(
            request, thread, is_moderator, page_number=page_number or request.GET.get("page") or "1"
        ),
        "is_moderator": is_moderator,
        "can_reply": permissions.can_reply(request.user, thread, is_moderator=is_moderator),
        "is_following": thread.viewer_follows,
        "form_html": _form_fields_html(form) if form is not None else _empty_reply_form_html(get_language()),
        "reason_form": ReasonForm(),
    }
    return render(request, "community/thread.html", context, status=status)


def _form_fields_html(form) -> str:
    return render_to_string("_form_fields.html", {"form": form})


@functools.cache
def _empty_reply_form_html(language: str) -> str:
    """The blank reply form is the same on every thread page in a language: rendered once per process."""
    return _form_fields_html(ReplyForm())


def _thread_posts_html(request: HttpRequest, thread: Thread, is_moderator: bool, *, page_number: str) -> str:
    """The posts of one page, from the cache when nothing changed since they were rendered.

    Only pages that exist are stored (a page number past the end is rendered as the last page, uncached),
    so the keys of a thread are bounded by its number of pages.
    """
    asked = page_number if page_number == "last" else page_number.lstrip("0") or "0"
    key = None
    if asked == "last" or (asked.isdigit() and len(asked) <= 6):
        key = community_cache.thread_page_key(
            thread_id=thread.pk,
            page=asked,
            is_moderator=is_moderator,
            language=get_language(),
            timezone=timezone.get_current_timezone_name(),
        )
    segments = cache.get(key) if key else None
    if segments is None:
        segments, number = _render_thread_posts(thread, is_moderator, page_number)
        if key and asked in ("last", str(number)):
            cache.set(key, segments, community_cache.FRAGMENT_TTL)
    return _assemble(request, segments)


def _render_thread_posts(thread: Thread, is_moderator: bool, page_number: str) -> tuple[list, int]:
    """Render a page of posts for any participant (or any moderator) of the thread's course.

    What differs between readers is left as markers carrying a random nonce, so a post cannot forge one:
    the report link, absent on the reader's own posts, and the CSRF field of the moderators' forms.
    """
    data = selectors.thread_page(
        thread=thread, is_moderator=is_moderator, page_number=page_number, per_page=POSTS_PER_PAGE
    )
    page, accepted = data.page, data.accepted
    nonce = secrets.token_hex(16)
    html = render_to_string(
        "community/_thread_posts.html",
        {
            "page": page,
            "page_range": list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
            "ellipsis": Paginator.ELLIPSIS,
            "opening": data.opening,
            "accepted": accepted,
            "show_accepted": accepted is not None
            and (page.number != 1 or all(post.pk != accepted.pk for post in page)),
            "is_moderator": is_moderator,
            "thread_url": thread.get_absolute_url(),
            "nonce": nonce,
        },
    )
    segments: list[tuple[int, str]] = []
    owner = 0
    for index, part in enumerate(re.split(rf"<!--{nonce}:(report:\d+|end|csrf)-->", html)):
        if index % 2 == 0:
            if part:
                segments.append((owner, part))
        elif part == "csrf":
            segments.append((CSRF_FIELD, ""))
        elif part == "end":
            owner = 0
        else:
            owner = int(part.removeprefix("report:"))
    return segments, page.number


CSRF_FIELD = -1


def _assemble(request: HttpRequest, segments: list[tuple[int, str]]) -> str:
    """Join the cached segments for this reader: no report link on their own posts, their CSRF token."""
    parts = []
    for owner, text in segments:
        if owner == CSRF_FIELD:
            parts.append(csrf_input(request))
        elif owner != request.user.pk:
            parts.append(text)
    return mark_safe("".join(parts))  # noqa: S308 - rendered by the template engine, which escaped it


@require_GET
def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread, is_moderator = _thread(request, pk)
    return _render_thread(request, thread, is_moderator)


@require_GET
def post_permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """A lasting address for one post: sends the reader to the page of its thread where it is."""
    post, _is_moderator = _post(request, pk)
    number = selectors.page_of_post(post=post, per_page=POSTS_PER_PAGE)
    return redirect(f"{post.thread.get_absolute_url()}?page={number}#post-{post.pk}")


@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    thread, is_moderator = _thread(request, pk)
    if not permissions.can_reply(request.user, thread, is_moderator=is_moderator):
        raise PermissionDenied(_("This discussion is closed to new replies."))
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _render_thread(request, thread, is_moderator, form=form, status=400, page_number="last")
    try:
        post = services.post_reply(thread=thread, author=request.user, body=form.cleaned_data["body"])
    except services.RateLimited as error:
        form.add_error(None, str(error))
        return _render_thread(request, thread, is_moderator, form=form, status=429, page_number="last")
    except services.DiscussionError as error:
        form.add_error(None, str(error))
        return _render_thread(request, thread, is_moderator, form=form, status=400, page_number="last")
    messages.success(request, _("Your reply is posted."))
    return redirect(f"{thread.get_absolute_url()}?page=last#post-{post.pk}")


@require_POST
def follow(request: HttpRequest, pk: int) -> HttpResponse:
    thread, _is_moderator = _thread(request, pk)
    if request.POST.get("action") == "unfollow":
        services.unfollow_thread(thread=thread, user=request.user)
        messages.success(request, _("You no longer follow this discussion."))
    else:
        services.follow_thread(thread=thread, user=request.user)
        messages.success(request, _("You follow this discussion and will hear about new replies."))
    return redirect(thread)


def _require_moderator(is_moderator: bool) -> None:
    if not is_moderator:
        raise PermissionDenied(_("Only the course's trainers moderate its discussions."))


@require_POST
def moderate_thread(request: HttpRequest, pk: int) -> HttpResponse:
    thread, is_moderator = _thread(request, pk)
    _require_moderator(is_moderator)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        action = services.moderate_thread(
            thread=thread, actor=request.user, kind=request.POST.get("kind", ""), reason=reason
        )
    except services.DiscussionError as error:
        messages.error(request, str(error))
        return redirect(thread)
    if action:
        messages.success(request, action.get_kind_display())
    return _send_back(request, thread.get_absolute_url())


POST_STEPS = {
    ModerationKind.HIDE_POST: lambda post, user, reason: services.set_post_hidden(
        post=post, actor=user, hidden=True, reason=reason
    ),
    ModerationKind.UNHIDE_POST: lambda post, user, reason: services.set_post_hidden(
        post=post, actor=user, hidden=False, reason=reason
    ),
    ModerationKind.ACCEPT: lambda post, user, reason: services.accept_answer(post=post, actor=user),
    ModerationKind.UNACCEPT: lambda post, user, reason: services.unaccept_answer(post=post, actor=user),
}


@require_POST
def moderate_post(request: HttpRequest, pk: int) -> HttpResponse:
    post, is_moderator = _post(request, pk)
    _require_moderator(is_moderator)
    step = POST_STEPS.get(request.POST.get("kind", ""))
    if step is None:
        messages.error(request, _("Unknown moderation action."))
        return redirect(post.thread)
    form = ReasonForm(request.POST)
    try:
        action = step(post, request.user, form.cleaned_data["reason"] if form.is_valid() else "")
    except services.DiscussionError as error:
        messages.error(request, str(error))
    else:
        if action:
            messages.success(request, action.get_kind_display())
    return _send_back(request, reverse("community:post", kwargs={"pk": post.pk}))


@require_http_methods(["GET", "POST"])
def report_post(request: HttpRequest, pk: int) -> HttpResponse:
    post, _is_moderator = _post(request, pk)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(
                post=post,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except services.RateLimited as error:
            form.add_error(None, str(error))
            status = 429
        except services.DiscussionError as error:
            form.add_error(None, str(error))
            status = 400
        else:
            messages.success(request, _("Thank you. The course's trainers will look at this post."))
            return redirect("community:post", pk=post.pk)
    elif request.method == "POST":
        status = 400
    return render(
        request, "community/report.html", {"post": post, "thread": post.thread, "form": form}, status=status
    )


@require_GET
def moderation_queue(request: HttpRequest, slug: str) -> HttpResponse:
    course, is_moderator = _course(request, slug)
    _require_moderator(is_moderator)
    return render(
        request,
        "community/moderation.html",
        {
            "course": course,
            "reports": selectors.open_reports(course=course),
            "actions": selectors.recent_moderation(course=course),
            "reason_form": ReasonForm(),
        },
    )


@require_POST
def resolve_report(request: HttpRequest, pk: int) -> HttpResponse:
    visible = course_permissions.courses_visible_to(request.user).values("pk")
    report = get_object_or_404(
        Report.objects.select_related("post__thread__course"), pk=pk, post__thread__course__in=visible
    )
    course = report.post.thread.course
    _require_moderator(permissions.can_moderate(request.user, course))
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if report.status != ReportStatus.OPEN:
        messages.info(request, _("This report was already dealt with."))
    elif request.POST.get("outcome") == "hide":
        services.set_post_hidden(
            post=report.post, actor=request.user, hidden=True, reason=reason, report=report
        )
        messages.success(request, _("The post is hidden and its reports are closed."))
    else:
        services.dismiss_report(report=report, actor=request.user, reason=reason)
        messages.success(request, _("The report is dismissed; the post stays visible."))
    return redirect(reverse("community:moderation", kwargs={"slug": course.slug}))
