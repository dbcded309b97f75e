"""Recompute the stored fulfilment suggestions of every letter (or of some), oldest letter first.

    python manage.py refresh_suggestions [--document ID …]

Ingestion stores a letter's suggestions at once; this brings them up to date after commitments
were added or reviewed later (the demo loads its five letters, then the griffie's decisions).
Open suggestions are replaced; dismissed and applied ones stay as they are.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from commitments.fulfilment import refresh_all
from documents.models import Document, DocumentType


class Command(BaseCommand):
    help = "Recompute the stored fulfilment suggestions (dismissed ones stay dismissed)."

    def add_arguments(self, parser):
        parser.add_argument("--document", type=int, action="append", default=[], help="only this document id")

    def handle(self, *args, **opts):
        docs = Document.objects.exclude(type=DocumentType.MOTIE).order_by("date", "pk")
        if opts["document"]:
            docs = docs.filter(pk__in=opts["document"])
        count = refresh_all(list(docs))
        self.stdout.write(f"{count} open suggestion(s) stored for {len(docs)} document(s)")
