"""Forms of the griffie's workflow: upload, review edit and the status actions."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from commitments.models import Commitment
from commitments.services import CommitmentEdit, date_in_range, date_range_error, parse_motion_keys
from documents.limits import human_size
from documents.models import Document, DocumentType
from documents.reader import ReaderError
from documents.reader.sources import decode_text

ALLOWED_EXTENSIONS = (".txt", ".docx", ".pdf")
#: How many recent documents the evidence picker offers without a search (any document is accepted).
EVIDENCE_CHOICES = 60

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


class DateField(forms.DateField):
    """A date a clerk types: day-month-year or the date picker's ISO form, in 1990–2100."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault("widget", DateInput())
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if not date_in_range(value):
            raise ValidationError(date_range_error(), code="date_range")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _looks_like(name: str, head: bytes, uploaded) -> str | None:
    """A Dutch error message when the bytes do not match the extension, else None."""
    ext = Path(name).suffix.lower()
    if ext == ".pdf":
        return None if head.startswith(b"%PDF-") else _("Dit bestand is geen geldige PDF.")
    if ext == ".docx":
        try:
            with zipfile.ZipFile(uploaded) as zf:
                ok = "word/document.xml" in zf.namelist()
        except (zipfile.BadZipFile, OSError):
            ok = False
        finally:
            uploaded.seek(0)
        return None if ok else _("Dit bestand is geen geldig Word-document (.docx).")
    # .txt: whatever the command line reads (documents.reader.sources.decode_text): UTF-8, UTF-16
    # with a byte-order mark, Windows-1252 or Latin-1 — but no binary data.
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:  # incremental: a character cut off at the end of the sample is fine
            text = codecs.getincrementaldecoder("utf-16")().decode(head, final=False)
        except UnicodeDecodeError:
            return _("Dit bestand bevat binaire gegevens en is geen tekstbestand.")
    else:
        try:
            text = decode_text(head)
        except ReaderError:
            return _("Dit bestand bevat binaire gegevens en is geen tekstbestand.")
    if not text.strip():
        return _("Dit bestand bevat geen tekst.")
    return None


