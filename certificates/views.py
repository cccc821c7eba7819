from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from certificates import badges, permissions, ratelimit, selectors, services
from certificates.forms import ManualIssueForm, ReissueForm, RevokeForm, SearchForm
from certificates.models import Certificate


def _verify_limit() -> int:
    return getattr(settings, "CERTIFICATE_VERIFY_RATE_LIMIT", 30)  # requests per minute per address


@login_not_required
@require_GET
@never_cache
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public check of a certificate: valid (name, course, date, hours, issuer), revoked, or unknown."""
    if not ratelimit.allow(
        scope="verify", ident=ratelimit.client_address(request), limit=_verify_limit(), window=60
    ):
        response = render(request, "certificates/verify_limited.html", status=429)
        response["Retry-After"] = "60"
        return response
    certificate = selectors.certificate_by_code(code=code)
    if certificate is None:
        response = render(request, "certificates/verify_unknown.html", status=404)
    elif certificate.is_revoked:
        # A clear "revoked" and its date, nothing about the person: the code may be shared widely.
        response = render(
            request, "certificates/verify_revoked.html", {"certificate": certificate}, status=410
        )
    else:
        response = render(request, "certificates/verify.html", {"certificate": certificate})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def my_certificates(request: HttpRequest) -> HttpResponse:
    return render(
        request, "certificates/mine.html", {"certificates": selectors.certificates_of(user=request.user)}
    )


@require_GET
def download(request: HttpRequest, code: str) -> HttpResponse:
    certificate = get_object_or_404(permissions.certificates_visible_to(request.user), code=code)
    manager = permissions.can_manage_certificate(request.user, certificate)
    if certificate.is_revoked and not manager:
        return render(request, "certificates/verify_revoked.html", {"certificate": certificate}, status=410)
    if not certificate.has_current_pdf:
        response = render(request, "certificates/pending.html", {"certificate": certificate}, status=503)
        response["Retry-After"] = "30"
        return response
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.reference}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _managed(request: HttpRequest, code: str) -> Certificate:
    """Not visible -> 404; visible (e.g. one's own) but not manageable -> 403."""
    certificate = get_object_or_404(
        permissions.certificates_visible_to(request.user).select_related("template", "enrolment"), code=code
    )
    if not permissions.can_manage_certificate(request.user, certificate):
        raise PermissionDenied
    return certificate


@require_GET
def manage_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_certificates(request.user):
        raise PermissionDenied
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(selectors.managed_certificates(user=request.user, query=query), 50).get_page(
        request.GET.get("page")
    )
    taught = selectors.courses_taught_by(user=request.user)
    return render(
        request,
        "certificates/manage_list.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "page_query": urlencode({"q": query}) if query else "",
            "taught": taught,
        },
    )


