"""Keep Cyrillic versions in step with their Latin sources."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from modelcluster.fields import ParentalKey
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published, page_unpublished

from .sync import generated_locales, sync_page, sync_snippet, unpublish_generated


def _is_source(instance) -> bool:
    locale = getattr(instance, "locale", None)
    return locale is not None and locale.language_code in generated_locales()


@receiver(page_published)
def regenerate_cyrillic_page(sender, instance, **kwargs):
    if _is_source(instance):
        sync_page(instance)


@receiver(page_unpublished)
def unpublish_cyrillic_page(sender, instance, **kwargs):
    if _is_source(instance):
        unpublish_generated(instance)


@receiver(pre_delete)
def unpublish_cyrillic_page_of_deleted_source(sender, instance, **kwargs):
    if isinstance(instance, Page) and _is_source(instance):
        unpublish_generated(instance)


def _is_inline_child(instance) -> bool:
    """An orderable inside a page: copied with its page by ``sync_page`` instead."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in instance._meta.get_fields()
    )


@receiver(post_save)
def regenerate_cyrillic_snippet(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page) or not isinstance(instance, TranslatableMixin):
        return
    if _is_source(instance) and not _is_inline_child(instance):
        sync_snippet(instance)
