"""Rich text sanitised on every save and every import, with nh3.

``sanitize_html`` is the one function that cleans rich text. It keeps what Wagtail's
editor writes in its database format (paragraphs and headings with their
``data-block-key``, lists, bold and italic, ``<a href>``, ``<a linktype="page"
id="…">``, ``<embed embedtype="image" …/>``) and drops everything else: scripts
and styles with their content, event handlers, ``style`` attributes, ``javascript:``
and other non-web URLs, comments and unknown tags (their text is kept).

It is applied where content is stored, not where it is written:

* a ``pre_save`` receiver cleans the rich text fields and the rich text blocks
  inside StreamFields of every model that has any, so pages, snippets, the
  Cyrillic sync (``copy_for_translation``, ``save_revision``) and ``loaddata`` are
  covered whoever calls ``save()``;
* a ``pre_save`` receiver on Wagtail's ``Revision`` cleans the same fields in the
  stored draft, so previews and later publishing never see the raw markup;
* code that bypasses ``save()`` (the demo's bulk writers, ``generate_content``)
  calls ``sanitize_html`` or ``sanitize_values`` itself;
* rows stored before any of this existed are cleaned in place by ``manage.py
  clean_rich_text``, through the same ``sanitize_changes`` and
  ``sanitize_serialized`` as a save.

Cleaning is idempotent, and Wagtail's own output comes back unchanged, so saving
the same content twice stores the same text.
"""

import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import nh3
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Revision

# Block-level elements carry the editor's block key (inline comments use it).
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
_INLINE_TAGS = ("b", "strong", "i", "em", "s", "sup", "sub", "code", "br", "hr")
ALLOWED_TAGS = frozenset({*_BLOCK_TAGS, *_INLINE_TAGS, "ul", "ol", "a", "embed"})
ALLOWED_ATTRIBUTES = {
    **{tag: {"data-block-key"} for tag in _BLOCK_TAGS},
    "a": {"href", "id"},
    "embed": {"id", "format", "alt", "url"},
}
# Attributes allowed with these values only (the link and embed handlers Wagtail
# registers for this portal).
ALLOWED_ATTRIBUTE_VALUES = {
    "a": {"linktype": {"page", "document"}},
    "embed": {"embedtype": {"image", "media"}},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed with everything inside them, not only the tags.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "applet",
        "svg",
        "math",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "textarea",
        "select",
        "title",
        "xmp",
    }
)

_DIGITS = re.compile(r"[0-9]{1,20}")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
_WEB_URL = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
# nh3's output is well formed: values are double-quoted, with < > & " escaped.
_FIXED_TAG = re.compile(r"<(a|br|hr|embed)\b([^>]*?)/?>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
# What Wagtail's embed handlers need to expand an embed without an error.
_REQUIRED_EMBED = {"image": "id", "media": "url"}


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    """Values nh3 cannot check by itself: ids, formats, block keys, embed URLs."""
    if name == "id":
        return value if _DIGITS.fullmatch(value) else None
    if name in {"format", "data-block-key"}:
        return value if _TOKEN.fullmatch(value) else None
    if name == "url":
        return value if _WEB_URL.fullmatch(value.strip()) else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    tag_attribute_values={
        tag: {name: set(values) for name, values in allowed.items()}
        for tag, allowed in ALLOWED_ATTRIBUTE_VALUES.items()
    },
    attribute_filter=_filter_attribute,
    url_schemes=set(ALLOWED_URL_SCHEMES),
    strip_comments=True,
    link_rel=None,
)


def _fix_tag(match: re.Match) -> str:
    """Self-close void tags; drop links and embeds Wagtail could not expand."""
    tag, attributes = match[1], match[2].rstrip()
    if tag == "br" or tag == "hr":
        return f"<{tag}/>"
    found = dict(_ATTRIBUTE.findall(attributes))
    if tag == "embed":
        required = _REQUIRED_EMBED.get(found.get("embedtype", ""))
        return f"<embed{attributes}/>" if required and found.get(required) else ""
    if "linktype" in found and not found.get("id"):
        return "<a>"
    return match[0]


def sanitize_html(html: str) -> str:
    """``html`` with only the markup of Wagtail's rich text format left.

    The result is in Wagtail's database format: ``<br/>`` and ``<embed …/>`` are
    self-closed (Wagtail's rewriters look for ``<embed …/>``) and a no-break space
    stays a character rather than ``&nbsp;``.
    """
    if not html:
        return html
    cleaned = _FIXED_TAG.sub(_fix_tag, _CLEANER.clean(html))
    return cleaned.replace("&nbsp;", "\u00a0")


def _has_rich_text(block: blocks.Block) -> bool:
    if isinstance(block, blocks.RichTextBlock):
        return True
    if isinstance(block, blocks.ListBlock):
        return _has_rich_text(block.child_block)
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        return any(_has_rich_text(child) for child in block.child_blocks.values())
    return False


