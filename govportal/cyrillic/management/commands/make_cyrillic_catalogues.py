"""Write each app's uz_Cyrl (and kaa_Cyrl) catalogue from its Latin catalogue."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import to_locale

from govportal.cyrillic.catalogues import catalogue_paths, cyrillic_catalogue


class Command(BaseCommand):
    help = "Generate the Cyrillic .po catalogues from the Latin ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing; fail if a Cyrillic catalogue is out of date.",
        )

    def handle(self, *args, check=False, **options):
        enabled = {to_locale(code) for code, _name in settings.LANGUAGES}
        stale = []
        root = Path(settings.PROJECT_DIR)
        for latin, cyrillic, language, lang in catalogue_paths(root, enabled):
            wanted = str(
                cyrillic_catalogue(
                    polib.pofile(str(latin)), language=language, lang=lang
                )
            )
            current = cyrillic.read_text() if cyrillic.exists() else ""
            if wanted == current:
                continue
            stale.append(cyrillic)
            if not check:
                cyrillic.parent.mkdir(parents=True, exist_ok=True)
                cyrillic.write_text(wanted)
                self.stdout.write(f"wrote {cyrillic.relative_to(root.parent)}")
        if check and stale:
            names = ", ".join(str(path.relative_to(root.parent)) for path in stale)
            raise CommandError(f"out of date (run make_cyrillic_catalogues): {names}")
