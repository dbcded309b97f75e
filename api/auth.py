"""Personal API tokens: DRF's ``authtoken`` model (one token per user), sent as a header.

    Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b

``Bearer`` is accepted as the keyword too (what most HTTP clients offer). The token is
shown to its owner on /api/token/ (and in ``templates/web/_api_token.html``), where a
POST replaces it with a new one; the old one stops working at once.
"""

from __future__ import annotations

from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token


class TokenAuthentication(authentication.TokenAuthentication):
    """``Token <key>`` or ``Bearer <key>``."""

    keywords = ("token", "bearer")

    def authenticate(self, request):
        auth = authentication.get_authorization_header(request).split()
        if not auth or auth[0].lower().decode(errors="replace") not in self.keywords:
            return None
        if len(auth) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-header: verwacht 'Token <sleutel>'.")
        try:
            key = auth[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed("Ongeldig token.") from exc
        return self.authenticate_credentials(key)


def token_for(user, create: bool = False) -> Token | None:
    """The user's token (created if ``create`` and there is none), or None."""
    if create:
        token, _created = Token.objects.get_or_create(user=user)
        return token
    return Token.objects.filter(user=user).first()


def regenerate_token(user) -> Token:
    """Replace the user's token by a new random one (the old key is refused from now on)."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)
