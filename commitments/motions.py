"""The Motion row of a Kamerstuk key (used by ingestion and by the griffie's edits)."""

from __future__ import annotations

from documents.dossiers import dossier_for
from documents.reader.citations import split_key

from .models import Motion


def motion_for(key: str, name: str = "", submitters: list[str] | None = None) -> Motion:
    """The Motion row for a Kamerstuk key, remembering every name it was cited by."""
    motion, created = Motion.objects.get_or_create(key=key)
    changed = created
    if name and name not in motion.names_seen:
        motion.names_seen = [*motion.names_seen, name]
        changed = True
    if name and not motion.name:
        motion.name = name[:300]
    if submitters and not motion.submitters:
        motion.submitters = submitters
        changed = True
    if created and (parts := split_key(key)):
        number, toevoeging, motion.ondernummer = parts
        motion.dossier = dossier_for(number, toevoeging)
    if changed:
        motion.save()
    return motion
