"""Views of the griffie's workflow: upload, review queue, edit, status actions.

Thin views: forms validate, ``commitments.services`` and ``web.uploads`` change state.
Every view requires a logged-in member of the griffie group (``griffie_required``);
every change is a POST behind Django's CSRF middleware.
"""

from __future__ import annotations

import re
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commitments import services
from commitments.models import Commitment, Status
from documents.models import Document

from .access import griffie_required
from .griffie_forms import (
    STATUS_ACTION_HELP,
    STATUS_ACTION_LABELS,
    STATUS_FORMS,
    AddCommitmentForm,
    ConfirmUploadForm,
    EditCommitmentForm,
    ReviewFilterForm,
    UploadForm,
    VersionedForm,
    evidence_label,
    evidence_token,
    search_evidence,
)
from .models import UploadJob, UploadStatus
from .quality import extraction_quality
from .uploads import UnreadableUpload, analyse_upload, create_draft_upload
from .uploads import confirm_upload as confirm_upload_job


def _next_url(request: HttpRequest, default: str) -> str:
    nxt = request.POST.get("next") or request.GET.get("next")
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return nxt
    return default


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


# --------------------------------------------------------------------------- review queue


#: Proposals per page of the queue; a page holds them grouped by letter.
ITEMS_PER_PAGE = 20

#: Statuses the queue can show: the proposals, and the decisions a clerk may want to undo.
QUEUE_STATUSES = (Status.PROPOSED, Status.OPEN, Status.REJECTED)

#: The order within one letter for each ``volgorde`` of the queue; unscored items (no confidence:
#: added by hand, or extracted before confidence existed) come last, ties in the order of the letter.
_IN_LETTER = (F("passage__index").asc(nulls_last=True), "id")
QUEUE_ORDERS = {
    "zekerheid": (F("confidence").desc(nulls_last=True), *_IN_LETTER),
    "laag": (F("confidence").asc(nulls_last=True), *_IN_LETTER),
    "brief": _IN_LETTER,
}

#: Below this confidence a proposal is marked in the queue as doubtful.
LOW_CONFIDENCE = 0.5

#: Two proposals of one letter whose quotes overlap at least this much (rapidfuzz partial_ratio)
#: and differ at most 2× in length are flagged "mogelijk dubbel".
DUPLICATE_SCORE = 90
_NUMBER = re.compile(r"\d+")


def _queue_filter(request: HttpRequest) -> ReviewFilterForm:
    form = ReviewFilterForm(request.GET or None)
    form.is_valid()
    return form


def near_duplicates(commitments: list[Commitment]) -> dict[int, Commitment]:
    """For each proposal that repeats an earlier one of the same letter: id → that earlier one.

    Quotes overlap strongly when the shorter one stands almost entirely in the longer one
    (extraction sometimes proposes a sentence and the paragraph around it).
    """
    from rapidfuzz import fuzz

    found: dict[int, Commitment] = {}
    for i, later in enumerate(commitments):
        for earlier in commitments[:i]:
            if earlier.document_id != later.document_id or earlier.pk in found:
                continue
            a, b = sorted((earlier.quote, later.quote), key=len)
            if len(a) * 2 < len(b) or not set(_NUMBER.findall(a)) <= set(_NUMBER.findall(b)):
                continue  # much shorter, or other years/numbers ("zomer van 2024" vs "2025"): not the same promise
            if fuzz.partial_ratio(a, b) >= DUPLICATE_SCORE:
                found[later.pk] = earlier
                break
    return found


