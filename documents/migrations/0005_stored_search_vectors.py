"""Stored full-text vectors for search, PostgreSQL only.

The expression indexes of 0002 let the planner find matching rows, but a search
ordered by date walks the date index and recomputes ``to_tsvector`` for every row
it passes (~25 µs each; 50–80 ms for a two-word search). A stored generated column
is computed once per write by PostgreSQL itself (ingest, services, admin, the
synthetic seed: every INSERT/UPDATE), so the per-row check becomes a cheap
``tsvector @@ tsquery``. The GIN indexes move to the columns.

The models do not declare these columns (SQLite, the embedded run, has no
``to_tsvector``); ``web/search.py`` reads them only on PostgreSQL. Expressions must
match ``web.search.COMMITMENT_VECTOR_SQL`` / ``DOCUMENT_VECTOR_SQL``.
"""

from django.db import migrations

COLUMNS = [
    # (table, column, expression, new index, old expression index of 0002, its definition)
    (
        "commitments_commitment",
        "search_vector",
        "to_tsvector('dutch'::regconfig, quote)",
        "web_commitment_search_vector",
        "web_commitment_quote_fts",
        "USING gin (to_tsvector('dutch'::regconfig, quote))",
    ),
    (
        "documents_document",
        "search_vector",
        "to_tsvector('dutch'::regconfig, (subject || ' '::text) || text)",
        "web_document_search_vector",
        "web_document_fts",
        "USING gin (to_tsvector('dutch'::regconfig, (subject || ' '::text) || text))",
    ),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column, expression, index, old_index, _old in COLUMNS:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} tsvector "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin ({column})")
        schema_editor.execute(f"DROP INDEX IF EXISTS {old_index}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column, _expression, index, old_index, old in COLUMNS:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {old_index} ON {table} {old}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}")


class Migration(migrations.Migration):
    atomic = True

    dependencies = [
        ("documents", "0004_commitment_open_document_index"),
        ("commitments", "0004_overdue_clear_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
