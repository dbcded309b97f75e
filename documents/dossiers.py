"""The Dossier row of a Kamerstuk number (shared by ingestion and commitments.motions)."""

from __future__ import annotations

from .models import Dossier


def dossier_for(number: str, toevoeging: str = "") -> Dossier:
    dossier, _ = Dossier.objects.get_or_create(number=number, toevoeging=toevoeging)
    return dossier
