from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from courses import selectors
from courses.forms import CatalogueFilterForm

PAGE_SIZE = 12


@login_not_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(selectors.catalogue_courses(filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    template = "courses/catalogue.html#results" if request.htmx else "courses/catalogue.html"
    return render(request, template, {"form": form, "page": page, "query": query.urlencode()})
