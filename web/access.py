"""Who may change things: members of the ``griffie`` group (and superusers). Everyone else reads."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .models import GRIFFIE_GROUP


def is_griffie(user) -> bool:
    """True for an active, logged-in clerk: a superuser or a member of the griffie group."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_griffie", None)
    if cached is None:
        cached = user.groups.filter(name=GRIFFIE_GROUP).exists()
        user._is_griffie = cached
    return cached


def griffie_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the login page; logged-in non-clerks get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_griffie(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
