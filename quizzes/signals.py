"""News that quizzes sends upward (receivers are listed in docs/architecture.md).

quiz_passed(sender=Attempt, attempt=..., counts_for_completion=...): sent inside the transaction that
grades a passing attempt, so a receiver sees the graded attempt; receivers that enqueue work must use
transaction.on_commit. ``counts_for_completion`` is True when this is the trainee's first pass of a
published, required quiz: the only pass that can change whether the course's required quizzes are passed.
Learning receives it to re-check course completion (only when ``counts_for_completion``).
"""

from django.dispatch import Signal

quiz_passed = Signal()
