"""Wagtail's ``update_index``, with a progress bar instead of a line of dots."""

import time

from wagtail.search.management.commands.update_index import Command as WagtailCommand

BAR_WIDTH = 30


class Command(WagtailCommand):
    help = "Rebuild the search indexes (the portal's and Wagtail's), with progress."

    def queryset_chunks(self, qs, chunk_size=1000):
        self._total = qs.count()
        self._done = 0
        self._started = time.monotonic()
        return super().queryset_chunks(qs, chunk_size)

    def print_iter_progress(self, iterable):
        for chunk in iterable:
            yield chunk
            self._done += len(chunk)
            self._draw()

    def _draw(self):
        total = max(self._total, 1)
        share = min(self._done / total, 1.0)
        filled = int(share * BAR_WIDTH)
        rate = self._done / max(time.monotonic() - self._started, 1e-6)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.write(
            f"\r[{bar}] {share:4.0%} {self._done:,}/{self._total:,} ({rate:,.0f}/s) ",
            ending="",
        )
        self.stdout.flush()
