"""State changes of commitments made by griffie clerks (HackSoft-style services).

Every function here:

* takes the ``version`` of the commitment the clerk saw and changes the row with one
  compare-and-set ``UPDATE … WHERE id = %s AND version = %s`` (``version + 1``); when that
  changes no row, somebody else saved first and :class:`ConflictError` is raised;
* runs in one transaction together with its audit rows (:class:`StatusChange`,
  :class:`DeadlineChange`, :class:`FulfilmentLink`), so a conflict or an error stores nothing;
* clears ``overdue_since`` in that same UPDATE when the commitment is closed (the
  check constraint "closed commitments are never overdue" holds at every moment);
* afterwards asks ``commitments.overdue.flag_overdue(ids=[pk])`` to bring the overdue flag
  up to date for that one row, so dashboard counts follow immediately.

Views and tasks call these functions; tests call them directly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import Document
from tracker.signals import announce_data_changed

from .models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Commitment,
    DeadlineChange,
    FulfilmentKind,
    FulfilmentLink,
    Status,
    StatusChange,
)
from .motions import motion_for

User = AbstractBaseUser


class ConflictError(Exception):
    """The commitment was changed by someone else since the clerk loaded it."""

    def __init__(self, commitment_id: int | Sequence[int], message: str | None = None):
        self.commitment_ids = [commitment_id] if isinstance(commitment_id, int) else list(commitment_id)
        super().__init__(
            message
            or _(
                "Deze toezegging is intussen door een ander gewijzigd. Uw invoer is bewaard maar niet "
                "opgeslagen: bekijk de huidige versie hieronder en sla opnieuw op."
            )
        )


class InvalidTransition(ValidationError):
    """The requested change does not fit the commitment's current status."""


# --------------------------------------------------------------------------- helpers


def _refresh_overdue(commitment_id: int) -> None:
    """Bring ``overdue_since`` of one commitment up to date (set-based, idempotent)."""
    from .overdue import flag_overdue

    flag_overdue(ids=[commitment_id])


def _load(commitment_id: int, version: int) -> Commitment:
    """The commitment as it is now; ConflictError early if its version already moved on.

    No row lock: the compare-and-set UPDATE that follows is what guarantees nobody saved in between.
    """
    try:
        commitment = Commitment.objects.get(pk=commitment_id)
    except Commitment.DoesNotExist as exc:
        raise ConflictError(commitment_id, _("Deze toezegging bestaat niet meer.")) from exc
    if commitment.version != version:
        raise ConflictError(commitment_id)
    return commitment


