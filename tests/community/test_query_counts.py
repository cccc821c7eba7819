"""Community pages must not run more queries when there is more data (STYLE.md section 6)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community import cache as community_cache
from community.models import Post, Report
from courses.markdown import render_markdown
from tests.community.factories import CaseStudyFactory, ThreadFactory
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def add_replies(thread, n: int, authors) -> None:
    html = render_markdown("Thanks, **useful**.")
    Post.objects.bulk_create(
        Post(thread=thread, author=authors[i % len(authors)], body="Thanks, **useful**.", body_html=html)
        for i in range(n)
    )


@pytest.mark.parametrize("viewer", ["member", "trainer"])
def test_thread_page_runs_the_same_queries_for_10_and_500_replies(client, course, member, trainer, viewer):
    authors = [TraineeFactory() for _ in range(5)]
    small, big = ThreadFactory(course=course, author=member), ThreadFactory(course=course, author=member)
    add_replies(small, 10, authors)
    add_replies(big, 500, authors)
    for thread in (small, big):
        reply = thread.posts.filter(is_opening=False).first()
        reply.is_accepted = True
        reply.save()
        Report.objects.create(post=reply, reporter=member, reason="spam")
    client.force_login(member if viewer == "member" else trainer)
    client.get(reverse("community:index"))  # the layout's unread count is cached from the first page on
    counts = {
        "first": (queries_for(client, small.get_absolute_url()), queries_for(client, big.get_absolute_url())),
        "last": (
            queries_for(client, small.get_absolute_url() + "?page=last"),
            queries_for(client, big.get_absolute_url() + "?page=last"),
        ),
    }
    assert counts["first"][0] == counts["first"][1]
    assert counts["last"][0] == counts["last"][1]
    page = client.get(big.get_absolute_url() + "?page=3")
    assert len(page.context["page"].object_list) == 25


def test_thread_list_and_moderation_queue_do_not_grow(client, course, member, trainer):
    client.force_login(trainer)
    client.get(reverse("community:index"))  # the layout's unread count is cached from the first page on
    ThreadFactory.create_batch(2, course=course)
    url = reverse("community:course", kwargs={"slug": course.slug})
    queue = reverse("community:moderation", kwargs={"slug": course.slug})
    few = (queries_for(client, url), queries_for(client, queue))
    threads = ThreadFactory.create_batch(18, course=course)
    for thread in threads:
        Report.objects.create(post=thread.posts.get(), reporter=member, reason="off_topic")
    assert (queries_for(client, url), queries_for(client, queue)) == few


def test_case_list_and_detail_do_not_grow(client, course):
    from tests.factories import LessonFactory, ModuleFactory

    def uncached(url: str) -> int:
        community_cache.bump_hub_version()  # as any change to a case does: the list is rendered again
        return queries_for(client, url)

    urls = [reverse("community:cases"), reverse("community:cases") + "?q=floating&theme=community_adaptation"]
    first = CaseStudyFactory()
    few = [uncached(url) for url in urls] + [queries_for(client, first.get_absolute_url())]
    cases = CaseStudyFactory.create_batch(
        20, published_at=timezone.now(), themes=["community_adaptation", "women_children"]
    )
    module = ModuleFactory(course=course)
    cases[0].lessons.add(*(LessonFactory(module=module) for _ in range(3)))
    assert [uncached(url) for url in urls] + [queries_for(client, cases[0].get_absolute_url())] == few


def test_a_cached_case_list_runs_no_query(client):
    CaseStudyFactory.create_batch(3)
    url = reverse("community:cases") + "?q=floating"
    assert queries_for(client, url) > 0
    assert queries_for(client, url) == 0
