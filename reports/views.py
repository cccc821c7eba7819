"""Coordinators' dashboard and exports. Thin: parse the filters, resolve the scope, call one selector."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.models import Country
from reports import charts, exports, permissions, selectors, services
from reports import summary_pdf as summary_pdf_module
from reports.forms import ReportFilterForm, country_outside_scope
from reports.models import ExportKind

FORMATS = ("csv", "xlsx")


def _filters(
    request: HttpRequest, scope: permissions.Scope
) -> tuple[ReportFilterForm, selectors.Filters | None]:
    if country_outside_scope(request.GET, scope):
        raise PermissionDenied
    form = ReportFilterForm(request.GET, scope=scope)
    return form, (form.filters() if form.is_valid() else None)


def _charts(board: selectors.Dashboard, scope: permissions.Scope) -> dict:
    by_slug = {table.slug: table for table in board.tables}
    country_names = dict(Country.choices)
    in_scope = {row.key: row for row in by_slug["country"].rows}
    face_to_face_by_sex = next(t for t in board.face_to_face.tables if t.slug == "face_to_face_sex")
    map_rows = [
        (
            code,
            str(country_names[code]),
            in_scope[code]["enrolled"] if code in in_scope else selectors.Cell(0),
        )
        for code in scope.countries
    ]
    return {
        "map": charts.reach_map(
            slug="chart-map",
            title=_("Reach by country"),
            desc=_("Schematic map of the countries in your scope, darker where more trainees enrolled."),
            rows=map_rows,
        ),
        "funnel": charts.bar_chart(
            slug="chart-funnel",
            title=board.funnel.title,
            desc=_("Enrolments at each stage, from enrolled to certified."),
            rows=board.funnel.chart_rows("count"),
        ),
        "months": charts.column_chart(
            slug="chart-months",
            title=board.months.title,
            desc=_("Enrolments per month of enrolment."),
            rows=board.months.chart_rows(),
        ),
        "face_to_face": charts.bar_chart(
            slug="chart-face-to-face",
            title=face_to_face_by_sex.title,
            desc=_("Face-to-face participants per row of the table beside it."),
            rows=face_to_face_by_sex.chart_rows("participants"),
        ),
        "sections": [
            (
                table,
                charts.bar_chart(
                    slug=f"chart-{table.slug}",
                    title=table.title,
                    desc=_("Enrolments per row of the table beside it."),
                    rows=table.chart_rows(),
                ),
            )
            for table in board.tables[1:]
            if table.slug != "cohort"  # hundreds of cohorts in time: a table (below), not a chart
        ],
        "cohort": next(table for table in board.tables if table.slug == "cohort"),
    }


@require_GET
@never_cache
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = permissions.scope_for(request.user)
    form, filters = _filters(request, scope)
    context = {
        "form": form,
        "scope": scope,
        "query": request.GET.urlencode(),
        "can_export_participants": permissions.can_export_participants(request.user),
        "min_cell": selectors.suppression.min_cell(),
    }
    if filters is None:
        return render(request, "reports/dashboard.html", context, status=400)
    board = selectors.dashboard(scope=scope, filters=filters)
    context.update(board=board, charts=_charts(board, scope))
    return render(request, "reports/dashboard.html", context)


def _filename(name: str, extension: str) -> str:
    return f"mekong-{name}-{timezone.localdate():%Y%m%d}.{extension}"


def _invalid(form: ReportFilterForm) -> HttpResponse:
    messages = "; ".join(str(e) for errors in form.errors.values() for e in errors)
    return HttpResponse(_("The filters are not valid: %(errors)s") % {"errors": messages}, status=400,
                        content_type="text/plain; charset=utf-8")  # fmt: skip


@require_GET
@never_cache
def export_table(request: HttpRequest, slug: str, file_format: str) -> HttpResponse:
    scope = permissions.scope_for(request.user)
    if slug not in selectors.table_slugs() or file_format not in FORMATS:
        raise Http404
    form, filters = _filters(request, scope)
    if filters is None:
        return _invalid(form)
    table = selectors.export_table(scope=scope, filters=filters, slug=slug)
    services.log_export(
        user=request.user,
        scope=scope,
        kind=ExportKind.TABLE,
        table=slug,
        file_format=file_format,
        filters=filters.as_dict(),
    )
    rows = exports.table_rows(table)
    if file_format == "csv":
        response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.xlsx_bytes(rows, sheet=table.title),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{_filename(slug, file_format)}"'
    return response


@require_GET
@never_cache
def export_participants(request: HttpRequest) -> HttpResponse:
    scope = permissions.scope_for(request.user)
    if not permissions.can_export_participants(request.user):
        raise PermissionDenied
    form, filters = _filters(request, scope)
    if filters is None:
        return _invalid(form)
    services.log_export(
        user=request.user,
        scope=scope,
        kind=ExportKind.PARTICIPANTS,
        table="",
        file_format="csv",
        filters=filters.as_dict(),
    )
    enrolments = selectors.enrolments_in_scope(scope=scope, filters=filters)
    response = StreamingHttpResponse(
        exports.csv_lines(exports.participant_rows(enrolments)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("participants", "csv")}"'
    return response


def _summary_lines(form: ReportFilterForm, scope: permissions.Scope, board: selectors.Dashboard) -> list[str]:
    data = form.cleaned_data
    names = dict(Country.choices)
    countries = [data["country"]] if data.get("country") else scope.countries
    lines = [_("Countries: %(countries)s") % {"countries": ", ".join(str(names[c]) for c in countries)}]
    start, end = data.get("date_from"), data.get("date_to")
    if start or end:
        lines.append(
            _("Enrolments from %(start)s to %(end)s")
            % {
                "start": start.strftime("%Y-%m") if start else "…",
                "end": end.strftime("%Y-%m") if end else "…",
            }
        )
    for name, label in (
        ("course", _("Course")),
        ("partner", _("Organisation or partner")),
        ("cohort", _("Cohort")),
    ):
        if data.get(name):
            lines.append(f"{label}: {data[name]}")
    if board.built_at:
        when = formats.date_format(timezone.localtime(board.built_at), "DATETIME_FORMAT")
        lines.append(_("Figures as of %(when)s") % {"when": when})
    return lines


@require_GET
@never_cache
def summary_pdf(request: HttpRequest) -> HttpResponse:
    """The one-page donor summary of what the dashboard shows for these filters (usually one programme)."""
    scope = permissions.scope_for(request.user)
    form, filters = _filters(request, scope)
    if filters is None:
        return _invalid(form)
    board = selectors.dashboard(scope=scope, filters=filters)
    programme = form.cleaned_data.get("programme")
    title = (
        _("Programme summary: %(programme)s") % {"programme": programme.name}
        if programme
        else _("Summary of all programmes")
    )
    limit = selectors.suppression.min_cell()
    footer = _(
        "To protect privacy, a figure counting fewer than %(n)s people is shown as “<%(n)s”, and a dash "
        "hides a figure from which such a count could be worked out."
    ) % {"n": limit}
    pdf = summary_pdf_module.render_summary(
        board, title=title, lines=_summary_lines(form, scope, board), footer=footer
    )
    services.log_export(
        user=request.user,
        scope=scope,
        kind=ExportKind.SUMMARY,
        table="",
        file_format="pdf",
        filters=filters.as_dict(),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"summary-{programme.slug}" if programme else "summary"
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, "pdf")}"'
    return response
