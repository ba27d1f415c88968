"""Load the demo content of every app, idempotently."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create or update the demo content in all languages; "
        "a second run changes nothing."
    )

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            if not app_config.name.startswith("govportal."):
                continue
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(stdout=self.stdout)
