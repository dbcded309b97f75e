"""What the API writes. Plain field values (status codes, ISO dates), no HTML: clerk-edited
text (quotes, notes) goes out as JSON strings, escaped by the JSON encoder only.

``url`` is the API address of a resource, ``permalink`` its public page.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from commitments.models import PUBLIC_STATUSES, Commitment, CommitmentKind, DeadlineKind, MotionOutcome, Status
from documents.models import DocumentType

#: The statuses a public commitment can have (the publication rule).
PUBLIC_STATUS_CHOICES = [(s.value, s.label) for s in Status if s.value in PUBLIC_STATUSES]


def _absolute(context, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class LinkField(serializers.Field):
    """An absolute URL computed from the object (``url_of(obj)``)."""

    def __init__(self, url_of, **kwargs):
        self.url_of = url_of
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        path = self.url_of(obj)
        return None if path is None else _absolute(self.context, path)


extend_schema_field({"type": "string", "format": "uri"})(LinkField)


def api_url(name: str, *args) -> str:
    return reverse(f"api:{name}", args=args)


_DATETIME = serializers.DateTimeField()
_PLACEHOLDER = "987654321"


class Links:
    """Absolute URLs for a page of rows: one ``reverse`` per URL name, not one per row (a page of 50
    rows has 200 links; reversing each cost more than the queries)."""

    def __init__(self, context):
        request = context.get("request")
        self.base = request.build_absolute_uri("/")[:-1] if request is not None else ""
        self.templates: dict[str, str] = {}

    def __call__(self, name: str, arg) -> str:
        template = self.templates.get(name)
        if template is None:
            template = self.templates[name] = self.base + reverse(name, args=[_PLACEHOLDER])
        return template.replace(_PLACEHOLDER, str(arg))


def links_of(context) -> Links:
    links = context.get("_links")
    if links is None:
        links = context["_links"] = Links(context)
    return links


def _date(value):
    return value.isoformat() if value is not None else None


class DocumentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = LinkField(lambda d: api_url("document-detail", d.pk))
    permalink = LinkField(lambda d: d.get_absolute_url())
    type = serializers.ChoiceField(choices=DocumentType.choices)
    kamerstuk = serializers.CharField(allow_null=True)
    title = serializers.CharField(source="display_title")
    date = serializers.DateField(allow_null=True)


class MeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class CommitmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = LinkField(lambda c: api_url("commitment-detail", c.pk))
    permalink = LinkField(lambda c: c.get_absolute_url())
    quote = serializers.CharField()
    status = serializers.ChoiceField(choices=PUBLIC_STATUS_CHOICES)
    overdue = serializers.SerializerMethodField(help_text="Geaccepteerd, niet geleverd en de uiterste datum is voorbij.")
    days_late = serializers.IntegerField(allow_null=True, help_text="Dagen te laat (vandaag), of null.")
    deadline_phrase = serializers.CharField(help_text="De termijn zoals in de brief geschreven.")
    deadline_kind = serializers.ChoiceField(choices=DeadlineKind.choices)
    due_date = serializers.DateField(allow_null=True)
    estimated = serializers.BooleanField(help_text="De datum steunt op een geschatte recesdatum.")
    kind = serializers.ChoiceField(choices=CommitmentKind.choices)
    deliverable = serializers.CharField()
    ministry = serializers.CharField()
    bewindspersoon = serializers.CharField(source="actor")
    committee = serializers.CharField()
    fractie = serializers.CharField()
    letter_date = serializers.DateField(allow_null=True)
    document = DocumentRefSerializer()
    dossier = serializers.SerializerMethodField()
    motions = serializers.SerializerMethodField()
    measure = MeasureSerializer(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def to_representation(self, c: Commitment) -> dict:
        """By hand, for speed (a page of 50 rows through DRF's fields cost ~25 ms); the declared
        fields above are the schema, and the contract tests check every answer against it."""
        link = links_of(self.context)
        doc = c.document
        measure = c.measure
        return {
            "id": c.pk,
            "url": link("api:commitment-detail", c.pk),
            "permalink": link("web:commitment_detail", c.pk),
            "quote": c.quote,
            "status": c.status,
            "overdue": c.days_late is not None,
            "days_late": c.days_late,
            "deadline_phrase": c.deadline_phrase,
            "deadline_kind": c.deadline_kind,
            "due_date": _date(c.due_date),
            "estimated": c.estimated,
            "kind": c.kind,
            "deliverable": c.deliverable,
            "ministry": c.ministry,
            "bewindspersoon": c.actor,
            "committee": c.committee,
            "fractie": c.fractie,
            "letter_date": _date(c.letter_date),
            "document": {
                "id": doc.pk,
                "url": link("api:document-detail", doc.pk),
                "permalink": link("web:document_detail", doc.pk),
                "type": doc.type,
                "kamerstuk": doc.kamerstuk,
                "title": doc.display_title,
                "date": _date(doc.date),
            },
            "dossier": self.get_dossier(c),
            "motions": self.get_motions(c),
            "measure": {"id": measure.pk, "name": measure.name} if measure is not None else None,
            "created_at": _DATETIME.to_representation(c.created_at),
            "updated_at": _DATETIME.to_representation(c.updated_at),
        }

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_overdue(self, c: Commitment) -> bool:
        return c.days_late is not None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_dossier(self, c: Commitment) -> str | None:
        dossier = c.document.dossier
        return dossier.key if dossier is not None else None

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_motions(self, c: Commitment) -> list[str]:
        refs = getattr(c, "motion_refs", None)
        if refs is not None:
            return [key for key, _name in refs]
        return [m.key for m in c.motions.all()]


class StatusChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField(source="created_at")
    old_status = serializers.ChoiceField(choices=Status.choices)
    new_status = serializers.ChoiceField(choices=Status.choices)
    note = serializers.CharField()
    evidence = serializers.SerializerMethodField()
    reverts = serializers.IntegerField(source="reverts_id", allow_null=True)

    @extend_schema_field(DocumentRefSerializer(allow_null=True))
    def get_evidence(self, change):
        return DocumentRefSerializer(change.evidence, context=self.context).data if change.evidence else None


class DeadlineChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField(source="created_at")
    old_due_date = serializers.DateField(allow_null=True)
    new_due_date = serializers.DateField(allow_null=True)
    old_phrase = serializers.CharField()
    new_phrase = serializers.CharField()
    is_postponement = serializers.BooleanField()
    note = serializers.CharField()
    evidence = serializers.SerializerMethodField()
    reverts = serializers.IntegerField(source="reverts_id", allow_null=True)

    @extend_schema_field(DocumentRefSerializer(allow_null=True))
    def get_evidence(self, change):
        return DocumentRefSerializer(change.evidence, context=self.context).data if change.evidence else None


class CommitmentDetailSerializer(CommitmentSerializer):
    deadline_detail = serializers.CharField()
    earliest = serializers.DateField(allow_null=True)
    latest = serializers.DateField(allow_null=True)
    postponements = serializers.IntegerField(help_text="Hoe vaak de termijn is uitgesteld (teruggedraaid uitstel niet meegeteld).")
    status_changes = StatusChangeSerializer(many=True)
    deadline_changes = DeadlineChangeSerializer(many=True)

    def to_representation(self, c: Commitment) -> dict:
        data = super().to_representation(c)
        data.update(
            deadline_detail=c.deadline_detail,
            earliest=_date(c.earliest),
            latest=_date(c.latest),
            postponements=c.postponements,
            status_changes=StatusChangeSerializer(c.status_changes.all(), many=True, context=self.context).data,
            deadline_changes=DeadlineChangeSerializer(c.deadline_changes.all(), many=True, context=self.context).data,
        )
        return data


class MotionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Kamerstuk, bijvoorbeeld 31497-507.")
    url = LinkField(lambda m: api_url("motion-detail", m.key))
    permalink = LinkField(lambda m: m.get_absolute_url())
    name = serializers.CharField()
    names_seen = serializers.ListField(child=serializers.CharField())
    submitters = serializers.ListField(child=serializers.CharField())
    date = serializers.DateField(allow_null=True)
    outcome = serializers.ChoiceField(choices=MotionOutcome.choices)
    dossier = serializers.SerializerMethodField()
    commitments_url = LinkField(lambda m: f"{api_url('commitment-list')}?motion={m.key}")

    @extend_schema_field({"type": "string", "nullable": True})
    def get_dossier(self, m) -> str | None:
        return m.dossier.key if m.dossier is not None else None


class CommitmentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = LinkField(lambda c: api_url("commitment-detail", c.pk))
    quote = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    due_date = serializers.DateField(allow_null=True)


class DocumentSerializer(DocumentRefSerializer):
    subject = serializers.CharField()
    ministry = serializers.CharField()
    bewindspersoon = serializers.CharField()
    committee = serializers.CharField()
    dossier = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "nullable": True})
    def get_dossier(self, d) -> str | None:
        return d.dossier.key if d.dossier is not None else None


class DocumentDetailSerializer(DocumentSerializer):
    commitments = CommitmentRefSerializer(many=True, source="public_commitments",
                                          help_text="De openbare toezeggingen uit dit document (ten hoogste 500).")


class DossierSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Nummer met eventuele toevoeging, bijvoorbeeld 36410-VIII.")
    url = LinkField(lambda d: api_url("dossier-detail", d.key))
    permalink = LinkField(lambda d: d.get_absolute_url())
    number = serializers.CharField()
    toevoeging = serializers.CharField()
    title = serializers.CharField()
    commitments_url = LinkField(lambda d: f"{api_url('commitment-list')}?dossier={d.key}")
    documents_url = LinkField(lambda d: f"{api_url('document-list')}?dossier={d.key}")
    motions_url = LinkField(lambda d: f"{api_url('motion-list')}?dossier={d.key}")


def page_serializer(name: str, item: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """The schema of one page of a list: ``next`` (or null) and ``results`` (not a bare array)."""
    page = type(
        name,
        (serializers.Serializer,),
        {
            "next": serializers.URLField(allow_null=True, help_text="De volgende pagina, of null op de laatste."),
            "results": item(many=True),
        },
    )
    return extend_schema_serializer(many=False)(page)
