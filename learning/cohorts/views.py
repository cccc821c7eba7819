"""Cohort pages. Thin: parse with a form, call one service or selector, render.

Cohorts are fetched through permissions.cohorts_visible_to (not visible: 404); facilitator-only actions
then check can_facilitate (403). A session is looked up inside the cohort named in the URL: a session of
another cohort is refused with 403.
"""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import timezones
from learning.cohorts import cache as cohort_cache
from learning.cohorts import forms, ical, pdf, permissions, selectors, services
from learning.models import Cohort, CohortMode, CohortSession, Participant


def _cohort(request: HttpRequest, cohort_id: int, *, facilitator: bool = False) -> Cohort:
    if facilitator:
        # The common case (a facilitator at work) in one plain join; the slower visibility check only decides
        # between 403 and 404 for everyone else.
        cohort = (
            Cohort.objects.select_related("course", "partner")
            .filter(pk=cohort_id, facilitators__id=request.user.pk)
            .first()
        )
        if cohort is not None:
            cohort.is_facilitator = True
            return cohort
        if permissions.cohorts_visible_to(request.user).filter(pk=cohort_id).exists():
            raise PermissionDenied
        raise Http404
    return get_object_or_404(
        permissions.cohorts_visible_to(request.user).select_related("course", "partner"), pk=cohort_id
    )


def _session(cohort: Cohort, session_id: int) -> CohortSession:
    session = get_object_or_404(CohortSession, pk=session_id)
    if session.cohort_id != cohort.pk:
        raise PermissionDenied
    session.cohort = cohort
    return session


def _facilitated_session(
    request: HttpRequest, cohort_id: int, session_id: int
) -> tuple[Cohort, CohortSession]:
    """The session and its cohort in one query when the user facilitates it (the attendance pages' hot
    path); otherwise the two slower lookups decide between 404 and 403."""
    session = (
        CohortSession.objects.select_related("cohort")
        .filter(pk=session_id, cohort__facilitators__id=request.user.pk)
        .first()
    )
    if session is None:
        cohort = _cohort(request, cohort_id, facilitator=True)
        return cohort, _session(cohort, session_id)
    if session.cohort_id != cohort_id:
        raise PermissionDenied
    session.cohort.is_facilitator = True
    return session.cohort, session


def _display_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


@require_GET
def cohort_list(request: HttpRequest) -> HttpResponse:
    cohorts = selectors.cohort_list(visible=permissions.cohorts_visible_to(request.user))
    return render(
        request,
        "learning/cohorts/list.html",
        {"cohorts": cohorts, "can_create": permissions.can_create_cohort(request.user)},
    )


@require_http_methods(["GET", "POST"])
def cohort_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_cohort(request.user):
        raise PermissionDenied
    courses = permissions.courses_for_new_cohort(request.user).order_by("title")
    form = forms.CohortForm(request.POST or None, courses=courses, initial={"mode": CohortMode.FACE_TO_FACE})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        co_facilitators = data.pop("co_facilitators")
        try:
            cohort = services.create_cohort(created_by=request.user, facilitators=co_facilitators, **data)
        except services.CohortError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The group was created. Share its join code with the participants."))
            return redirect(cohort)
    return render(request, "learning/cohorts/form.html", {"form": form, "cohort": None})


@require_http_methods(["GET", "POST"])
def cohort_edit(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id, facilitator=True)
    form = forms.CohortForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        co_facilitators = data.pop("co_facilitators")
        try:
            services.update_cohort(cohort=cohort, facilitators=co_facilitators, **data)
        except services.CohortError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(cohort)
    return render(request, "learning/cohorts/form.html", {"form": form, "cohort": cohort})


@require_GET
def cohort_detail(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id)
    is_facilitator = permissions.can_facilitate(request.user, cohort)
    context = {
        "cohort": cohort,
        "is_facilitator": is_facilitator,
        "sessions": list(selectors.sessions_of(cohort=cohort)),
        "calendar_url": request.build_absolute_uri(
            reverse("learning:cohorts:calendar", kwargs={"token": cohort.calendar_token})
        ),
        "now": timezone.now(),
        "zone_label": timezones.offset_label(timezone.now(), cohort.time_zone),
    }
    if is_facilitator:
        participants = selectors.participants_with_attendance(cohort=cohort)
        context.update(
            participants=participants,
            completed_count=sum(1 for p in participants if p.completed),
            certificate_count=sum(1 for p in participants if p.completed and not p.has_account),
            join_code=_display_code(cohort.join_code),
            join_url=request.build_absolute_uri(
                reverse("learning:cohorts:join_code", kwargs={"code": cohort.join_code})
            ),
            code_expired=bool(cohort.join_code_expires_at and cohort.join_code_expires_at <= timezone.now()),
        )
    else:
        context["participant_count"] = Participant.objects.filter(cohort=cohort).count()
        mine = Participant.objects.filter(cohort=cohort, enrolment__trainee=request.user).first()
        if mine is not None:
            context["my_attendance"] = selectors.participant_attendance(participant=mine)
    with timezone.override(timezones.zone(cohort.time_zone)):
        return render(request, "learning/cohorts/detail.html", context)


