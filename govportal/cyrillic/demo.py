"""Last step of the demo: Cyrillic versions of whatever other apps wrote in bulk."""

from .sync import sync_all


def load(*, stdout) -> None:
    made = sync_all()
    stdout.write(f"cyrillic: {made} pages and snippets generated")
