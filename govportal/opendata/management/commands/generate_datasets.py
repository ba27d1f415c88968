"""Create synthetic datasets in bulk, for load tests and benchmarks."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from govportal.opendata.generate import generate_datasets


class Command(BaseCommand):
    help = "Create N datasets, each in every language (run load_demo first)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--datasets", type=int, required=True, help="how many datasets"
        )
        parser.add_argument("--seed", type=int, default=2024, help="random seed")

    def handle(self, *args, datasets: int, seed: int, **options):
        if not 1 <= datasets <= 1_000_000:
            raise CommandError("--datasets must be between 1 and 1,000,000")
        started = time.monotonic()

        def progress(done: int) -> None:
            sys.stderr.write(
                f"\r{done:,}/{datasets:,} ({time.monotonic() - started:.0f} s)"
            )
            sys.stderr.flush()

        try:
            created = generate_datasets(count=datasets, seed=seed, progress=progress)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        sys.stderr.write("\n")
        self.stdout.write(
            f"created {created:,} datasets in {time.monotonic() - started:.1f} s"
        )
