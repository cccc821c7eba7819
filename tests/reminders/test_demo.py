import io

import pytest

from reminders import demo
from reminders.models import Notification, ReminderRule
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_skips_without_data():
    out = io.StringIO()
    demo.seed(stdout=out)
    assert "skipped" in out.getvalue()
    EnrolmentFactory.create_batch(3)
    demo.seed(stdout=out)
    count = Notification.objects.count()
    demo.seed(stdout=out)
    assert count > 0
    assert Notification.objects.count() == count
    assert ReminderRule.objects.count() == 1
