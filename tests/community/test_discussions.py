import pytest
from django.urls import reverse

from community import selectors, signals
from community.models import Post, Thread, ThreadFollow
from community.services import discussions as services
from courses.models import CourseStatus
from tests.community.factories import PostFactory, ThreadFactory
from tests.factories import LessonFactory, ModuleFactory

pytestmark = pytest.mark.django_db

PARTICIPANTS = ["member", "trainer", "admin"]
NOT_PARTICIPANTS = ["outsider", "withdrawn", "other_trainer", "coordinator"]


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def thread(course, member):
    return ThreadFactory(course=course, author=member)


def discussion_urls(course, thread):
    post = thread.posts.get()
    return [
        ("get", reverse("community:course", kwargs={"slug": course.slug}), {}),
        ("get", reverse("community:new_thread", kwargs={"slug": course.slug}), {}),
        ("post", reverse("community:new_thread", kwargs={"slug": course.slug}), {"title": "T", "body": "B"}),
        ("get", thread.get_absolute_url(), {}),
        ("post", reverse("community:reply", kwargs={"pk": thread.pk}), {"body": "Thanks!"}),
        ("post", reverse("community:follow", kwargs={"pk": thread.pk}), {"action": "follow"}),
        ("get", reverse("community:report", kwargs={"pk": post.pk}), {}),
    ]


@pytest.mark.parametrize("role", PARTICIPANTS)
def test_participants_reach_every_discussion_view(client, roles, course, thread, role):
    login(client, roles[role])
    for method, url, data in discussion_urls(course, thread):
        response = getattr(client, method)(url, data)
        assert response.status_code in (200, 302), (role, method, url, response.status_code)


@pytest.mark.parametrize("role", NOT_PARTICIPANTS)
def test_people_outside_the_course_get_403_everywhere(client, roles, course, thread, role):
    login(client, roles[role])
    for method, url, data in discussion_urls(course, thread):
        assert getattr(client, method)(url, data).status_code == 403, (role, method, url)
    assert Post.objects.count() == 1
    assert Thread.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, course, thread):
    for method, url, data in discussion_urls(course, thread):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_draft_course_discussions_are_404_for_outsiders(client, roles, course, thread):
    course.status = CourseStatus.DRAFT
    course.save()
    login(client, roles["outsider"])
    assert client.get(reverse("community:course", kwargs={"slug": course.slug})).status_code == 404
    assert client.get(thread.get_absolute_url()).status_code == 404


def test_index_lists_only_my_courses(client, roles, course):
    response = login(client, roles["member"]).get(reverse("community:index"))
    assert list(response.context["courses"]) == [course]
    response = login(client, roles["outsider"]).get(reverse("community:index"))
    assert list(response.context["courses"]) == []


