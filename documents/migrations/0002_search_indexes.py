"""Indexes for the public pages, PostgreSQL only (the embedded SQLite run is small).

The commitments app's migrations belong to the overdue work and the web app's to the
griffie workflow, so the indexes that the dashboard, list and search need on both
apps' tables are created here, by name, with SQL.
Expressions must match web/search.py exactly (see COMMITMENT_VECTOR_SQL).
"""

from django.db import migrations

# commitments.models.OPEN_STATUSES, frozen as of this migration.
OPEN = "('voorgesteld', 'openstaand', 'deels_voldaan')"

INDEXES = [
    # /zoeken/ and the list's q filter: Dutch full-text search on quotes and documents.
    ("web_commitment_quote_fts", "commitments_commitment", "USING gin (to_tsvector('dutch'::regconfig, quote))"),
    (
        "web_document_fts",
        "documents_document",
        "USING gin (to_tsvector('dutch'::regconfig, (subject || ' '::text) || text))",
    ),
    # Dashboard: one index-only pass over open rows for all four counts and the per-ministry
    # chart; the overdue list is its first rows in due_date order.
    ("web_commitment_open_due", "commitments_commitment", f"(due_date, status) INCLUDE (ministry) WHERE status IN {OPEN}"),
    # The same, filtered by ministry or by the fractie that asked.
    ("web_commitment_open_ministry", "commitments_commitment", f"(ministry, due_date, status) WHERE status IN {OPEN}"),
    ("web_commitment_open_fractie", "commitments_commitment", f"(fractie, due_date, status) WHERE status IN {OPEN}"),
    # Filter drop-downs (loose index scans for distinct values) and exact filters.
    ("web_commitment_actor", "commitments_commitment", "(actor)"),
    ("web_commitment_fractie", "commitments_commitment", "(fractie)"),
    ("web_document_committee", "documents_document", "(committee)"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, definition in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _definition in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("commitments", "0002_seed_calendar"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
