"""Create synthetic news in bulk, for load tests and benchmarks."""

import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from govportal.news.generate import generate_news
from govportal.news.models import NewsIndexPage


class Command(BaseCommand):
    help = (
        "Create N realistic news items spread over years, categories and languages "
        "(run load_demo first)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--news", type=int, required=True, help="how many news items"
        )
        parser.add_argument("--seed", type=int, default=2017, help="random seed")

    def handle(self, *args, news: int, seed: int, **options):
        if news < 1 or news > 5_000_000:
            raise CommandError("--news must be between 1 and 5,000,000")
        if not NewsIndexPage.objects.filter(depth=3).exists():
            raise CommandError("No news index yet: run 'manage.py load_demo' first.")
        started = time.monotonic()

        def progress(done: int) -> None:
            width = 30
            filled = min(width, width * done // news)
            elapsed = time.monotonic() - started
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{news:,} "
                f"({elapsed:.0f} s)"
            )
            sys.stderr.flush()

        created = generate_news(count=news, seed=seed, progress=progress)
        sys.stderr.write("\n")
        self.stdout.write(
            f"created {created:,} news items in {time.monotonic() - started:.1f} s"
        )
        if "portal" in settings.WAGTAILSEARCH_BACKENDS:
            # Bulk writes send no indexing signals: bring the search index up to date.
            call_command("update_index", backend_name="portal", stdout=self.stdout)
