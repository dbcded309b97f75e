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


def record_review_example(sender, instance, created=False, raw=False, **kwargs) -> None:
    """A proposal was accepted or rejected: keep the decision as a training example for the extractor."""
    from .models import ReviewDecision, ReviewExample, Status

    if raw or not created or instance.old_status != Status.PROPOSED or instance.new_status == Status.PROPOSED:
        return
    c = instance.commitment
    ReviewExample.objects.create(
        commitment=c, document_id=c.document_id, sentence=c.quote, features=c.features or {},
        confidence=c.confidence, user_id=instance.user_id,
        decision=ReviewDecision.REJECTED if instance.new_status == Status.REJECTED else ReviewDecision.ACCEPTED,
        corrected_quote=c.quote, corrected_due_date=c.due_date,
    )


def record_status_event(sender, instance, created=False, raw=False, **kwargs) -> None:
    """An accepted proposal (new) or a fulfilment goes into the digest's outbox, in the same transaction."""
    from django.utils import timezone

    from .models import PUBLIC_STATUSES, ChangeKind, CommitmentEvent, Status

    if raw or not created or instance.reverts_id:
        return
    # a proposal accepted, or a promise added by hand (from no status: services.add_commitment)
    if instance.old_status in (Status.PROPOSED, "") and instance.new_status in PUBLIC_STATUSES:
        kind = ChangeKind.NEW
    elif instance.new_status == Status.FULFILLED:
        kind = ChangeKind.FULFILLED
    else:
        return
    CommitmentEvent.objects.create(commitment_id=instance.commitment_id, kind=kind, created_at=timezone.now())


def record_postponement_event(sender, instance, created=False, raw=False, **kwargs) -> None:
    """A postponement (uitstelbrief) goes into the digest's outbox with its old and new date."""
    from django.utils import timezone

    from .models import ChangeKind, CommitmentEvent

    if raw or not created or not instance.is_postponement or instance.reverts_id:
        return
    CommitmentEvent.objects.create(
        commitment_id=instance.commitment_id, kind=ChangeKind.POSTPONED, old_due_date=instance.old_due_date,
        new_due_date=instance.new_due_date, created_at=timezone.now(),
    )
