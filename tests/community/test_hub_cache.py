"""The Knowledge Hub list is cached per query; every change to what it shows appears on the next request.
On PostgreSQL the stored search document follows every change of a case."""

import pytest
from django.db import connection
from django.urls import reverse

from community import selectors
from community.models import CaseStatus, CaseStudy, CaseTheme
from community.services import cases as services
from courses.models import Theme
from tests.community.factories import CaseStudyFactory
from tests.community.test_cases import service_data
from tests.community.test_search import titles
from tests.factories import CoordinatorFactory, PartnerOrganisationFactory

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")


@pytest.fixture
def coordinator():
    return CoordinatorFactory()


def hub(client, **params) -> str:
    response = client.get(reverse("community:cases"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_publishing_shows_the_case_in_a_cached_list(client, coordinator, member):
    CaseStudyFactory(title="Already public mangroves")
    assert titles(client, q="mangroves") == {"Already public mangroves"}
    case = services.submit_case(
        author=member, data=service_data(title="Fresh mangroves"), themes=[Theme.COMMUNITY_ADAPTATION]
    )
    assert titles(client, q="mangroves") == {"Already public mangroves"}  # under review: not public
    services.publish_case(case=case, reviewer=coordinator)
    assert titles(client, q="mangroves") == {"Already public mangroves", "Fresh mangroves"}
    services.return_case(case=case, reviewer=coordinator, reason="Add the results, please.")
    assert titles(client, q="mangroves") == {"Already public mangroves"}


def test_a_coordinators_edit_shows_in_a_cached_list(client, coordinator):
    case = CaseStudyFactory(title="Floating gardens, first draft title")
    assert "first draft title" in hub(client)
    services.update_case(
        case=case,
        editor=coordinator,
        data=service_data(title="Floating gardens of Tonle Sap", year=2019),
        themes=[Theme.COMMUNITY_ADAPTATION],
    )
    html = hub(client)
    assert "first draft title" not in html
    assert "Floating gardens of Tonle Sap" in html
    assert '<option value="2019">' in html  # the year filter follows too


def test_admin_style_writes_and_partner_renames_show_in_a_cached_list(client):
    partner = PartnerOrganisationFactory(name="Mekong River Partners")
    case = CaseStudyFactory(partner=partner)
    assert "Mekong River Partners" in hub(client)
    partner.name = "Mekong Delta Alliance"
    partner.save()
    assert "Mekong Delta Alliance" in hub(client)
    CaseTheme.objects.create(case=case, theme=Theme.LOW_CARBON_CITIES)
    assert titles(client, theme=Theme.LOW_CARBON_CITIES) == {case.title}
    CaseStudy.objects.get(pk=case.pk).delete()
    assert titles(client) == set()


def test_htmx_results_and_full_page_share_the_cache_but_not_the_layout(client):
    CaseStudyFactory(title="Solar pumps for dry-season rice")
    full = hub(client, q="solar")
    partial = client.get(reverse("community:cases"), {"q": "solar"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" in full
    assert "<html" not in partial
    assert "Solar pumps for dry-season rice" in partial


@on_postgresql
def test_the_search_document_follows_edits(coordinator):
    case = CaseStudyFactory(title="Rainwater jars for schools", status=CaseStatus.PUBLISHED)
    assert [c.pk for c in selectors.published_cases(filters={"q": "rainwater"})] == [case.pk]
    services.update_case(
        case=case,
        editor=coordinator,
        data=service_data(title="Bamboo check dams", summary="Slowing run-off.", body="Gullies healed."),
        themes=[Theme.COMMUNITY_ADAPTATION],
    )
    assert list(selectors.published_cases(filters={"q": "rainwater"})) == []
    assert [c.pk for c in selectors.published_cases(filters={"q": "bamboo dams"})] == [case.pk]
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM community_casestudy WHERE id = %s", [case.pk])
        document = cursor.fetchone()[0]
    assert "'bamboo'" in document
    assert "rainwat" not in document


@on_postgresql
def test_bulk_created_cases_get_their_search_document(member):
    CaseStudy.objects.bulk_create(
        [
            CaseStudy(
                title=f"Heat refuge {n}",
                country="TH",
                year=2024,
                summary="Cool rooms for older residents.",
                body="Libraries opened longer.",
                body_html="<p>Libraries opened longer.</p>",
                search_text=f"Heat refuge {n}\nCool rooms for older residents.",
                status=CaseStatus.PUBLISHED,
                submitted_by=member,
                submitted_at="2024-05-01T00:00:00Z",
                published_at="2024-05-01T00:00:00Z",
            )
            for n in range(3)
        ]
    )
    assert len(list(selectors.published_cases(filters={"q": "refuges"}))) == 3
