"""The "Volgen · Atom · Agenda · API" row of the list, motion and dossier pages, and the Volgen button."""

from __future__ import annotations

from django import template
from django.http import QueryDict
from django.urls import reverse

from readers.follows import NOT_FILTERS

register = template.Library()


def _list_url(query: str, fmt: str) -> str:
    data = QueryDict(query, mutable=True)
    for key in ("page", "format"):
        data.pop(key, None)
    data["format"] = fmt
    return reverse("web:commitment_list") + "?" + data.urlencode()


@register.inclusion_tag("readers/_follow_button.html", takes_context=True)
def follow_button(context, kind: str, value) -> dict:
    from readers.views import following

    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "kind": kind,
        "value": str(value),
        "following": following(user, kind, str(value)),
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("readers/_link_row.html", takes_context=True)
def link_row(context, kind: str = "", value="", query: str = "") -> dict:
    """``kind``/``value``: what Volgen follows (none: no button); ``query``: the list filters for Atom and Agenda."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if kind == "zoekopdracht":
        data = QueryDict(query)
        keys = {k for k in data if data.get(k) and k not in NOT_FILTERS}
        if keys == {"ministry"}:
            kind, value = "ministerie", data.get("ministry")
        elif not keys:
            kind = ""
    follows = False
    if kind:
        from readers.views import following

        follows = following(user, kind, str(value))
    return {
        "kind": kind,
        "value": str(value),
        "following": follows,
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
        "atom_url": _list_url(query, "atom"),
        "ics_url": _list_url(query, "ics"),
        "api_url": "/api/docs/",
    }
