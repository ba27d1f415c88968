"""What of each model goes into the search index: its Wagtail ``search_fields``.

Any page or snippet that declares ``search_fields`` is indexed the Wagtail way: its
``SearchField`` values are its text, the boosted ones its title. This module adds only
what Wagtail's fields do not say: the kind shown as a facet, the date, the agency and
category, and where a result links to. A page model added later is indexed as a
"page" with no further code.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Model
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .engines import Document, Filters, tag_tokens
from .models import SearchEntry, Source, rank_key
from .text import family, fold

MAX_BODY_CHARACTERS = 20_000
# Pages that are not destinations in themselves.
SKIPPED_PAGES = {"home.homepage", "wagtailcore.page"}
KINDS = {
    "news.newspage": "news",
    "news.announcementpage": "announcement",
    "agencies.agencypage": "agency",
    "agencies.helpline": "helpline",
    "faq.question": "faq",
}
# Kinds in the order the facet lists them.
KIND_ORDER = ("news", "announcement", "agency", "helpline", "faq", "page")


@dataclass
class Indexable:
    """An entry and its folded words, ready for the engine."""

    entry: SearchEntry
    document: Document


class Resolver:
    """Looks up, once per batch, what documents need from other tables."""

    def __init__(self):
        from govportal.agencies.models import AgencyPage
        from govportal.faq.models import FaqPage

        self.agency_by_path = dict(
            AgencyPage.objects.values_list("path", "id").order_by()
        )
        self.agency_by_key = {
            (key, locale): pk
            for pk, key, locale in AgencyPage.objects.values_list(
                "id", "translation_key", "locale_id"
            ).order_by()
        }
        self.faq_page_by_locale = {}
        for pk, locale in (
            FaqPage.objects.live().order_by("-pk").values_list("id", "locale_id")
        ):
            self.faq_page_by_locale[locale] = pk
        self.language_by_locale = {}
        # Private sections (password, login or group restrictions) stay out.
        self.restricted_paths = tuple(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )

    def agency_for_path(self, path: str) -> int | None:
        for end in range(len(path), 0, -Page.steplen):
            pk = self.agency_by_path.get(path[:end])
            if pk is not None:
                return pk
        return None

    def language(self, locale_id: int) -> str:
        if locale_id not in self.language_by_locale:
            from wagtail.models import Locale

            self.language_by_locale.update(
                Locale.objects.values_list("id", "language_code")
            )
        return self.language_by_locale[locale_id]


def model_label(obj_or_model) -> str:
    return obj_or_model._meta.label_lower


def is_indexed_model(model) -> bool:
    """Whether the portal search indexes objects of this model at all."""
    label = model_label(model)
    if issubclass(model, Page):
        return label not in SKIPPED_PAGES
    return label in KINDS


def source_of(obj: Model) -> int | None:
    if isinstance(obj, Page):
        return Source.PAGE
    return {
        "agencies.helpline": Source.HELPLINE,
        "faq.question": Source.QUESTION,
    }.get(model_label(obj))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value)
    if isinstance(value, Model):
        return str(value)
    text = str(value)
    return strip_tags(text) if "<" in text else text


def _title_and_body(obj: Model) -> tuple[str, str]:
    titles, bodies = [], []
    for field in type(obj).get_searchable_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        text = _text(field.get_value(obj))
        if text:
            (titles if field.boost else bodies).append(text)
    if not titles and bodies:
        titles.append(bodies.pop(0))
    return " ".join(titles), " ".join(bodies)[:MAX_BODY_CHARACTERS]


def _day(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date()
    if isinstance(value, datetime.date):
        return value
    return None


def build(obj: Model, resolver: Resolver, now: datetime.datetime) -> Indexable | None:
    """The entry for one object, or None if it must not be found by search."""
    label = model_label(obj)
    source = source_of(obj)
    if source is None or not is_indexed_model(type(obj)):
        return None
    kind = KINDS.get(label, "page")
    page_id, fragment, agency_id, category_id = None, "", None, None
    if isinstance(obj, Page):
        if not obj.live or obj.expired or obj.depth < 2:
            return None
        if resolver.restricted_paths and obj.path.startswith(resolver.restricted_paths):
            return None
        page_id = obj.pk
        agency_id = resolver.agency_for_path(obj.path)
        category_id = getattr(obj, "category_id", None)
        day = _day(getattr(obj, "date", None)) if kind != "page" else None
    elif label == "agencies.helpline":
        agency_id = resolver.agency_by_key.get(
            (obj.agency.translation_key, obj.locale_id)
        )
        page_id, fragment, day = agency_id, "agency-helplines", None
    else:  # a frequently asked question
        page_id = resolver.faq_page_by_locale.get(obj.locale_id)
        fragment, day = obj.anchor, None
        category_id = obj.category_id
    if page_id is None:
        return None  # nowhere to link to: the host page is not published
    language = resolver.language(obj.locale_id)
    title, body = _title_and_body(obj)
    key = rank_key(source, obj.pk, day)
    entry = SearchEntry(
        id=key,
        source=source,
        object_id=obj.pk,
        language=language,
        kind=kind,
        page_id=page_id,
        fragment=fragment,
        title=title,
        body=body,
        date=day,
        agency_id=agency_id,
        category_id=category_id,
        indexed_at=now,
    )
    fam = family(language)
    document = Document(
        key=key,
        title=fold(title, fam),
        body=fold(body, fam),
        tags=tag_tokens(
            Filters(language, kind, agency_id, category_id, day.year if day else None)
        ),
    )
    return Indexable(entry, document)


def build_many(objects: Iterable[Model]) -> tuple[list[Indexable], list[Model]]:
    """Entries for objects, and the objects that must leave the index instead."""
    resolver = Resolver()
    now = timezone.now()
    built, dropped = [], []
    for obj in objects:
        item = build(obj, resolver, now)
        if item is None:
            dropped.append(obj)
        else:
            built.append(item)
    return built, dropped
