"""Writes for course discussions: posting, following, accepted answers, reports and moderation.

Every function re-checks the rule it enforces (the views check first, to answer 403/404), takes row locks
where two people could race (two moderators, a double-clicked button), and writes a ModerationAction in the
same transaction as each moderation step, so the audit trail and the state can never disagree.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from community import cache, permissions, ratelimit, signals
from community.models import (
    ModerationAction,
    ModerationKind,
    Post,
    Report,
    ReportReason,
    ReportStatus,
    Thread,
    ThreadFollow,
)
from courses.markdown import render_markdown
from courses.models import Course, Lesson
from learning import selectors as learning_selectors

logger = logging.getLogger(__name__)


class DiscussionError(Exception):
    """A rule stopped the action; the message is for the user."""


class RateLimited(DiscussionError):
    pass


def _require_participant(user: User, course: Course) -> None:
    enrolment = learning_selectors.enrolment_of(user=user, course=course)
    if not permissions.can_participate(user, course, enrolment):
        raise PermissionDenied


def _require_moderator(user: User, course: Course) -> None:
    if not permissions.can_moderate(user, course):
        raise PermissionDenied


def _check_rate(user: User, action: str = "post") -> None:
    if not ratelimit.allow(user_id=user.pk, action=action):
        raise RateLimited(
            _(
                "You are posting very quickly. Please wait a minute before posting again "
                "(limit: %(n)s a minute)."
            )
            % {"n": ratelimit.posts_per_minute()}
        )


def _clean_body(body: str) -> tuple[str, str]:
    text = (body or "").strip()
    if not text:
        raise DiscussionError(_("Write a message first."))
    html = render_markdown(text)
    if not html.strip():
        raise DiscussionError(
            _("Nothing is left of your message once unsafe HTML is removed. Write it as text or Markdown.")
        )
    return text, html


def start_thread(
    *, course: Course, author: User, title: str, body: str, lesson: Lesson | None = None
) -> Thread:
    _require_participant(author, course)
    title = " ".join((title or "").split())
    if not title:
        raise DiscussionError(_("Give the discussion a title."))
    if lesson is not None and lesson.module.course_id != course.pk:
        raise DiscussionError(_("That lesson is not part of this course."))
    text, html = _clean_body(body)
    _check_rate(author)
    now = timezone.now()
    with transaction.atomic():
        thread = Thread.objects.create(
            course=course, lesson=lesson, author=author, title=title[:200], last_activity_at=now
        )
        Post.objects.create(thread=thread, author=author, body=text, body_html=html, is_opening=True)
        ThreadFollow.objects.get_or_create(thread=thread, user=author)
    return thread


def post_reply(*, thread: Thread, author: User, body: str) -> Post:
    course = thread.course
    _require_participant(author, course)
    if not permissions.can_reply(author, thread, is_moderator=permissions.can_moderate(author, course)):
        raise DiscussionError(_("This discussion is closed to new replies."))
    text, html = _clean_body(body)
    _check_rate(author)
    with transaction.atomic():
        post = Post.objects.create(thread=thread, author=author, body=text, body_html=html)
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + 1, last_activity_at=post.created_at
        )
        ThreadFollow.objects.get_or_create(thread=thread, user=author)
        cache.bump_thread_version(thread.pk)
        # A lambda, not functools.partial: Django 5.2 logs a failed robust hook by its __qualname__.
        transaction.on_commit(lambda: _announce_reply(post=post, thread=thread), robust=True)
    return post


def _announce_reply(*, post: Post, thread: Thread) -> None:
    for receiver, result in signals.reply_posted.send_robust(sender=Post, post=post, thread=thread):
        if isinstance(result, Exception):
            logger.error("reply_posted receiver %r failed for post %s", receiver, post.pk, exc_info=result)


def follow_thread(*, thread: Thread, user: User) -> None:
    _require_participant(user, thread.course)
    ThreadFollow.objects.get_or_create(thread=thread, user=user)


def unfollow_thread(*, thread: Thread, user: User) -> None:
    ThreadFollow.objects.filter(thread=thread, user=user).delete()


def report_post(*, post: Post, reporter: User, reason: str, note: str = "") -> Report:
    """File a report into the course's moderation queue; a second report by the same person is a no-op."""
    _require_participant(reporter, post.thread.course)
    if reason not in ReportReason.values:
        raise DiscussionError(_("Choose a reason."))
    if post.author_id == reporter.pk:
        raise DiscussionError(_("You cannot report your own post."))
    _check_rate(reporter, action="report")
    report, created = Report.objects.get_or_create(
        post=post,
        reporter=reporter,
        status=ReportStatus.OPEN,
        defaults={"reason": reason, "note": (note or "").strip()[:500]},
    )
    if created:
        cache.bump_thread_version(post.thread_id)  # moderators see the count of open reports on each post
    return report


