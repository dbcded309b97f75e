"""The commitment list's default order (due date, id) on all rows, PostgreSQL only.

Without it the unfiltered list sorts a million rows for its first page; with it the
first page is read in index order, and a full-text search for a frequent word can
walk the newest commitments backwards instead of fetching every match.
"""

from django.db import migrations

SQL = "CREATE INDEX IF NOT EXISTS web_commitment_due_id ON commitments_commitment (due_date, id)"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS web_commitment_due_id")


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_search_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
