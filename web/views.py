"""Placeholder views; the pages are built in the web application issue."""

from django.http import HttpRequest, HttpResponse


def dashboard(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Toezeggingen")


def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse(str(pk))


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse(str(pk))


def motion_detail(request: HttpRequest, key: str) -> HttpResponse:
    return HttpResponse(key)


def dossier_detail(request: HttpRequest, key: str) -> HttpResponse:
    return HttpResponse(key)


def review_queue(request: HttpRequest) -> HttpResponse:
    return HttpResponse("griffie")


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for docker-compose: the process serves and the database answers."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("select 1")
    return HttpResponse("ok", content_type="text/plain")
