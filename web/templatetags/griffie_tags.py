"""Template tags of the griffie's workflow."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from commitments.models import Status
from web.access import is_griffie
from web.griffie_forms import STATUS_ACTION_HELP, STATUS_ACTION_LABELS, STATUS_FORMS

register = template.Library()

#: The undo button per current status.
UNDO_LABELS = {
    Status.OPEN: _("Acceptatie terugdraaien (terug naar voorgesteld)"),
    Status.REJECTED: _("Afwijzing terugdraaien (terug naar voorgesteld)"),
    Status.FULFILLED: _("Heropenen (terug naar openstaand)"),
    Status.PARTLY_FULFILLED: _("Heropenen (terug naar openstaand)"),
    Status.LAPSED: _("Heropenen (terug naar openstaand)"),
}


@register.filter
def griffie_member(user) -> bool:
    """``{% if user|griffie_member %}``: a clerk who may change things."""
    return is_griffie(user)


@register.filter
def percent(value: float | None) -> str:
    """``{{ 0.8249|percent }}`` → "82%"; no value (nothing to divide) → "—"."""
    return "—" if value is None else f"{round(value * 100)}%"


@register.inclusion_tag("web/griffie/_actions.html", takes_context=True)
def commitment_actions(context, commitment) -> dict:
    """The clerk's forms for one commitment; renders nothing for other visitors."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if commitment is None or not is_griffie(user):
        return {"show": False}
    forms = []
    if commitment.is_open:
        evidence = request.GET.get("bewijs") if request is not None else None
        for action, form_class in STATUS_FORMS.items():
            initial = {"version": commitment.version}
            if evidence and evidence.isdigit():
                initial["evidence"] = int(evidence)
            forms.append(
                (action, STATUS_ACTION_LABELS[action], STATUS_ACTION_HELP[action], form_class(initial=initial, prefix=action))
            )
    from commitments.services import UNDO_TARGET, last_postponement

    return {
        "show": True,
        "undo_label": UNDO_LABELS.get(commitment.status) if commitment.status in UNDO_TARGET else None,
        "postponement": last_postponement(commitment) if commitment.is_open else None,
        "commitment": commitment,
        "is_proposed": commitment.status == Status.PROPOSED,
        "forms": forms,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
