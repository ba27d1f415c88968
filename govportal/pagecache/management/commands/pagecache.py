"""``manage.py pagecache clear|tick [--every SECONDS]``.

``clear`` empties the page cache everywhere (memory of every worker, Redis, the
published files). ``tick`` does what time alone changes: it publishes and
unpublishes what editors scheduled (Wagtail's ``publish_scheduled``) and, once the
day has changed, purges the pages that show "today" (the calendar). ``make serve``
runs ``tick --every 60`` beside the app server; cron can run ``tick`` instead.
"""

import time

from django.core.management import BaseCommand, call_command
from django.utils import timezone

from ... import tags
from ...cache import page_cache, purge


class Command(BaseCommand):
    help = "Clear the page cache, or run the scheduled work that time triggers."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["clear", "tick"])
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            help="With tick: repeat every this many seconds until stopped.",
        )

    def handle(self, *args, action, every, **options):
        cache = page_cache()
        if action == "clear":
            cache.clear()
            self.stdout.write("Page cache cleared.")
            return
        while True:
            call_command("publish_scheduled", verbosity=0)
            if self.day_changed():
                purge({tags.TODAY})
            if not every:
                return
            time.sleep(every)

    def day_changed(self) -> bool:
        """Whether the local date differs from the one the last tick saw."""
        from django.conf import settings

        marker = settings.PAGE_CACHE_DIR / "today"
        today = timezone.localdate().isoformat()
        seen = marker.read_text() if marker.exists() else ""
        if seen == today:
            return False
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(today)
        return bool(seen)