class UploadForm(forms.Form):
    """Step 1: the file. Date, type, ministry and Kamerstuk number are read from it and confirmed next."""

    file = forms.FileField(
        label=_("Bestand"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Word (.docx), PDF of tekst (.txt), hoogstens %(size)s.") % {
            "size": human_size(settings.UPLOAD_MAX_BYTES)}

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        name = uploaded.name or ""
        if Path(name).suffix.lower() not in ALLOWED_EXTENSIONS:
            raise ValidationError(_("Alleen .docx, .pdf en .txt kunnen worden ingelezen."), code="extension")
        if uploaded.size == 0:
            raise ValidationError(_("Het bestand is leeg."), code="empty")
        if uploaded.size > settings.UPLOAD_MAX_BYTES:
            raise ValidationError(
                _("Het bestand is %(size)s groot; de grens is %(limit)s.")
                % {"size": human_size(uploaded.size), "limit": human_size(settings.UPLOAD_MAX_BYTES)},
                code="size",
            )
        head = uploaded.read(64 * 1024)
        uploaded.seek(0)
        error = _looks_like(name, head, uploaded)
        if error:
            raise ValidationError(error, code="content")
        return uploaded


class ConfirmUploadForm(forms.Form):
    """Step 2: what was read from the file, for the clerk to confirm or correct."""

    date = DateField(
        label=_("Datum van de brief"),
        help_text=_("Alle termijnen in de brief worden vanaf deze datum berekend."),
    )
    doc_type = forms.ChoiceField(
        label=_("Soort document"),
        choices=[(DocumentType.KAMERBRIEF, DocumentType.KAMERBRIEF.label), (DocumentType.VSO, DocumentType.VSO.label)],
    )
    ministry = forms.CharField(label=_("Ministerie"), required=False, max_length=200)
    kamerstuk = forms.CharField(
        label=_("Kamerstuknummer"), required=False, max_length=60,
        help_text=_("Eigen nummer van de brief, bijvoorbeeld 31839-1050; leeg als de brief er (nog) geen heeft."),
    )

    def __init__(self, *args, sha256: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.sha256 = sha256

    def clean_kamerstuk(self) -> str:
        raw = self.cleaned_data["kamerstuk"].strip()
        if not raw:
            return ""
        keys = parse_motion_keys(raw)
        if not keys:
            raise ValidationError(_("Geen Kamerstuknummer herkend; schrijf bijvoorbeeld 31839-1050."), code="kamerstuk")
        other = Document.objects.filter(kamerstuk=keys[0]).exclude(sha256=self.sha256).first()
        if other is not None:
            raise ValidationError(
                _("Kamerstuk %(key)s hoort al bij een ander ingelezen document: %(title)s.")
                % {"key": keys[0], "title": other.display_title},
                code="kamerstuk_taken",
            )
        return keys[0]


class VersionedForm(forms.Form):
    """Carries the ``version`` of the commitment the clerk saw (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def evidence_token(document: Document) -> str:
    """What the evidence input shows and accepts for a document: its Kamerstuk key, else "#id"."""
    return document.kamerstuk or f"#{document.pk}"


def evidence_label(document: Document) -> str:
    """One line for the evidence picker: date, title (never a file name)."""
    date = document.date.strftime("%d-%m-%Y") if document.date else "?"
    return f"{date} · {document.display_title[:90]}"


def resolve_evidence(value: str) -> Document | None:
    """The document a clerk typed or picked: a Kamerstuk citation ("31497-475", "Kamerstuk 31 497,
    nr. 475"), "#12" or a bare id. None when nothing matches."""
    value = (value or "").strip()
    if not value:
        return None
    token = value.split("·", 1)[0].strip()  # a picked option may carry its label
    if token.startswith("#") and token[1:].isdigit():
        return Document.objects.filter(pk=int(token[1:])).first()
    if token.isdigit():
        return Document.objects.filter(pk=int(token)).first()
    keys = parse_motion_keys(token)
    if keys:
        return Document.objects.filter(kamerstuk=keys[0]).first()
    return None


def search_evidence(query: str, limit: int = 20) -> list[Document]:
    """Documents matching a Kamerstuk number, words of the title, or a date (2024, 16-12-2024, 2024-12-16)."""
    import datetime as dt

    from django.db.models import Q

    query = (query or "").strip()
    documents = Document.objects.order_by("-date", "-id").only(
        "id", "date", "kamerstuk", "type", "subject", "source_name"
    )
    if not query:
        return list(documents[:limit])
    condition = Q()
    keys = parse_motion_keys(query)
    if keys:
        condition |= Q(kamerstuk__in=keys)
    digits = query.replace(" ", "")
    if digits.replace("-", "").isdigit():
        condition |= Q(kamerstuk__startswith=digits)
        if len(digits) == 4:
            condition |= Q(date__year=int(digits))
    for fmt in DATE_INPUT_FORMATS:
        try:
            condition |= Q(date=dt.datetime.strptime(query, fmt).date())
        except ValueError:
            pass
    words = [w for w in query.split() if len(w) > 1]
    if words:
        title = Q()
        for word in words:
            title &= Q(subject__icontains=word)
        condition |= title
    return list(documents.filter(condition)[:limit])


class EvidenceInput(forms.TextInput):
    """A text input tied to a datalist of recent documents; ``_evidence_script.html`` refreshes the
    list from ``web:evidence_search`` as the clerk types. Without JavaScript, typing a Kamerstuk
    number is enough."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        datalist_id = f"{attrs.get('id', name)}-opties"
        attrs.update(
            {"list": datalist_id, "autocomplete": "off", "data-evidence-search": reverse("web:evidence_search")}
        )
        field = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "", '<option value="{}">{}</option>',
            ((evidence_token(d), evidence_label(d)) for d in search_evidence("", EVIDENCE_CHOICES)),
        )
        return format_html('{}<datalist id="{}">{}</datalist>', field, datalist_id, options)

    def format_value(self, value):
        if isinstance(value, Document):
            return evidence_token(value)
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            document = Document.objects.filter(pk=int(value)).first()
            return evidence_token(document) if document else str(value)
        return super().format_value(value)


class EvidenceField(forms.Field):
    """A document chosen by typing its Kamerstuk number (or "#id"), helped by a search as you type."""

    widget = EvidenceInput

    def __init__(self, **kwargs):
        kwargs.pop("empty_label", None)
        kwargs.setdefault(
            "help_text", _("Typ een Kamerstuknummer (31497-475), woorden uit de titel of een datum en kies een brief.")
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, Document):
            return value
        document = resolve_evidence(str(value))
        if document is None:
            raise ValidationError(
                _("Geen document gevonden voor “%(value)s”. Typ een Kamerstuknummer zoals 31497-475."),
                code="not_found",
                params={"value": value},
            )
        return document


class StatusActionForm(VersionedForm):
    evidence_required = True
    note_required = False

    evidence = EvidenceField(label=_("Bewijsstuk (brief)"))
    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].required = self.evidence_required
        self.fields["note"].required = self.note_required


class FulfilForm(StatusActionForm):
    pass


class PartlyFulfilForm(StatusActionForm):
    pass


class LapseForm(StatusActionForm):
    evidence_required = False
    note_required = True


class PostponeForm(StatusActionForm):
    new_due_date = DateField(label=_("Nieuwe uiterste datum"))
    new_phrase = forms.CharField(
        label=_("Nieuwe termijn zoals geschreven"), required=False, max_length=300,
        help_text=_("Bijvoorbeeld “vóór het einde van 2026”."),
    )

    field_order = ["version", "evidence", "new_due_date", "new_phrase", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].label = _("Uitstelbrief")


class CommitmentFieldsForm(forms.Form):
    """What a clerk says of a commitment: its quote, deliverable, deadline and motions."""

    quote = forms.CharField(
        label=_("Citaat"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Pas de grenzen van het citaat aan; het moet letterlijk in de brief staan."),
    )
    deliverable = forms.CharField(label=_("Wat wordt geleverd"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    deadline_phrase = forms.CharField(
        label=_("Termijn zoals geschreven"), required=False, max_length=300,
        help_text=_("Wordt opnieuw omgerekend vanaf de datum van de brief, bijvoorbeeld “voor de zomer”."),
    )
    due_date = DateField(
        label=_("Handmatige uiterste datum"), required=False,
        help_text=_("Alleen invullen om de berekende datum te vervangen."),
    )
    motions = forms.CharField(
        label=_("Moties"), required=False,
        help_text=_("Kamerstuknummers, gescheiden door komma’s, bijvoorbeeld 31497-507."),
    )
    note = forms.CharField(label=_("Toelichting bij de wijziging"), required=False, max_length=1000)

    def clean_motions(self) -> tuple[str, ...]:
        raw = self.cleaned_data["motions"]
        keys = tuple(parse_motion_keys(raw))
        if raw.strip() and not keys:
            raise ValidationError(_("Geen Kamerstuknummer herkend; schrijf bijvoorbeeld 31497-507."))
        return keys


class EditCommitmentForm(VersionedForm, CommitmentFieldsForm):
    @classmethod
    def initial_for(cls, commitment: Commitment) -> dict:
        return {
            "version": commitment.version,
            "quote": commitment.quote,
            "deliverable": commitment.deliverable,
            "deadline_phrase": commitment.deadline_phrase,
            "due_date": commitment.due_date if commitment.due_overridden else None,
            "motions": ", ".join(m.key for m in commitment.motions.all()),
        }

    def to_edit(self) -> CommitmentEdit:
        d = self.cleaned_data
        return CommitmentEdit(
            quote=d["quote"], deliverable=d["deliverable"], deadline_phrase=d["deadline_phrase"],
            due_date=d["due_date"], motion_keys=d["motions"], note=d["note"],
        )


class AddCommitmentForm(CommitmentFieldsForm):
    """A promise in the letter that the extractor did not propose, added by the clerk (``services.add_commitment``)."""

    HELP = {
        "quote": _("Kopieer de toezegging uit de brief: één of enkele zinnen, letterlijk zoals ze er staan."),
        "deliverable": _("Leeg: zoals het systeem het uit het citaat leest."),
        "deadline_phrase": _("Leeg: de termijn die in het citaat staat. Wordt omgerekend vanaf de datum van de brief."),
        "motions": _("Kamerstuknummers, gescheiden door komma’s; leeg: de moties die de passage noemt."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, text in self.HELP.items():
            self.fields[name].help_text = text
        self.fields["note"].label = _("Toelichting")


STATUS_FORMS: dict[str, type[StatusActionForm]] = {
    "voldaan": FulfilForm,
    "deels-voldaan": PartlyFulfilForm,
    "uitgesteld": PostponeForm,
    "vervallen": LapseForm,
}

#: Button and heading text per action (URL slug → label).
STATUS_ACTION_LABELS = {
    "voldaan": _("Voldaan"),
    "deels-voldaan": _("Deels voldaan"),
    "uitgesteld": _("Uitgesteld"),
    "vervallen": _("Vervallen"),
}

#: One line per action, shown above its form.
STATUS_ACTION_HELP = {
    "voldaan": _("Deze brief levert wat is toegezegd. De toezegging wordt gesloten."),
    "deels-voldaan": _("Deze brief levert een deel. De toezegging blijft openstaan."),
    "uitgesteld": _("Een uitstelbrief: nieuwe uiterste datum; de oude blijft bewaard en telt als uitstel."),
    "vervallen": _("De toezegging is niet meer van toepassing. Geef aan waarom."),
}


class ReviewFilterForm(forms.Form):
    """The review queue's filters and order, kept in the URL: letter, ministry, status, volgorde."""

    brief = forms.IntegerField(label=_("Brief"), required=False, min_value=1)
    ministerie = forms.CharField(label=_("Ministerie"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("voorgesteld", _("Te beoordelen")),
            ("openstaand", _("Geaccepteerd")),
            ("afgewezen", _("Afgewezen")),
        ],
    )
    # Within each letter (letters stay grouped, newest first): the extractor's confidence, highest
    # or lowest first (unscored items last, then passage order), or simply the order of the letter.
    volgorde = forms.ChoiceField(
        label=_("Volgorde"),
        required=False,
        choices=[
            ("zekerheid", _("Zekerste eerst")),
            ("laag", _("Twijfelachtigste eerst")),
            ("brief", _("Volgorde van de brief")),
        ],
    )

    def value(self, name: str):
        return self.cleaned_data.get(name) if self.is_bound and hasattr(self, "cleaned_data") else None

    def chosen_status(self) -> str:
        return self.value("status") or "voorgesteld"

    def chosen_order(self) -> str:
        return self.value("volgorde") or "zekerheid"

    def letter_id(self) -> int | None:
        return self.value("brief")

    @staticmethod
    def ministries() -> list[str]:
        """Ministries of the letters that have commitments, for the filter's choices."""
        from commitments.models import Commitment

        return sorted(
            m for m in Commitment.objects.exclude(document__ministry="")
            .values_list("document__ministry", flat=True).distinct() if m
        )


class SuggestionActionForm(forms.Form):
    """A one-click decision on a fulfilment suggestion: the commitment's version, and for
    "uitgesteld" the new date (pre-filled from the letter, editable)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    new_due_date = DateField(label=_("Nieuwe datum"), required=False)
    note = forms.CharField(required=False, max_length=2000)
