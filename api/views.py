"""The read-only JSON API under /api/v1/ (Django REST framework).

Thin, like the pages: parse the request, filter with the pages' FilterSet, page with a
keyset cursor (api/pagination.py), load the rows with the pages' selectors, serialize.
Only public commitments (``Commitment.objects.public()``): never an unreviewed or
rejected proposal. Every response carries ETag and Last-Modified (api/conditional.py);
a matching conditional GET is a 304 before any query.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from commitments.models import Commitment, Motion
from documents.models import Document, Dossier
from web import selectors
from web.search import citation_key, unsearchable

from . import conditional
from .filters import ApiCommitmentFilter, DocumentFilter, MotionFilter
from .pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginate
from .serializers import (
    CommitmentDetailSerializer,
    CommitmentSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    DossierSerializer,
    MotionSerializer,
    page_serializer,
)

#: A document's detail lists at most this many of its commitments.
DOCUMENT_COMMITMENTS = 500


class NotModified(exceptions.APIException):
    """Carries the 304 (or 412) answer of a conditional request out of ``initial``."""

    def __init__(self, response: HttpResponse):
        super().__init__()
        self.response = response


def exception_handler(exc, context):
    if isinstance(exc, NotModified):
        return exc.response
    return drf_exception_handler(exc, context)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


ERRORS = {
    304: OpenApiResponse(description="Niet gewijzigd (If-None-Match / If-Modified-Since)."),
    429: OpenApiResponse(ErrorSerializer, description="Te veel verzoeken; zie Retry-After."),
}
BAD_FILTER = {400: OpenApiResponse(OpenApiTypes.OBJECT, description="Ongeldige filter, cursor of page_size, met de reden per parameter.")}
NOT_FOUND = {404: OpenApiResponse(ErrorSerializer, description="Niet gevonden (of niet openbaar).")}
PAGING = [
    OpenApiParameter("cursor", str, description="De positie uit de `next`-link van de vorige pagina."),
    OpenApiParameter(
        "page_size", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        description=f"Regels per pagina, 1–{MAX_PAGE_SIZE} (standaard {DEFAULT_PAGE_SIZE}).",
    ),
]


class ReadOnlyApiViewSet(viewsets.GenericViewSet):
    """Conditional GET for every endpoint: validators after auth and throttling, before any query."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.validators = conditional.validators(request) if request.method in ("GET", "HEAD") else None
        if self.validators is not None:
            answer = get_conditional_response(
                request._request, etag=self.validators.etag, last_modified=int(self.validators.last_modified)
            )
            if answer is not None:
                self._set_validators(answer)
                raise NotModified(answer)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(self, "validators", None) is not None and response.status_code == 200:
            self._set_validators(response)
        return response

    def _set_validators(self, response) -> None:
        response["ETag"] = self.validators.etag
        response["Last-Modified"] = http_date(self.validators.last_modified)
        response["Cache-Control"] = "no-cache"  # may be stored, but ask us (conditionally) every time

    def page_response(self, page, rows, serializer_class) -> Response:
        data = serializer_class(rows, many=True, context=self.get_serializer_context()).data
        return Response({"next": page.next_url, "results": data})


#: Detail URLs take any path (also with an encoded slash) so that a malformed id or key is the
#: API's JSON 404, not the site's HTML page.
ANY_SEGMENTS = r"[\s\S]+"
ID_PARAMETER = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Het nummer (id).")


def not_found(request, rest: str = ""):
    """Any other address under /api/: a JSON 404, not the site's HTML page."""
    from django.http import JsonResponse

    return JsonResponse({"detail": "Dit adres bestaat niet in de API; zie /api/docs/."}, status=404)


def _id(value: str) -> int:
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise exceptions.NotFound("Geen geldig nummer.")
    return int(value)


def _in_order(objects: dict, keys) -> list:
    return [objects[k] for k in keys if k in objects]


@extend_schema_view(
    list=extend_schema(
        summary="Toezeggingen, met alle filters van /toezeggingen/",
        description=(
            "Dezelfde filters en sortering als de lijst op /toezeggingen/ (dezelfde FilterSet), zonder "
            "niet-beoordeelde voorstellen. Sortering: `sort=termijn|-termijn|brief|-brief|ministerie|-ministerie|"
            "status|-status`; standaard oplopend op uiterste datum (zonder datum achteraan)."
        ),
        parameters=[*PAGING, OpenApiParameter("measure", int, description="Id van een maatregel.")],
        responses={200: page_serializer("CommitmentPage", CommitmentSerializer), **BAD_FILTER, **ERRORS},
    ),
    retrieve=extend_schema(
        summary="Eén toezegging met haar geschiedenis (status- en termijnwijzigingen)",
        parameters=[ID_PARAMETER],
        responses={200: CommitmentDetailSerializer, **NOT_FOUND, **ERRORS},
    ),
)
class CommitmentViewSet(ReadOnlyApiViewSet):
    queryset = Commitment.objects.all()
    filterset_class = ApiCommitmentFilter
    serializer_class = CommitmentSerializer
    lookup_value_regex = ANY_SEGMENTS

    def list(self, request):
        if unsearchable(request.query_params.get("q", "")):
            raise exceptions.ValidationError(
                {"q": ["De zoekvraag bevat geen woorden of getallen om op te zoeken."]}
            )
        qs = self.filter_queryset(self.get_queryset())
        page = paginate(qs, request)
        ids = [key[0] for key in page.keys]
        loaded = selectors.commitment_rows(Commitment.objects.filter(pk__in=ids), motions=False)
        rows = selectors.decorate(_in_order({c.pk: c for c in loaded}, ids), motions=True)
        return self.page_response(page, rows, CommitmentSerializer)

    def retrieve(self, request, pk: str):
        try:
            commitment = selectors.commitment_detail(_id(pk))
        except Http404:
            commitment = None
        if commitment is None or not commitment.is_public:
            raise exceptions.NotFound("Deze toezegging bestaat niet of is niet openbaar.")
        commitment.postponements = selectors.postponements(commitment)
        return Response(CommitmentDetailSerializer(commitment, context=self.get_serializer_context()).data)


