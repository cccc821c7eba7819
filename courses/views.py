from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from courses import selectors, translations
from courses.cache import FRAGMENT_TTL, fragment_key
from courses.forms import CatalogueFilterForm
from training import request_cache

PAGE_SIZE = 12


@login_not_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    # The filters and results do not depend on who is asking, so their HTML is cached per language and query.
    key = fragment_key(name="catalogue", language=get_language(), query=request.GET.urlencode())
    filters_html, results_html = request_cache.get_or_build(
        key, lambda: _render_catalogue_fragments(request), FRAGMENT_TTL
    )
    if request.htmx:
        return HttpResponse(results_html)
    return render(
        request, "courses/catalogue.html", {"filters_html": filters_html, "results_html": results_html}
    )


def _render_catalogue_fragments(request: HttpRequest) -> tuple[str, str]:
    form = CatalogueFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    language = get_language()
    courses = selectors.catalogue_courses(filters=filters, language=language)
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    for course in page:
        translations.localise(
            course, fields=translations.COURSE_FIELDS, original_language=course.language, language=language
        )
    query = request.GET.copy()
    query.pop("page", None)
    return (
        render_to_string("courses/_catalogue_filters.html", {"form": form}),
        render_to_string("courses/_catalogue_results.html", {"page": page, "query": query.urlencode()}),
    )
