import html
import re

import pytest
from django.db import connection
from django.urls import reverse

from community import selectors
from community.models import CaseStatus
from courses.models import Theme
from tests.community.factories import CaseStudyFactory
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")


@pytest.fixture
def library():
    unicef = PartnerOrganisationFactory(name="UNICEF East Asia and Pacific", short_name="UNICEF EAP")
    return {
        "mangroves": CaseStudyFactory(
            title="Mangrove belts protect sea dykes in Cà Mau",
            country="VN",
            year=2021,
            summary="Communities replanted mangroves in front of eroding dykes.",
            body="Floods and storm surges were reduced behind the replanted belts.",
            themes=[Theme.COMMUNITY_ADAPTATION],
        ),
        "buses": CaseStudyFactory(
            title="Electric buses for Kunming's old town",
            country="CN",
            year=2023,
            summary="A municipal fleet switched to battery buses.",
            body="Emissions from public transport fell by a third.",
            themes=[Theme.LOW_CARBON_CITIES, Theme.SUSTAINABLE_INFRASTRUCTURE],
        ),
        "schools": CaseStudyFactory(
            title="Child-led flood drills in Lao schools",
            country="LA",
            year=2023,
            partner=unicef,
            summary="Pupils map safe routes and lead evacuation drills.",
            body="ນັກຮຽນ ນຳພາການຊ້ອມອົບພະຍົບ. Schools practised twice a year.",
            themes=[Theme.WOMEN_CHILDREN, Theme.COMMUNITY_ADAPTATION],
        ),
        "draft": CaseStudyFactory(
            title="Unreviewed flood mangrove idea",
            status=CaseStatus.SUBMITTED,
            themes=[Theme.COMMUNITY_ADAPTATION],
        ),
        "partner": unicef,
    }


def titles(client, **params):
    """Titles of the listed cases, read from the HTML (a cached page has no template context)."""
    response = client.get(reverse("community:cases"), params)
    assert response.status_code == 200
    return {
        html.unescape(title)
        for title in re.findall(r'<h2><a href="[^"]+" lang="\w+">([^<]*)</a>', response.content.decode())
    }


def test_filters_by_country_theme_partner_and_year(client, library):
    assert titles(client, country="CN") == {library["buses"].title}
    assert titles(client, theme="community_adaptation") == {
        library["mangroves"].title,
        library["schools"].title,
    }
    assert titles(client, partner=library["partner"].pk) == {library["schools"].title}
    assert titles(client, year=2023) == {library["buses"].title, library["schools"].title}
    assert titles(client, year=2023, theme="women_children") == {library["schools"].title}


def test_search_finds_published_cases_only(client, library):
    assert titles(client, q="mangroves") == {library["mangroves"].title}
    assert titles(client, q="buses") == {library["buses"].title}
    assert titles(client, q="flood") >= {library["schools"].title}
    assert library["draft"].title not in titles(client, q="flood")
    assert titles(client, q="nothing-like-this") == set()


def test_search_reads_partner_and_theme_names(client, library):
    assert titles(client, q="UNICEF") == {library["schools"].title}
    assert titles(client, q="low-carbon") >= {library["buses"].title}


def test_search_in_lao_script(client, library):
    assert titles(client, q="ຊ້ອມອົບພະຍົບ") == {library["schools"].title}


def test_search_with_filters_and_htmx_partial(client, library):
    response = client.get(reverse("community:cases"), {"q": "flood", "country": "LA"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert library["schools"].title in html


@on_postgresql
def test_postgresql_full_text_search_stems_and_ranks(library):
    found = list(selectors.published_cases(filters={"q": "flooding drills"}))
    assert found[0] == library["schools"]  # both words match only here
    stemmed = {case.pk for case in selectors.published_cases(filters={"q": "replanting"})}
    assert library["mangroves"].pk in stemmed  # "replanting" ~ "replanted"
    assert {c.pk for c in selectors.published_cases(filters={"q": "mangrove -dykes"})} == set()


@on_postgresql
def test_postgresql_search_uses_the_gin_index(library):
    from community.models import CaseStudy

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'casestudy_search_vector_idx'")
        assert "gin (search_vector)" in cursor.fetchone()[0]
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = (
                selectors.search_cases(cases=CaseStudy.objects.all(), query="mangroves")
                .values("pk")
                .explain()
            )
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert "casestudy_search_vector_idx" in plan
