"""What Wagtail's per-object indexing hooks do not see: a move changes the agency of a
whole subtree, but saves only the moved page."""

from wagtail.models import Page
from wagtail.signals import post_page_move

from . import indexer

CHUNK = 500


def reindex_moved_subtree(sender, instance, **kwargs):
    pages = Page.objects.descendant_of(instance, inclusive=True).order_by("path")
    ids = list(pages.values_list("id", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = Page.objects.filter(id__in=ids[start : start + CHUNK]).specific()
        indexer.update(chunk)


def register_signal_handlers():
    post_page_move.connect(reindex_moved_subtree, dispatch_uid="portal_search_moved")
