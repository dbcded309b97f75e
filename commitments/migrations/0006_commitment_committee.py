"""The letter's committee on the commitment, and index-only dashboards for every filter.

The dashboard filtered on a committee joined every open commitment to its document:
80–140 ms per filter state at 1M commitments. Copied onto the commitment (as the
ministry already is), the counts and the overdue chart are one index-only pass, as
for a ministry. The fractie and bewindspersoon filters get the same kind of index
(the chart groups by ministry, so it is included): 180 ms → ~10 ms for a fractie.
"""

from django.db import migrations, models

FILL = (
    "UPDATE commitments_commitment SET committee = "
    "(SELECT d.committee FROM documents_document d WHERE d.id = commitments_commitment.document_id) "
    "WHERE EXISTS (SELECT 1 FROM documents_document d WHERE d.id = commitments_commitment.document_id AND d.committee <> '')"
)

OPEN = "('voorgesteld', 'openstaand', 'deels_voldaan')"
PG_INDEXES = {
    # Dashboard counts and the overdue chart per ministry, for one committee.
    "web_commitment_open_committee": f"(committee, due_date, status) INCLUDE (ministry) WHERE status IN {OPEN}",
    # The same for the fractie that asked (replaces web_commitment_open_fractie) and the bewindspersoon.
    "web_commitment_open_fractie_cover": f"(fractie, due_date, status) INCLUDE (ministry) WHERE status IN {OPEN}",
    "web_commitment_open_actor": f"(actor, due_date, status) INCLUDE (ministry) WHERE status IN {OPEN}",
    # The list filtered on a committee and a status, its capped count, the drop-down's distinct values.
    "web_commitment_committee_status": "(committee, status, due_date)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in PG_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON commitments_commitment {definition}")
    schema_editor.execute("DROP INDEX IF EXISTS web_commitment_open_fractie")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in PG_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS web_commitment_open_fractie ON commitments_commitment "
        f"(fractie, due_date, status) WHERE status IN {OPEN}"
    )


class Migration(migrations.Migration):
    dependencies = [("commitments", "0005_commitment_letter_date")]

    operations = [
        migrations.AddField(
            model_name="commitment",
            name="committee",
            field=models.CharField(blank=True, default="", editable=False, max_length=300, verbose_name="commissie"),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop, elidable=False),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
