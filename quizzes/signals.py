"""News that quizzes sends upward (receivers are listed in docs/architecture.md).

quiz_passed(sender=Attempt, attempt=...): sent inside the transaction that grades a passing attempt, so a
receiver sees the graded attempt; receivers that enqueue work must use transaction.on_commit. Learning
receives it to re-check course completion.
"""

from django.dispatch import Signal

quiz_passed = Signal()
