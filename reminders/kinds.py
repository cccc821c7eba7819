"""What each kind of reminder needs: its defaults and who may change them.

Defaults apply unless a ReminderRule for the course (set by its trainers) or its programme (set by a
coordinator) says otherwise; the course rule wins over the programme rule.
"""

from dataclasses import dataclass, replace
from datetime import timedelta

from reminders.models import Kind

# Kinds whose defaults a course or programme may change (the others are a person's own business).
CONFIGURABLE = [Kind.WELCOME, Kind.INACTIVITY, Kind.DEADLINE, Kind.QUIZ_FAILED, Kind.CERTIFICATE_READY]
# Kinds a person may switch off for themselves on the settings page or with an unsubscribe link.
PERSONAL = [
    Kind.WELCOME,
    Kind.INACTIVITY,
    Kind.DEADLINE,
    Kind.QUIZ_FAILED,
    Kind.CERTIFICATE_READY,
    Kind.DISCUSSION_REPLY,
    Kind.TRAINER_DIGEST,
]
# Digests are emails about other notifications; they never appear in the notification list themselves.
DIGESTS = {Kind.DAILY_DIGEST}

MAX_NUDGES = 3
WELCOME_WITHIN = timedelta(days=3)  # enrolments older than this never get a late welcome
QUIZ_FAILED_AFTER = timedelta(hours=1)  # give the trainee time to try again on the spot
QUIZ_FAILED_WITHIN = timedelta(days=3)
TRAINER_DIGEST_WEEKDAY = 0  # Monday, in the trainer's time zone


@dataclass(frozen=True)
class Rule:
    is_enabled: bool = True
    delay_days: int = 7
    max_count: int = MAX_NUDGES
    days_before: tuple[int, ...] = (7, 1)

    def nudge_offsets(self) -> list[timedelta]:
        """Inactivity nudges after N, 3N and 7N quiet days: each gap twice the one before."""
        return [timedelta(days=self.delay_days * (2**k - 1)) for k in range(1, self.max_count + 1)]


DEFAULT = Rule()


def merged(rule: Rule, row) -> Rule:
    """`rule` with the values a ReminderRule row sets (empty fields inherit)."""
    changes: dict = {"is_enabled": row.is_enabled}
    if row.delay_days:
        changes["delay_days"] = row.delay_days
    if row.max_count:
        changes["max_count"] = min(row.max_count, MAX_NUDGES)
    if row.days_before:
        changes["days_before"] = tuple(sorted({int(d) for d in row.days_before}, reverse=True))
    return replace(rule, **changes)


class RuleBook:
    """Every rule, read in one query per dispatcher run (the table holds a few rows per course)."""

    def __init__(self, rows) -> None:
        self._course: dict[tuple[int, str], object] = {}
        self._programme: dict[tuple[int, str], object] = {}
        for row in rows:
            if row.course_id:
                self._course[(row.course_id, row.kind)] = row
            else:
                self._programme[(row.programme_id, row.kind)] = row

    @classmethod
    def load(cls) -> "RuleBook":
        from reminders.models import ReminderRule

        return cls(ReminderRule.objects.all())

    def rule(self, *, kind: str, course_id: int | None, programme_id: int | None) -> Rule:
        rule = DEFAULT
        programme_row = self._programme.get((programme_id, kind))
        if programme_row is not None:
            rule = merged(rule, programme_row)
        course_row = self._course.get((course_id, kind))
        if course_row is not None:
            rule = merged(rule, course_row)
        return rule

    def all_rules(self, kind: str) -> list[Rule]:
        rows = [row for (_, k), row in [*self._course.items(), *self._programme.items()] if k == kind]
        return [DEFAULT, *(merged(DEFAULT, row) for row in rows)]
