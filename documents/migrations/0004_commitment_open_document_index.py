"""Open commitments by document, covering what the dashboard counts, PostgreSQL only.

The committee filter (a column of the document) joins ~14,000 documents per committee
to their commitments; with status, due date and ministry in the index the join is
index-only instead of one heap visit per open commitment (170 ms → see README).
"""

from django.db import migrations

# commitments.models.OPEN_STATUSES, frozen as of this migration.
OPEN = "('voorgesteld', 'openstaand', 'deels_voldaan')"
SQL = (
    "CREATE INDEX IF NOT EXISTS web_commitment_open_document ON commitments_commitment "
    f"(document_id) INCLUDE (status, due_date, ministry) WHERE status IN {OPEN}"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS web_commitment_open_document")


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_commitment_list_order_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
