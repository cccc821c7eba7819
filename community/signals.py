"""News the community app sends upward (docs/architecture.md lists the receivers).

reply_posted: someone replied in a discussion thread. Sent after the reply is committed, with keyword
arguments `post` (the new community.models.Post) and `thread`. Receivers find who to tell with
community.selectors.followers_to_notify(post=post): the thread's followers except the reply's author, and
nobody when the post or thread is hidden. The reminders app sends the notifications.
"""

from django.dispatch import Signal

reply_posted = Signal()
