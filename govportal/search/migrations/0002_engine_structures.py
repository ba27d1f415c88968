"""The engine's own index structures, which Django's model layer cannot express."""

from django.db import migrations

SQLITE_CREATE = [
    # Folded words of the title and body, and filter tokens (language, kind, agency,
    # category, year) in ``tags``; the rowid is the entry's rank key. The prefix
    # indexes serve the Uzbek and Karakalpak stems (4 to 8 letters) without merging
    # the doclists of every word that starts with one.
    "CREATE VIRTUAL TABLE portal_search_fts USING fts5("
    "title, body, tags, tokenize = 'unicode61 remove_diacritics 0', "
    "prefix = '4 5 6 7 8')",
    # Every word once, split into trigrams, for "did you mean".
    "CREATE VIRTUAL TABLE portal_search_trigram USING fts5("
    "term, tokenize = 'trigram')",
]
SQLITE_DROP = [
    "DROP TABLE IF EXISTS portal_search_fts",
    "DROP TABLE IF EXISTS portal_search_trigram",
]
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE portal_search_searchentry ADD COLUMN document tsvector",
    "CREATE INDEX portal_search_document ON portal_search_searchentry "
    "USING gin (document)",
    "CREATE INDEX portal_search_term_trigram ON portal_search_searchterm "
    "USING gin (term gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS portal_search_term_trigram",
    "DROP INDEX IF EXISTS portal_search_document",
    "ALTER TABLE portal_search_searchentry DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
