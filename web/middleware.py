"""Request middleware of the site: the language, and refusing input that no page can use.

The interface is Dutch unless the visitor chose English.

Django's LocaleMiddleware would follow the browser's Accept-Language header, so a
clerk or journalist whose browser happens to be set to English would get English
pages. For a tool of the Tweede Kamer Dutch is the language; English is a choice
made with the language switch (stored in the language cookie), which still wins.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


class DutchUnlessChosenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


def _refuse(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    """The reason as a page, or as JSON (``{"detail": …}``) for the JSON API under /api/."""
    from django.http import JsonResponse
    from django.shortcuts import render

    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(reason)}, status=status)
    return render(request, "400.html", {"reason": reason}, status=status)


class RejectNulMiddleware:
    """A NUL byte in the path or the query string is a 400 with a Dutch message.

    PostgreSQL refuses NUL in any string, so ``/moties/%00/`` or ``/zoeken/?q=%00`` would
    otherwise reach the database and fail there with a 500. No page has a use for it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return _refuse(
                request,
                _("Het adres bevat een ongeldig teken (een NUL-teken). Controleer de link of de zoekvraag."),
                400,
            )
        return self.get_response(request)


class AnonymousBodyLimitMiddleware:
    """A visitor who is not logged in may not send a large request body: 413, unread.

    Visitors only post the login form and the language switch; only logged-in clerks
    upload. Without this, an anonymous POST of gigabytes would be read (and a multipart
    body written to disk) by the CSRF check before any view could refuse it. Must come
    after AuthenticationMiddleware; checks only the declared Content-Length (Django reads
    no more than that).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            limit = getattr(settings, "ANONYMOUS_MAX_BODY_BYTES", 64 * 1024)
            if length > limit and not request.user.is_authenticated:
                return _refuse(
                    request,
                    _("Het verzoek is te groot. Alleen ingelogde medewerkers van de griffie kunnen bestanden "
                      "uploaden; log opnieuw in en probeer het nog eens."),
                    413,
                )
        return self.get_response(request)
