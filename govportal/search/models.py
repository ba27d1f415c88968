"""The search index: one row per published item per language, in a table we own.

Why not Wagtail's database backend: it ranks every hit before paginating, which takes
seconds at 100,000 pages (see docs/search.md). Here each row's primary key is its
*rank key*: a tier (evergreen pages above dated news), the day, and the source id.
Engines read candidates newest-first by that key, which an index walk serves and stops
after a fixed number of rows, then rank only those.

The folded text lives in the engine's own structure: an FTS5 table on SQLite, a
``tsvector`` column with a GIN index on PostgreSQL (migration 0001).
"""

import datetime

from django.db import models
from wagtail.search import index

from .text import family, fold, turkic_stem

EVERGREEN_TIER = 1
DATED_TIER = 0
_EPOCH = datetime.date(2000, 1, 1)


class Source(models.IntegerChoices):
    """Where an entry comes from: the id spaces that do not overlap."""

    PAGE = 0
    HELPLINE = 1
    QUESTION = 2


def rank_key(source: int, object_id: int, day: datetime.date | None) -> int:
    """The primary key of an entry: tier, day, source and id, highest newest."""
    if day is None:
        tier, days = EVERGREEN_TIER, 0
    else:
        tier, days = DATED_TIER, max((day - _EPOCH).days, 0)
    return (tier << 56) | (days << 32) | (source << 28) | (object_id & 0x0FFF_FFFF)


def tier_bounds(tier: int) -> tuple[int, int]:
    """The range of rank keys of one tier, for candidate queries."""
    return tier << 56, ((tier + 1) << 56) - 1


class SearchEntry(index.Indexed, models.Model):
    """An item as the search page shows it: title, plain text and facets.

    Its ``search_fields`` serve an external engine (OpenSearch, Elasticsearch)
    configured as ``SEARCH_ENGINE``: the entry goes there with its words already
    folded, and with the stems of Uzbek and Karakalpak words beside them, so that
    the engine's own analysis needs to know nothing about either language.
    """

    search_fields = [
        index.SearchField("external_title", boost=8),
        index.SearchField("external_body"),
        index.FilterField("language"),
        index.FilterField("kind"),
        index.FilterField("agency_id"),
        index.FilterField("category_id"),
        index.FilterField("date"),
        index.FilterField("id"),
    ]
    # The indexer sends entries to the external engine itself, in bulk.
    search_auto_update = False

    id = models.BigIntegerField(primary_key=True)
    source = models.PositiveSmallIntegerField(choices=Source.choices)
    object_id = models.PositiveIntegerField()
    language = models.CharField(max_length=12)
    kind = models.CharField(max_length=16)
    page_id = models.PositiveIntegerField(null=True)
    fragment = models.CharField(max_length=64, blank=True)
    title = models.TextField()
    body = models.TextField(blank=True)
    date = models.DateField(null=True)
    agency_id = models.PositiveIntegerField(null=True)
    category_id = models.PositiveIntegerField(null=True)
    indexed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id"], name="search_entry_source_object"
            )
        ]
        indexes = [models.Index(fields=["language", "id"], name="search_lang_key")]

    def __str__(self):
        return self.title

    @classmethod
    def get_indexed_objects(cls):
        # Not part of any backend's own rebuild: the portal backend's rebuild writes
        # the entries, and pushes them to the external engine when there is one.
        return cls.objects.none()

    def _external(self, text: str) -> str:
        fam = family(self.language)
        tokens = fold(text, fam)
        if fam in ("uz", "kaa"):
            tokens += [turkic_stem(token) for token in tokens]
        return " ".join(tokens)

    def external_title(self) -> str:
        return self._external(self.title)

    def external_body(self) -> str:
        return self._external(self.body)


class SearchTerm(models.Model):
    """Every folded word in the index, for "did you mean" by trigram similarity."""

    term = models.CharField(max_length=64, unique=True)

    def __str__(self):
        return self.term
