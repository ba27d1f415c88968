"""Purge what a change touches, the moment it is made.

Pages: publishing, unpublishing, moving or deleting one purges the page itself (in
every language, since the language links change too), the lists of its type in its
language, the menu if it is a section, and what its model adds (``cache_tags``: a
news item's lists, calendar month and category). A page's tags as it was before a
publish are purged as well, so a news item moved to another month leaves neither
calendar stale. Snippets and models listed in ``PAGE_CACHE_MODELS`` purge their
``model:`` tag and every page that refers to them (Wagtail's reference index).
Moving or renaming a page that has children, and any change to a site, a locale or
a view restriction, purges everything: addresses or who may read them changed.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from . import tags
from .cache import purge
from .stores import ALL

MENU_DEPTH = 3  # sections right under a language's home page


def page_tags(page: Page) -> set[str]:
    found = {
        tags.page(page.translation_key),
        tags.page_type(page.specific_class._meta.label_lower, page.locale_id),
    }
    if page.depth <= MENU_DEPTH:
        found.add(tags.menu(page.locale_id))
    parent_key = (
        Page.objects.filter(path=page.path[: -Page.steplen])
        .values_list("translation_key", flat=True)
        .first()
    )
    if parent_key is not None:
        found.add(tags.children(parent_key))
    extra = getattr(page, "cache_tags", None)
    if callable(extra):
        found.update(extra())
    return found


def referring_pages(obj) -> set[str]:
    """Tags of the pages that use ``obj`` (an image in a body, a category...)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    keys = Page.objects.filter(id__in=[int(i) for i in ids if i.isdigit()])
    return {tags.page(key) for key in keys.values_list("translation_key", flat=True)}


def model_tags(instance) -> set[str]:
    found = {tags.model(instance._meta.label_lower)} | referring_pages(instance)
    if isinstance(instance, AbstractImage):
        found.add(tags.image(instance.pk))
    return found


@receiver(pre_save)
def remember_tags_before_publish(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page) or instance.pk is None or update_fields:
        return
    before = type(instance).objects.filter(pk=instance.pk, live=True).first()
    instance._pagecache_tags_before = page_tags(before) if before else set()


@receiver(page_published)
def purge_published_page(sender, instance, **kwargs):
    before = getattr(instance, "_pagecache_tags_before", set())
    purge(page_tags(instance) | before | referring_pages(instance))


@receiver(page_unpublished)
def purge_unpublished_page(sender, instance, **kwargs):
    purge(page_tags(instance) | referring_pages(instance))


@receiver(post_page_move)
def purge_moved_page(sender, instance, **kwargs):
    if instance.numchild:
        purge({ALL})  # every address below it changed
    else:
        purge(page_tags(instance) | {tags.menu(instance.locale_id)})


@receiver(page_slug_changed)
def purge_renamed_page(sender, instance, **kwargs):
    """A new slug moves every address below the page, like a move does."""
    if instance.numchild:
        purge({ALL})


# What changes routing or who may see a page drops everything: pages, files and the
# remembered routes (``routing``). Restrictions cover whole subtrees and are rare.
EVERYTHING = Site | Locale | PageViewRestriction


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def purge_restriction_groups(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        purge({ALL})


@receiver(post_delete)
def purge_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge(page_tags(instance))
    elif isinstance(instance, EVERYTHING):
        purge({ALL})
    elif sender._meta.label_lower in settings.PAGE_CACHE_MODELS:
        purge(model_tags(instance))


@receiver(post_save)
def purge_saved_model(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        return
    if isinstance(instance, EVERYTHING):
        purge({ALL})
    elif sender._meta.label_lower in settings.PAGE_CACHE_MODELS:
        purge(model_tags(instance))
