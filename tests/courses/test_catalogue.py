import pytest
from django.urls import reverse

from courses import services
from courses.models import CourseStatus
from tests.factories import CourseFactory, ModuleFactory, ProgrammeFactory


@pytest.mark.django_db
def test_catalogue_lists_only_published_courses_and_filters(client):
    adaptation = ProgrammeFactory(theme="community_adaptation")
    cities = ProgrammeFactory(theme="low_carbon_cities")
    CourseFactory(title="Flood early warning", programme=adaptation)
    CourseFactory(title="Low-carbon city planning", programme=cities, language="th")
    CourseFactory(title="Secret draft", status=CourseStatus.DRAFT)
    url = reverse("courses:catalogue")

    page = client.get(url).content.decode()
    assert "Flood early warning" in page
    assert "Low-carbon city planning" in page
    assert "Secret draft" not in page
    page = client.get(url, {"theme": "low_carbon_cities"}).content.decode()
    assert "Low-carbon city planning" in page
    assert "Flood early warning" not in page
    page = client.get(url, {"q": "flood"}).content.decode()
    assert "Flood early warning" in page
    assert "Low-carbon city planning" not in page
    page = client.get(url, {"language": "th"}).content.decode()
    assert "Low-carbon city planning" in page
    assert "Flood early warning" not in page
    page = client.get(url, {"programme": adaptation.pk}).content.decode()
    assert "Flood early warning" in page
    assert "Low-carbon city planning" not in page


@pytest.mark.django_db
def test_catalogue_paginates_and_survives_bad_page_and_filter_values(client):
    CourseFactory.create_batch(14)
    url = reverse("courses:catalogue")
    assert "Page 1 of 2" in client.get(url).content.decode()
    assert "Page 2 of 2" in client.get(url, {"page": "2"}).content.decode()
    assert client.get(url, {"page": "abc"}).status_code == 200
    assert client.get(url, {"programme": "not-a-number", "theme": "<script>"}).status_code == 200


@pytest.mark.django_db
def test_cached_catalogue_shows_changes_at_once(client):
    course = CourseFactory(title="Flood early warning")
    url = reverse("courses:catalogue")
    assert "Flood early warning" in client.get(url).content.decode()
    course.title = "Drought early warning"
    course.save()
    assert "Drought early warning" in client.get(url).content.decode()
    services.add_lesson(module=ModuleFactory(course=course), title="New lesson")
    assert "1 lesson" in client.get(url).content.decode()
    course.status = CourseStatus.DRAFT
    course.save()
    assert "Drought early warning" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_catalogue_htmx_request_gets_only_the_results(client):
    CourseFactory(title="Flood early warning")
    response = client.get(reverse("courses:catalogue"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "Flood early warning" in body
    assert "<html" not in body