def _sanitize_block(block: blocks.Block, value):
    """The raw (JSON) value of ``block`` with its rich text cleaned."""
    if value is None:
        return value
    if isinstance(block, blocks.RichTextBlock):
        return sanitize_html(value) if isinstance(value, str) else value
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: _sanitize_block(block.child_blocks[name], child)
            if name in block.child_blocks
            else child
            for name, child in value.items()
        }
    if isinstance(block, blocks.ListBlock) and isinstance(value, list):
        return [
            {**item, "value": _sanitize_block(block.child_block, item["value"])}
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item
            else _sanitize_block(block.child_block, item)
            for item in value
        ]
    if isinstance(block, blocks.StreamBlock) and isinstance(value, list):
        return [
            {
                **child,
                "value": _sanitize_block(
                    block.child_blocks[child["type"]], child["value"]
                ),
            }
            if isinstance(child, dict) and child.get("type") in block.child_blocks
            else child
            for child in value
        ]
    return value


@cache
def rich_text_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The fields of ``model`` that hold rich text: RichTextFields, and StreamFields
    with a rich text block somewhere inside."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if isinstance(field, RichTextField)
        or (isinstance(field, StreamField) and _has_rich_text(field.stream_block))
    )


def _raw_stream(field: StreamField, value) -> list | None:
    if value is None:
        return None
    if isinstance(value, str):
        return json.loads(value or "[]")
    if isinstance(value, StreamValue):
        return field.get_prep_value(value)
    return value


def sanitize_value(field: models.Field, value: Any) -> Any:
    """``value`` of a rich text ``field`` cleaned, in the form it was given.

    A StreamField value may be a ``StreamValue``, raw blocks or their JSON text.
    The same object comes back when nothing needed cleaning, so ``is not`` tells
    whether cleaning changed anything.
    """
    if isinstance(field, RichTextField):
        if not isinstance(value, str):
            return value
        cleaned = sanitize_html(value)
        return value if cleaned == value else cleaned
    if isinstance(field, StreamField):
        raw = _raw_stream(field, value)
        if not raw:
            return value
        cleaned = _sanitize_block(field.stream_block, raw)
        if cleaned == raw:
            return value
        if isinstance(value, str):
            return json.dumps(cleaned, cls=DjangoJSONEncoder)
        if isinstance(value, StreamValue):
            return field.to_python(cleaned)
        return cleaned
    return value


def sanitize_changes(model: type[models.Model], values: Mapping[str, Any]) -> dict:
    """The rich text among ``values`` (field values of ``model`` by name) that
    cleaning changes, cleaned; empty when all of it is clean.

    Saving an instance and ``manage.py clean_rich_text`` (rows already stored) both
    go through here, so the two clean exactly the same way.
    """
    changes = {}
    for field in rich_text_fields(model):
        if field.attname in values:
            value = values[field.attname]
            cleaned = sanitize_value(field, value)
            if cleaned is not value:
                changes[field.attname] = cleaned
    return changes


def sanitize_values(model: type[models.Model], values: Mapping[str, Any]) -> dict:
    """Field values for ``model``, by field name, with their rich text cleaned."""
    return {**values, **sanitize_changes(model, values)}


def sanitize_instance(instance: models.Model) -> None:
    """Clean the rich text of ``instance`` in place."""
    model = type(instance)
    values = {
        field.attname: getattr(instance, field.attname)
        for field in rich_text_fields(model)
    }
    for name, cleaned in sanitize_changes(model, values).items():
        setattr(instance, name, cleaned)


@cache
def serializes_rich_text(model: type[models.Model]) -> bool:
    """Whether the revisions of ``model`` can hold rich text: in its own fields or
    in those of its child objects (inline panels)."""
    from modelcluster.models import get_all_child_relations

    return bool(rich_text_fields(model)) or any(
        serializes_rich_text(relation.related_model)
        for relation in get_all_child_relations(model)
    )


def sanitize_serialized(model: type[models.Model], content: dict) -> bool:
    """Clean the rich text of a revision's ``content`` (``serializable_data()``) in
    place, child objects included; whether anything changed."""
    from modelcluster.models import get_all_child_relations

    changes = sanitize_changes(model, content)
    content.update(changes)
    changed = bool(changes)
    for relation in get_all_child_relations(model):
        children = content.get(relation.get_accessor_name())
        if isinstance(children, list):
            for child in children:
                if isinstance(child, dict):
                    changed |= sanitize_serialized(relation.related_model, child)
    return changed


@receiver(pre_save, dispatch_uid="govportal.core.richtext.sanitize_on_save")
def _sanitize_on_save(sender, instance, **kwargs) -> None:
    if rich_text_fields(sender):
        sanitize_instance(instance)


@receiver(pre_save, sender=Revision, dispatch_uid="govportal.core.richtext.revision")
def _sanitize_revision(sender, instance: Revision, **kwargs) -> None:
    model = instance.content_type.model_class() if instance.content_type_id else None
    if (
        model is not None
        and serializes_rich_text(model)
        and isinstance(instance.content, dict)
    ):
        sanitize_serialized(model, instance.content)
