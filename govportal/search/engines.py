"""The two embedded engines: SQLite FTS5 and PostgreSQL full text, behind one interface.

Both answer the same question the same way: "the newest ``limit`` entries of a rank
tier matching this query", read newest-first along the rank key (the FTS5 rowid, the
primary key on PostgreSQL) so the walk stops after ``limit`` rows however many match,
then scored by the engine (BM25 on SQLite, ``ts_rank`` on PostgreSQL) for those rows
only. Every query runs under a time cap.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from .models import SearchEntry
from .text import Alternative, Query

_FACET_COLUMNS = "e.kind, e.agency_id, e.category_id, e.date"


class Candidate(NamedTuple):
    """An entry that matched, its score (higher is better) and its facet values."""

    key: int
    score: float
    kind: str
    agency_id: int | None
    category_id: int | None
    date: datetime.date | None


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


class QueryTooSlow(Exception):
    """The engine gave up on a query at the time cap."""


@dataclass(frozen=True)
class Filters:
    """What the facets narrow a search to; ``None`` means any."""

    language: str | None = None
    kind: str | None = None
    agency_id: int | None = None
    category_id: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class Document:
    """The folded words of an entry, as the engine indexes them."""

    key: int
    title: list[str]
    body: list[str]
    tags: list[str]


def tag_tokens(values: Filters) -> list[str]:
    """Facet values as words that only the ``tags`` column holds: written for each
    entry at indexing, and matched as filters at query time."""
    prefixes = {
        "language": "lang",
        "kind": "kind",
        "agency_id": "agency",
        "category_id": "cat",
        "year": "y",
    }
    return [
        f"{prefix}{str(value).replace('-', '')}"
        for name, prefix in prefixes.items()
        if (value := getattr(values, name))
    ]


def _time_cap() -> float:
    return getattr(settings, "SEARCH_TIME_CAP_SECONDS", 2.0)


class SqliteEngine:
    """FTS5: the folded words in ``portal_search_fts``, rowid = rank key."""

    vendor = "sqlite"

    def write(self, documents: list[Document]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT OR REPLACE INTO portal_search_fts(rowid, title, body, tags) "
                "VALUES (%s, %s, %s, %s)",
                [
                    (d.key, " ".join(d.title), " ".join(d.body), " ".join(d.tags))
                    for d in documents
                ],
            )

    def delete(self, keys: Iterable[int]) -> None:
        with connection.cursor() as cursor:
            for chunk in _chunks(list(keys), 500):
                marks = ",".join(["%s"] * len(chunk))
                cursor.execute(
                    f"DELETE FROM portal_search_fts WHERE rowid IN ({marks})",  # noqa: S608 - %s only
                    chunk,
                )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM portal_search_fts")
            cursor.execute("DELETE FROM portal_search_trigram")

    def optimize(self) -> None:
        """Merge the index segments that bulk writes leave: queries read 2-5x less."""
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO portal_search_fts(portal_search_fts) VALUES ('optimize')"
            )
            cursor.execute(
                "INSERT INTO portal_search_trigram(portal_search_trigram) "
                "VALUES ('optimize')"
            )

    @staticmethod
    def _alternative(alternative: Alternative) -> str:
        # A phrase is "a" + "b"; a trailing * makes its last word a prefix (at most
        # text.MAX_PREFIX letters, the longest prefix index: one doclist to read).
        phrase = " + ".join(f'"{token}"' for token in alternative.tokens)
        return f"{phrase}*" if alternative.prefix else phrase

    def match_expression(
        self, query: Query, filters: Filters, *, title_only: bool = False
    ) -> str:
        clauses = []
        for clause in query.clauses:
            alternatives = [self._alternative(a) for a in clause.alternatives]
            if len(alternatives) == 1:
                clauses.append(alternatives[0])
            else:
                clauses.append("(" + " OR ".join(alternatives) + ")")
        columns = "{title}" if title_only else "{title body}"
        expression = columns + " : (" + " AND ".join(clauses) + ")"
        tags = tag_tokens(filters)
        if tags:
            expression += " AND tags : (" + " AND ".join(tags) + ")"
        return expression

    def candidates(
        self,
        query: Query,
        filters: Filters,
        key_range: tuple[int, int],
        limit: int,
        *,
        title_only: bool = False,
    ) -> list[Candidate]:
        expression = self.match_expression(query, filters, title_only=title_only)
        with _sqlite_time_cap(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT f.rowid, bm25(portal_search_fts, 8.0, 1.0, 0.0), "  # noqa: S608 - bound values
                f"{_FACET_COLUMNS} FROM portal_search_fts AS f "
                "JOIN portal_search_searchentry AS e ON e.id = f.rowid "
                "WHERE portal_search_fts MATCH %s AND f.rowid BETWEEN %s AND %s "
                "ORDER BY f.rowid DESC LIMIT %s",
                [expression, *key_range, limit],
            )
            return [
                Candidate(key, -score, kind, agency, category, _date(day))
                for key, score, kind, agency, category, day in cursor.fetchall()
            ]

    def add_terms(self, terms: list[tuple[int, str]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO portal_search_trigram(rowid, term) VALUES (%s, %s)", terms
            )

    def similar_terms(self, term: str, limit: int) -> list[str]:
        grams = {term[i : i + 3] for i in range(len(term) - 2)}
        if not grams:
            return []
        expression = " OR ".join(f'"{gram}"' for gram in sorted(grams))
        with _sqlite_time_cap(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM portal_search_trigram "
                "WHERE portal_search_trigram MATCH %s ORDER BY rank LIMIT %s",
                [expression, limit],
            )
            return [row[0] for row in cursor.fetchall()]


class PostgresEngine:
    """PostgreSQL: a weighted ``tsvector`` beside each entry, GIN-indexed."""

    vendor = "postgresql"

    def write(self, documents: list[Document]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE portal_search_searchentry AS e SET document = "
                "setweight(to_tsvector('simple', d.title), 'A') || "
                "setweight(to_tsvector('simple', d.body), 'B') "
                "FROM unnest(%s::bigint[], %s::text[], %s::text[]) "
                "AS d(id, title, body) "
                "WHERE e.id = d.id",
                [
                    [d.key for d in documents],
                    [" ".join(d.title) for d in documents],
                    [" ".join(d.body) for d in documents],
                ],
            )

    def delete(self, keys: Iterable[int]) -> None:
        """The document goes with its entry row."""

    def clear(self) -> None:
        """The documents go with the entry rows."""

    def optimize(self) -> None:
        """After a rebuild: rows in (language, rank key) order, so that a language's
        newest matches sit in few pages (searches read 1.5-2x fewer blocks), and
        fresh planner statistics."""
        with connection.cursor() as cursor:
            cursor.execute("CLUSTER portal_search_searchentry USING search_lang_key")
            cursor.execute("ANALYZE portal_search_searchentry")
            cursor.execute("ANALYZE portal_search_searchterm")

    @staticmethod
    def _alternative(alternative: Alternative, weights: str = "") -> str:
        lexemes = [f"'{token}'" for token in alternative.tokens]
        marks = ("*" if alternative.prefix else "") + weights
        if marks:
            lexemes[-1] += ":" + marks
        if len(lexemes) > 1:
            return "(" + " <-> ".join(lexemes) + ")"
        return lexemes[0]

    def tsquery(self, query: Query, *, title_only: bool = False) -> str:
        weights = "A" if title_only else ""
        return " & ".join(
            "("
            + " | ".join(self._alternative(a, weights) for a in clause.alternatives)
            + ")"
            for clause in query.clauses
        )

    def candidates(
        self,
        query: Query,
        filters: Filters,
        key_range: tuple[int, int],
        limit: int,
        *,
        title_only: bool = False,
    ) -> list[Candidate]:
        where = ["document @@ q", "e.id BETWEEN %s AND %s"]
        params: list = [self.tsquery(query, title_only=title_only), *key_range]
        for column in ("language", "kind", "agency_id", "category_id"):
            value = getattr(filters, column)
            if value:
                where.append(f"{column} = %s")
                params.append(value)
        if filters.year:
            where.append("date >= make_date(%s, 1, 1) AND date < make_date(%s, 1, 1)")
            params += [filters.year, filters.year + 1]
        # ts_rank reads the whole document: the outer query scores only the rows
        # the inner one kept, not every match.
        sql = (
            "SELECT c.id, ts_rank(c.document, q), c.kind, c.agency_id, "  # noqa: S608 - bound values
            "c.category_id, c.date FROM ("
            f"SELECT e.id, e.document, {_FACET_COLUMNS} "
            "FROM portal_search_searchentry AS e, to_tsquery('simple', %s) AS q "
            "WHERE " + " AND ".join(where) + " ORDER BY e.id DESC LIMIT %s"
            ") AS c, to_tsquery('simple', %s) AS q ORDER BY c.id DESC"
        )
        with _postgres_time_cap() as cursor:
            cursor.execute(sql, [*params, limit, params[0]])
            return [
                Candidate(key, float(score), *facets)
                for key, score, *facets in cursor.fetchall()
            ]

    def add_terms(self, terms: list[tuple[int, str]]) -> None:
        """The trigram index is on the terms table itself."""

    def similar_terms(self, term: str, limit: int) -> list[str]:
        with _postgres_time_cap() as cursor:
            cursor.execute(
                "SELECT term FROM portal_search_searchterm WHERE term %% %s "
                "ORDER BY similarity(term, %s) DESC, term LIMIT %s",
                [term, term, limit],
            )
            return [row[0] for row in cursor.fetchall()]


@contextmanager
def _sqlite_time_cap() -> Iterator[None]:
    connection.ensure_connection()
    raw = connection.connection
    deadline = time.monotonic() + _time_cap()
    raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        yield
    except DatabaseError as error:
        if "interrupted" in str(error):
            raise QueryTooSlow from error
        raise
    finally:
        raw.set_progress_handler(None, 0)


@contextmanager
def _postgres_time_cap():
    milliseconds = int(_time_cap() * 1000)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {milliseconds}")
            yield cursor
    except DatabaseError as error:
        if "statement timeout" in str(error):
            raise QueryTooSlow from error
        raise


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ExternalEngine:
    """A Wagtail search backend (OpenSearch, Elasticsearch) named by ``SEARCH_ENGINE``.

    Documents go to it already folded (``SearchEntry.external_*``); queries are
    built from Wagtail's query classes. It ranks all matches itself, so candidates
    are its top ``limit`` by relevance. The vocabulary for "did you mean" stays in
    the database.
    """

    vendor = "external"

    def __init__(self, alias: str):
        from wagtail.search.backends import get_search_backend

        self.backend = get_search_backend(alias)
        self.database = _embedded()

    def write(self, documents: list[Document], entries=()) -> None:
        self.database.write(documents)
        if entries:
            self.backend.add_bulk(SearchEntry, list(entries))

    def delete(self, keys: Iterable[int]) -> None:
        keys = list(keys)
        self.database.delete(keys)
        for key in keys:
            self.backend.delete(SearchEntry(id=key))

    def optimize(self) -> None:
        self.database.optimize()

    def clear(self) -> None:
        self.database.clear()
        index = self.backend.get_index_for_model(SearchEntry)
        index.reset()
        index.add_model(SearchEntry)

    @staticmethod
    def _query(query: Query):
        from wagtail.search.query import And, Or, Phrase, PlainText

        def alternative(a: Alternative):
            return (
                Phrase(" ".join(a.tokens))
                if len(a.tokens) > 1
                else PlainText(a.tokens[0])
            )

        clauses = [Or([alternative(a) for a in c.alternatives]) for c in query.clauses]
        return And(clauses) if len(clauses) > 1 else clauses[0]

    def candidates(
        self,
        query: Query,
        filters: Filters,
        key_range: tuple[int, int],
        limit: int,
        *,
        title_only: bool = False,
    ) -> list[Candidate]:
        entries = SearchEntry.objects.filter(id__range=key_range)
        for column in ("language", "kind", "agency_id", "category_id"):
            value = getattr(filters, column)
            if value:
                entries = entries.filter(**{column: value})
        if filters.year:
            entries = entries.filter(date__year=filters.year)
        fields = ["external_title"] if title_only else None
        results = self.backend.search(self._query(query), entries, fields=fields)
        hits = results.annotate_score("_score")[:limit]
        return [
            Candidate(
                e.id, float(e._score or 0), e.kind, e.agency_id, e.category_id, e.date
            )
            for e in hits
        ]

    def add_terms(self, terms: list[tuple[int, str]]) -> None:
        self.database.add_terms(terms)

    def similar_terms(self, term: str, limit: int) -> list[str]:
        return self.database.similar_terms(term, limit)


def _embedded() -> SqliteEngine | PostgresEngine:
    if connection.vendor == "postgresql":
        return PostgresEngine()
    if connection.vendor == "sqlite":
        return SqliteEngine()
    raise NotImplementedError(
        f"No embedded search engine for {connection.vendor}; "
        "configure an external one (docs/deployment.md)."
    )


def get_engine() -> SqliteEngine | PostgresEngine | ExternalEngine:
    """The configured external engine, or the default database's own."""
    alias = getattr(settings, "SEARCH_ENGINE", "")
    if alias:
        return ExternalEngine(alias)
    return _embedded()
