"""The public, read-only pages. Thin: parse the request, call a selector, render.

The griffie's workflow (login, upload, review, status actions) lives in
web/griffie.py and web/griffie_urls.py.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from commitments.models import Commitment, Motion, Status
from documents.models import Dossier

from . import deadlines, feeds, ical, selectors
from .access import is_griffie
from .cache import cache_public_page
from .exports import commitments_csv, commitments_memo, export_refusal, filters_text
from .filters import CommitmentFilter, DashboardFilter, is_true
from .rows import CachedRows
from .search import unsearchable


def _filter_query(f: CommitmentFilter) -> str:
    """The filter state as a query string (without page/format), to carry into links."""
    data = f.data.copy()
    for k in ("page", "format"):
        data.pop(k, None)
    for k in list(data):
        if not data.get(k):
            data.pop(k)
    return data.urlencode()


@cache_public_page
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    f = DashboardFilter(request.GET, queryset=Commitment.objects.all())
    # The counts are cached per filter state (selectors.dashboard); only the filters count.
    token = "&".join(f"{name}={request.GET.get(name, '')}" for name in f.filters)
    board = selectors.dashboard(f.qs, cache_token=token)
    return render(
        request,
        "web/dashboard.html",
        {"filter": f, "board": board, "filter_query": _filter_query(f)},
    )


@cache_public_page
@require_GET
def commitment_list(request: HttpRequest) -> HttpResponse:
    f = CommitmentFilter(request.GET, queryset=Commitment.objects.all())
    if request.GET.get("format") in ("csv", "memo", "atom", "ics"):
        refusal = export_refusal(f)
        if refusal is not None:
            return refusal
    if request.GET.get("format") == "atom":
        query = _filter_query(f)
        link = reverse("web:commitment_list") + (f"?{query}" if query else "")
        return feeds.selection_feed(request, f.qs, _("Toezeggingen: %(selection)s") % {
            "selection": filters_text(f) or _("alle toezeggingen")}, link)
    if request.GET.get("format") == "csv":
        return commitments_csv(selectors.commitment_rows(f.qs), request)
    if request.GET.get("format") == "memo":
        return commitments_memo(f.qs, request, f)
    if request.GET.get("format") == "ics":
        return ical.response(ical.rows(f.qs), request, _("Toezeggingen: uiterste datums"), "toezeggingen.ics")
    # Only the ids of the page (index-only on the covering indexes); the rows come from the
    # shared row cache or are loaded by id (web/rows.py).
    paginator = selectors.CappedPaginator(f.qs.values_list("pk", flat=True), selectors.PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = CachedRows(page.object_list)
    return render(
        request,
        "web/commitment_list.html",
        {
            "filter": f,
            "page": page,
            "paginator": paginator,
            "filter_query": _filter_query(f),
            "no_terms": unsearchable(request.GET.get("q", "")),
            "export_cap": None if request.user.is_authenticated else settings.ANONYMOUS_EXPORT_ROWS,
        },
    )


@require_GET
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = selectors.commitment_detail(pk)
    if commitment.status == Status.REJECTED and not is_griffie(request.user):
        raise Http404  # a rejected proposal was never a commitment (publication rule); clerks still see it
    return render(
        request,
        "web/commitment_detail.html",
        {
            "c": commitment,
            "explanation": deadlines.explain(commitment),
            "postponement_text": deadlines.postponement_text(commitment),
            "deliverable": deadlines.deliverable_text(commitment),
            "postponements": selectors.postponements(commitment),
            "segments": selectors.highlight(commitment.passage.text, [commitment]) if commitment.passage else None,
        },
    )


@cache_public_page
@require_GET
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Proposals only on request (marked "niet beoordeeld"), and always for a clerk reviewing the letter.
    include_proposed = is_true(request.GET.get("voorstellen", "")) or is_griffie(request.user)
    # Paged (Passage.PER_PAGE passages) and, for anonymous visitors, cached like the other public pages.
    page = selectors.document_detail(pk, include_proposed=include_proposed, page_number=request.GET.get("page"))
    clerk = is_griffie(request.user)
    answers = selectors.document_suggestions(page.document, clerk=clerk)
    return render(
        request,
        "web/document_detail.html",
        {"p": page, "include_proposed": include_proposed, "answers": answers, "clerk": clerk},
    )


@cache_public_page
@require_GET
def motion_detail(request: HttpRequest, key: str) -> HttpResponse:
    if request.GET.get("format") == "atom":
        motion = get_object_or_404(Motion, key=key)
        return feeds.selection_feed(
            request, Commitment.objects.public().filter(motions=motion),
            _("Toezeggingen over %(motion)s") % {"motion": motion}, motion.get_absolute_url(),
        )
    return render(request, "web/motion_detail.html", {"p": selectors.motion_detail(key)})


@require_GET
def motion_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    motions = selectors.motion_list(q)
    paginator = selectors.CappedPaginator(motions, selectors.PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "web/motion_list.html", {"page": page, "paginator": paginator, "mq": q})


@require_GET
def dossier_detail(request: HttpRequest, key: str) -> HttpResponse:
    if request.GET.get("format") == "atom":
        number, toevoeging = selectors.parse_dossier_key(key)
        dossier = get_object_or_404(Dossier, number=number, toevoeging=toevoeging)
        return feeds.selection_feed(
            request, Commitment.objects.public().filter(document__dossier=dossier),
            _("Toezeggingen in dossier %(dossier)s") % {"dossier": dossier.title or dossier.key},
            dossier.get_absolute_url(),
        )
    return render(request, "web/dossier_detail.html", {"p": selectors.dossier_detail(key)})


@cache_public_page
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """A citation goes straight to its motion or document; anything else is searched."""
    q = request.GET.get("q", "").strip()[:300]
    key = selectors.citation_key(q) if q else None
    if key:
        url = selectors.resolve_citation(key)
        if url:
            return redirect(url)
    results = selectors.search(q, key=key)
    return render(request, "web/search.html", {"r": results, "q": q})


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for docker-compose: the process serves and the database answers."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("select 1")
    return HttpResponse("ok", content_type="text/plain")
