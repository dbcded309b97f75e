"""The API's filters. Commitments: the list page's own FilterSet (web.filters.CommitmentFilter),
so every filter and sort of /toezeggingen/ means the same under /api/v1/commitments/.

The only difference is the publication rule: the API never widens the selection to the
unreviewed proposals (no ``voorstellen``, no ``status=voorgesteld``).
"""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from commitments.models import Motion, Status
from documents.models import Document, DocumentType
from web import selectors
from web.filters import STATUS_CHOICES, CommitmentFilter
from web.search import citation_key


class ApiCommitmentFilter(CommitmentFilter):
    """``CommitmentFilter`` without the proposals: only what the griffie confirmed."""

    status = django_filters.ChoiceFilter(
        choices=[(value, label) for value, label in STATUS_CHOICES if value != Status.PROPOSED],
        method="filter_status",
        label=CommitmentFilter.base_filters["status"].label,
    )

    class Meta(CommitmentFilter.Meta):
        pass


# The unreviewed proposals are never in the API (include_proposed is then always False).
del ApiCommitmentFilter.base_filters["voorstellen"]


def _dossier(queryset: QuerySet, value: str, prefix: str = "") -> QuerySet:
    number, toevoeging = selectors.parse_dossier_key(value)
    return queryset.filter(**{f"{prefix}dossier__number": number, f"{prefix}dossier__toevoeging": toevoeging})


class DocumentFilter(django_filters.FilterSet):
    dossier = django_filters.CharFilter(method="filter_dossier", label="Dossier, bijvoorbeeld 31497 of 36410-VIII")
    type = django_filters.ChoiceFilter(choices=DocumentType.choices, label="Soort document")
    ministry = django_filters.CharFilter(field_name="ministry", label="Ministerie")
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="Datum vanaf")
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="Datum tot en met")

    class Meta:
        model = Document
        fields: list[str] = []

    def filter_dossier(self, queryset, name, value):
        return _dossier(queryset, value)


class MotionFilter(django_filters.FilterSet):
    dossier = django_filters.CharFilter(method="filter_dossier", label="Dossier, bijvoorbeeld 31497")
    key = django_filters.CharFilter(method="filter_key", label="Kamerstuk in elke citeervorm, bijvoorbeeld 31 497, nr. 507")

    class Meta:
        model = Motion
        fields: list[str] = []

    def filter_dossier(self, queryset, name, value):
        return _dossier(queryset, value)

    def filter_key(self, queryset, name, value):
        return queryset.filter(key=citation_key(value) or value.strip())
