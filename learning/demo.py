"""Demo data of the learning app for `manage.py seed_demo`: face-to-face cohorts (learning/cohorts/demo.py).
The foundation's own demo data (courses, people, enrolments) is created by the seed_demo command itself."""

from learning.cohorts.demo import seed_cohorts as seed  # noqa: F401 - the hook seed_demo calls
