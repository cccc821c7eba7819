import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse

from community.models import ModerationAction, ModerationKind, Post, Report, ReportStatus
from community.services import discussions as services
from tests.community.factories import PostFactory, ThreadFactory
from tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db

NOT_MODERATORS = ["member", "outsider", "withdrawn", "other_trainer", "coordinator"]


@pytest.fixture
def thread(course, member):
    return ThreadFactory(course=course, author=member)


@pytest.fixture
def reply(thread, member):
    return PostFactory(thread=thread, author=TraineeFactory())


@pytest.fixture
def report(reply, member):
    return services.report_post(post=reply, reporter=member, reason="spam", note="advert")


def moderation_requests(course, thread, reply, report):
    return [
        ("get", reverse("community:moderation", kwargs={"slug": course.slug}), {}),
        ("post", reverse("community:moderate_thread", kwargs={"pk": thread.pk}), {"kind": "pin"}),
        ("post", reverse("community:moderate_thread", kwargs={"pk": thread.pk}), {"kind": "hide_thread"}),
        ("post", reverse("community:moderate_post", kwargs={"pk": reply.pk}), {"kind": "hide_post"}),
        ("post", reverse("community:moderate_post", kwargs={"pk": reply.pk}), {"kind": "accept"}),
        ("post", reverse("community:resolve_report", kwargs={"pk": report.pk}), {"outcome": "hide"}),
    ]


@pytest.mark.parametrize("role", NOT_MODERATORS)
def test_only_the_course_trainers_moderate(client, roles, course, thread, reply, report, role):
    client.force_login(roles[role])
    for method, url, data in moderation_requests(course, thread, reply, report):
        assert getattr(client, method)(url, data).status_code == 403, (role, url)
    thread.refresh_from_db()
    reply.refresh_from_db()
    assert not (thread.is_pinned)
    assert not (thread.is_hidden)
    assert not (reply.is_hidden)
    assert not (reply.is_accepted)
    assert Report.objects.get().status == ReportStatus.OPEN
    assert not ModerationAction.objects.exists()


def test_services_refuse_another_trainers_course(roles, thread, reply):
    with pytest.raises(PermissionDenied):
        services.moderate_thread(thread=thread, actor=roles["other_trainer"], kind=ModerationKind.LOCK)
    with pytest.raises(PermissionDenied):
        services.set_post_hidden(post=reply, actor=roles["other_trainer"], hidden=True)
    with pytest.raises(PermissionDenied):
        services.accept_answer(post=reply, actor=roles["member"])


@pytest.mark.parametrize("role", ["trainer", "admin"])
def test_moderators_pin_lock_hide_and_unhide_with_an_audit_trail(client, roles, course, thread, role):
    actor = roles[role]
    client.force_login(actor)
    url = reverse("community:moderate_thread", kwargs={"pk": thread.pk})
    steps = ["pin", "lock", "hide_thread", "unhide_thread", "unlock", "unpin"]
    for kind in steps:
        assert client.post(url, {"kind": kind, "reason": f"because {kind}"}).status_code == 302
    client.post(url, {"kind": "unpin"})  # already unpinned: no change, no audit row
    thread.refresh_from_db()
    assert not (thread.is_pinned)
    assert not (thread.is_locked)
    assert not (thread.is_hidden)
    trail = list(ModerationAction.objects.order_by("pk").values_list("kind", "actor", "reason", "course"))
    assert trail == [(kind, actor.pk, f"because {kind}", course.pk) for kind in steps]
    log = client.get(reverse("community:moderation", kwargs={"slug": course.slug}))
    assert log.status_code == 200
    assert "because hide_thread" in log.content.decode()


def test_pinned_threads_come_first(client, course, member, trainer):
    old = ThreadFactory(course=course, title="Old but important")
    ThreadFactory(course=course, title="Newest")
    services.moderate_thread(thread=old, actor=trainer, kind=ModerationKind.PIN)
    client.force_login(member)
    page = client.get(reverse("community:course", kwargs={"slug": course.slug}))
    assert next(t.title for t in page.context["page"]) == "Old but important"


def test_hiding_a_reported_post_closes_its_reports_and_is_logged(client, course, trainer, reply, report):
    second = services.report_post(post=reply, reporter=trainer, reason="abuse")
    client.force_login(trainer)
    queue = client.get(reverse("community:moderation", kwargs={"slug": course.slug}))
    assert list(queue.context["reports"]) == [report, second]
    response = client.post(
        reverse("community:resolve_report", kwargs={"pk": report.pk}), {"outcome": "hide", "reason": "advert"}
    )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.is_hidden
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.HIDDEN}
    action = ModerationAction.objects.get()
    assert (action.kind, action.post, action.report, action.reason) == ("hide_post", reply, report, "advert")
    assert (
        list(client.get(reverse("community:moderation", kwargs={"slug": course.slug})).context["reports"])
        == []
    )


def test_dismissing_a_report_keeps_the_post(client, course, trainer, reply, report):
    client.force_login(trainer)
    client.post(reverse("community:resolve_report", kwargs={"pk": report.pk}), {"outcome": "dismiss"})
    client.post(reverse("community:resolve_report", kwargs={"pk": report.pk}), {"outcome": "dismiss"})
    report.refresh_from_db()
    reply.refresh_from_db()
    assert report.status == ReportStatus.DISMISSED
    assert report.resolved_by == trainer
    assert not reply.is_hidden
    assert list(ModerationAction.objects.values_list("kind", flat=True)) == ["dismiss_report"]


def test_accepted_answer_is_one_per_thread(client, course, thread, trainer):
    first = PostFactory(thread=thread)
    second = PostFactory(thread=thread)
    client.force_login(trainer)
    url = lambda post: reverse("community:moderate_post", kwargs={"pk": post.pk})  # noqa: E731
    client.post(url(first), {"kind": "accept"})
    client.post(url(second), {"kind": "accept"})
    assert list(Post.objects.filter(is_accepted=True)) == [second]
    page = client.get(thread.get_absolute_url())
    assert "Accepted answer" in page.content.decode()
    opening = thread.posts.get(is_opening=True)
    client.post(url(opening), {"kind": "accept"})
    assert not Post.objects.get(pk=opening.pk).is_accepted
    client.post(url(second), {"kind": "unaccept"})
    assert not Post.objects.filter(is_accepted=True).exists()
    kinds = list(ModerationAction.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["accept", "accept", "unaccept"]


def test_database_refuses_two_accepted_answers(thread):
    PostFactory(thread=thread, is_accepted=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        PostFactory(thread=thread, is_accepted=True)


def test_moderation_log_rows_cannot_be_changed_in_the_admin(admin_client, thread, trainer):
    action = services.moderate_thread(thread=thread, actor=trainer, kind=ModerationKind.LOCK, reason="heated")
    change = reverse("admin:community_moderationaction_change", args=[action.pk])
    assert admin_client.post(change, {"reason": "nothing happened"}).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:community_moderationaction_delete", args=[action.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    action.refresh_from_db()
    assert action.reason == "heated"