def test_member_starts_a_thread_about_a_lesson_and_follows_it(client, course, member):
    lesson = LessonFactory(module=ModuleFactory(course=course))
    response = login(client, member).post(
        reverse("community:new_thread", kwargs={"slug": course.slug}),
        {"title": "  Mangroves   or dykes? ", "body": "Which protects **better**?", "lesson": lesson.pk},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert thread.title == "Mangroves or dykes?"
    assert thread.lesson == lesson
    opening = thread.posts.get()
    assert opening.is_opening
    assert "<strong>better</strong>" in opening.body_html
    assert ThreadFollow.objects.filter(thread=thread, user=member).exists()


def test_a_lesson_from_another_course_is_refused(course, member):
    other_lesson = LessonFactory()
    with pytest.raises(services.DiscussionError):
        services.start_thread(course=course, author=member, title="T", body="B", lesson=other_lesson)


def test_reply_updates_the_thread_and_announces_after_commit(
    client, course, member, trainer, thread, django_capture_on_commit_callbacks
):
    heard = []

    def receiver(sender, *, post, thread, **kwargs):
        heard.append((post.pk, sorted(selectors.followers_to_notify(post=post).values_list("pk", flat=True))))

    signals.reply_posted.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            response = login(client, trainer).post(
                reverse("community:reply", kwargs={"pk": thread.pk}),
                {"body": "Walk the village with elders."},
            )
        assert heard == []  # nothing is announced before the commit
        for callback in callbacks:
            callback()
    finally:
        signals.reply_posted.disconnect(receiver)
    reply = Post.objects.get(is_opening=False)
    assert response.status_code == 302
    assert response["Location"].endswith(f"?page=last#post-{reply.pk}")
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert thread.last_activity_at == reply.created_at
    # The thread's author follows it; the replier now follows too but is not told about their own reply.
    assert heard == [(reply.pk, [member.pk])]


def test_a_failing_receiver_does_not_break_posting(
    client, thread, trainer, django_capture_on_commit_callbacks
):
    def broken(**kwargs):
        raise RuntimeError("mail server down")

    signals.reply_posted.connect(broken)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = login(client, trainer).post(
                reverse("community:reply", kwargs={"pk": thread.pk}), {"body": "Still works."}
            )
    finally:
        signals.reply_posted.disconnect(broken)
    assert response.status_code == 302
    assert Post.objects.filter(body="Still works.").exists()


def test_unfollow_and_follow(client, thread, member):
    url = reverse("community:follow", kwargs={"pk": thread.pk})
    login(client, member).post(url, {"action": "unfollow"})
    assert not ThreadFollow.objects.filter(thread=thread, user=member).exists()
    client.post(url, {"action": "follow"})
    client.post(url, {"action": "follow"})
    assert ThreadFollow.objects.filter(thread=thread, user=member).count() == 1


def test_followers_of_a_hidden_post_are_not_notified(thread, member, trainer):
    reply = PostFactory(thread=thread, author=trainer, is_hidden=True)
    assert list(selectors.followers_to_notify(post=reply)) == []


def test_empty_message_is_refused_with_a_message(client, thread, member):
    response = login(client, member).post(
        reverse("community:reply", kwargs={"pk": thread.pk}), {"body": "   "}
    )
    assert response.status_code == 400
    assert Post.objects.count() == 1


def test_locked_thread_refuses_replies_except_from_moderators(client, thread, member, trainer):
    thread.is_locked = True
    thread.save()
    url = reverse("community:reply", kwargs={"pk": thread.pk})
    assert login(client, member).post(url, {"body": "Hello?"}).status_code == 403
    page = client.get(thread.get_absolute_url())
    assert "locked" in page.content.decode()
    assert login(client, trainer).post(url, {"body": "Closing note."}).status_code == 302
    assert Post.objects.filter(body="Closing note.").exists()


def test_hidden_thread_is_404_for_participants_and_visible_to_moderators(
    client, thread, member, trainer, roles
):
    thread.is_hidden = True
    thread.save()
    assert login(client, member).get(thread.get_absolute_url()).status_code == 404
    listing = client.get(reverse("community:course", kwargs={"slug": thread.course.slug}))
    assert thread.title not in listing.content.decode()
    assert login(client, trainer).get(thread.get_absolute_url()).status_code == 200


def test_hidden_post_shows_a_placeholder_to_participants(client, thread, member, trainer):
    PostFactory(thread=thread, author=trainer, body="Buy cheap watches at spam.example", is_hidden=True)
    page = login(client, member).get(thread.get_absolute_url()).content.decode()
    assert "spam.example" not in page
    assert "A moderator has hidden this post." in page
    assert "spam.example" in login(client, trainer).get(thread.get_absolute_url()).content.decode()


def test_posting_is_rate_limited_with_a_clear_message_and_429(client, settings, thread, member):
    settings.COMMUNITY_POSTS_PER_MINUTE = 3
    url = reverse("community:reply", kwargs={"pk": thread.pk})
    login(client, member)
    for n in range(3):
        assert client.post(url, {"body": f"Reply {n}"}).status_code == 302
    response = client.post(url, {"body": "One too many"})
    assert response.status_code == 429
    assert "Please wait a minute" in response.content.decode()
    assert not Post.objects.filter(body="One too many").exists()
    new = client.post(
        reverse("community:new_thread", kwargs={"slug": thread.course.slug}), {"title": "T", "body": "B"}
    )
    assert new.status_code == 429
    assert Thread.objects.count() == 1


def test_rate_limit_is_per_user(settings, thread, member, trainer):
    settings.COMMUNITY_POSTS_PER_MINUTE = 1
    services.post_reply(thread=thread, author=member, body="one")
    services.post_reply(thread=thread, author=trainer, body="two")
    with pytest.raises(services.RateLimited):
        services.post_reply(thread=thread, author=member, body="three")


def test_report_goes_to_the_queue_once(client, thread, member, trainer):
    reply = PostFactory(thread=thread, author=trainer)
    other = PostFactory(thread=thread).author
    from learning.models import Enrolment

    Enrolment.objects.create(trainee=other, course=thread.course)
    url = reverse("community:report", kwargs={"pk": reply.pk})
    login(client, member)
    assert client.post(url, {"reason": "spam", "note": "advert"}).status_code == 302
    assert client.post(url, {"reason": "abuse"}).status_code == 302
    assert reply.reports.count() == 1
    assert (
        client.post(
            reverse("community:report", kwargs={"pk": thread.posts.get(is_opening=True).pk}),
            {"reason": "spam"},
        ).status_code
        == 400
    )
