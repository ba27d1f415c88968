"""Generate Cyrillic translations from Latin ones with Wagtail's translation API.

A Cyrillic locale (``uz-cyrl``, ``kaa-cyrl``) is never written by editors first: its
pages and snippets are copies of the Latin ones (``copy_for_translation``) whose text
fields are transliterated. Slugs, URLs, e-mail addresses, numbers and markup stay as
they are; links to other translatable objects point at their Cyrillic translations.
"""

import hashlib
import json
import logging
from functools import partial

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from govportal.translit import to_cyrillic, transliterate_html

from .models import GeneratedTranslation

logger = logging.getLogger(__name__)

# Cyrillic locale -> (Latin source locale, transliteration language).
CYRILLIC_SOURCES = {"uz-cyrl": ("uz", "uz"), "kaa-cyrl": ("kaa", "kaa")}


def generated_locales() -> dict[str, tuple[str, str]]:
    """The enabled Cyrillic locales, keyed by their Latin source locale."""
    enabled = {code for code, _name in settings.LANGUAGES}
    return {
        source: (target, lang)
        for target, (source, lang) in CYRILLIC_SOURCES.items()
        if target in enabled and source in enabled
    }


def map_block_text(block: blocks.Block, value, text, html):
    """Apply ``text`` to the plain text and ``html`` to the rich text inside a
    StreamField block's raw (JSON) value; everything else is kept as it is."""
    if value is None:
        return value
    if isinstance(block, blocks.RichTextBlock):
        return html(value)
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return text(value)
    if isinstance(block, TableBlock):
        return {
            **value,
            "data": [
                [text(cell) if cell else cell for cell in row]
                for row in value.get("data") or []
            ],
            "table_caption": text(value.get("table_caption") or ""),
        }
    if isinstance(block, blocks.StructBlock):
        return {
            name: map_block_text(block.child_blocks[name], child, text, html)
            if name in block.child_blocks
            else child
            for name, child in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            {
                **item,
                "value": map_block_text(block.child_block, item["value"], text, html),
            }
            if isinstance(item, dict) and "value" in item and "type" in item
            else map_block_text(block.child_block, item, text, html)
            for item in value
        ]
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                **child,
                "value": map_block_text(
                    block.child_blocks[child["type"]], child["value"], text, html
                ),
            }
            if child.get("type") in block.child_blocks
            else child
            for child in value
        ]
    return value


def transliterate_block(block: blocks.Block, value, lang: str):
    """Transliterate the text inside a StreamField block's raw value to Cyrillic."""
    return map_block_text(
        block,
        value,
        partial(to_cyrillic, lang=lang),
        partial(transliterate_html, to="cyrillic", lang=lang),
    )


def map_text_fields(instance, *, text, html, values: dict | None = None) -> dict:
    """The value of every translatable text field of ``instance``, mapped.

    Plain text goes through ``text``, rich text (and rich text blocks) through
    ``html``. Returns ``{attname: new value}``; foreign keys are left out.
    """
    values = {} if values is None else values
    for field in _text_fields(type(instance)):
        if isinstance(field, models.ForeignKey):
            continue
        value = getattr(instance, field.attname)
        if isinstance(field, StreamField):
            raw = json.loads(field.value_to_string(instance) or "[]")
            mapped = map_block_text(field.stream_block, raw, text, html)
            values[field.attname] = field.to_python(json.dumps(mapped))
        elif isinstance(field, RichTextField):
            values[field.attname] = html(value or "")
        else:
            values[field.attname] = text(value) if value else value
    return values


def _text_fields(model) -> list[models.Field]:
    """Model fields whose text is transliterated (never slugs, URLs or choices)."""
    names = {
        field.field_name
        for field in get_translatable_fields(model)
        if isinstance(field, TranslatableField)
    }
    fields = []
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.SlugField) or name in {"slug", "url_path"}:
            continue
        if isinstance(field, models.ForeignKey):
            if issubclass(field.related_model, TranslatableMixin):
                fields.append(field)
            continue
        if isinstance(
            field, StreamField | RichTextField | models.CharField | models.TextField
        ):
            fields.append(field)
    return sorted(fields, key=lambda field: field.name)


def transliterated_values(source, *, locale: Locale, lang: str) -> dict:
    """The Cyrillic value of every text field of ``source``, by attribute name."""
    values = {}
    for field in _text_fields(type(source)):
        if isinstance(field, models.ForeignKey):
            related = getattr(source, field.name)
            translated = related.get_translation_or_none(locale) if related else None
            values[field.attname] = (
                translated.pk if translated else field.value_from_object(source)
            )
    return map_text_fields(
        source,
        text=partial(to_cyrillic, lang=lang),
        html=partial(transliterate_html, to="cyrillic", lang=lang),
        values=values,
    )


def fingerprint(obj) -> str:
    """A hash of the translatable fields as stored, to notice edits by hand."""
    data = {
        field.attname: field.value_to_string(obj) for field in _text_fields(type(obj))
    }
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def _record_for(obj) -> GeneratedTranslation | None:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return GeneratedTranslation.objects.filter(
        content_type=content_type, object_id=obj.pk
    ).first()


