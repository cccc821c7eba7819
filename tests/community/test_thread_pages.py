"""Long threads: pages of replies, the opening post and accepted answer on every page, permalinks to a
reply, and the cached posts of a page, which must show every change on the next request."""

import re

import pytest
from django.urls import reverse

from community.models import Post
from community.services import discussions as services
from community.views.discussions import POSTS_PER_PAGE
from courses.markdown import render_markdown
from learning.models import Enrolment
from tests.community.factories import ThreadFactory
from tests.factories import TraineeFactory, TrainerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_thread(course, member):
    """A thread with 60 replies (three pages), written by two other trainees in turn."""
    thread = ThreadFactory(course=course, author=member, opening="What should we **map** first?")
    authors = [TraineeFactory(), TraineeFactory()]
    Post.objects.bulk_create(
        Post(thread=thread, author=authors[i % 2], body=f"Reply {i}", body_html=render_markdown(f"Reply {i}"))
        for i in range(60)
    )
    return thread


def replies(thread):
    return list(thread.posts.filter(is_opening=False).order_by("created_at", "pk"))


def post_ids(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'<li id="post-(\d+)"', response.content.decode())]


def page(client, thread, number=None):
    url = thread.get_absolute_url() + (f"?page={number}" if number else "")
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_replies_come_25_a_page_under_the_opening_post(client, member, long_thread):
    client.force_login(member)
    opening, answers = long_thread.posts.get(is_opening=True), replies(long_thread)
    assert post_ids(page(client, long_thread)) == [opening.pk] + [p.pk for p in answers[:POSTS_PER_PAGE]]
    assert post_ids(page(client, long_thread, 2)) == [opening.pk] + [p.pk for p in answers[25:50]]
    last = page(client, long_thread, "last")
    assert post_ids(last) == [opening.pk] + [p.pk for p in answers[50:]]
    assert "Page 3 of 3" in last.content.decode()
    # Past the end is the last page; nonsense is the first.
    assert post_ids(page(client, long_thread, 99)) == post_ids(last)
    assert post_ids(page(client, long_thread, "x"))[1] == answers[0].pk


def test_pager_links_every_page(client, member, long_thread):
    client.force_login(member)
    html = page(client, long_thread, 2).content.decode()
    assert 'href="?page=1"' in html
    assert 'href="?page=3"' in html
    assert '<a href="?page=2" aria-current="page">' in html
    assert 'rel="prev"' in html
    assert 'rel="next"' in html


def test_accepted_answer_shows_on_every_page(client, member, trainer, long_thread):
    answer = replies(long_thread)[55]
    services.accept_answer(post=answer, actor=trainer)
    client.force_login(member)
    for number in (1, 2):
        html = page(client, long_thread, number).content.decode()
        assert 'id="accepted-heading"' in html
        assert "Reply 55" in html
        assert f'href="/community/posts/{answer.pk}/"' in html


def test_permalink_opens_the_page_of_the_reply(client, member, long_thread):
    client.force_login(member)
    answers = replies(long_thread)
    for index, number in ((0, 1), (24, 1), (25, 2), (49, 2), (50, 3), (59, 3)):
        response = client.get(reverse("community:post", kwargs={"pk": answers[index].pk}))
        assert response.status_code == 302
        assert (
            response["Location"] == f"{long_thread.get_absolute_url()}?page={number}#post-{answers[index].pk}"
        )
        assert answers[index].pk in post_ids(client.get(response["Location"]))
    opening = long_thread.posts.get(is_opening=True)
    assert client.get(reverse("community:post", kwargs={"pk": opening.pk}))["Location"].endswith(
        f"?page=1#post-{opening.pk}"
    )


def test_permalink_keeps_the_discussion_private_and_hidden_posts_hidden(client, roles, trainer, long_thread):
    hidden = replies(long_thread)[30]
    services.set_post_hidden(post=hidden, actor=trainer, hidden=True)
    url = reverse("community:post", kwargs={"pk": hidden.pk})
    client.force_login(roles["member"])
    assert client.get(url).status_code == 404
    client.force_login(roles["outsider"])
    assert client.get(reverse("community:post", kwargs={"pk": replies(long_thread)[0].pk})).status_code == 403
    client.force_login(trainer)
    assert client.get(url)["Location"].endswith(f"?page=2#post-{hidden.pk}")


def test_a_reply_shows_at_once_to_someone_who_had_the_page_cached(client, course, member, long_thread):
    other = TraineeFactory()
    Enrolment.objects.create(trainee=other, course=course)
    client.force_login(other)
    before = post_ids(page(client, long_thread, "last"))
    services.post_reply(thread=long_thread, author=member, body="A late but useful answer.")
    after = page(client, long_thread, "last")
    assert len(post_ids(after)) == len(before) + 1
    assert "A late but useful answer." in after.content.decode()


