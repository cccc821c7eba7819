"""News that certificates sends upward.

certificate_issued(sender=Certificate, certificate=...): sent once per certificate, from the notification
task, after the PDF exists. A receiver that tells the holder itself (reminders: in-app notification and an
email that respects the holder's preferences and local daytime) returns True; if no receiver does,
certificates emails the holder directly, so nobody misses their certificate.
"""

from django.dispatch import Signal

certificate_issued = Signal()
