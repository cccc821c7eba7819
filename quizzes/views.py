"""The trainee's side: a quiz's page, its attempt (resumable, autosaved), submission and result.

Attempt pages are never cached (they hold answers), and open attempts render without any part of the
answer key. Refusals are messages (400, or 409 for an attempt already closed), never 500s.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from quizzes import forms, permissions, selectors, services
from quizzes.models import Attempt, Quiz


def _quiz(request: HttpRequest, slug: str, quiz_id: int) -> Quiz:
    return get_object_or_404(
        permissions.quizzes_visible_to(request.user).select_related("course", "module"),
        pk=quiz_id,
        course__slug=slug,
    )


def _attempt(request: HttpRequest, slug: str, quiz_id: int, attempt_id: int) -> Attempt:
    return get_object_or_404(
        permissions.attempts_of(request.user).select_related("quiz__course", "quiz__module"),
        pk=attempt_id,
        quiz_id=quiz_id,
        quiz__course__slug=slug,
    )


def _result_url(attempt: Attempt) -> str:
    return reverse(
        "quizzes:result",
        kwargs={"slug": attempt.quiz.course.slug, "quiz_id": attempt.quiz_id, "attempt_id": attempt.pk},
    )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_GET
def quiz_detail(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    quiz = _quiz(request, slug, quiz_id)
    summary = selectors.quiz_summary(quiz=quiz, trainee=request.user)
    gain = None
    if quiz.purpose == "post_test" and summary.attempts_used:
        gain = selectors.knowledge_gain_of(course=quiz.course, trainee=request.user)
    return render(
        request,
        "quizzes/quiz_detail.html",
        {
            "quiz": quiz,
            "course": quiz.course,
            "summary": summary,
            "attempts": selectors.past_attempts(quiz=quiz, trainee=request.user),
            "can_take": permissions.can_take_quiz(request.user, quiz),
            "can_author": permissions.can_author_quizzes(request.user, quiz.course),
            "gain": gain,
        },
    )


@require_POST
def start(request: HttpRequest, slug: str, quiz_id: int) -> HttpResponse:
    quiz = _quiz(request, slug, quiz_id)
    if not permissions.can_take_quiz(request.user, quiz):
        raise PermissionDenied(_("Enrol in the course to take its quizzes."))
    try:
        attempt = services.start_attempt(quiz=quiz, trainee=request.user)
    except services.AttemptError as error:
        messages.error(request, str(error))
        return redirect(quiz)
    attempt.quiz = quiz
    return redirect(attempt)


def _render_attempt(
    request: HttpRequest, attempt: Attempt, *, error: str = "", status: int = 200
) -> HttpResponse:
    items = selectors.attempt_items(
        attempt=attempt, language=get_language(), course_language=attempt.quiz.course.language
    )
    return render(
        request,
        "quizzes/attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "course": attempt.quiz.course,
            "items": items,
            "answered": sum(1 for item in items if item.answer.is_answered),
            "error": error,
        },
        status=status,
    )


@never_cache
@require_GET
def attempt_page(request: HttpRequest, slug: str, quiz_id: int, attempt_id: int) -> HttpResponse:
    attempt = _attempt(request, slug, quiz_id, attempt_id)
    if services.close_if_overdue(attempt=attempt):
        messages.warning(request, _("Time is up. Your attempt was submitted with the answers you had saved."))
    if attempt.is_submitted:
        return redirect(_result_url(attempt))
    return _render_attempt(request, attempt)


@never_cache
@require_POST
def save(request: HttpRequest, slug: str, quiz_id: int, attempt_id: int) -> HttpResponse:
    attempt = _attempt(request, slug, quiz_id, attempt_id)
    try:
        services.save_answers(attempt=attempt, responses=forms.answer_payload(request.POST))
    except services.AttemptClosed as error:
        if _wants_json(request):
            return JsonResponse(
                {"saved": False, "error": str(error), "result": _result_url(attempt)}, status=409
            )
        messages.error(request, str(error))
        return redirect(_result_url(attempt))
    except services.AttemptError as error:
        if _wants_json(request):
            return JsonResponse({"saved": False, "error": str(error)}, status=400)
        return _render_attempt(request, attempt, error=str(error), status=400)
    if _wants_json(request):
        return JsonResponse({"saved": True})
    messages.success(request, _("Your answers are saved. You can come back to finish later."))
    return redirect(attempt)


@never_cache
@require_POST
def submit(request: HttpRequest, slug: str, quiz_id: int, attempt_id: int) -> HttpResponse:
    # The permission filter goes into the service's locking query: a submission reads the attempt once.
    scope = permissions.attempts_of(request.user).filter(quiz_id=quiz_id, quiz__course__slug=slug)
    result_url = reverse(
        "quizzes:result", kwargs={"slug": slug, "quiz_id": quiz_id, "attempt_id": attempt_id}
    )
    try:
        submitted = services.submit_attempt(
            attempt=Attempt(pk=attempt_id), scope=scope, responses=forms.answer_payload(request.POST)
        )
    except Attempt.DoesNotExist:
        raise Http404 from None
    except services.AttemptClosed as error:
        messages.error(request, str(error))
        return redirect(result_url)
    except services.AttemptError as error:
        return _render_attempt(
            request, _attempt(request, slug, quiz_id, attempt_id), error=str(error), status=400
        )
    if submitted.timed_out:
        messages.warning(request, _("Time was up, so only the answers saved before the limit were graded."))
    # The result page renders the feedback; this request only grades.
    return redirect(result_url)


@never_cache
@require_GET
def result(request: HttpRequest, slug: str, quiz_id: int, attempt_id: int) -> HttpResponse:
    attempt = _attempt(request, slug, quiz_id, attempt_id)
    if not attempt.is_submitted:
        return redirect(attempt)
    quiz = attempt.quiz
    summary = selectors.quiz_summary(quiz=quiz, trainee=request.user)
    feedback = selectors.feedback_visible(attempt=attempt, trainee_has_passed=summary.passed)
    items = (
        selectors.attempt_items(
            attempt=attempt, with_key=True, language=get_language(), course_language=quiz.course.language
        )
        if feedback
        else []
    )
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "course": quiz.course,
            "summary": summary,
            "feedback": feedback,
            "items": items,
            "to_review": [item for item in items if not item.answer.is_correct],
            "can_take": permissions.can_take_quiz(request.user, quiz),
        },
    )
