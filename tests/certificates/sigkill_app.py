"""The project's Celery app with a short visibility timeout, for the SIGKILL test's worker subprocess.

With acks_late, a task whose worker was killed stays "unacknowledged" in Redis until the visibility
timeout passes; production waits 15 minutes, the test 4 seconds.
"""

from training.celery import app

app.conf.broker_transport_options = {
    **(app.conf.broker_transport_options or {}),
    "visibility_timeout": 4,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