def _compare_and_set(commitment_id: int, version: int, **fields: object) -> None:
    """``UPDATE commitment SET …, version = version + 1 WHERE id = … AND version = …``.

    Raises ConflictError when no row matched: another clerk saved in between.
    """
    changed = Commitment.objects.filter(pk=commitment_id, version=version).update(
        version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    if changed != 1:
        raise ConflictError(commitment_id)
    announce_data_changed(__name__)  # a queryset UPDATE sends no model signal


def _require_status(commitment: Commitment, allowed: Iterable[str], action: str) -> None:
    if commitment.status not in allowed:
        raise InvalidTransition(
            _("%(action)s kan niet: de toezegging heeft status “%(status)s”.")
            % {"action": action, "status": commitment.get_status_display()}
        )


#: A date outside these years is a typing error: letter dates, due dates, postponements.
DATE_YEARS = (1990, 2100)
POSTPONE_YEARS = DATE_YEARS


def date_in_range(value: dt.date | None) -> bool:
    """True for no date or a date in 1990–2100 (``DATE_YEARS``)."""
    return value is None or DATE_YEARS[0] <= value.year <= DATE_YEARS[1]


def date_range_error() -> str:
    """The clerk's message for a date outside ``DATE_YEARS``."""
    return _("Deze datum klopt niet: kies een datum tussen %(first)d en %(last)d.") % {
        "first": DATE_YEARS[0], "last": DATE_YEARS[1]}


def _check_evidence(commitment: Commitment, evidence: Document | None, field: str = "evidence") -> None:
    """Refuse a letter dated before the commitment's own letter: it cannot answer a promise made later."""
    if evidence is None or evidence.date is None:
        return
    own = commitment.document.date
    if own is not None and evidence.date < own:
        raise ValidationError(
            {
                field: _(
                    "Dit bewijsstuk is gedateerd %(evidence)s, vóór de brief met de toezegging (%(own)s). "
                    "Een eerdere brief kan een latere toezegging niet voldoen of uitstellen; kies een brief "
                    "van %(own)s of later."
                )
                % {"evidence": evidence.date.strftime("%d-%m-%Y"), "own": own.strftime("%d-%m-%Y")}
            }
        )


def _check_new_due_date(commitment: Commitment, new_due_date: dt.date) -> None:
    """A postponement date lies in 1990–2100 and not before the commitment's own letter."""
    if not date_in_range(new_due_date):
        raise ValidationError({"new_due_date": date_range_error()})
    own = commitment.document.date
    if own is not None and new_due_date < own:
        raise ValidationError(
            {"new_due_date": _("De nieuwe datum ligt vóór de brief met de toezegging (%(own)s).")
             % {"own": own.strftime("%d-%m-%Y")}}
        )


def _change_status(
    commitment_id: int,
    version: int,
    *,
    new_status: str,
    allowed: Iterable[str],
    action: str,
    user: User | None,
    evidence: Document | None = None,
    note: str = "",
    link_kind: str | None = None,
) -> Commitment:
    with transaction.atomic():
        commitment = _load(commitment_id, version)
        _require_status(commitment, allowed, action)
        _check_evidence(commitment, evidence)
        fields: dict[str, object] = {"status": new_status}
        if new_status in CLOSED_STATUSES:
            fields["overdue_since"] = None
        _compare_and_set(commitment_id, version, **fields)
        StatusChange.objects.create(
            commitment_id=commitment_id,
            user=user,
            old_status=commitment.status,
            new_status=new_status,
            evidence=evidence,
            note=note,
        )
        if link_kind and evidence is not None:
            _link(commitment_id, evidence, link_kind, user, note)
        _refresh_overdue(commitment_id)
    return Commitment.objects.get(pk=commitment_id)


def _link(commitment_id: int, document: Document, kind: str, user: User | None, note: str) -> FulfilmentLink:
    link, _created = FulfilmentLink.objects.update_or_create(
        commitment_id=commitment_id,
        document=document,
        kind=kind,
        defaults={"confirmed_by": user, "confirmed_at": timezone.now(), "note": note},
    )
    return link


# --------------------------------------------------------------------------- review


def accept_commitment(commitment_id: int, version: int, *, user: User | None, note: str = "") -> Commitment:
    """A clerk confirms an extracted commitment: voorgesteld → openstaand."""
    return _change_status(
        commitment_id,
        version,
        new_status=Status.OPEN,
        allowed=[Status.PROPOSED],
        action=_("Accepteren"),
        user=user,
        note=note,
    )


def reject_commitment(commitment_id: int, version: int, *, user: User | None, note: str = "") -> Commitment:
    """A clerk decides an extracted sentence is no commitment: voorgesteld → afgewezen."""
    return _change_status(
        commitment_id,
        version,
        new_status=Status.REJECTED,
        allowed=[Status.PROPOSED],
        action=_("Afwijzen"),
        user=user,
        note=note,
    )


def bulk_accept(items: Sequence[tuple[int, int]], *, user: User | None) -> list[Commitment]:
    """Accept several proposed commitments, given as ``(id, version)`` pairs, all or nothing.

    When any of them changed in the meantime (or is no longer proposed) nothing is accepted and
    ConflictError names all of them, so the clerk sees the fresh queue and decides again.
    """
    conflicts: list[int] = []
    accepted: list[Commitment] = []
    with transaction.atomic():
        for commitment_id, version in items:
            try:
                with transaction.atomic():
                    accepted.append(accept_commitment(commitment_id, version, user=user))
            except (ConflictError, InvalidTransition):
                conflicts.append(commitment_id)
        if conflicts:
            transaction.set_rollback(True)
            raise ConflictError(
                conflicts,
                _(
                    "Niets geaccepteerd: %(count)d toezegging(en) zijn intussen door een ander gewijzigd. "
                    "De lijst is bijgewerkt; kies opnieuw."
                )
                % {"count": len(conflicts)},
            )
    return accepted


def parse_motion_keys(text: str) -> list[str]:
    """Motion keys from what a clerk typed: "31497-507" or any Kamerstuk citation, in order, unique."""
    from documents.reader.citations import typed_keys

    return typed_keys(text)


def _normalise_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _passage_containing(document: Document, quote: str, prefer=lambda passage: False):
    """The passage of ``document`` that contains ``quote`` (whitespace-insensitive), those ``prefer`` picks first."""
    wanted = _normalise_ws(quote)
    passages = sorted(document.passages.all(), key=lambda p: not prefer(p))
    for passage in passages:
        if wanted in _normalise_ws(passage.text):
            return passage
    return None


@dataclass(frozen=True)
class CommitmentEdit:
    """What a clerk may change in review. ``due_date`` set means: a manual date, no phrase resolving."""

    quote: str
    deliverable: str
    deadline_phrase: str
    due_date: dt.date | None = None
    motion_keys: tuple[str, ...] = ()
    note: str = ""


def edit_commitment(commitment_id: int, version: int, edit: CommitmentEdit, *, user: User | None) -> Commitment:
    """Change quote boundaries, deliverable, deadline and motions of a commitment still open or proposed.

    * The quote must stand in the letter (whitespace may differ): it is moved to the passage that
      contains it.
    * A changed deadline phrase is resolved again against the letter's date with
      ``commitments.extraction.deadlines.resolve`` (the same rules as extraction).
    * A manual ``due_date`` wins over the phrase and sets ``due_overridden``.
    * A changed due date is recorded as a DeadlineChange that is a correction, not a postponement.
    """
    quote = edit.quote.strip()
    if not quote:
        raise ValidationError({"quote": _("Het citaat mag niet leeg zijn.")})
    if not date_in_range(edit.due_date):
        raise ValidationError({"due_date": date_range_error()})
    with transaction.atomic():
        commitment = _load(commitment_id, version)
        _require_status(commitment, OPEN_STATUSES, _("Bewerken"))
        fields: dict[str, object] = {"quote": quote, "deliverable": edit.deliverable.strip()}

        if _normalise_ws(quote) != _normalise_ws(commitment.quote) and commitment.document.passages.exists():
            passage = _passage_containing(commitment.document, quote, lambda p: p.pk == commitment.passage_id)
            if passage is None:
                raise ValidationError({"quote": _("Dit citaat staat niet letterlijk in de brief.")})
            fields["passage"] = passage

        phrase = edit.deadline_phrase.strip()
        fields["deadline_phrase"] = phrase
        if edit.due_date is not None:
            if edit.due_date != commitment.due_date or not commitment.due_overridden:
                fields.update(due_date=edit.due_date, due_overridden=True, rule="handmatig", estimated=False)
        elif phrase != commitment.deadline_phrase or (commitment.due_overridden and edit.due_date is None):
            fields.update(_resolved_deadline(phrase, commitment.document.date))
            fields["due_overridden"] = False

        _compare_and_set(commitment_id, version, **fields)

        new_due = fields.get("due_date", commitment.due_date)
        if new_due != commitment.due_date or phrase != commitment.deadline_phrase:
            DeadlineChange.objects.create(
                commitment_id=commitment_id,
                user=user,
                old_due_date=commitment.due_date,
                new_due_date=new_due,
                old_phrase=commitment.deadline_phrase,
                new_phrase=phrase,
                is_postponement=False,
                note=edit.note or _("Gecorrigeerd bij beoordeling."),
            )

        motions = [motion_for(key) for key in edit.motion_keys]  # fills dossier and ondernummer of a new motion
        Commitment.objects.get(pk=commitment_id).motions.set(motions)
        _refresh_overdue(commitment_id)
    return Commitment.objects.get(pk=commitment_id)


#: a commitment added by hand that shares this share of the shorter quote's words with one the letter already has
#: is that one again (the same promise, quoted a little longer or shorter)
SAME_PROMISE = 0.6


def _same_promise(a: str, b: str) -> bool:
    from .extraction.evaluation import tokens

    wa, wb = tokens(a), tokens(b)
    shorter = min(sum(wa.values()), sum(wb.values()))
    return shorter > 0 and sum((wa & wb).values()) >= SAME_PROMISE * shorter


def _refuse_known_promise(document: Document, quote: str) -> None:
    """A promise the letter already has, in any status, is not added twice: say which one and what to do."""
    for known in document.commitments.order_by("pk"):
        if not _same_promise(quote, known.quote):
            continue
        if known.status == Status.PROPOSED:
            message = _("Deze toezegging is al voorgesteld (nr. %(pk)s): accepteer of bewerk haar in de wachtrij.")
        elif known.status == Status.REJECTED:
            message = _("Deze toezegging is eerder afgewezen (nr. %(pk)s): draai die beslissing terug om haar "
                        "toch op te nemen.")
        else:
            message = _("Deze toezegging staat al bij de brief (nr. %(pk)s).")
        raise ValidationError({"quote": message % {"pk": known.pk}})


def add_commitment(document_id: int, quote: str, *, deliverable: str = "", deadline_phrase: str = "",
                   due_date: dt.date | None = None, motion_keys: Sequence[str] = (), note: str = "",
                   user: User | None) -> Commitment:
    """A promise the extractor did not propose, added by a clerk: it is ``openstaand`` at once (the clerk vouches
    for it) and the public sees it.

    * The quote must stand in the letter (whitespace may differ); it is stored as it stands there.
    * The extractor describes it as it describes its own items (``extraction.extractor.describe_quote``): kind,
      actor, deliverable, motions and the deadline of its sentence.  A deadline phrase typed by the clerk is resolved
      instead (the same rules), and a due date typed by the clerk wins over both.
    * A promise the letter already has (proposed, rejected or decided) is refused with a message naming it.
    * The history records the addition (from no status to ``openstaand``), the digest announces it, and a
      :class:`ReviewExample` (``toegevoegd``) keeps its sentence as a promise for ``train_extractor``: the griffie
      teaches the model what it missed, not only what it proposed wrongly.
    """
    from documents.reader import parse_text

    from .extraction.extractor import describe_quote
    from .models import Measure, Origin, ReviewDecision, ReviewExample

    quote = quote.strip()
    if not quote:
        raise ValidationError({"quote": _("Het citaat mag niet leeg zijn.")})
    if not date_in_range(due_date):
        raise ValidationError({"due_date": date_range_error()})
    with transaction.atomic():
        try:   # one clerk at a time per letter: two adding the same promise get one row and a message
            document = Document.objects.select_for_update().get(pk=document_id)
        except Document.DoesNotExist as exc:
            raise ValidationError(_("Deze brief bestaat niet meer.")) from exc
        parsed = parse_text(document.text or "", source_name=document.source_name, doc_type=document.type,
                            date=document.date)
        from .calendar import DatabaseCalendar

        item = describe_quote(parsed, quote, DatabaseCalendar())
        # the stored passage the letter read again found it in, else any that holds it
        passage = item and _passage_containing(document, item.quote, lambda p: p.index == item.passage_index)
        if passage is None:
            raise ValidationError({"quote": _("Dit citaat staat niet letterlijk in de brief.")})
        _refuse_known_promise(document, item.quote)

        phrase = deadline_phrase.strip()
        if due_date is not None:
            deadline = {"deadline_phrase": phrase[:300], **_resolved_deadline(phrase, document.date),
                        "due_date": due_date, "due_overridden": True, "rule": "handmatig", "estimated": False}
        elif phrase:
            deadline = {"deadline_phrase": phrase[:300], **_resolved_deadline(phrase, document.date)}
        else:
            deadline = deadline_fields(item.deadline)
        measure = Measure.objects.get_or_create(name=item.measure[:300])[0] if item.measure else None
        commitment = Commitment.objects.create(
            document=document, passage=passage, quote=item.quote, actor=(item.actor or "")[:300],
            deliverable=deliverable.strip() or item.deliverable or "", kind=item.kind or "other",
            ministry=document.ministry, fractie=(item.fractie or "")[:120], measure=measure, status=Status.OPEN,
            origin=Origin.VSO if document.type == "vso" else Origin.LETTER, confidence=None,
            features=item.features, **deadline,
        )
        keys = list(motion_keys) or item.motions
        commitment.motions.set([motion_for(key) for key in keys])
        StatusChange.objects.create(
            commitment=commitment, user=user, old_status="", new_status=Status.OPEN,
            note=note or _("Met de hand toegevoegd: het model stelde deze toezegging niet voor."),
        )
        ReviewExample.objects.create(
            commitment=commitment, document=document, sentence=commitment.quote, features=item.features or {},
            confidence=None, user=user, decision=ReviewDecision.ADDED, corrected_quote=commitment.quote,
            corrected_due_date=commitment.due_date,
        )
        _refresh_overdue(commitment.pk)
    return Commitment.objects.get(pk=commitment.pk)


def _resolved_deadline(phrase: str, anchor: dt.date | None) -> dict[str, object]:
    """Model fields for ``phrase`` resolved against the letter date; empty phrase → no deadline."""
    if not phrase:
        return {
            "deadline_kind": "none", "deadline_detail": "", "earliest": None, "latest": None,
            "due_date": None, "rule": "", "estimated": False,
        }
    from .calendar import DatabaseCalendar
    from .extraction.deadlines import resolve

    fields = deadline_fields(resolve(phrase, anchor, DatabaseCalendar()))
    del fields["deadline_phrase"]   # the phrase as the clerk typed it stays
    return fields


def deadline_fields(deadline) -> dict[str, object]:
    """A resolved time phrase (``extraction.deadlines.Deadline``) as a commitment's columns."""
    return {
        "deadline_phrase": (deadline.phrase or "")[:300],
        "deadline_kind": deadline.kind or "none",
        "deadline_detail": (deadline.detail or "")[:300],
        "earliest": deadline.earliest,
        "latest": deadline.latest,
        "due_date": deadline.due_date,
        "rule": (deadline.rule or "")[:80],
        "estimated": bool(deadline.estimated),
    }


# --------------------------------------------------------------------------- status actions


def mark_fulfilled(
    commitment_id: int, version: int, *, user: User | None, evidence: Document, note: str = ""
) -> Commitment:
    """The letter ``evidence`` delivers the commitment: → voldaan, overdue flag cleared."""
    return _change_status(
        commitment_id, version, new_status=Status.FULFILLED, allowed=OPEN_STATUSES, action=_("Voldaan melden"),
        user=user, evidence=evidence, note=note, link_kind=FulfilmentKind.FULFILS,
    )


def mark_partly_fulfilled(
    commitment_id: int, version: int, *, user: User | None, evidence: Document, note: str = ""
) -> Commitment:
    """The letter delivers part: → deels voldaan, which stays open (and can still be late)."""
    return _change_status(
        commitment_id, version, new_status=Status.PARTLY_FULFILLED, allowed=OPEN_STATUSES,
        action=_("Deels voldaan melden"), user=user, evidence=evidence, note=note, link_kind=FulfilmentKind.PARTLY,
    )


def mark_lapsed(
    commitment_id: int, version: int, *, user: User | None, evidence: Document | None = None, note: str = ""
) -> Commitment:
    """The commitment no longer applies (vervallen); the note says why."""
    if not note.strip():
        raise ValidationError({"note": _("Geef aan waarom de toezegging is vervallen.")})
    return _change_status(
        commitment_id, version, new_status=Status.LAPSED, allowed=OPEN_STATUSES, action=_("Vervallen melden"),
        user=user, evidence=evidence, note=note, link_kind=FulfilmentKind.MENTIONS,
    )


def postpone(
    commitment_id: int,
    version: int,
    *,
    user: User | None,
    new_due_date: dt.date,
    letter: Document,
    new_phrase: str = "",
    note: str = "",
) -> Commitment:
    """An uitstelbrief: a new due date, the old one kept in a DeadlineChange; not a fulfilment.

    The status stays as it is; the postponement counts ("2× uitgesteld") and the letter is linked
    as ``stelt_uit``. The overdue flag is cleared at once when the new date lies ahead.
    """
    with transaction.atomic():
        commitment = _load(commitment_id, version)
        _require_status(commitment, OPEN_STATUSES, _("Uitstel melden"))
        _check_evidence(commitment, letter)
        _check_new_due_date(commitment, new_due_date)
        if commitment.due_date is not None and new_due_date <= commitment.due_date:
            raise ValidationError(
                {"new_due_date": _("De nieuwe datum moet na de huidige uiterste datum (%(date)s) liggen.")
                 % {"date": commitment.due_date.strftime("%d-%m-%Y")}}
            )
        _compare_and_set(commitment_id, version, due_date=new_due_date, due_overridden=True)
        DeadlineChange.objects.create(
            commitment_id=commitment_id,
            user=user,
            old_due_date=commitment.due_date,
            new_due_date=new_due_date,
            old_phrase=commitment.deadline_phrase,
            new_phrase=new_phrase.strip(),
            is_postponement=True,
            evidence=letter,
            note=note,
        )
        _link(commitment_id, letter, FulfilmentKind.POSTPONES, user, note)
        _refresh_overdue(commitment_id)
    return Commitment.objects.get(pk=commitment_id)


# --------------------------------------------------------------------------- undo and reopen

#: What undoing the decision behind each status leads back to.
UNDO_TARGET: dict[str, str] = {
    Status.OPEN: Status.PROPOSED,  # an acceptance
    Status.REJECTED: Status.PROPOSED,  # a rejection
    Status.FULFILLED: Status.OPEN,  # reopen
    Status.PARTLY_FULFILLED: Status.OPEN,
    Status.LAPSED: Status.OPEN,
}

_LINK_OF_STATUS = {
    Status.FULFILLED: FulfilmentKind.FULFILS,
    Status.PARTLY_FULFILLED: FulfilmentKind.PARTLY,
    Status.LAPSED: FulfilmentKind.MENTIONS,
}


def last_decision(commitment: Commitment) -> StatusChange | None:
    """The status change that led to the commitment's current status and is not undone yet."""
    return (
        StatusChange.objects.filter(commitment=commitment, new_status=commitment.status, reverted_by__isnull=True)
        .order_by("-created_at", "-id")
        .first()
    )


def undo_decision(commitment_id: int, version: int, *, user: User | None, note: str = "") -> Commitment:
    """Undo the decision behind the current status, keeping both in the history.

    accepted (openstaand) or rejected (afgewezen) → voorgesteld; voldaan, deels voldaan or
    vervallen → openstaand (reopen). A new StatusChange row records the reversal and points at the
    decision it undoes (``reverts``); nothing is deleted from the history. The letter link that the
    undone decision made (``voldoet aan`` …) is removed, since the letter no longer counts as such;
    the undone StatusChange still names it as evidence.
    """
    with transaction.atomic():
        commitment = _load(commitment_id, version)
        target = UNDO_TARGET.get(commitment.status)
        if target is None:
            raise InvalidTransition(
                _("Er is geen beslissing om terug te draaien: de toezegging heeft status “%(status)s”.")
                % {"status": commitment.get_status_display()}
            )
        undone = last_decision(commitment)
        _compare_and_set(commitment_id, version, status=target)
        StatusChange.objects.create(
            commitment_id=commitment_id,
            user=user,
            old_status=commitment.status,
            new_status=target,
            note=note,
            reverts=undone,
        )
        kind = _LINK_OF_STATUS.get(commitment.status)
        if kind and undone is not None and undone.evidence_id:
            FulfilmentLink.objects.filter(commitment_id=commitment_id, document_id=undone.evidence_id, kind=kind).delete()
        _refresh_overdue(commitment_id)
    return Commitment.objects.get(pk=commitment_id)


def last_postponement(commitment: Commitment) -> DeadlineChange | None:
    """The latest postponement that is still in force: not undone and its date is the current due date."""
    change = (
        DeadlineChange.objects.filter(commitment=commitment, is_postponement=True, reverted_by__isnull=True)
        .order_by("-created_at", "-id")
        .first()
    )
    if change is None or change.new_due_date != commitment.due_date:
        return None
    return change


def undo_postponement(commitment_id: int, version: int, *, user: User | None, note: str = "") -> Commitment:
    """Undo the latest postponement: the previous due date comes back; both stay in the history.

    Only the postponement that set the current due date can be undone (a later correction by a
    clerk must be undone by editing). The reversal is a DeadlineChange that is no postponement and
    ``reverts`` the undone one, so "n× uitgesteld" counts one less. The overdue flag follows: a
    restored date that has passed is late again.
    """
    with transaction.atomic():
        commitment = _load(commitment_id, version)
        _require_status(commitment, OPEN_STATUSES, _("Uitstel terugdraaien"))
        undone = last_postponement(commitment)
        if undone is None:
            raise InvalidTransition(_("Er is geen uitstel om terug te draaien."))
        still_manual = (
            DeadlineChange.objects.filter(commitment_id=commitment_id, reverted_by__isnull=True, reverts__isnull=True)
            .exclude(pk=undone.pk)
            .exists()
            or commitment.rule == "handmatig"
        )
        _compare_and_set(commitment_id, version, due_date=undone.old_due_date, due_overridden=still_manual)
        DeadlineChange.objects.create(
            commitment_id=commitment_id,
            user=user,
            old_due_date=undone.new_due_date,
            new_due_date=undone.old_due_date,
            old_phrase=undone.new_phrase,
            new_phrase=undone.old_phrase,
            is_postponement=False,
            evidence=None,
            note=note,
            reverts=undone,
        )
        if undone.evidence_id and not DeadlineChange.objects.filter(
            commitment_id=commitment_id, is_postponement=True, reverted_by__isnull=True, evidence_id=undone.evidence_id
        ).exclude(pk=undone.pk).exists():
            FulfilmentLink.objects.filter(
                commitment_id=commitment_id, document_id=undone.evidence_id, kind=FulfilmentKind.POSTPONES
            ).delete()
        _refresh_overdue(commitment_id)
    return Commitment.objects.get(pk=commitment_id)