@require_GET
def manage_detail(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _managed(request, code)
    return _detail(request, certificate)


def _detail(request, certificate, *, revoke_form=None, reissue_form=None, status=200) -> HttpResponse:
    return render(
        request,
        "certificates/manage_detail.html",
        {
            "certificate": certificate,
            "events": selectors.events_of(certificate=certificate),
            "warnings": [line for line in certificate.render_warnings.splitlines() if line],
            "revoke_form": revoke_form or RevokeForm(),
            "reissue_form": reissue_form or ReissueForm(),
        },
        status=status,
    )


@require_POST
def revoke(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _managed(request, code)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        return _detail(request, certificate, revoke_form=form, status=400)
    try:
        services.revoke_certificate(
            certificate=certificate, reason=form.cleaned_data["reason"], acting_user=request.user
        )
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The certificate is revoked."))
    return redirect("certificates:manage_detail", code=certificate.code)


@require_POST
def reissue(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _managed(request, code)
    form = ReissueForm(request.POST)
    if not form.is_valid():
        return _detail(request, certificate, reissue_form=form, status=400)
    services.reissue_certificate(
        certificate=certificate, acting_user=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("The certificate was re-issued with a new PDF. Its code is unchanged."))
    return redirect("certificates:manage_detail", code=certificate.code)


# --- Open Badges 2.0 (public JSON-LD, no login) ---------------------------------------------------------


def _badge_json(request: HttpRequest, document: dict, *, status: int = 200) -> HttpResponse:
    """JSON-LD by default; plain JSON when the client asks only for application/json (the spec's rule)."""
    accept = request.headers.get("Accept", "")
    wants_plain = "application/json" in accept and "application/ld+json" not in accept
    response = JsonResponse(
        document,
        status=status,
        content_type="application/json" if wants_plain else "application/ld+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"  # backpacks and verifiers fetch from other origins
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _badge_limit(request: HttpRequest) -> HttpResponse | None:
    if ratelimit.allow(
        scope="badge", ident=ratelimit.client_address(request), limit=_verify_limit(), window=60
    ):
        return None
    response = JsonResponse({"error": "rate limited"}, status=429)
    response["Retry-After"] = "60"
    return response


@login_not_required
@require_GET
@never_cache
def badge_assertion(request: HttpRequest, code: str) -> HttpResponse:
    if (limited := _badge_limit(request)) is not None:
        return limited
    certificate = selectors.certificate_for_badge(code=code)
    if certificate is None:
        raise Http404
    # A revoked hosted assertion answers 410 Gone with "revoked": true (Open Badges 2.0, "Revoking Hosted
    # Assertions"); a verifier must then treat the badge as invalid.
    status = 410 if certificate.is_revoked else 200
    return _badge_json(request, badges.assertion(certificate), status=status)


@login_not_required
@require_GET
def badge_class(request: HttpRequest, course_id: int) -> HttpResponse:
    course = selectors.course_with_badge(course_id=course_id)
    if course is None:
        raise Http404
    return _badge_json(request, badges.badge_class(course, services.template_for_course(course)))


@login_not_required
@require_GET
def badge_issuer(request: HttpRequest, template_id: int) -> HttpResponse:
    template = selectors.template_with_badges(template_id=template_id)
    if template is None:
        raise Http404
    return _badge_json(request, badges.issuer(template))


# --- a course's certificates: bulk re-issue, manual issue ---------------------------------------------


def _managed_course(request: HttpRequest, course_id: int):
    """Coordinators and the course's own trainers; anyone else 404 (no hint the course exists)."""
    return get_object_or_404(permissions.courses_managed_by(request.user), pk=course_id)


@require_GET
def manage_course(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _managed_course(request, course_id)
    return _course_page(request, course)


def _course_page(request, course, *, reissue_form=None, issue_form=None, status=200) -> HttpResponse:
    page = Paginator(selectors.course_certificates(user=request.user, course=course), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "certificates/manage_course.html",
        {
            "course": course,
            "page": page,
            "batches": selectors.batches_of(user=request.user, course=course),
            "reissue_form": reissue_form or ReissueForm(),
            "issue_form": issue_form or ManualIssueForm(),
        },
        status=status,
    )


@require_POST
def reissue_course(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _managed_course(request, course_id)
    form = ReissueForm(request.POST)
    if not form.is_valid():
        return _course_page(request, course, reissue_form=form, status=400)
    try:
        batch = services.start_course_reissue(
            course=course, acting_user=request.user, reason=form.cleaned_data["reason"]
        )
    except services.CertificateError as error:
        messages.error(request, str(error))
        return redirect("certificates:manage_course", course_id=course.pk)
    return redirect(batch)


@require_POST
def issue_manually(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _managed_course(request, course_id)
    form = ManualIssueForm(request.POST)
    if not form.is_valid():
        return _course_page(request, course, issue_form=form, status=400)
    try:
        services.complete_face_to_face(
            course=course,
            trainee_email=form.cleaned_data["email"],
            reason=form.cleaned_data["reason"],
            acting_user=request.user,
        )
    except services.CertificateError as error:
        form.add_error("email", str(error))
        return _course_page(request, course, issue_form=form, status=400)
    messages.success(request, _("The course is marked completed. The certificate will be ready in a minute."))
    return redirect("certificates:manage_course", course_id=course.pk)


@require_GET
def batch(request: HttpRequest, pk: int) -> HttpResponse:
    reissue = get_object_or_404(permissions.batches_visible_to(request.user).select_related("course"), pk=pk)
    context = {
        "batch": reissue,
        "progress": selectors.batch_progress(batch=reissue),
        "failures": selectors.batch_failures(batch=reissue),
    }
    name = "certificates/batch.html#progress" if request.htmx else "certificates/batch.html"
    return render(request, name, context)