@require_POST
def regenerate_code(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id, facilitator=True)
    services.regenerate_join_code(cohort=cohort)
    messages.success(request, _("A new join code was made. The old code and link no longer work."))
    return redirect(cohort)


@require_http_methods(["GET", "POST"])
def participant_add(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id, facilitator=True)
    form = forms.ParticipantForm(request.POST or None, initial={"country": cohort.country})
    if request.method == "POST" and form.is_valid():
        try:
            participant = services.add_participant(cohort=cohort, **form.cleaned_data)
        except services.CohortError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s was added.") % {"name": participant.display_name})
            if "add_another" in request.POST:
                return redirect("learning:cohorts:participant_add", cohort_id=cohort.pk)
            return redirect(cohort)
    return render(request, "learning/cohorts/participant_form.html", {"cohort": cohort, "form": form})


@require_http_methods(["GET", "POST"])
def participant_import(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Upload -> preview (every problem with its line number) -> confirm. The confirmation carries the file
    back and the service checks it again, so the preview cannot be bypassed."""
    cohort = _cohort(request, cohort_id, facilitator=True)
    context: dict = {"cohort": cohort, "header": forms.csv_import.TEMPLATE_HEADER}
    if request.method == "POST" and "content" in request.POST:
        confirm = forms.ConfirmImportForm(request.POST)
        if confirm.is_valid():
            try:
                created = services.import_participants(cohort=cohort, data=confirm.cleaned_data["content"])
            except services.CohortError as error:
                messages.error(request, str(error))
                context["preview"] = services.preview_import(
                    cohort=cohort, data=confirm.cleaned_data["content"]
                )
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d participant was imported.",
                        "%(count)d participants were imported.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
                return redirect(cohort)
        else:
            messages.error(request, _("The file was lost on the way. Upload it again."))
        context["form"] = forms.UploadForm()
        return render(request, "learning/cohorts/import.html", context)
    form = forms.UploadForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"]
        preview = services.preview_import(cohort=cohort, data=data)
        context["preview"] = preview
        if preview.is_valid:
            context["confirm"] = forms.ConfirmImportForm(initial={"content": base64.b64encode(data).decode()})
    return render(request, "learning/cohorts/import.html", context)


@require_GET
def import_template(request: HttpRequest, cohort_id: int) -> HttpResponse:
    _cohort(request, cohort_id, facilitator=True)
    body = "\ufeff" + forms.csv_import.TEMPLATE_HEADER + "\r\nSok,,KH,female,18-24,\r\n"
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="participants.csv"'
    return response


def _session_form(request: HttpRequest, cohort: Cohort, session: CohortSession | None) -> HttpResponse:
    with timezone.override(timezones.zone(cohort.time_zone)):
        return _session_form_in_local_time(request, cohort, session)


def _session_form_in_local_time(
    request: HttpRequest, cohort: Cohort, session: CohortSession | None
) -> HttpResponse:
    zone_label = timezones.offset_label(session.starts_at if session else timezone.now(), cohort.time_zone)
    form = forms.SessionForm(
        request.POST or None, instance=session, course=cohort.course, zone_label=zone_label
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if session is None:
                data.pop("is_cancelled", None)
                services.schedule_session(cohort=cohort, **data)
            else:
                services.update_session(session=session, **data)
        except services.CohortError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The session was saved."))
            return redirect(cohort)
    return render(
        request, "learning/cohorts/session_form.html", {"cohort": cohort, "form": form, "session": session}
    )


@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, cohort_id: int) -> HttpResponse:
    return _session_form(request, _cohort(request, cohort_id, facilitator=True), None)


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, cohort_id: int, session_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id, facilitator=True)
    return _session_form(request, cohort, _session(cohort, session_id))


@never_cache
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, cohort_id: int, session_id: int) -> HttpResponse:
    """The phone page. Each tap is saved by static/js/cohorts.js through `attendance_mark`; without
    JavaScript the same checkboxes are posted here as one sheet."""
    cohort, session = _facilitated_session(request, cohort_id, session_id)
    if request.method == "POST":
        present_ids = {int(pk) for pk in request.POST.getlist("present") if pk.isdigit()}
        try:
            services.save_attendance_sheet(session=session, present_ids=present_ids, by=request.user)
        except services.CohortError as error:
            raise PermissionDenied(str(error)) from None
        messages.success(request, _("Attendance saved."))
        return redirect("learning:cohorts:attendance", cohort_id=cohort.pk, session_id=session.pk)
    sheet = selectors.attendance_sheet(session=session)
    with timezone.override(timezones.zone(cohort.time_zone)):
        return render(
            request,
            "learning/cohorts/attendance.html",
            {
                "cohort": cohort,
                "session": session,
                "zone_label": timezones.offset_label(session.starts_at, cohort.time_zone),
                "rows": _tap_rows(sheet),
                "present_count": sum(1 for row in sheet if row.present),
            },
        )


def _tap_rows(sheet: list[selectors.SheetRow]) -> str:
    """The sheet's rows, built in Python: the template engine costs about 50 us a row, this about 2."""
    return format_html_join(
        "",
        '<li><label class="tap{}"><input type="checkbox" name="present" value="{}"{}>'
        '<span class="tap-name">{}</span><span class="tap-state" aria-hidden="true"></span></label></li>',
        (
            (" is-present" if row.present else "", row.pk, " checked" if row.present else "", row.name)
            for row in sheet
        ),
    )


@require_POST
def attendance_mark(request: HttpRequest, cohort_id: int, session_id: int) -> HttpResponse:
    """One tap: {participant, present=1|0}. Idempotent, so the script may resend it after a lost response."""
    cohort, session = _facilitated_session(request, cohort_id, session_id)
    form = forms.MarkForm(request.POST)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if not form.is_valid():
        return JsonResponse({"saved": False, "error": _("Invalid request.")}, status=400)
    try:
        services.record_tap(
            session=session,
            participant_id=form.cleaned_data["participant"],
            present=form.cleaned_data["present"],
            by=request.user,
        )
    except services.NotInCohort:
        raise PermissionDenied from None
    except services.CohortError as error:
        return JsonResponse({"saved": False, "error": str(error)}, status=409)
    if wants_json:
        return JsonResponse(
            {
                "saved": True,
                "participant": form.cleaned_data["participant"],
                "present": form.cleaned_data["present"],
            }
        )
    return redirect("learning:cohorts:attendance", cohort_id=cohort.pk, session_id=session.pk)


@require_GET
def certificates_pdf(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id, facilitator=True)
    recipients = selectors.certificate_recipients(cohort=cohort)
    if not recipients:
        messages.error(request, _("Nobody without an account has met the attendance rule yet."))
        return redirect(cohort)
    place = ", ".join(part for part in (cohort.province, cohort.get_country_display()) if part)
    dates = "\u2013".join(date_format(day, "SHORT_DATE_FORMAT") for day in (cohort.starts_on, cohort.ends_on))
    texts = [
        pdf.CertificateText(
            heading=_("Certificate of attendance"),
            intro=_("This certifies that"),
            name=participant.display_name,
            body=_("attended %(attended)d of %(total)d sessions of the course “%(course)s”")
            % {"attended": participant.attended, "total": participant.total, "course": cohort.course.title},
            details=" · ".join(
                part
                for part in (cohort.name, cohort.partner.name if cohort.partner else "", place, dates)
                if part
            ),
            footer=_("Mekong Climate Training"),
        )
        for participant in recipients
    ]
    body = pdf.render(texts, title=_("Attendance certificates: %(cohort)s") % {"cohort": cohort.name})
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="attendance-certificates-{cohort.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Public to whoever has the link (calendar apps send no cookies); the token is 256 random bits, and the
    feed holds the schedule only, never participants."""
    host = request.get_host().split(":")[0]
    key = cohort_cache.feed_key(token=token, host=host)
    body = cache.get(key)
    if body is None:
        cohort = get_object_or_404(Cohort.objects.select_related("course"), calendar_token=token)
        sessions = CohortSession.objects.filter(cohort=cohort).select_related("module")
        body = ical.calendar(cohort=cohort, sessions=sessions, host=host)
        cache.set(key, body, cohort_cache.FEED_TTL)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="sessions.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, code: str = "") -> HttpResponse:
    form = forms.JoinForm(request.POST or None, initial={"code": code})
    cohort = None
    if code and request.method == "GET":
        cohort = (
            Cohort.objects.select_related("course").filter(join_code=services.normalise_code(code)).first()
        )
    if request.method == "POST" and form.is_valid():
        try:
            participant, created = services.join_cohort(user=request.user, code=form.cleaned_data["code"])
        except services.CohortError as error:
            form.add_error("code", str(error))
            if not request.user.has_profile:
                return redirect(f"{reverse('accounts:profile')}?next={request.path}")
        else:
            if created:
                messages.success(request, _("Welcome to %(name)s!") % {"name": participant.cohort.name})
            else:
                messages.info(request, _("You are already in this group."))
            return redirect("learning:cohorts:detail", cohort_id=participant.cohort_id)
    return render(request, "learning/cohorts/join.html", {"form": form, "cohort": cohort})
