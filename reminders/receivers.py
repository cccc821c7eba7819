"""News from other apps that becomes a notification, connected in RemindersConfig.ready.

- community.signals.reply_posted: tell the thread's followers (community.selectors.followers_to_notify).
- certificates: a certificate-ready signal, if the certificates app provides one (it is built in parallel;
  receivers connect only to signals that exist, so neither app breaks the other). Any app can also call
  reminders.services.notify(...) directly.
- quizzes: a quiz_failed signal, if quizzes ever sends one; the dispatcher already finds failed attempts, and
  both paths write the same sent-log key, so a trainee never gets the reminder twice.
"""

import importlib
import logging

from django.dispatch import Signal
from django.utils.text import Truncator

from reminders import services
from reminders.models import Kind

logger = logging.getLogger(__name__)

CERTIFICATE_SIGNALS = ("certificate_issued", "certificate_ready")


def notify_reply(sender, *, post, thread, **kwargs) -> None:
    from community import selectors as community_selectors

    followers = list(community_selectors.followers_to_notify(post=post))
    if not followers:
        return
    author = post.author
    context = {
        "thread_title": thread.title,
        "author_name": author.display_name if author else "",
        "excerpt": Truncator(post.body).chars(240),
        "url": f"{thread.get_absolute_url()}?page=last",
    }
    services.notify_many(
        recipients=followers, kind=Kind.DISCUSSION_REPLY, subject_object=post, context=context
    )


def notify_certificate(sender, **kwargs) -> bool:
    """Tell the holder through reminders; True tells certificates not to email on its own."""
    certificate = kwargs.get("certificate") or kwargs.get("instance")
    if certificate is None:
        return False
    recipient = getattr(certificate, "trainee", None) or getattr(
        getattr(certificate, "enrolment", None), "trainee", None
    )
    if recipient is None:
        logger.warning("reminders: certificate %s has no trainee to tell", getattr(certificate, "pk", None))
        return False
    course = getattr(certificate, "course", None) or getattr(
        getattr(certificate, "enrolment", None), "course", None
    )
    context = {"course_title": getattr(course, "title", "")}
    if hasattr(certificate, "get_absolute_url"):
        context["url"] = certificate.get_absolute_url()
    services.notify(
        recipient=recipient, kind=Kind.CERTIFICATE_READY, subject_object=certificate, context=context
    )
    return True


def notify_quiz_failed(sender, *, attempt, **kwargs) -> None:
    services.notify(recipient=attempt.trainee, kind=Kind.QUIZ_FAILED, subject_object=attempt)


def _signal(module_name: str, name: str) -> Signal | None:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    signal = getattr(module, name, None)
    return signal if isinstance(signal, Signal) else None


def connect() -> None:
    reply_posted = _signal("community.signals", "reply_posted")
    if reply_posted is not None:
        reply_posted.connect(notify_reply, dispatch_uid="reminders.reply_posted")
    for name in CERTIFICATE_SIGNALS:
        signal = _signal("certificates.signals", name)
        if signal is not None:
            signal.connect(notify_certificate, dispatch_uid=f"reminders.{name}")
    quiz_failed = _signal("quizzes.signals", "quiz_failed")
    if quiz_failed is not None:
        quiz_failed.connect(notify_quiz_failed, dispatch_uid="reminders.quiz_failed")