@griffie_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    """Proposed commitments grouped by letter (newest letter first), a page of ``ITEMS_PER_PAGE`` at a
    time, filtered by letter, ministry and status. Within a letter ``volgorde`` orders them by the
    extractor's confidence (highest first by default, or lowest first) or in the order of the letter."""
    form = _queue_filter(request)
    status = form.chosen_status()
    in_status = Commitment.objects.filter(status=status)
    ministry = form.value("ministerie")
    if ministry:
        in_status = in_status.filter(document__ministry=ministry)
    letters = (
        Document.objects.filter(commitments__in=in_status)
        .annotate(n=Count("commitments", filter=Q(commitments__in=in_status)))
        .order_by("-date", "-id")
        .only("id", "date", "kamerstuk", "type", "subject", "ministry")
    )
    letter_id = form.letter_id()
    items = in_status.filter(document_id=letter_id) if letter_id else in_status
    items = (
        items.select_related("document", "passage")
        .prefetch_related("motions")
        .order_by("-document__date", "-document_id", *QUEUE_ORDERS[form.chosen_order()])
    )
    page = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("pagina"))
    on_page = list(page.object_list)
    duplicates: dict[int, Commitment] = {}
    if status == Status.PROPOSED and on_page:
        same_letters = (
            Commitment.objects.filter(status=Status.PROPOSED, document_id__in={c.document_id for c in on_page})
            .only("id", "document_id", "quote")
            .order_by("document_id", F("passage__index").asc(nulls_last=True), "id")
        )
        duplicates = near_duplicates(list(same_letters))
    groups = []
    for document, commitments in groupby(on_page, key=lambda c: c.document):
        commitments = list(commitments)
        for c in commitments:
            c.duplicate_of = duplicates.get(c.pk)
        groups.append((document, commitments))
    by_letter = open_suggestions(d.pk for d, _items in groups)
    for document, _items in groups:
        document.open_suggestions = by_letter.get(document.pk, [])
    from commitments.models import OPEN_STATUSES, FulfilmentSuggestion, SuggestionState

    undo_ids = request.session.pop(LAST_DECISIONS_KEY, None) or []  # offered once, right after the decision
    just_decided = list(
        Commitment.objects.filter(pk__in=undo_ids, status__in=[Status.OPEN, Status.REJECTED]).select_related("document")
    )
    return render(
        request,
        "web/griffie/review_queue.html",
        {
            "groups": groups,
            "page": page,
            "total": Commitment.objects.filter(status=Status.PROPOSED).count(),
            "filter": form,
            "status": status,
            "letters": letters,
            "letter_id": letter_id,
            "order": form.chosen_order(),
            "query": _query_without_page(request),
            "just_decided": just_decided,
            "low_confidence": LOW_CONFIDENCE,
            "suggestion_total": FulfilmentSuggestion.objects.filter(
                state=SuggestionState.OPEN, commitment__status__in=OPEN_STATUSES
            ).count(),
            "jobs": UploadJob.objects.filter(user=request.user).select_related("document")[:5],
        },
    )


@griffie_required
@require_GET
def quality(request: HttpRequest) -> HttpResponse:
    """Kwaliteit van de extractie: per month the griffie's decisions, precision and recall, and whether
    the extractor's confidence tells accepted from rejected (see ``web.quality``)."""
    return render(request, "web/griffie/quality.html", {"quality": extraction_quality()})


@griffie_required
@require_GET
def tk_differences(request: HttpRequest) -> HttpResponse:
    """Oral commitments where the Kamer's register (imported by sync_tk) and ours disagree:
    the Kamer says voldaan and a clerk kept it open, or the Kamer removed one a clerk acted on."""
    rows = (
        Commitment.objects.differs_from_tk()
        .select_related("document")
        .order_by("-document__date", "pk")[:500]
    )
    return render(request, "web/griffie/tk_differences.html", {"rows": rows})


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


#: Session key: the commitments the clerk just accepted or rejected, offered for undo in the queue.
LAST_DECISIONS_KEY = "griffie_last_decisions"


@griffie_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_action(request, pk, services.accept_commitment, _("Toezegging geaccepteerd."))


@griffie_required
@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_action(request, pk, services.reject_commitment, _("Toezegging afgewezen."))


