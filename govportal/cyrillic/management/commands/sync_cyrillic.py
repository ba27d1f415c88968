"""Generate the Cyrillic versions that are missing (after imports or bulk writes)."""

from django.core.management.base import BaseCommand

from govportal.cyrillic.sync import sync_all


class Command(BaseCommand):
    help = "Generate every missing Uzbek (and Karakalpak) Cyrillic page and snippet."

    def handle(self, *args, **options):
        self.stdout.write(f"generated {sync_all()} Cyrillic pages and snippets")
