"""Building blocks for demo content, and the locales every other app's demo needs.

``manage.py load_demo`` calls ``load()`` in each installed app's ``demo`` module, in
INSTALLED_APPS order. Every step checks before it writes, so a second run changes
nothing: no new revisions, no new rows.
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from wagtail.blocks import StreamValue
from wagtail.models import Collection, Locale, Page

from .richtext import sanitize_instance, sanitize_values


def ensure_locales() -> dict[str, Locale]:
    """One Wagtail locale per configured language."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def _comparable(value: Any) -> Any:
    # StreamField values are compared by their raw blocks, without the block ids.
    if isinstance(value, StreamValue):
        return [
            {"type": block["type"], "value": block["value"]} for block in value.raw_data
        ]
    return value


def publish_if_changed(page: Page, values: Mapping[str, Any]) -> bool:
    """Set ``values`` on ``page`` and publish a revision, unless nothing changes.

    StreamField values are given raw: ``[{"type": ..., "value": ...}]``. The comparison
    is made after the script repair and the rich text cleaning that saving applies,
    so a second run of the demo publishes nothing.
    """
    from govportal.cyrillic.normalize import normalize_instance

    before = {field: _comparable(getattr(page, field)) for field in values}
    for field, value in values.items():
        setattr(page, field, value)
    normalize_instance(page)
    sanitize_instance(page)
    changed = not page.live or any(
        _comparable(getattr(page, field)) != before[field] for field in values
    )
    if changed:
        page.save_revision().publish()
    return changed


def ensure_translations(
    source: Page, texts: Mapping[str, Mapping[str, Any]]
) -> dict[str, Page]:
    """Create or update ``source``'s translation in each language of ``texts``."""
    pages = {}
    for code, values in texts.items():
        locale = Locale.objects.get(language_code=code)
        page = source.get_translation_or_none(locale)
        if page is None:
            page = source.copy_for_translation(
                locale
            )  # keeps show_in_menus and the like
        page = page.specific
        publish_if_changed(page, values)
        pages[code] = page
    return pages


def ensure_child_page(parent, model, texts: dict[str, dict]):
    """The only ``model`` page under ``parent``, created and published if missing,
    then translated into every language of ``texts``."""
    default = settings.LANGUAGE_CODE
    page = model.objects.child_of(parent).first()
    if page is None:
        page = parent.add_child(instance=model(live=False, **texts[default]))
    publish_if_changed(page, texts[default])
    others = {code: values for code, values in texts.items() if code != default}
    return {default: page, **ensure_translations(page, others)}


def ensure_translated_rows(model, wanted: Mapping[tuple, Mapping[str, Any]]) -> None:
    """Create or update rows of a translatable ``model`` in bulk.

    ``wanted`` maps (translation key, locale id) to field values; rows that already
    hold those values are left alone, so a second demo load writes nothing. Bulk
    writes skip ``save()``, so rich text is cleaned here.
    """
    existing = {
        (row.translation_key, row.locale_id): row
        for row in model.objects.filter(
            translation_key__in={key for key, _locale in wanted}
        )
    }
    fields = sorted({name for values in wanted.values() for name in values})
    created, updated = [], []
    for (key, locale_id), raw_values in wanted.items():
        values = sanitize_values(model, raw_values)
        row = existing.get((key, locale_id))
        if row is None:
            created.append(model(translation_key=key, locale_id=locale_id, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            updated.append(row)
    model.objects.bulk_create(created)
    model.objects.bulk_update(updated, fields)


def load(*, stdout) -> None:
    """Create the locales and the root of the image and document collections."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    locales = ensure_locales()
    stdout.write(f"locales: {', '.join(sorted(locales))}")
