"""Load the demo content of every app, idempotently."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings


class Command(BaseCommand):
    help = (
        "Create or update the demo content in all languages; "
        "a second run changes nothing."
    )

    def handle(self, *args, **options):
        backends = settings.WAGTAILSEARCH_BACKENDS
        if "portal" not in backends:
            self.load_all()
            return
        # Some demo rows are written in bulk, which sends no indexing signals, so the
        # portal index is rebuilt once at the end rather than updated on every save.
        quiet = {**backends, "portal": {**backends["portal"], "AUTO_UPDATE": False}}
        with override_settings(WAGTAILSEARCH_BACKENDS=quiet):
            self.load_all()
        call_command("update_index", backend_name="portal", verbosity=0)
        self.stdout.write("search: portal index rebuilt")

    def load_all(self):
        for app_config in apps.get_app_configs():
            if not app_config.name.startswith("govportal."):
                continue
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(stdout=self.stdout)
