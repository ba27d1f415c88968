"""``manage.py clean_rich_text [--dry-run] [--batch-size N]``.

Rich text is cleaned on every save (``govportal.core.richtext``); rows stored before
that existed keep their markup until they are saved again. This command cleans them
in place, with the same functions a save uses: the rich text fields and the rich
text blocks of every model that has any, and the content of Wagtail's revisions, so
that neither an old draft nor a revert brings the markup back.

Nothing else changes: no revision is created, ``latest_revision``,
``last_published_at`` and the like stay as they are, and no publish signal is sent.
Rows are read and written in batches, one transaction each, and a row that is
already clean is not written. If a row the public can see changed, the whole page
cache is purged at the end.
"""

from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from wagtail.models import Revision
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from govportal.core.richtext import (
    rich_text_fields,
    sanitize_changes,
    sanitize_serialized,
    serializes_rich_text,
)
from govportal.pagecache.cache import purge
from govportal.pagecache.stores import ALL


@dataclass
class Tally:
    """What one model's rows (or its revisions) gave."""

    label: str
    examined: int = 0
    cleaned: int = 0
    live: int = 0  # cleaned rows the public can see


def rich_text_tables() -> list[tuple[type[models.Model], list[models.Field]]]:
    """Each table with rich text and its rich text fields, a field only under the
    model whose table holds it (a page type's, not its subclasses')."""
    tables = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped:
            continue
        local = set(meta.local_concrete_fields)
        fields = [field for field in rich_text_fields(model) if field in local]
        if fields:
            tables.append((model, fields))
    return sorted(tables, key=lambda table: table[0]._meta.label)


def revision_models() -> list[tuple[type[models.Model], int]]:
    """The models whose stored revisions can hold rich text, with their content
    type ids."""
    found = []
    ids = Revision.objects.order_by().values_list("content_type_id", flat=True)
    for content_type_id in set(ids):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and serializes_rich_text(model):
            found.append((model, content_type_id))
    return sorted(found, key=lambda pair: pair[0]._meta.label)


def reindex(model: type[models.Model], pks: list) -> None:
    """Update the search index for these rows, as saving them would, but in bulk:
    the indexed text loses what the cleaning removed (a script's words)."""
    instances = defaultdict(list)
    for row in model.get_indexed_objects().filter(pk__in=pks):
        instance = row.get_indexed_instance()
        if instance is not None:
            instances[type(instance)].append(instance)
    for backend in get_search_backends(with_auto_update=True):
        for indexed_model, objects in instances.items():
            backend.add_bulk(indexed_model, objects)


class Command(BaseCommand):
    help = (
        "Clean the rich text stored before it was cleaned on save: pages, snippets "
        "and revisions, in place."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be cleaned; write nothing.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Rows read and written per transaction (default 500).",
        )

    def handle(self, *args, dry_run, batch_size, verbosity, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.verbosity = verbosity
        tallies = [
            self.clean_table(model, fields) for model, fields in rich_text_tables()
        ]
        tallies += [
            self.clean_revisions(model, content_type_id)
            for model, content_type_id in revision_models()
        ]
        verb = "would be cleaned" if dry_run else "cleaned"
        for tally in tallies:
            self.stdout.write(
                f"{tally.label}: {tally.examined} examined, {tally.cleaned} {verb}"
            )
        cleaned = sum(tally.cleaned for tally in tallies)
        if dry_run:
            self.stdout.write(
                f"Dry run: {cleaned} rows would be cleaned, none written."
            )
            return
        if any(tally.live for tally in tallies):
            # Which cached pages show a row is known only for pages and listed
            # models; a one-off clean-up can afford to drop everything.
            purge({ALL})
            self.stdout.write(f"{cleaned} rows cleaned; the page cache was purged.")
        else:
            self.stdout.write(f"{cleaned} rows cleaned.")

    def in_batches(self, queryset, names, clean_batch) -> None:
        """Call ``clean_batch(rows)`` for every batch of rows (dicts of ``names``
        and ``pk``), inside the batch's transaction.

        Rows are read with ``select_for_update``: an editor's save between the read
        and the write waits, rather than being overwritten by the older text.
        """
        queryset = queryset.order_by("pk")
        if not self.dry_run:
            queryset = queryset.select_for_update(of=("self",))
        last = None
        while True:
            # A dry run only reads: no transaction, which on SQLite (IMMEDIATE
            # transactions) would hold the write lock.
            with nullcontext() if self.dry_run else transaction.atomic():
                batch = queryset if last is None else queryset.filter(pk__gt=last)
                rows = list(batch.values("pk", *names)[: self.batch_size])
                clean_batch(rows)
            if len(rows) < self.batch_size:
                return
            last = rows[-1]["pk"]

    def clean_table(self, model, fields) -> Tally:
        """Clean the rich text ``fields`` of every row of ``model``."""
        tally = Tally(model._meta.label)
        names = [field.attname for field in fields]
        has_live = any(field.name == "live" for field in model._meta.concrete_fields)
        manager = model._base_manager
        indexed = index.class_is_indexed(model)

        def clean_batch(rows):
            tally.examined += len(rows)
            changed = []
            for row in rows:
                changes = sanitize_changes(model, row)
                if not changes:
                    continue
                changed.append(row["pk"])
                if not has_live or row["live"]:
                    tally.live += 1
                self.log(f"{tally.label} {row['pk']}: {', '.join(changes)}")
                if not self.dry_run:
                    manager.filter(pk=row["pk"]).update(**changes)
            tally.cleaned += len(changed)
            if indexed and changed and not self.dry_run:
                reindex(model, changed)

        if has_live:
            names.append("live")
        self.in_batches(manager.all(), names, clean_batch)
        return tally

    def clean_revisions(self, model, content_type_id) -> Tally:
        """Clean the stored content of every revision of ``model``."""
        tally = Tally(f"{model._meta.label} revisions")
        revisions = Revision.objects.filter(content_type_id=content_type_id)

        def clean_batch(rows):
            tally.examined += len(rows)
            for row in rows:
                content = row["content"]
                if not isinstance(content, dict) or not sanitize_serialized(
                    model, content
                ):
                    continue
                tally.cleaned += 1
                self.log(
                    f"revision {row['pk']} of {model._meta.label} {row['object_id']}"
                )
                if not self.dry_run:
                    Revision.objects.filter(pk=row["pk"]).update(content=content)

        self.in_batches(revisions, ["object_id", "content"], clean_batch)
        return tally

    def log(self, line: str) -> None:
        if self.verbosity >= 2:
            self.stdout.write(f"  {line}")
