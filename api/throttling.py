"""Rate limits of the API, counted in the shared cache (Redis in production, files embedded).

Anonymous clients: ``API_ANON_RATE`` per IP address (default 60/min). Clients with a
personal token: ``API_USER_RATE`` per user (default 600/min). The rates are read per
request from the settings, so tests (and operators) can change them without a restart
of the class attribute DRF would otherwise freeze at import.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework import throttling


class AnonymousThrottle(throttling.AnonRateThrottle):
    scope = "anon"

    def get_rate(self) -> str:
        return settings.API_ANON_RATE


class TokenThrottle(throttling.UserRateThrottle):
    """Only for authenticated clients (a token or a session); anonymous ones have their own limit."""

    scope = "user"

    def get_rate(self) -> str:
        return settings.API_USER_RATE

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
