"""Knowledge Hub pages. Published cases, their images and attachments are public; a case under review is
404 for everyone but its author and coordinators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community import cache as community_cache
from community import permissions, selectors
from community.forms import CaseFilterForm, CaseForm, LessonLinkForm, ReturnCaseForm
from community.models import CaseAttachment, CaseImage, CaseStudy
from community.services import cases as services
from courses import permissions as course_permissions
from courses.models import Lesson

CASES_PER_PAGE = 12


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_not_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    # The filters and results do not depend on who is asking: their HTML is cached per language and query
    # under the hub version, bumped by every change to what the list shows (community/cache.py).
    key = community_cache.hub_key(name="list", language=get_language(), query=request.GET.urlencode())
    fragments = cache.get(key)
    if fragments is None:
        fragments = _render_case_list(request)
        cache.set(key, fragments, community_cache.FRAGMENT_TTL)
    filters_html, results_html = fragments
    if request.htmx:
        return HttpResponse(results_html)
    return render(
        request, "community/case_list.html", {"filters_html": filters_html, "results_html": results_html}
    )


def _render_case_list(request: HttpRequest) -> tuple[str, str]:
    form = CaseFilterForm(request.GET, years=selectors.case_years())
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(selectors.published_cases(filters=filters), CASES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return (
        render_to_string("community/_case_filters.html", {"form": form}),
        render_to_string("community/_case_results.html", {"page": page, "query": query.urlencode()}),
    )


@login_not_required
@require_GET
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        case = selectors.case_detail(
            cases=permissions.cases_visible_to(request.user),
            pk=pk,
            lessons_in=course_permissions.courses_visible_to(request.user),
        )
    except CaseStudy.DoesNotExist as error:
        raise Http404 from error
    user = request.user
    can_link = case.is_published and permissions.can_link_case_to_lessons(user)
    link_courses = permissions.lesson_courses_editable_by(user)
    editable_ids = set(link_courses.values_list("pk", flat=True)) if can_link else set()
    context = {
        "case": case,
        "can_edit": permissions.can_edit_case(user, case),
        "can_review": permissions.can_review_cases(user),
        "return_form": ReturnCaseForm(),
        "link_form": LessonLinkForm(courses=link_courses) if can_link else None,
        "unlinkable": {lesson.pk for lesson in case.lessons.all() if lesson.module.course_id in editable_ids},
    }
    return render(request, "community/case_detail.html", context)


@require_http_methods(["GET", "POST"])
def case_submit(request: HttpRequest) -> HttpResponse:
    form = CaseForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                case = services.submit_case(
                    author=request.user,
                    data=form.case_data(),
                    themes=form.cleaned_data["themes"],
                    files=form.uploads(),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Thank you! A coordinator will review your case."))
                return redirect(case)
    return render(request, "community/case_form.html", {"form": form, "case": None}, status=status)


@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(permissions.cases_visible_to(request.user).select_related("partner"), pk=pk)
    if not permissions.can_edit_case(request.user, case):
        raise PermissionDenied(_("A published case can only be changed by a coordinator."))
    form = CaseForm(request.POST or None, request.FILES or None, instance=case)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                case = services.update_case(
                    case=case,
                    editor=request.user,
                    data=form.case_data(),
                    themes=form.cleaned_data["themes"],
                    files=form.uploads(),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The case is saved."))
                return redirect(case)
    return render(request, "community/case_form.html", {"form": form, "case": case}, status=status)


@require_GET
def my_cases(request: HttpRequest) -> HttpResponse:
    return render(
        request, "community/my_cases.html", {"cases": selectors.cases_submitted_by(user=request.user)}
    )


@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    if not permissions.can_review_cases(request.user):
        raise PermissionDenied
    return render(request, "community/review_queue.html", {"cases": selectors.review_queue()})


@require_POST
def case_review(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_review_cases(request.user):
        raise PermissionDenied
    case = get_object_or_404(CaseStudy, pk=pk)
    try:
        if request.POST.get("decision") == "publish":
            services.publish_case(case=case, reviewer=request.user)
            messages.success(request, _("The case is published."))
        else:
            form = ReturnCaseForm(request.POST)
            services.return_case(
                case=case,
                reviewer=request.user,
                reason=form.cleaned_data["reason"] if form.is_valid() else "",
            )
            messages.success(request, _("The case is returned to its author."))
    except services.CaseError as error:
        messages.error(request, str(error))
        return redirect(case)
    return redirect("community:review_queue")


@require_POST
def case_lessons(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(permissions.cases_visible_to(request.user), pk=pk)
    if not permissions.can_link_case_to_lessons(request.user):
        raise PermissionDenied
    courses = permissions.lesson_courses_editable_by(request.user)
    form = LessonLinkForm(request.POST, courses=courses)
    if not form.is_valid():
        # A lesson outside the trainer's own courses is not a choice: refuse it as not allowed.
        if Lesson.objects.filter(pk=request.POST.get("lesson") or 0).exists():
            raise PermissionDenied
        messages.error(request, _("Choose one of your lessons."))
        return redirect(case)
    try:
        if request.POST.get("action") == "unlink":
            services.unlink_lesson(case=case, lesson=form.cleaned_data["lesson"], actor=request.user)
            messages.success(request, _("The lesson no longer shows this case."))
        else:
            services.link_lesson(case=case, lesson=form.cleaned_data["lesson"], actor=request.user)
            messages.success(request, _("The lesson now shows this case."))
    except services.CaseError as error:
        messages.error(request, str(error))
    return redirect(case)


def _file_response(
    request: HttpRequest, case: CaseStudy, stored, content_type: str, **kwargs
) -> FileResponse:
    response = FileResponse(stored.open("rb"), content_type=content_type, **kwargs)
    if case.is_published:
        patch_cache_control(response, public=True, max_age=86400)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


@login_not_required
@require_GET
def case_image(request: HttpRequest, pk: int, image_id: int) -> FileResponse:
    case = get_object_or_404(permissions.cases_visible_to(request.user), pk=pk)
    image = get_object_or_404(CaseImage, pk=image_id, case=case)
    return _file_response(request, case, image.file, image.content_type)


@login_not_required
@require_GET
def case_file(request: HttpRequest, pk: int, file_id: int) -> FileResponse:
    case = get_object_or_404(permissions.cases_visible_to(request.user), pk=pk)
    attachment = get_object_or_404(CaseAttachment, pk=file_id, case=case)
    return _file_response(
        request,
        case,
        attachment.file,
        attachment.content_type,
        as_attachment=True,
        filename=attachment.original_name,
    )
