"""Demo data for reports: compute the figures once, so the dashboard is not empty right after `make run`."""

from reports import services


def seed(*, stdout) -> None:
    services.rebuild_cube()
    stdout.write("Reports: figures computed.")