def _remember(obj, *, diverged: bool, latest=None) -> None:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    GeneratedTranslation.objects.update_or_create(
        content_type=content_type,
        object_id=obj.pk,
        defaults={"fingerprint": fingerprint(latest or obj), "diverged": diverged},
    )


def _edited_by_hand(obj, latest) -> bool:
    record = _record_for(obj)
    if record is None or record.diverged:
        return True
    return fingerprint(latest) != record.fingerprint


def _target_locale(source) -> tuple[Locale, str] | None:
    mapping = generated_locales().get(source.locale.language_code)
    if mapping is None:
        return None
    target_code, lang = mapping
    locale = Locale.objects.filter(language_code=target_code).first()
    return (locale, lang) if locale else None


@transaction.atomic
def sync_page(source: Page) -> Page | None:
    """Publish the Cyrillic translation of a live Latin page, unless edited by hand.

    Returns the Cyrillic page, or None when ``source`` has no Cyrillic counterpart.
    """
    target_locale = _target_locale(source)
    if target_locale is None or not source.live:
        return None
    locale, lang = target_locale
    source = source.specific
    target = source.get_translation_or_none(locale)
    if target is None:
        parent = source.get_parent()
        parent_missing = (
            not parent.is_root() and parent.get_translation_or_none(locale) is None
        )
        # A Cyrillic page needs a Cyrillic parent: generate it first.
        if parent_missing and sync_page(parent) is None:
            return None
        target = source.copy_for_translation(locale)
    else:
        target = target.specific
        if target.alias_of_id:
            target.alias_of = None
        elif _edited_by_hand(target, target.get_latest_revision_as_object()):
            _remember(
                target, diverged=True, latest=target.get_latest_revision_as_object()
            )
            logger.info("Cyrillic page %s was edited by hand; left alone", target.pk)
            return target
    for attname, value in transliterated_values(
        source, locale=locale, lang=lang
    ).items():
        setattr(target, attname, value)
    target.save_revision(log_action=True).publish(log_action=True)
    _remember(target, diverged=False, latest=target.get_latest_revision_as_object())
    return target


def unpublish_generated(source: Page) -> None:
    """Take the generated Cyrillic page offline with its Latin source."""
    target_locale = _target_locale(source)
    if target_locale is None:
        return
    target = source.get_translation_or_none(target_locale[0])
    if target is None or not target.live:
        return
    record = _record_for(target)
    if record is not None and not record.diverged:
        target.unpublish()


@transaction.atomic
def sync_snippet(source: TranslatableMixin) -> TranslatableMixin | None:
    """Create or update the Cyrillic translation of a Latin snippet."""
    target_locale = _target_locale(source)
    if target_locale is None:
        return None
    locale, lang = target_locale
    target = source.get_translation_or_none(locale)
    if target is None:
        target = source.copy_for_translation(locale)
    elif _edited_by_hand(target, target):
        _remember(target, diverged=True)
        return target
    for attname, value in transliterated_values(
        source, locale=locale, lang=lang
    ).items():
        setattr(target, attname, value)
    target.save()
    _remember(target, diverged=False)
    return target


def resume(record: GeneratedTranslation) -> None:
    """Let the sync overwrite a Cyrillic version again, from its Latin source now."""
    target = record.target
    record.diverged = False
    record.fingerprint = ""
    record.save()
    if target is None:
        return
    source_code = CYRILLIC_SOURCES[target.locale.language_code][0]
    source = target.get_translation_or_none(
        Locale.objects.get(language_code=source_code)
    )
    if source is None:
        return
    # Pretend the current Cyrillic text is the generated one, then regenerate.
    latest = (
        target.get_latest_revision_as_object() if isinstance(target, Page) else target
    )
    _remember(target, diverged=False, latest=latest)
    if isinstance(source, Page):
        sync_page(source)
    else:
        sync_snippet(source)


def sync_all() -> int:
    """Generate every missing Cyrillic page and snippet; return how many were made.

    Publishing and saving keep the Cyrillic versions in step one by one; this catches
    up after bulk writes, imports, or turning a Cyrillic locale on.
    """
    made = 0
    for source_code, (target_code, _lang) in generated_locales().items():
        target = Locale.objects.filter(language_code=target_code).first()
        if target is None:
            continue
        translated = Page.objects.filter(locale=target).values("translation_key")
        missing_pages = (
            Page.objects.live()
            .filter(locale__language_code=source_code, depth__gte=2)
            .exclude(translation_key__in=translated)
            .order_by("path")
        )
        for page in missing_pages:
            # A parent generated earlier in this loop makes its children possible.
            if page.get_translation_or_none(target) is None and sync_page(page):
                made += 1
        for model in apps.get_models():
            if not issubclass(model, TranslatableMixin) or issubclass(model, Page):
                continue
            if any(
                isinstance(field, ParentalKey) for field in model._meta.get_fields()
            ):
                continue
            done = model.objects.filter(locale=target).values("translation_key")
            for snippet in model.objects.filter(
                locale__language_code=source_code
            ).exclude(translation_key__in=done):
                sync_snippet(snippet)
                made += 1
    return made
