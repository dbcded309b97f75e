"""python manage.py inspect_document FILE [--format json|text]

Reads and analyses a document without writing to the database.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from documents.reader import ReaderError, read_document
from documents.reader.types import ParsedDocument


def summary(doc: ParsedDocument) -> dict:
    return {
        "document": {
            "type": doc.type,
            "date": doc.date.isoformat() if doc.date else None,
            "kamerstuk": doc.kamerstuk,
            "subject": doc.subject,
            "ministry": doc.ministry,
            "bewindspersoon": doc.bewindspersoon,
            "committee": doc.committee,
        },
        "references": doc.references,
        "other_references": doc.other_references,
        "motions": [{"key": m.key, "name": m.name} for m in doc.motions],
        "fracties": doc.fracties,
        "answers": [
            {"fractie": a.fractie, "question": q.text if q else None, "answer": a.text} for q, a in doc.answers()
        ],
        "passages": len(doc.passages),
    }


class Command(BaseCommand):
    help = "Analyse a document (type, date, references, motions, VSO answers) without storing it."
    requires_system_checks = []  # a pure reader: runs even where the project is half-configured

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument("--type", dest="doc_type", choices=["kamerbrief", "vso"])

    def handle(self, *args, file, format, doc_type, **options):
        try:
            doc = read_document(file, doc_type=doc_type)
        except (ReaderError, OSError) as exc:
            raise CommandError(f"{file}: {exc}") from None
        data = summary(doc)
        if format == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        d = data["document"]
        for k, v in d.items():
            self.stdout.write(f"{k:15} {v}")
        self.stdout.write(f"{'passages':15} {data['passages']}")
        self.stdout.write(f"{'references':15} {', '.join(data['references'])}")
        self.stdout.write(f"{'other refs':15} {'; '.join(data['other_references'])}")
        for m in data["motions"]:
            self.stdout.write(f"{'motion':15} {m['key'] or '?'}  {m['name']}")
        self.stdout.write(f"{'fracties':15} {', '.join(data['fracties'])}")
        self.stdout.write(f"{'answers':15} {len(data['answers'])}")
