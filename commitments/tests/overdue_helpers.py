"""Small builders shared by the overdue, digest and task tests."""

from __future__ import annotations

import itertools
from datetime import date

from commitments.models import Commitment, Status
from documents.models import Document

_seq = itertools.count(1)


def make_document(**kwargs) -> Document:
    n = next(_seq)
    defaults = {
        "sha256": f"{n:064x}",
        "kamerstuk": f"99999-{n}",
        "ministry": "Ministerie van Financiën",
    }
    return Document.objects.create(**{**defaults, **kwargs})


def make_commitment(
    due_date: date | None,
    status: str = Status.OPEN,
    document: Document | None = None,
    **kwargs,
) -> Commitment:
    document = document or make_document()
    return Commitment.objects.create(
        document=document,
        quote=kwargs.pop("quote", f"Wij informeren de Kamer ({next(_seq)})."),
        due_date=due_date,
        status=status,
        ministry=kwargs.pop("ministry", document.ministry),
        **kwargs,
    )
