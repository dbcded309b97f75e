"""Keep the columns a commitment copies from its letter in step with the letter."""

from __future__ import annotations

from django.db.models import Q


def copy_from_document(sender, instance, raw=False, **kwargs) -> None:
    """A document's date or committee changed (a correction, a replaced text): its commitments follow."""
    if raw:
        return
    from .models import Commitment

    differs = ~Q(committee=instance.committee or "")
    differs |= Q(letter_date__isnull=True) | ~Q(letter_date=instance.date) if instance.date else Q(letter_date__isnull=False)
    Commitment.objects.filter(Q(document_id=instance.pk) & differs).update(
        letter_date=instance.date, committee=instance.committee or ""
    )
