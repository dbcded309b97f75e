"""What a follow covers: its commitments, its label, the saved search's normalised query string.

A saved search is kept as the list's filter query string, normalised (only the list's filter
parameters, no page, format or sort order, empty values dropped, keys sorted) and re-run through
the same FilterSet (``web.filters.CommitmentFilter``) by the digest and the personal calendar, so
it selects what the list page shows for the same URL: only public commitments.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from commitments.models import Commitment, Follow

#: Parameters of the list that do not change which commitments are selected.
NOT_FILTERS = ("page", "format", "sort")


def normalise_search(data: QueryDict) -> str:
    """The list's filter state as a canonical query string ("" when no filter is set).

    Raises ``ValueError`` with a Dutch message when a filter value is invalid (the list would refuse it too).
    """
    from web.filters import CommitmentFilter

    f = CommitmentFilter(data, queryset=Commitment.objects.none())
    if not f.is_valid():
        raise ValueError(_("Deze filters zijn ongeldig; controleer ze op de lijst."))
    kept = QueryDict(mutable=True)
    for key in sorted(f.filters):
        if key in NOT_FILTERS:
            continue
        for value in data.getlist(key):
            value = value.strip()
            if value:
                kept.appendlist(key, value)
    return kept.urlencode()


def search_queryset(search: str, queryset: QuerySet | None = None) -> QuerySet:
    """The public commitments a saved search selects (the list page's FilterSet, the same rules)."""
    from web.filters import CommitmentFilter

    base = Commitment.objects.all() if queryset is None else queryset
    f = CommitmentFilter(QueryDict(search), queryset=base)
    if not f.is_valid():  # a search saved before a filter changed: it selects nothing, never everything
        return Commitment.objects.none()
    return f.qs


def target_q(follow: Follow) -> Q | None:
    """The commitments a non-search follow covers, as a condition (what the digest's SQL joins on)."""
    if follow.commitment_id:
        return Q(pk=follow.commitment_id)
    if follow.motion_id:
        return Q(motions=follow.motion_id)
    if follow.dossier_id:
        return Q(document__dossier=follow.dossier_id) | Q(motions__dossier=follow.dossier_id)
    if follow.ministry:
        return Q(ministry=follow.ministry) | Q(document__ministry=follow.ministry)
    return None


def followed_ids(follows: Iterable[Follow], among: QuerySet | None = None) -> set[int]:
    """Ids of the public commitments (among ``among``) that any of ``follows`` covers."""
    base = Commitment.objects.public() if among is None else among.public()
    ids: set[int] = set()
    conditions = Q(pk__in=[])
    for follow in follows:
        if follow.search:
            ids.update(search_queryset(follow.search, base).values_list("pk", flat=True))
        else:
            conditions |= target_q(follow)
    ids.update(base.filter(conditions).values_list("pk", flat=True).distinct())
    return ids


def reasons(follows: list[Follow], commitment_ids: Iterable[int]) -> dict[int, list[Follow]]:
    """Per commitment: which of ``follows`` made it part of a digest (in the order of ``follows``)."""
    among = Commitment.objects.filter(pk__in=list(commitment_ids))
    out: dict[int, list[Follow]] = {}
    for follow in follows:
        if follow.search:
            hits = search_queryset(follow.search, among.public()).values_list("pk", flat=True)
        else:
            hits = among.filter(target_q(follow)).values_list("pk", flat=True).distinct()
        for pk in hits:
            out.setdefault(pk, []).append(follow)
    return out


def describe(follow: Follow) -> str:
    """A follow in words: "motie 31497-507 (motie Westerveld)", "ministerie …", "zoekopdracht …"."""
    if follow.motion_id:
        return _("motie %(motion)s") % {"motion": follow.motion}
    if follow.dossier_id:
        return _("dossier %(dossier)s") % {"dossier": follow.dossier}
    if follow.ministry:
        return _("ministerie %(ministry)s") % {"ministry": follow.ministry}
    if follow.commitment_id:
        return _("toezegging ‘%(quote)s’") % {"quote": follow.commitment.quote[:80]}
    return _("zoekopdracht %(filters)s") % {"filters": describe_search(follow.search)}


def describe_search(search: str) -> str:
    data = QueryDict(search)
    return ", ".join(f"{key} = {value}" for key in data for value in data.getlist(key))


def target_url(follow: Follow) -> str:
    if follow.motion_id:
        return follow.motion.get_absolute_url()
    if follow.dossier_id:
        return follow.dossier.get_absolute_url()
    if follow.ministry:
        q = QueryDict(mutable=True)
        q["ministry"] = follow.ministry
        return reverse("web:commitment_list") + "?" + q.urlencode()
    if follow.commitment_id:
        return follow.commitment.get_absolute_url()
    return reverse("web:commitment_list") + "?" + follow.search