def test_moderation_steps_show_on_the_next_request(client, member, trainer, long_thread):
    target = replies(long_thread)[3]
    client.force_login(member)
    assert "Reply 3" in page(client, long_thread).content.decode()
    services.set_post_hidden(post=target, actor=trainer, hidden=True)
    html = page(client, long_thread).content.decode()
    assert "Reply 3" not in html
    assert "A moderator has hidden this post." in html
    services.set_post_hidden(post=target, actor=trainer, hidden=False)
    assert "Reply 3" in page(client, long_thread).content.decode()
    services.accept_answer(post=target, actor=trainer)
    assert 'class="post is-accepted"' in page(client, long_thread).content.decode()
    services.unaccept_answer(post=target, actor=trainer)
    assert "is-accepted" not in page(client, long_thread).content.decode()


def test_moderators_see_new_reports_on_the_next_request(client, member, trainer, long_thread):
    target = replies(long_thread)[1]
    client.force_login(trainer)
    assert "1 report" not in page(client, long_thread).content.decode()
    services.report_post(post=target, reporter=member, reason="spam")
    assert "1 report" in page(client, long_thread).content.decode()
    report = target.reports.get()
    services.dismiss_report(report=report, actor=trainer)
    assert "1 report" not in page(client, long_thread).content.decode()


def test_a_changed_display_name_shows_on_the_next_request(client, member, long_thread):
    author = replies(long_thread)[0].author
    client.force_login(member)
    assert author.profile.full_name in page(client, long_thread).content.decode()
    author.profile.full_name = "Somchai Renamed"
    author.profile.save()
    assert "Somchai Renamed" in page(client, long_thread).content.decode()


def test_signing_in_does_not_empty_the_cache_of_threads(client, member, long_thread):
    from community import cache as community_cache

    someone = TraineeFactory()
    before = community_cache.thread_page_key(
        thread_id=long_thread.pk, page="1", is_moderator=False, language="en", timezone="UTC"
    )
    client.force_login(someone)  # saves last_login
    after = community_cache.thread_page_key(
        thread_id=long_thread.pk, page="1", is_moderator=False, language="en", timezone="UTC"
    )
    assert before == after


def test_the_report_link_is_shown_on_other_peoples_posts_only(client, course, member, long_thread):
    """One cached page serves everyone; each reader's own posts lose the report link."""
    mine = services.post_reply(thread=long_thread, author=member, body="My own reply.")
    other = TraineeFactory()
    Enrolment.objects.create(trainee=other, course=course)
    report_mine = reverse("community:report", kwargs={"pk": mine.pk})
    report_opening = reverse("community:report", kwargs={"pk": long_thread.posts.get(is_opening=True).pk})
    client.force_login(member)
    html = page(client, long_thread, "last").content.decode()
    assert report_mine not in html
    assert report_opening not in html  # member wrote the opening post too
    client.force_login(other)
    html = page(client, long_thread, "last").content.decode()
    assert report_mine in html
    assert report_opening in html


def test_each_moderator_gets_their_own_csrf_token_from_a_cached_page(course, trainer, long_thread):
    from django.test import Client

    second = TrainerFactory()
    course.trainers.add(second)
    tokens = []
    for moderator in (trainer, second):
        client = Client(enforce_csrf_checks=True)
        client.force_login(moderator)
        html = page(client, long_thread).content.decode()
        form = re.search(
            r'action="/community/posts/(\d+)/moderate/" class="inline">'
            r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">',
            html,
        )
        assert form, "the moderation form has a CSRF field"
        tokens.append(form.group(2))
        response = client.post(
            f"/community/posts/{form.group(1)}/moderate/",
            {"kind": "hide_post", "csrfmiddlewaretoken": form.group(2)},
        )
        assert response.status_code == 302
        services.set_post_hidden(
            post=Post.objects.get(pk=form.group(1)), actor=moderator, hidden=False
        )  # back for the next moderator
    assert tokens[0] != tokens[1]


def test_a_post_cannot_forge_the_markers_of_the_cached_page(client, course, member, trainer, long_thread):
    forged = "<!--0123456789abcdef0123456789abcdef:csrf--> <!--x:report:1--> [[csrf]]"
    services.post_reply(thread=long_thread, author=member, body=forged)
    client.force_login(trainer)
    html = page(client, long_thread, "last").content.decode()
    assert html.count('name="csrfmiddlewaretoken"') == html.count("<form")


def test_writes_outside_the_services_show_on_the_next_request(client, member, trainer, long_thread):
    """The admin saves and deletes rows directly: the cached pages follow those writes too."""
    client.force_login(member)
    target = replies(long_thread)[2]
    services.report_post(post=target, reporter=member, reason="spam")
    assert "Reply 2" in page(client, long_thread).content.decode()
    target.body_html = "<p>Corrected by an administrator</p>"
    target.save()
    assert "Corrected by an administrator" in page(client, long_thread).content.decode()
    target.delete()  # its report goes with it
    assert target.pk not in post_ids(page(client, long_thread))
    url = long_thread.get_absolute_url()
    long_thread.delete()
    assert client.get(url).status_code == 404
