"""The interface is Dutch unless the visitor chose English.

Django's LocaleMiddleware would follow the browser's Accept-Language header, so a
clerk or journalist whose browser happens to be set to English would get English
pages. For a tool of the Tweede Kamer Dutch is the language; English is a choice
made with the language switch (stored in the language cookie), which still wins.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class DutchUnlessChosenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