# --- Moderation (the course's trainers) ------------------------------------------------------------------
THREAD_STEPS = {
    ModerationKind.PIN: ("is_pinned", True),
    ModerationKind.UNPIN: ("is_pinned", False),
    ModerationKind.LOCK: ("is_locked", True),
    ModerationKind.UNLOCK: ("is_locked", False),
    ModerationKind.HIDE_THREAD: ("is_hidden", True),
    ModerationKind.UNHIDE_THREAD: ("is_hidden", False),
}


@transaction.atomic
def moderate_thread(*, thread: Thread, actor: User, kind: str, reason: str = "") -> ModerationAction | None:
    """Pin, unpin, lock, unlock, hide or unhide a thread. Returns None when the thread was already so."""
    _require_moderator(actor, thread.course)
    if kind not in THREAD_STEPS:
        raise DiscussionError(_("Unknown moderation action."))
    field, value = THREAD_STEPS[kind]
    # The row lock makes two moderators' clicks take turns, so the trail records only real changes.
    locked = Thread.objects.select_for_update().get(pk=thread.pk)
    if getattr(locked, field) == value:
        return None
    setattr(locked, field, value)
    locked.save(update_fields=[field])
    cache.bump_thread_version(locked.pk)
    setattr(thread, field, value)
    return ModerationAction.objects.create(
        course_id=locked.course_id, thread=locked, actor=actor, kind=kind, reason=(reason or "").strip()[:500]
    )


@transaction.atomic
def set_post_hidden(
    *, post: Post, actor: User, hidden: bool, reason: str = "", report: Report | None = None
) -> ModerationAction | None:
    """Hide or unhide one post. Hiding resolves every open report on it."""
    thread = post.thread
    _require_moderator(actor, thread.course)
    locked = Post.objects.select_for_update().get(pk=post.pk)
    now = timezone.now()
    cache.bump_thread_version(thread.pk)
    if hidden:
        Report.objects.filter(post=locked, status=ReportStatus.OPEN).update(
            status=ReportStatus.HIDDEN, resolved_by=actor, resolved_at=now
        )
    if locked.is_hidden == hidden:
        return None
    locked.is_hidden = hidden
    locked.save(update_fields=["is_hidden"])
    post.is_hidden = hidden
    return ModerationAction.objects.create(
        course_id=thread.course_id,
        thread=thread,
        post=locked,
        report=report,
        actor=actor,
        kind=ModerationKind.HIDE_POST if hidden else ModerationKind.UNHIDE_POST,
        reason=(reason or "").strip()[:500],
    )


@transaction.atomic
def dismiss_report(*, report: Report, actor: User, reason: str = "") -> ModerationAction | None:
    thread = report.post.thread
    _require_moderator(actor, thread.course)
    changed = Report.objects.filter(pk=report.pk, status=ReportStatus.OPEN).update(
        status=ReportStatus.DISMISSED, resolved_by=actor, resolved_at=timezone.now()
    )
    if not changed:
        return None
    cache.bump_thread_version(thread.pk)
    return ModerationAction.objects.create(
        course_id=thread.course_id,
        thread=thread,
        post=report.post,
        report=report,
        actor=actor,
        kind=ModerationKind.DISMISS_REPORT,
        reason=(reason or "").strip()[:500],
    )


@transaction.atomic
def accept_answer(*, post: Post, actor: User) -> ModerationAction | None:
    """Mark a reply as the thread's accepted answer (replacing any earlier one)."""
    thread = post.thread
    _require_moderator(actor, thread.course)
    if not permissions.can_accept_answer(actor, post, is_moderator=True):
        raise DiscussionError(_("The opening post cannot be the answer."))
    if post.is_hidden:
        raise DiscussionError(_("A hidden post cannot be the accepted answer."))
    Thread.objects.select_for_update().filter(pk=thread.pk).first()
    if Post.objects.filter(pk=post.pk, is_accepted=True).exists():
        return None
    Post.objects.filter(thread=thread, is_accepted=True).update(is_accepted=False)
    Post.objects.filter(pk=post.pk).update(is_accepted=True)
    post.is_accepted = True
    cache.bump_thread_version(thread.pk)
    return ModerationAction.objects.create(
        course_id=thread.course_id, thread=thread, post=post, actor=actor, kind=ModerationKind.ACCEPT
    )


@transaction.atomic
def unaccept_answer(*, post: Post, actor: User) -> ModerationAction | None:
    thread = post.thread
    _require_moderator(actor, thread.course)
    if not Post.objects.filter(pk=post.pk, is_accepted=True).update(is_accepted=False):
        return None
    post.is_accepted = False
    cache.bump_thread_version(thread.pk)
    return ModerationAction.objects.create(
        course_id=thread.course_id, thread=thread, post=post, actor=actor, kind=ModerationKind.UNACCEPT
    )