@extend_schema_view(
    list=extend_schema(
        summary="Moties, op Kamerstuk",
        parameters=PAGING,
        responses={200: page_serializer("MotionPage", MotionSerializer), **BAD_FILTER, **ERRORS},
    ),
    retrieve=extend_schema(
        summary="Eén motie, op Kamerstuk in elke citeervorm (31497-507, 31 497, nr. 507, Kamerstuk 31 497, nr. 507)",
        responses={200: MotionSerializer, **NOT_FOUND, **ERRORS},
    ),
)
class MotionViewSet(ReadOnlyApiViewSet):
    queryset = Motion.objects.order_by("key")
    filterset_class = MotionFilter
    serializer_class = MotionSerializer
    lookup_field = "key"
    lookup_value_regex = ANY_SEGMENTS  # "Kamerstukken II 2022/23, 31 497, nr. 444" holds a slash

    def list(self, request):
        page = paginate(self.filter_queryset(self.get_queryset()), request)
        ids = [key[0] for key in page.keys]
        found = Motion.objects.select_related("dossier").in_bulk(ids)
        return self.page_response(page, _in_order(found, ids), MotionSerializer)

    def retrieve(self, request, key: str):
        resolved = citation_key(key[:300]) or key.strip()
        motion = Motion.objects.select_related("dossier").filter(key=resolved).first()
        if motion is None:
            raise exceptions.NotFound("Geen motie met dit Kamerstuknummer.")
        return Response(MotionSerializer(motion, context=self.get_serializer_context()).data)


@extend_schema_view(
    list=extend_schema(
        summary="Documenten (brieven, verslagen, moties), nieuwste eerst",
        parameters=PAGING,
        responses={200: page_serializer("DocumentPage", DocumentSerializer), **BAD_FILTER, **ERRORS},
    ),
    retrieve=extend_schema(
        summary="Eén document met zijn openbare toezeggingen",
        parameters=[ID_PARAMETER],
        responses={200: DocumentDetailSerializer, **NOT_FOUND, **ERRORS},
    ),
)
class DocumentViewSet(ReadOnlyApiViewSet):
    queryset = Document.objects.order_by("-date", "-pk")
    filterset_class = DocumentFilter
    serializer_class = DocumentSerializer
    lookup_value_regex = ANY_SEGMENTS

    def list(self, request):
        page = paginate(self.filter_queryset(self.get_queryset()), request)
        ids = [key[0] for key in page.keys]
        found = Document.objects.select_related("dossier").defer("text").in_bulk(ids)
        return self.page_response(page, _in_order(found, ids), DocumentSerializer)

    def retrieve(self, request, pk: str):
        document = Document.objects.select_related("dossier").defer("text").filter(pk=_id(pk)).first()
        if document is None:
            raise exceptions.NotFound("Geen document met dit nummer.")
        document.public_commitments = list(
            Commitment.objects.public()
            .filter(document=document)
            .only("id", "quote", "status", "due_date")
            .order_by("due_date", "pk")[:DOCUMENT_COMMITMENTS]
        )
        return Response(DocumentDetailSerializer(document, context=self.get_serializer_context()).data)


@extend_schema_view(
    list=extend_schema(
        summary="Dossiers (Kamerstukdossiers)",
        parameters=PAGING,
        responses={200: page_serializer("DossierPage", DossierSerializer), **BAD_FILTER, **ERRORS},
    ),
    retrieve=extend_schema(
        summary="Eén dossier, op nummer met eventuele toevoeging (36410-VIII)",
        responses={200: DossierSerializer, **NOT_FOUND, **ERRORS},
    ),
)
class DossierViewSet(ReadOnlyApiViewSet):
    queryset = Dossier.objects.order_by("number", "toevoeging", "pk")
    serializer_class = DossierSerializer
    filter_backends: list = []
    lookup_field = "key"
    lookup_value_regex = ANY_SEGMENTS

    def list(self, request):
        page = paginate(self.get_queryset(), request)
        ids = [key[0] for key in page.keys]
        return self.page_response(page, _in_order(Dossier.objects.in_bulk(ids), ids), DossierSerializer)

    def retrieve(self, request, key: str):
        number, toevoeging = selectors.parse_dossier_key(key)
        dossier = Dossier.objects.filter(number=number[:12], toevoeging=toevoeging[:12]).first()
        if dossier is None or dossier.key != f"{number}-{toevoeging}".rstrip("-"):
            raise exceptions.NotFound("Geen dossier met dit nummer.")
        return Response(DossierSerializer(dossier, context=self.get_serializer_context()).data)