def _review_action(request: HttpRequest, pk: int, action, success: str, *, remember: bool = True) -> HttpResponse:
    form = VersionedForm(request.POST)
    back = _next_url(request, reverse("web:review_queue"))
    if not form.is_valid():
        messages.error(request, _("Het formulier was onvolledig; probeer het opnieuw."))
        return redirect(back)
    try:
        action(pk, form.cleaned_data["version"], user=request.user, note=request.POST.get("note", "")[:2000])
    except services.ConflictError as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, success)
        if remember:
            request.session[LAST_DECISIONS_KEY] = [pk]
    return redirect(back)


@griffie_required
@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo the decision behind the current status (accept, reject, voldaan …), with a note."""
    return _review_action(request, pk, services.undo_decision, _("Beslissing teruggedraaid."), remember=False)


@griffie_required
@require_POST
def undo_postponement(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo the latest postponement: the previous due date comes back."""
    return _review_action(
        request, pk, services.undo_postponement, _("Uitstel teruggedraaid; de vorige datum geldt weer."), remember=False
    )


@griffie_required
@require_GET
def evidence_search(request: HttpRequest) -> JsonResponse:
    """Documents for the evidence picker: by Kamerstuk number, title words or date."""
    documents = search_evidence(request.GET.get("q", "")[:200])
    return JsonResponse(
        {"results": [{"id": d.pk, "value": evidence_token(d), "label": evidence_label(d)} for d in documents]}
    )


@griffie_required
@require_POST
def bulk_accept(request: HttpRequest) -> HttpResponse:
    """Accept the ticked commitments; values are "id:version"."""
    back = _next_url(request, reverse("web:review_queue"))
    items: list[tuple[int, int]] = []
    for value in request.POST.getlist("item"):
        try:
            pk, version = (int(x) for x in value.split(":", 1))
        except ValueError:
            continue
        items.append((pk, version))
    if not items:
        messages.warning(request, _("Kies eerst een of meer toezeggingen."))
        return redirect(back)
    try:
        accepted = services.bulk_accept(items, user=request.user)
    except services.ConflictError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(count)d toezegging(en) geaccepteerd.") % {"count": len(accepted)})
        request.session[LAST_DECISIONS_KEY] = [c.pk for c in accepted]
    return redirect(back)


def _form_errors(form, exc: ValidationError) -> None:
    """A service's refusal shown on the form: at the field it names, else above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@griffie_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a proposed or open commitment, with the version the clerk saw as a hidden field."""
    commitment = get_object_or_404(
        Commitment.objects.select_related("document", "passage").prefetch_related("motions"), pk=pk
    )
    current = None  # the other clerk's version, shown next to the form after a conflict
    if request.method == "POST":
        form = EditCommitmentForm(request.POST)
        if form.is_valid():
            try:
                services.edit_commitment(pk, form.cleaned_data["version"], form.to_edit(), user=request.user)
            except services.ConflictError as exc:
                # Keep everything the clerk typed; show what is stored now and move the form to the
                # current version, so saving again deliberately replaces the other clerk's change.
                current = Commitment.objects.prefetch_related("motions").get(pk=pk)
                data = request.POST.copy()
                data["version"] = str(current.version)
                form = EditCommitmentForm(data)
                form.is_valid()
                form.add_error(None, str(exc))
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, _("Wijzigingen opgeslagen."))
                return redirect(_next_url(request, reverse("web:review_queue")))
    else:
        form = EditCommitmentForm(initial=EditCommitmentForm.initial_for(commitment))
    return render(
        request,
        "web/griffie/edit.html",
        {"commitment": commitment, "form": form, "current": current, "next": _next_url(request, "")},
        status=409 if current is not None else 200,
    )


