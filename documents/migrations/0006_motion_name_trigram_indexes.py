"""Trigram indexes for the search's motion lookup by name, PostgreSQL only.

``selectors.motions_named`` runs three ``icontains`` over every motion for every search
(a sequential scan, ~9 ms at 10k motions). Django compiles ``icontains`` on PostgreSQL
to ``UPPER("col"::text) LIKE UPPER(%s)``; these GIN trigram indexes are on exactly those
expressions. ``pg_trgm`` is a trusted extension: the database owner may create it.
If it cannot be created, the search keeps working without the indexes.
"""

from django.db import migrations

INDEXES = [
    ("web_motion_name_trgm", "name"),
    ("web_motion_submitters_trgm", "submitters"),
    ("web_motion_names_seen_trgm", "names_seen"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cur.fetchone() is None:
            return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON commitments_motion USING gin ((UPPER(({column})::text)) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("documents", "0005_stored_search_vectors")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
