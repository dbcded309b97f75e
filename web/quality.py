"""How good is the extractor, judged by the griffie's decisions (the page "Kwaliteit van de extractie").

Counts come from :class:`~commitments.models.ReviewExample`, the latest example per commitment, the
same choice ``commitments.extraction.training.clerk_examples`` makes for training (an example whose
commitment was deleted counts on its own). A ReviewExample is a decision on a proposal, i.e. on
something the extractor proposed, except one of a promise a clerk added that was not proposed (``toegevoegd``,
``services.add_commitment``): such commitments count as added by hand, never as decisions.
All figures are aggregated in the database: one query per table.

* precision: accepted / (accepted + rejected);
* recall on the clerks' decisions: accepted / (accepted + added by hand), where "added by hand" is a
  commitment the griffie holds (an accepted status) that was never proposed: no confidence, no
  ReviewExample but the one of its addition and no decision on a proposal in its history (added with
  "Gemiste toezegging toevoegen" on a letter's page, or from the admin or an import);
* "bewerkt": accepted after a clerk corrected it first — a correction of the deadline is in the
  history (DeadlineChange that is no postponement, dated no later than the decision), or the example
  records a quote other than its sentence. A changed quote alone leaves no trace in the history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth

from commitments.models import (
    PUBLIC_STATUSES,
    Commitment,
    DeadlineChange,
    ReviewDecision,
    ReviewExample,
    Status,
    StatusChange,
)

#: Confidence bands for "does the confidence mean something": (lower bound incl., upper bound excl.).
BANDS: tuple[tuple[float | None, float | None], ...] = ((0.8, None), (0.6, 0.8), (None, 0.6))


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Month:
    month: dt.datetime | None  # None: all months together
    decisions: int = 0
    accepted: int = 0
    edited: int = 0
    rejected: int = 0
    added_by_hand: int = 0
    mean_accepted: float | None = None
    mean_rejected: float | None = None

    @property
    def precision(self) -> float | None:
        return _ratio(self.accepted, self.accepted + self.rejected)

    @property
    def recall(self) -> float | None:
        return _ratio(self.accepted, self.accepted + self.added_by_hand)


@dataclass
class Band:
    low: float | None
    high: float | None
    accepted: int
    rejected: int
    mean_confidence: float | None = None  # of the decided proposals in the band: what the model said beforehand

    @property
    def decisions(self) -> int:
        return self.accepted + self.rejected

    @property
    def precision(self) -> float | None:
        return _ratio(self.accepted, self.decisions)


@dataclass
class Quality:
    months: list[Month] = field(default_factory=list)  # newest first
    total: Month | None = None  # all months together
    bands: list[Band] = field(default_factory=list)
    unscored: int = 0  # decisions on proposals without a confidence (not in a band)


def latest_examples():
    """The latest ReviewExample per commitment (by created_at, then id), as training uses them, of proposals only:
    a commitment a clerk added (``toegevoegd``) was never proposed, so no decision on it judges a proposal."""
    later = ReviewExample.objects.filter(commitment_id=OuterRef("commitment_id")).filter(
        Q(created_at__gt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), id__gt=OuterRef("id"))
    )
    added = ReviewExample.objects.filter(commitment_id=OuterRef("commitment_id"), decision=ReviewDecision.ADDED)
    return ReviewExample.objects.filter(~Exists(later), ~Exists(added)).exclude(decision=ReviewDecision.ADDED).order_by()


def added_by_hand():
    """Commitments the griffie holds that the extractor never proposed (see the module docstring)."""
    return Commitment.objects.filter(
        ~Exists(ReviewExample.objects.filter(commitment_id=OuterRef("pk")).exclude(decision=ReviewDecision.ADDED)),
        ~Exists(StatusChange.objects.filter(commitment_id=OuterRef("pk"), old_status=Status.PROPOSED)),
        status__in=PUBLIC_STATUSES,
        confidence__isnull=True,
        tk_id__isnull=True,  # the Kamer's register of oral commitments is imported, not added by hand
    ).order_by()


def _counts() -> dict[str, object]:
    accepted = Q(decision=ReviewDecision.ACCEPTED)
    corrected = DeadlineChange.objects.filter(
        commitment_id=OuterRef("commitment_id"), is_postponement=False, created_at__lte=OuterRef("created_at")
    )
    return {
        "decisions": Count("id"),
        "accepted": Count("id", filter=accepted),
        "edited": Count("id", filter=accepted & (Q(Exists(corrected)) | ~Q(corrected_quote=F("sentence")))),
        "rejected": Count("id", filter=Q(decision=ReviewDecision.REJECTED)),
        "mean_accepted": Avg("confidence", filter=accepted),
        "mean_rejected": Avg("confidence", filter=Q(decision=ReviewDecision.REJECTED)),
    }


def extraction_quality() -> Quality:
    """Per month of the decision (and over all months): decisions, precision, recall, confidence. Three queries."""
    examples = latest_examples()
    band_counts = {}
    for i, (low, high) in enumerate(BANDS):
        in_band = Q(confidence__isnull=False)
        if low is not None:
            in_band &= Q(confidence__gte=low)
        if high is not None:
            in_band &= Q(confidence__lt=high)
        band_counts[f"b{i}_acc"] = Count("id", filter=in_band & Q(decision=ReviewDecision.ACCEPTED))
        band_counts[f"b{i}_rej"] = Count("id", filter=in_band & Q(decision=ReviewDecision.REJECTED))
        band_counts[f"b{i}_mean"] = Avg("confidence", filter=in_band & Q(
            decision__in=(ReviewDecision.ACCEPTED, ReviewDecision.REJECTED)))

    per_month = (
        examples.annotate(month=TruncMonth("created_at")).values("month").annotate(**_counts()).order_by("-month")
    )
    overall = examples.aggregate(**_counts(), **band_counts, unscored=Count("id", filter=Q(confidence__isnull=True)))
    by_hand = dict(
        added_by_hand().annotate(month=TruncMonth("created_at")).values("month")
        .annotate(n=Count("id")).values_list("month", "n")
    )

    months = {row["month"]: Month(**row) for row in per_month}
    for month, n in by_hand.items():
        months.setdefault(month, Month(month=month)).added_by_hand = n
    total = Month(month=None, added_by_hand=sum(by_hand.values()),
                  **{k: overall[k] for k in ("decisions", "accepted", "edited", "rejected",
                                              "mean_accepted", "mean_rejected")})
    bands = [Band(low, high, overall[f"b{i}_acc"], overall[f"b{i}_rej"], overall[f"b{i}_mean"])
             for i, (low, high) in enumerate(BANDS)]
    return Quality(
        months=sorted(months.values(), key=lambda m: m.month, reverse=True),
        total=total, bands=bands, unscored=overall["unscored"],
    )
