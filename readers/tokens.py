"""Signed tokens (``django.core.signing``, keyed by SECRET_KEY) for links that work without login.

* confirmation of a new account: user id, e-mail address and a digest of the password hash, expires after
  ``ACCOUNT_CONFIRM_DAYS``; a new sign-up for the same unconfirmed address (a new password) voids older links;
* one-click unsubscribe from the digest (in every e-mail and its ``List-Unsubscribe`` header);
* the personal calendar ``/volgen/agenda.ics?token=…``.

Each kind has its own salt, so a token of one kind is never accepted as another.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing

CONFIRM_SALT = "readers.confirm"
UNSUBSCRIBE_SALT = "readers.unsubscribe"
AGENDA_SALT = "readers.agenda"


def _password_digest(user) -> str:
    from django.utils.crypto import salted_hmac

    return salted_hmac(CONFIRM_SALT, user.password).hexdigest()[:16]


def confirm_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email, "p": _password_digest(user)}, salt=CONFIRM_SALT, compress=True)


def user_from_confirm_token(token: str):
    """The user a confirmation link is for; ``None`` when it is forged, expired or the address changed."""
    max_age = getattr(settings, "ACCOUNT_CONFIRM_DAYS", 3) * 24 * 3600
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if user is None or user.email != data.get("e") or data.get("p") != _password_digest(user):
        return None
    return user


def _user_token(user, salt: str) -> str:
    return signing.dumps(user.pk, salt=salt)


def _user_from(token: str, salt: str):
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()


def unsubscribe_token(user) -> str:
    return _user_token(user, UNSUBSCRIBE_SALT)


def user_from_unsubscribe_token(token: str):
    return _user_from(token, UNSUBSCRIBE_SALT)


def agenda_token(user) -> str:
    return _user_token(user, AGENDA_SALT)


def user_from_agenda_token(token: str):
    return _user_from(token, AGENDA_SALT)
