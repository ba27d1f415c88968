"""The portal index as a Wagtail search backend, so Wagtail's hooks keep it fresh.

Wagtail's signal handlers call ``add`` when an indexed page or snippet is saved
(publishing, unpublishing and scheduled publishing all save the page) and ``delete``
when one is deleted; ``manage.py update_index`` rebuilds through ``rebuilder_class``.
The query side is ``govportal.search.service``: Wagtail's query API has no notion
of facets over a bounded candidate set, which is what makes the portal search fast.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.search.backends.base import BaseIndex, BaseSearchBackend

from . import indexer
from .documents import is_indexed_model
from .engines import get_engine
from .models import SearchEntry


class PortalIndex(BaseIndex):
    def get_key(self):
        return "portal"

    def add_items(self, model, items):
        if is_indexed_model(model):
            indexer.update(item for item in items if type(item) is model)

    def delete_item(self, item):
        indexer.remove([item])

    def reset(self):
        with transaction.atomic():
            get_engine().clear()
            SearchEntry.objects.all().delete()


class PortalRebuilder:
    """Rebuild in place: searches keep working, stale entries go at the end."""

    def __init__(self, index):
        self.index = index
        self.started = timezone.now()

    def start(self):
        return self.index

    def finish(self):
        stale = SearchEntry.objects.filter(indexed_at__lt=self.started)
        engine = get_engine()
        with transaction.atomic():
            engine.delete(stale.values_list("id", flat=True))
            stale.delete()
        engine.optimize()


class PortalSearchBackend(BaseSearchBackend):
    index_class = PortalIndex
    rebuilder_class = PortalRebuilder

    def search(self, *args, **kwargs):
        raise NotImplementedError("The portal index is queried by its service module")

    autocomplete = search


SearchBackend = PortalSearchBackend