@griffie_required
@require_http_methods(["GET", "POST"])
def add_commitment(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a promise of this letter that the extractor did not propose (``?passage=N``: show that passage)."""
    document = get_object_or_404(Document, pk=pk)
    passage = None
    if (index := request.GET.get("passage", "")).isdigit():
        passage = document.passages.filter(index=int(index)).first()
    if request.method == "POST":
        form = AddCommitmentForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                commitment = services.add_commitment(
                    document.pk, d["quote"], deliverable=d["deliverable"], deadline_phrase=d["deadline_phrase"],
                    due_date=d["due_date"], motion_keys=d["motions"], note=d["note"], user=request.user)
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, _("Toezegging toegevoegd en openbaar: nr. %(pk)s.") % {"pk": commitment.pk})
                return redirect(commitment.get_absolute_url())
    else:
        form = AddCommitmentForm()
    return render(request, "web/griffie/add.html",
                  {"document": document, "passage": passage, "form": form, "sentences": _sentences(passage)},
                  status=400 if request.method == "POST" else 200)


def _sentences(passage) -> list[dict]:
    """The passage's sentences to pick from (``add.html``), each marked when the letter already has it as a
    commitment (in any status)."""
    if passage is None:
        return []
    from commitments.extraction.sentences import split_spans

    known = [" ".join(q.split()) for q in passage.document.commitments.values_list("quote", flat=True)]
    out = []
    for start, end in split_spans(passage.text):
        text = passage.text[start:end]
        flat = " ".join(text.split())
        out.append({"text": text, "known": any(flat in q for q in known)})
    return out


# --------------------------------------------------------------------------- status actions


@griffie_required
@require_http_methods(["GET", "POST"])
def status_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """voldaan / deels-voldaan / uitgesteld / vervallen, each with evidence and note."""
    form_class = STATUS_FORMS.get(action)
    if form_class is None:
        return HttpResponse(status=404)
    commitment = get_object_or_404(Commitment.objects.select_related("document"), pk=pk)
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, prefix=action)
        if form.is_valid():
            try:
                _apply_status_action(action, commitment, form, request.user)
            except services.ConflictError as exc:
                commitment.refresh_from_db()
                data = request.POST.copy()
                data[form.add_prefix("version")] = str(commitment.version)
                form = form_class(data, prefix=action)
                form.is_valid()
                form.add_error(None, str(exc))
                status = 409
            except ValidationError as exc:
                _form_errors(form, exc)
                status = 400
            else:
                messages.success(
                    request,
                    _("Vastgelegd: %(action)s.") % {"action": STATUS_ACTION_LABELS[action].lower()},
                )
                return redirect(_next_url(request, commitment.get_absolute_url()))
        else:
            status = 400
    else:
        initial = {"version": commitment.version}
        if request.GET.get("bewijs", "").isdigit():
            initial["evidence"] = int(request.GET["bewijs"])
        form = form_class(initial=initial, prefix=action)
    return render(
        request,
        "web/griffie/status_action.html",
        {
            "commitment": commitment,
            "form": form,
            "action": action,
            "label": STATUS_ACTION_LABELS[action],
            "help": STATUS_ACTION_HELP[action],
        },
        status=status,
    )


def _apply_status_action(action: str, commitment: Commitment, form, user) -> None:
    d = form.cleaned_data
    common = {"user": user, "note": d.get("note", "")}
    if action == "voldaan":
        services.mark_fulfilled(commitment.pk, d["version"], evidence=d["evidence"], **common)
    elif action == "deels-voldaan":
        services.mark_partly_fulfilled(commitment.pk, d["version"], evidence=d["evidence"], **common)
    elif action == "vervallen":
        services.mark_lapsed(commitment.pk, d["version"], evidence=d.get("evidence"), **common)
    elif action == "uitgesteld":
        services.postpone(
            commitment.pk, d["version"], letter=d["evidence"], new_due_date=d["new_due_date"],
            new_phrase=d.get("new_phrase", ""), **common,
        )


# --------------------------------------------------------------------------- upload


@griffie_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Step 1: the file is read at once; what was found pre-fills the confirm form (step 2)."""
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            uploaded = form.cleaned_data["file"]
            try:
                analysis = analyse_upload(uploaded)
            except UnreadableUpload as exc:
                form.add_error("file", str(exc))
            else:
                job = create_draft_upload(uploaded=uploaded, analysis=analysis, user=request.user)
                request.session[f"upload-{job.pk}-subject"] = analysis.subject[:300]
                return redirect("web:confirm_upload", pk=job.pk)
        status = 400
    else:
        form = UploadForm()
    jobs = UploadJob.objects.select_related("document", "user")[:10]
    return render(request, "web/griffie/upload.html", {"form": form, "jobs": jobs}, status=status)


@griffie_required
@require_http_methods(["GET", "POST"])
def confirm_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 2: date, type, ministry and Kamerstuk number as read from the file, confirmed or corrected."""
    job = get_object_or_404(UploadJob, pk=pk)
    if job.status != UploadStatus.DRAFT:
        return redirect(job.get_absolute_url())
    sha256 = file_sha256(job)
    status = 200
    if request.method == "POST":
        form = ConfirmUploadForm(request.POST, sha256=sha256)
        if form.is_valid():
            d = form.cleaned_data
            confirm_upload_job(job, date=d["date"], doc_type=d["doc_type"], ministry=d["ministry"], kamerstuk=d["kamerstuk"])
            return redirect(job.get_absolute_url())
        status = 400
    else:
        form = ConfirmUploadForm(
            initial={"date": job.date, "doc_type": job.doc_type, "ministry": job.ministry, "kamerstuk": job.kamerstuk},
            sha256=sha256,
        )
    found = {"date": job.date, "doc_type": job.doc_type, "ministry": job.ministry, "kamerstuk": job.kamerstuk}
    return render(
        request,
        "web/griffie/upload_confirm.html",
        {
            "job": job,
            "form": form,
            "found": found,
            "subject": request.session.get(f"upload-{job.pk}-subject", ""),
            "already": Document.objects.filter(sha256=sha256).first() if sha256 else None,
        },
        status=status,
    )


def file_sha256(job: UploadJob) -> str:
    """SHA-256 of the stored upload ("" when the file is gone), as the ingest computes it."""
    import hashlib

    if not job.file:
        return ""
    try:
        with job.file.open("rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return ""


#: How many candidate commitments the job page offers for "this letter fulfils …".
CANDIDATES = 25


def commitments_cited_by(document: Document) -> list[Commitment]:
    """Open commitments this letter may answer: those from the letters it cites by Kamerstuk
    number, and those about the motions it cites. The clerk decides; nothing is linked here."""
    keys = list(
        document.references.filter(key__isnull=False).exclude(key="").values_list("key", flat=True).distinct()
    )
    if not keys:
        return []
    return list(
        Commitment.objects.filter(Q(document__kamerstuk__in=keys) | Q(motions__key__in=keys))
        .filter(status__in=[Status.OPEN, Status.PARTLY_FULFILLED])
        .exclude(document=document)
        .select_related("document")
        .distinct()
        .order_by("due_date", "id")[:CANDIDATES]
    )


@griffie_required
@require_GET
def upload_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(UploadJob.objects.select_related("document", "user"), pk=pk)
    if job.status == UploadStatus.DRAFT:
        return redirect("web:confirm_upload", pk=job.pk)
    candidates = commitments_cited_by(job.document) if job.document_id else []
    return render(request, "web/griffie/upload_job.html", {"job": job, "candidates": candidates})


@griffie_required
@require_GET
def upload_job_status(request: HttpRequest, pk: int) -> JsonResponse:
    """Polled by the job page while the upload is processed."""
    job = get_object_or_404(UploadJob, pk=pk)
    return JsonResponse(
        {
            "id": job.pk,
            "status": job.status,
            "status_display": job.get_status_display(),
            "progress": job.progress,
            "message": job.message,
            "finished": job.finished,
            "commitments": job.commitments,
            "document_url": job.document.get_absolute_url() if job.document_id else None,
        }
    )


# --------------------------------------------------------------------------- fulfilment suggestions (issue 13)

#: Letters per page of the suggestions page.
SUGGESTION_LETTERS_PER_PAGE = 10


def open_suggestions(document_ids) -> dict[int, list]:
    """Open suggestions per letter id, best first, with their commitments (for the queue and its page)."""
    from commitments.models import OPEN_STATUSES, FulfilmentSuggestion, SuggestionState

    found: dict[int, list] = {}
    rows = (
        FulfilmentSuggestion.objects.filter(
            document_id__in=list(document_ids), state=SuggestionState.OPEN, commitment__status__in=OPEN_STATUSES
        )
        .select_related("commitment", "commitment__document")
        .order_by("document_id", "rank", "id")
    )
    for s in rows:
        found.setdefault(s.document_id, []).append(s)
    return found


@griffie_required
@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    """Letters with open fulfilment suggestions, newest letter first, each with its ranked suggestions."""
    from commitments.models import OPEN_STATUSES, FulfilmentSuggestion, SuggestionState

    live = Q(suggestions__state=SuggestionState.OPEN, suggestions__commitment__status__in=OPEN_STATUSES)
    letters = Document.objects.filter(live).annotate(n=Count("suggestions", filter=live)).order_by("-date", "-id")
    page = Paginator(letters, SUGGESTION_LETTERS_PER_PAGE).get_page(request.GET.get("pagina"))
    by_letter = open_suggestions(d.pk for d in page.object_list)
    groups = [(d, by_letter.get(d.pk, [])) for d in page.object_list]
    return render(
        request,
        "web/griffie/suggestions.html",
        {
            "groups": groups,
            "page": page,
            "total": FulfilmentSuggestion.objects.filter(
                state=SuggestionState.OPEN, commitment__status__in=OPEN_STATUSES
            ).count(),
        },
    )


@griffie_required
@require_POST
def suggestion_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """voldaan / deels-voldaan / uitgesteld / negeren on one suggestion, through the status services."""
    from commitments import fulfilment
    from commitments.models import FulfilmentSuggestion

    from .griffie_forms import SuggestionActionForm

    if action not in fulfilment.ACTIONS:
        return HttpResponse(status=404)
    suggestion = get_object_or_404(FulfilmentSuggestion.objects.select_related("document"), pk=pk)
    back = _next_url(request, reverse("web:suggestions"))
    form = SuggestionActionForm(request.POST)
    if not form.is_valid() or (action != "negeren" and not form.cleaned_data.get("version")):
        errors = [e for field_errors in form.errors.values() for e in field_errors] if form.errors else []
        messages.error(request, " ".join(errors) or _("Het formulier was onvolledig; probeer het opnieuw."))
        return redirect(back)
    d = form.cleaned_data
    try:
        fulfilment.apply_suggestion(
            suggestion.pk, action=action, version=d.get("version") or 0, user=request.user,
            new_due_date=d.get("new_due_date"), note=d.get("note") or "",
        )
    except services.ConflictError as exc:
        messages.error(request, str(exc))
    except fulfilment.SuggestionDecided as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        done = {
            "voldaan": _("Vastgelegd: toezegging #%(pk)s is voldaan door deze brief."),
            "deels-voldaan": _("Vastgelegd: toezegging #%(pk)s is deels voldaan door deze brief."),
            "uitgesteld": _("Vastgelegd: toezegging #%(pk)s is uitgesteld door deze brief."),
            "negeren": _("Suggestie voor toezegging #%(pk)s genegeerd; zij komt niet terug."),
        }[action]
        messages.success(request, done % {"pk": suggestion.commitment_id})
    return redirect(back)
