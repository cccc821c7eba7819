"""Cohorts and face-to-face delivery (issue 8): groups on a course, their participants, sessions and
attendance. Models live in learning/models.py (Django wants them there); everything else is in this package.
See docs/cohorts.md."""
