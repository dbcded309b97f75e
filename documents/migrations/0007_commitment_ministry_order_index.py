"""The list sorted by ministry (``sort=ministerie``: ministry, id), PostgreSQL only.

Without it the list sorts every row of a status (up to 450k) for one page of 50:
85–230 ms per request. With it the page is read in index order.
"""

from django.db import migrations

SQL = "CREATE INDEX IF NOT EXISTS web_commitment_ministry_id ON commitments_commitment (ministry, id)"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS web_commitment_ministry_id")


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_motion_name_trigram_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
