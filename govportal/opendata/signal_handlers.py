"""Keep what is not text the same in every language of a dataset or resource.

Editors translate titles and descriptions; the publisher, licence, dates and files
are facts of the dataset, so saving any language version copies them to the others
(an UPDATE, which sends no signal). A resource added in one language is added to
every written language of its dataset at once, under its original name until a
translator changes it; the Cyrillic versions follow through ``govportal.cyrillic``.

Each agency's editors and moderators get the permissions to add and edit datasets
and resources when the agency's section is created; ``wagtail_hooks.py`` narrows
them to what their agency publishes.
"""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from govportal.agencies.models import AgencySection
from govportal.cyrillic.sync import generated_locales

from .models import Dataset, Resource

# Deleting stays with administrators.
AGENCY_DATA_PERMISSIONS = (
    "add_dataset",
    "change_dataset",
    "add_resource",
    "change_resource",
)

DATASET_FACTS = (
    "name",
    "agency_id",
    "agency_key",
    "theme",
    "licence",
    "frequency",
    "temporal_start",
    "temporal_end",
    "spatial",
    "contact_email",
    "issued",
    "is_demo_data",
    "modified",
)
RESOURCE_FACTS = ("format", "file", "url", "size", "checksum", "sort_order", "modified")


@receiver(post_save, sender=Dataset)
def share_dataset_facts(sender, instance, raw=False, **kwargs):
    if raw:
        return
    Dataset.objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    ).update(**{name: getattr(instance, name) for name in DATASET_FACTS})


@receiver(post_save, sender=Resource)
def share_resource_facts(sender, instance, raw=False, created=False, **kwargs):
    if raw:
        return
    Resource.objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    ).update(**{name: getattr(instance, name) for name in RESOURCE_FACTS})
    if created and not getattr(instance, "is_translation_copy", False):
        add_missing_translations(instance)


def add_missing_translations(resource: Resource) -> None:
    """Give ``resource`` a row in each written language its dataset has.

    Only for a resource written by hand: not for the copies made here, nor for a
    Cyrillic version that ``govportal.cyrillic`` generates from a copy.
    """
    generated = [target for target, _lang in generated_locales().values()]
    if resource.locale.language_code in generated:
        return
    present = Resource.objects.filter(translation_key=resource.translation_key).values(
        "locale_id"
    )
    datasets = (
        Dataset.objects.filter(translation_key=resource.dataset.translation_key)
        .exclude(locale_id__in=present)
        .exclude(locale__language_code__in=generated)
        .select_related("locale")
    )
    for dataset in datasets:
        copy = resource.copy_for_translation(dataset.locale)
        copy.dataset = dataset
        # This loop writes every missing language; the copy must not start another.
        copy.is_translation_copy = True
        copy.save()


@receiver(post_save, sender=AgencySection)
def let_agency_groups_edit_data(sender, instance, raw=False, **kwargs):
    """Give the agency's groups the open-data permissions (idempotent)."""
    if raw:
        return
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="opendata", codename__in=AGENCY_DATA_PERMISSIONS
        )
    )
    instance.editors.permissions.add(*permissions)
    instance.moderators.permissions.add(*permissions)
