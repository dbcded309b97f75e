"""The commitment list's filters. Their state lives in the URL, so every filtered view is a permalink."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.fields import BaseCSVField

from commitments.models import PUBLIC_OPEN_STATUSES, Commitment, Origin, Status

from . import search as text_search
from . import selectors

#: "open" is not a stored status but the statuses in which an accepted commitment can still be late.
STATUS_OPEN = "open"
#: Rejected proposals are never public; "voorgesteld" shows the unreviewed proposals (it implies
#: ``voorstellen=1``).
STATUS_CHOICES = [
    (STATUS_OPEN, _("Alle nog niet geleverde")),
    (Status.OPEN, Status.OPEN.label),
    (Status.PARTLY_FULFILLED, Status.PARTLY_FULFILLED.label),
    (Status.FULFILLED, Status.FULFILLED.label),
    (Status.LAPSED, Status.LAPSED.label),
    (Status.PROPOSED, _("Niet beoordeeld (voorstel)")),
]

TRUE_VALUES = {"1", "true", "on", "ja", "yes"}


def is_true(value) -> bool:
    """Whether a URL flag such as ``te_laat=1`` is set."""
    return str(value).strip().lower() in TRUE_VALUES


class OptionSelect(forms.Select):
    """A drop-down whose options are filled in per request from distinct column values."""


class _NoEmptyItemCSVField(BaseCSVField):
    """A comma-separated list without empty items: "sort=" is the default order, "sort=," or "sort=termijn," a
    mistake that is refused (a 400 in the API) rather than read as no sort."""

    def clean(self, value):
        items = super().clean(value)
        if items and any(item in (None, "") for item in items):
            raise forms.ValidationError(_("Lege sortering in de lijst: laat de losse komma weg."), code="invalid_choice")
        return items


class SortFilter(django_filters.OrderingFilter):
    base_field_class = _NoEmptyItemCSVField


class CommitmentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Zoeken in citaat"))
    status = django_filters.ChoiceFilter(
        choices=STATUS_CHOICES, method="filter_status", label=_("Status"), empty_label=_("Alle statussen")
    )
    # Written (brief, VSO) or oral (mondeling: the Kamer's register, imported by sync_tk).
    herkomst = django_filters.ChoiceFilter(
        field_name="origin", choices=Origin.choices, label=_("Herkomst"), empty_label=_("Brief, VSO en mondeling")
    )
    te_laat = django_filters.CharFilter(method="filter_te_laat", label=_("Alleen te laat"))
    # The publication rule (CommitmentQuerySet.public) is applied in filter_queryset; this flag
    # only widens it to the unreviewed proposals, which every page marks "niet beoordeeld".
    voorstellen = django_filters.CharFilter(method="filter_nothing", label=_("Ook niet-beoordeelde voorstellen tonen"))
    due_after = django_filters.DateFilter(
        field_name="due_date",
        lookup_expr="gte",
        label=_("Uiterste datum vanaf"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    due_before = django_filters.DateFilter(
        field_name="due_date",
        lookup_expr="lte",
        label=_("Uiterste datum tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    ministry = django_filters.CharFilter(field_name="ministry", label=_("Ministerie"), widget=OptionSelect)
    bewindspersoon = django_filters.CharFilter(field_name="actor", label=_("Bewindspersoon"), widget=OptionSelect)
    committee = django_filters.CharFilter(
        field_name="committee", label=_("Commissie"), widget=OptionSelect
    )
    fractie = django_filters.CharFilter(field_name="fractie", label=_("Fractie"), widget=OptionSelect)
    dossier = django_filters.CharFilter(method="filter_dossier", label=_("Dossier"))
    motion = django_filters.CharFilter(method="filter_motion", label=_("Motie"))
    # Choices from the shared cache (selectors.filter_options_many), not a query per form.
    measure = django_filters.ChoiceFilter(
        field_name="measure_id", choices=[], label=_("Maatregel"), empty_label=_("Alle maatregelen")
    )
    sort = SortFilter(
        fields=(
            ("due_date", "termijn"),
            ("letter_date", "brief"),
            ("ministry", "ministerie"),
            ("status", "status"),
        ),
        field_labels={
            "due_date": _("Uiterste datum"),
            "letter_date": _("Datum brief"),
            "ministry": _("Ministerie"),
            "status": _("Status"),
        },
        label=_("Sorteren op"),
        empty_label=_("Uiterste datum (standaard)"),
    )

    #: Filters whose drop-down lists the distinct values of a column (see selectors.filter_options).
    OPTION_FILTERS = {"ministry": "ministry", "bewindspersoon": "actor", "committee": "committee", "fractie": "fractie"}

    class Meta:
        model = Commitment
        fields: list[str] = []

    #: If set, only these filters are offered (the dashboard's subset).
    visible: tuple[str, ...] | None = None
    #: Apply the publication rule to ``qs``. The dashboard applies it itself (it counts the
    #: proposals apart, as "te beoordelen").
    publish: bool = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.visible is not None:
            self.filters = {k: v for k, v in self.filters.items() if k in self.visible}
        shown = {name: source for name, source in self.OPTION_FILTERS.items() if name in self.filters}
        options = selectors.filter_options_many([*shown.values(), *(["measure"] if "measure" in self.filters else [])])
        if "measure" in self.filters:
            self.form.fields["measure"].choices = options["measure"]  # the empty choice is added by django-filter
        for name, source in shown.items():
            field = self.form.fields[name]
            values = options[source]
            current = self.data.get(name)
            if current and current not in values:
                values = [current, *values]
            field.widget.choices = [("", _("Alle"))] + [(v, v) for v in values]

    # The default order: soonest due first, then id, so pages are stable.
    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.publish:
            queryset = queryset.public(include_proposed=self.include_proposed)
        qs = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sort"):
            qs = qs.order_by("due_date", "pk")
        else:
            qs = qs.order_by(*qs.query.order_by, "pk")
        return qs

    @property
    def include_proposed(self) -> bool:
        """Whether the visitor asked for the unreviewed proposals too (``voorstellen=1`` or that status)."""
        if "voorstellen" not in self.filters:
            return False
        return is_true(self.data.get("voorstellen", "")) or self.data.get("status") == Status.PROPOSED

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_q(self, queryset, name, value):
        return text_search.text_search_commitments(queryset, value)

    def filter_status(self, queryset, name, value):
        if value == STATUS_OPEN:
            return queryset.filter(status__in=PUBLIC_OPEN_STATUSES)
        return queryset.filter(status=value)

    def filter_te_laat(self, queryset, name, value):
        if is_true(value):
            return queryset.filter(selectors.overdue_q())
        return queryset

    def filter_dossier(self, queryset, name, value):
        number, toevoeging = selectors.parse_dossier_key(value)
        return queryset.filter(document__dossier__number=number, document__dossier__toevoeging=toevoeging)

    def filter_motion(self, queryset, name, value):
        key = text_search.citation_key(value) or value.strip()
        return queryset.filter(motions__key=key)

    @property
    def active(self) -> bool:
        """Whether any filter (not only the sort order) is set."""
        return any(v for k, v in self.data.items() if k in self.filters and k != "sort")


#: The dashboard offers these; the rest are in the list.
DASHBOARD_FILTERS = ("ministry", "committee", "fractie", "bewindspersoon")


class DashboardFilter(CommitmentFilter):
    """The subset of the list's filters the dashboard offers; the same URL parameters."""

    visible = DASHBOARD_FILTERS
    publish = False

    class Meta:
        model = Commitment
        fields: list[str] = []
