"""News that learning sends upward (receivers are listed in docs/architecture.md).

course_completed(sender=Enrolment, enrolment=...): sent inside the transaction that completes the enrolment;
receivers that enqueue work must use transaction.on_commit.
"""

from django.dispatch import Signal

course_completed = Signal()
