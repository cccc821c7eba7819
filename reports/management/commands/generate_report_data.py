from django.core.management.base import BaseCommand

from reports import services, synthetic


class Command(BaseCommand):
    help = (
        "Add a large synthetic data set for the reports (COPY on PostgreSQL), then rebuild the report cube."
    )

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=200_000)
        parser.add_argument("--enrolments", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, users, enrolments, seed, **options):
        synthetic.generate(users=users, enrolments=enrolments, seed=seed, stdout=self.stdout)
        state = services.rebuild_cube()
        self.stdout.write(f"cube: {state.rows} rows in {state.duration_ms} ms")
