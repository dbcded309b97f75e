"""Commitments (toezeggingen), the motions and measures they concern, their history.

"Te laat" is never stored as a status: it follows from due date, status and today,
and the scheduled job ``commitments.tasks.flag_overdue`` records since when in
``Commitment.overdue_since``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.models import Document, Dossier, Passage


class MotionOutcome(models.TextChoices):
    UNKNOWN = "", _("Onbekend")
    ADOPTED = "aangenomen", _("Aangenomen")
    REJECTED = "verworpen", _("Verworpen")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")
    HELD = "aangehouden", _("Aangehouden")


class Motion(models.Model):
    key = models.CharField(_("Kamerstuk"), max_length=40, unique=True, help_text=_("Bijvoorbeeld 31497-507."))
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), null=True, blank=True, on_delete=models.SET_NULL, related_name="motions"
    )
    ondernummer = models.PositiveIntegerField(_("ondernummer"), null=True, blank=True)
    name = models.CharField(_("naam"), max_length=300, blank=True, help_text=_("Zoals geciteerd: motie Westerveld."))
    names_seen = models.JSONField(_("gebruikte namen"), default=list, blank=True)
    submitters = models.JSONField(_("indieners"), default=list, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    outcome = models.CharField(_("uitslag"), max_length=12, choices=MotionOutcome.choices, blank=True, default="")

    class Meta:
        verbose_name = _("motie")
        verbose_name_plural = _("moties")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})" if self.name else self.key

    def get_absolute_url(self) -> str:
        return reverse("web:motion_detail", args=[self.key])


class Measure(models.Model):
    name = models.CharField(_("naam"), max_length=300, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    PROPOSED = "voorgesteld", _("Voorgesteld")
    OPEN = "openstaand", _("Openstaand")
    FULFILLED = "voldaan", _("Voldaan")
    PARTLY_FULFILLED = "deels_voldaan", _("Deels voldaan")
    LAPSED = "vervallen", _("Vervallen")
    REJECTED = "afgewezen", _("Afgewezen")


#: Statuses in which a commitment still has to be delivered (and so can be late).
OPEN_STATUSES = (Status.PROPOSED, Status.OPEN, Status.PARTLY_FULFILLED)
CLOSED_STATUSES = (Status.FULFILLED, Status.LAPSED, Status.REJECTED)

#: The publication rule (issue 14): the public sees what the griffie accepted, every status
#: except an unreviewed proposal and a rejected one. See ``CommitmentQuerySet.public``.
PUBLIC_STATUSES = (Status.OPEN, Status.FULFILLED, Status.PARTLY_FULFILLED, Status.LAPSED)
#: Accepted and not yet delivered: what the public pages count as open, late or due soon.
PUBLIC_OPEN_STATUSES = (Status.OPEN, Status.PARTLY_FULFILLED)


class CommitmentQuerySet(models.QuerySet):
    def public(self, include_proposed: bool = False) -> CommitmentQuerySet:
        """What the public pages, exports, feeds and digests show: what the griffie accepted.

        ``include_proposed`` adds the unreviewed proposals, only where a visitor asks for
        them ("ook niet-beoordeelde voorstellen tonen"); pages mark them "niet beoordeeld".
        Rejected proposals are never public.
        """
        return self.filter(status__in=public_statuses(include_proposed))

    def differs_from_tk(self) -> CommitmentQuerySet:
        """Imported oral commitments where the Kamer's register and ours disagree (see ``Commitment.differs_from_tk``)."""
        same, known = Q(), Q()
        for tk_value, ours in TK_STATUS_MAP.items():
            same |= Q(tk_status__iexact=tk_value, status=ours)
            known |= Q(tk_status__iexact=tk_value)
        same |= ~known & ~Q(tk_status=TK_DELETED) & Q(status="openstaand")  # an unknown status counts as open
        return self.filter(tk_id__isnull=False).exclude(same)


def public_statuses(include_proposed: bool = False) -> tuple[str, ...]:
    return (Status.PROPOSED, *PUBLIC_STATUSES) if include_proposed else PUBLIC_STATUSES


class Origin(models.TextChoices):
    """Where a commitment was made: in a letter, in the answers of a VSO, or orally in a debate."""

    LETTER = "brief", _("Brief")
    VSO = "vso", _("VSO")
    ORAL = "mondeling", _("Mondeling")


#: The Kamer's register (OData ``Toezegging.Status``) → our status, for imported oral commitments.
TK_STATUS_MAP = {
    "openstaand": "openstaand",
    "voldaan": "voldaan",
    "afgedaan": "voldaan",
    "ingetrokken": "vervallen",
    "vervallen": "vervallen",
}


#: ``tk_status`` of an imported commitment the Kamer removed from its register after a clerk acted on it.
TK_DELETED = "Verwijderd"


def status_from_tk(tk_status: str) -> str:
    """Our status for the Kamer's: Openstaand → openstaand, Voldaan/Afgedaan → voldaan; unknown → openstaand."""
    return TK_STATUS_MAP.get((tk_status or "").strip().lower(), "openstaand")


class CommitmentKind(models.TextChoices):
    INFORM_PARLIAMENT = "inform_parliament", _("Kamer informeren")
    LETTER_OR_REPORT = "letter_or_report", _("Brief of rapport")
    SEND_DOCUMENT = "send_document", _("Document toezenden")
    LEGISLATION = "legislation", _("Wetgeving")
    ACTION = "action", _("Actie")
    RESEARCH_EVALUATION = "research_evaluation", _("Onderzoek of evaluatie")
    OTHER = "other", _("Overig")


class DeadlineKind(models.TextChoices):
    DATE = "date", _("datum")
    MONTH = "month", _("maand")
    BEFORE_SUMMER = "before_summer", _("voor de zomer")
    SUMMER = "summer", _("zomer")
    AFTER_SUMMER = "after_summer", _("na de zomer")
    SPRING = "spring", _("voorjaar")
    AUTUMN = "autumn", _("najaar")
    YEAR_END = "year_end", _("eind van het jaar")
    YEAR_START = "year_start", _("begin van het jaar")
    MID_YEAR = "mid_year", _("medio")
    QUARTER = "quarter", _("kwartaal")
    HALF_YEAR = "half_year", _("halfjaar")
    YEAR = "year", _("jaar")
    SCHOOL_YEAR = "school_year", _("schooljaar")
    EVENT = "event", _("gebeurtenis")
    VAGUE = "vague", _("vage termijn")
    RECURRING = "recurring", _("terugkerend")
    RELATIVE = "relative", _("relatief")
    NONE = "none", _("geen termijn")


class Commitment(models.Model):
    document = models.ForeignKey(
        Document, verbose_name=_("brief"), on_delete=models.CASCADE, related_name="commitments"
    )
    passage = models.ForeignKey(
        Passage, verbose_name=_("passage"), null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments"
    )
    quote = models.TextField(_("citaat"), help_text=_("De toezegging precies zoals zij in de brief staat."))
    actor = models.CharField(_("bewindspersoon"), max_length=300, blank=True)
    deliverable = models.TextField(_("wat wordt geleverd"), blank=True)
    kind = models.CharField(_("soort"), max_length=24, choices=CommitmentKind.choices, default=CommitmentKind.OTHER)
    ministry = models.CharField(
        _("ministerie"), max_length=200, blank=True, help_text=_("Overgenomen van de brief, voor filters en het dashboard.")
    )
    #: The letter's date, copied from ``document.date`` so the list can sort on it with an
    #: index instead of a join (kept in step by ``save`` and commitments.signals).
    letter_date = models.DateField(_("datum brief"), null=True, blank=True, editable=False)
    #: The letter's committee, copied like ``letter_date`` (the dashboard's committee filter).
    committee = models.CharField(_("commissie"), max_length=300, blank=True, default="", editable=False)

    deadline_phrase = models.CharField(_("termijn zoals geschreven"), max_length=300, blank=True)
    deadline_kind = models.CharField(
        _("soort termijn"), max_length=16, choices=DeadlineKind.choices, default=DeadlineKind.NONE
    )
    deadline_detail = models.CharField(
        _("toelichting termijn"), max_length=300, blank=True, help_text=_("Gebeurtenis, herhaling of ondergrens.")
    )
    earliest = models.DateField(_("vroegst"), null=True, blank=True)
    latest = models.DateField(_("uiterlijk"), null=True, blank=True)
    due_date = models.DateField(
        _("uiterste datum"), null=True, blank=True, help_text=_("Laatste dag waarop levering nog op tijd is.")
    )
    rule = models.CharField(_("regel"), max_length=80, blank=True, help_text=_("De regel die de datum bepaalde."))
    due_overridden = models.BooleanField(
        _("handmatig vastgesteld"), default=False, help_text=_("Een medewerker heeft de datum gezet of gewijzigd.")
    )
    estimated = models.BooleanField(
        _("geschat"), default=False, help_text=_("De datum steunt op een geschatte recesdatum.")
    )

    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    #: Filled from the document's type on creation (brief / vso); ``mondeling`` for the Kamer's register.
    origin = models.CharField(
        _("herkomst"), max_length=12, choices=Origin.choices, blank=True, default="", db_default="", db_index=True,
        help_text=_("Brief, VSO of mondeling (in een debat)."),
    )
    #: Oral commitments imported from the Kamer's register (OData ``Toezegging``): its id, number
    #: and its own status, kept next to ours (a clerk may decide differently).
    tk_id = models.CharField(
        _("id bij de Tweede Kamer"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    # db_default: loaders that INSERT with SQL (seed_synthetic, benchmark_overdue) need not name these.
    tk_number = models.CharField(
        _("nummer bij de Tweede Kamer"), max_length=40, blank=True, default="", db_default="", editable=False
    )
    tk_status = models.CharField(
        _("status bij de Tweede Kamer"), max_length=40, blank=True, default="", db_default="", editable=False,
        help_text=_("De status in het toezeggingenregister van de Kamer."),
    )
    motions = models.ManyToManyField(Motion, verbose_name=_("moties"), blank=True, related_name="commitments")
    measure = models.ForeignKey(
        Measure, verbose_name=_("maatregel"), null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments"
    )
    fractie = models.CharField(_("fractie"), max_length=120, blank=True, help_text=_("De fractie wier vraag dit beantwoordt."))
    overdue_since = models.DateField(
        _("te laat sinds"), null=True, blank=True, help_text=_("Gezet door de dagelijkse taak; nooit met de hand.")
    )
    version = models.PositiveIntegerField(default=1, help_text=_("Voor optimistische vergrendeling bij bewerken."))
    confidence = models.FloatField(
        _("zekerheid"), null=True, blank=True, editable=False,
        help_text=_("Hoe zeker het extractiemodel is dat dit een toezegging is (0–1)."),
    )
    # The sentence as the model saw it: a clerk's decision on it becomes a training example.
    features = models.JSONField(default=dict, blank=True, null=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["due_date", "id"]
        indexes = [
            # flag_overdue, direction "set": open, dated rows not yet flagged, by due date.
            models.Index(
                fields=["due_date"],
                name="commitment_due_unflagged",
                condition=Q(status__in=OPEN_STATUSES, due_date__isnull=False, overdue_since__isnull=True),
            ),
            # flag_overdue, direction "clear": flagged rows whose due date is now today or later
            # (postponed) or gone. Closed rows never carry a flag (commitment_closed_never_overdue).
            models.Index(
                fields=["due_date"], name="commitment_flagged_due", condition=Q(overdue_since__isnull=False)
            ),
            # Dashboard and list: open and due soon, overall and by ministry.
            models.Index(fields=["status", "due_date"], name="commitment_status_due"),
            models.Index(fields=["ministry", "status", "due_date"], name="commitment_ministry_status_due"),
            models.Index(fields=["document", "status"], name="commitment_document_status"),
            # The public list in its default order (due date, id), read index-only: the
            # publication rule leaves out proposals and rejected rows (CommitmentQuerySet.public).
            models.Index(
                fields=["due_date", "id"], name="commitment_public_due_id", condition=Q(status__in=PUBLIC_STATUSES)
            ),
            # Atom feeds of a selection (web.feeds.SelectionFeed): the public rows changed most recently.
            models.Index(
                fields=["-updated_at", "-id"], name="commitment_public_updated", condition=Q(status__in=PUBLIC_STATUSES)
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(earliest__isnull=True) | Q(latest__isnull=True) | Q(earliest__lte=models.F("latest")),
                name="commitment_interval_ordered",
            ),
            models.CheckConstraint(
                condition=Q(overdue_since__isnull=True) | Q(status__in=OPEN_STATUSES),
                name="commitment_closed_never_overdue",
            ),
        ]

    def __str__(self) -> str:
        return self.quote[:80]

    def get_absolute_url(self) -> str:
        return reverse("web:commitment_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        # Copy the letter's date and committee on creation (and for rows from before the copy).
        if self.document_id and not self.origin:
            self.origin = Origin.VSO if self.document.type == "vso" else Origin.LETTER
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "origin"}
        if self.document_id and (self._state.adding or self.letter_date is None):
            self.letter_date = self.document.date
            self.committee = self.document.committee
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "letter_date", "committee"}
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_public(self) -> bool:
        """Accepted by the griffie (the publication rule, as ``CommitmentQuerySet.public``)."""
        return self.status in PUBLIC_STATUSES

    @property
    def is_oral(self) -> bool:
        return self.origin == Origin.ORAL

    @property
    def tk_status_mapped(self) -> str:
        """The Kamer's status in our terms ("" when the commitment is not from the Kamer's register)."""
        return status_from_tk(self.tk_status) if self.tk_status else ""

    @property
    def differs_from_tk(self) -> bool:
        """The Kamer's register and ours disagree (e.g. the Kamer says voldaan, a clerk kept it open)."""
        return bool(self.tk_id) and (self.tk_status_mapped != self.status or self.tk_status == TK_DELETED)

    @property
    def is_unreviewed(self) -> bool:
        """An extracted proposal no clerk has judged yet: shown "niet beoordeeld" wherever it appears."""
        return self.status == Status.PROPOSED


class StatusChange(models.Model):
    """Audit trail of status changes: who, when, from, to, why, evidence."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="status_changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("op"), auto_now_add=True)
    old_status = models.CharField(_("van"), max_length=16, choices=Status.choices)
    new_status = models.CharField(_("naar"), max_length=16, choices=Status.choices)
    evidence = models.ForeignKey(
        Document, verbose_name=_("bewijsstuk"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("toelichting"), blank=True)
    reverts = models.OneToOneField(
        "self", verbose_name=_("draait terug"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="reverted_by", help_text=_("De beslissing die deze wijziging ongedaan maakt."),
    )

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["commitment", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.commitment_id}: {self.old_status} → {self.new_status}"


class DeadlineChange(models.Model):
    """A new due date: a postponement (uitstel) or a correction by a clerk. The old date is kept."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="deadline_changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("op"), auto_now_add=True)
    old_due_date = models.DateField(_("oude datum"), null=True, blank=True)
    new_due_date = models.DateField(_("nieuwe datum"), null=True, blank=True)
    old_phrase = models.CharField(_("oude termijn"), max_length=300, blank=True)
    new_phrase = models.CharField(_("nieuwe termijn"), max_length=300, blank=True)
    is_postponement = models.BooleanField(_("uitstel"), default=True)
    evidence = models.ForeignKey(
        Document, verbose_name=_("bewijsstuk"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("toelichting"), blank=True)
    reverts = models.OneToOneField(
        "self", verbose_name=_("draait terug"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="reverted_by", help_text=_("Het uitstel dat deze wijziging ongedaan maakt."),
    )

    class Meta:
        verbose_name = _("termijnwijziging")
        verbose_name_plural = _("termijnwijzigingen")
        ordering = ["commitment", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.commitment_id}: {self.old_due_date} → {self.new_due_date}"


class ReviewDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Geaccepteerd")
    REJECTED = "rejected", _("Afgewezen")
    ADDED = "added", _("Toegevoegd")   # a promise the extractor did not propose, added by a clerk


class ReviewExample(models.Model):
    """A clerk's decision on a proposed commitment, or a promise a clerk added that was not proposed, kept as a
    labelled example for ``train_extractor``.

    Written when a proposal leaves (or returns to) ``voorgesteld``; an undone decision is followed by a
    new example, and training uses the latest one per commitment."""

    commitment = models.ForeignKey(Commitment, null=True, on_delete=models.SET_NULL, related_name="review_examples")
    document = models.ForeignKey(Document, null=True, on_delete=models.SET_NULL, related_name="+")
    sentence = models.TextField(_("zin"))
    features = models.JSONField(default=dict, blank=True)
    confidence = models.FloatField(_("zekerheid bij voorstel"), null=True, blank=True)
    decision = models.CharField(_("beslissing"), max_length=12, choices=ReviewDecision.choices)
    corrected_quote = models.TextField(_("verbeterd citaat"), blank=True)
    corrected_due_date = models.DateField(_("verbeterde datum"), null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("op"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("beoordelingsvoorbeeld")
        verbose_name_plural = _("beoordelingsvoorbeelden")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.sentence[:60]}"


class FulfilmentKind(models.TextChoices):
    FULFILS = "voldoet", _("voldoet aan")
    PARTLY = "voldoet_deels", _("voldoet deels aan")
    POSTPONES = "stelt_uit", _("stelt uit")
    MENTIONS = "noemt", _("noemt")


class FulfilmentLink(models.Model):
    """A letter's relation to a commitment. Many-to-many and typed."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="links")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="fulfilment_links")
    kind = models.CharField(_("soort"), max_length=16, choices=FulfilmentKind.choices)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("koppeling met brief")
        verbose_name_plural = _("koppelingen met brieven")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "document", "kind"], name="fulfilmentlink_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.kind} {self.commitment_id}"


class CalendarKind(models.TextChoices):
    SUMMER_RECESS = "zomerreces", _("Zomerreces")
    PRINSJESDAG = "prinsjesdag", _("Prinsjesdag")
    VOORJAARSNOTA = "voorjaarsnota", _("Voorjaarsnota")
    NAJAARSNOTA = "najaarsnota", _("Najaarsnota")
    VERANTWOORDINGSDAG = "verantwoordingsdag", _("Verantwoordingsdag")


class CalendarEntry(models.Model):
    """The parliamentary calendar: recess periods and fixed points. Clerks may correct it."""

    kind = models.CharField(_("soort"), max_length=24, choices=CalendarKind.choices)
    year = models.PositiveIntegerField(_("jaar"))
    start = models.DateField(_("begin"))
    end = models.DateField(_("einde"), null=True, blank=True)
    verified = models.BooleanField(
        _("geverifieerd"), default=False, help_text=_("Uit een officiële bron; anders geschat.")
    )
    source = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("kalenderdatum")
        verbose_name_plural = _("parlementaire kalender")
        ordering = ["year", "start"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="calendarentry_unique_kind_year"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="calendarentry_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}: {self.start}"


# --- Overdue outbox, followers and digests (issue 6) ---------------------------------------------


class OverdueEvent(models.Model):
    """Outbox: a commitment became overdue for a given due date.

    Written by ``commitments.overdue.flag_overdue`` in the same statement that sets
    ``Commitment.overdue_since``. Unique per (commitment, due_date): a second or a
    concurrent run cannot create a duplicate, and a postponement that passes again
    yields exactly one new event (new due date).
    """

    # The unique constraint's index starts with commitment_id; no separate FK index.
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="overdue_events", db_index=False
    )
    due_date = models.DateField(_("uiterste datum"))
    overdue_since = models.DateField(_("te laat sinds"))
    created_at = models.DateTimeField(_("aangemaakt op"))
    fanned_out_at = models.DateTimeField(
        _("verdeeld over volgers op"), null=True, blank=True, help_text=_("Gezet door de dagelijkse digest.")
    )

    class Meta:
        verbose_name = _("te-laat-melding")
        verbose_name_plural = _("te-laat-meldingen")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "due_date"], name="overdueevent_unique_commitment_due"),
        ]
        indexes = [
            # send_digests, fan-out step: events not yet distributed to followers.
            models.Index(fields=["id"], name="overdueevent_unfanned", condition=Q(fanned_out_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.commitment_id} te laat sinds {self.overdue_since} (termijn {self.due_date})"


class FollowFrequency(models.TextChoices):
    DAILY = "dagelijks", _("Dagelijks")
    WEEKLY = "wekelijks", _("Wekelijks")
    NONE = "geen", _("Geen e-mail")


class Follow(models.Model):
    """A user follows exactly one of: a motion, a dossier, a ministry, a commitment or a saved search.

    A saved search is the list's normalised filter query string (``readers.follows.normalise_search``);
    the digest and the personal calendar re-run it through the list's FilterSet. ``frequency`` says how
    often the digest e-mail about it comes: every morning, once a week, or never (still on /volgen/ and in
    the personal calendar).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    motion = models.ForeignKey(Motion, null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    dossier = models.ForeignKey(Dossier, null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    ministry = models.CharField(_("ministerie"), max_length=200, blank=True)
    commitment = models.ForeignKey(
        Commitment, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    search = models.CharField(_("zoekopdracht"), max_length=1000, blank=True, default="")
    frequency = models.CharField(
        _("e-mail"), max_length=10, choices=FollowFrequency.choices, default=FollowFrequency.DAILY
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("volger")
        verbose_name_plural = _("volgers")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(motion__isnull=False, dossier__isnull=True, ministry="", commitment__isnull=True, search="")
                    | Q(motion__isnull=True, dossier__isnull=False, ministry="", commitment__isnull=True, search="")
                    | (Q(motion__isnull=True, dossier__isnull=True, commitment__isnull=True, search="") & ~Q(ministry=""))
                    | Q(motion__isnull=True, dossier__isnull=True, ministry="", commitment__isnull=False, search="")
                    | (Q(motion__isnull=True, dossier__isnull=True, ministry="", commitment__isnull=True) & ~Q(search=""))
                ),
                name="follow_exactly_one_target_or_search",
            ),
            models.UniqueConstraint(
                fields=["user", "motion"], condition=Q(motion__isnull=False), name="follow_unique_motion"
            ),
            models.UniqueConstraint(
                fields=["user", "dossier"], condition=Q(dossier__isnull=False), name="follow_unique_dossier"
            ),
            models.UniqueConstraint(fields=["user", "ministry"], condition=~Q(ministry=""), name="follow_unique_ministry"),
            models.UniqueConstraint(
                fields=["user", "commitment"], condition=Q(commitment__isnull=False), name="follow_unique_commitment"
            ),
            models.UniqueConstraint(fields=["user", "search"], condition=~Q(search=""), name="follow_unique_search"),
        ]

    def __str__(self) -> str:
        target = self.motion or self.dossier or self.ministry or self.commitment or self.search
        return f"{self.user} volgt {target}"


class ChangeKind(models.TextChoices):
    NEW = "nieuw", _("Nieuw")
    POSTPONED = "uitgesteld", _("Uitgesteld")
    FULFILLED = "voldaan", _("Voldaan")


class CommitmentEvent(models.Model):
    """Outbox for the digest next to ``OverdueEvent``: a commitment was accepted (new), postponed or fulfilled.

    Written in the transaction of the ``StatusChange`` / ``DeadlineChange`` that records it
    (``commitments.signals``); distributed once by ``readers.digest.fan_out``, which first checks
    that it still holds (an undone decision is not announced).
    """

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="change_events")
    kind = models.CharField(_("soort"), max_length=12, choices=ChangeKind.choices)
    old_due_date = models.DateField(_("oude datum"), null=True, blank=True)
    new_due_date = models.DateField(_("nieuwe datum"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"))
    fanned_out_at = models.DateTimeField(_("verdeeld over volgers op"), null=True, blank=True)

    class Meta:
        verbose_name = _("wijzigingsmelding")
        verbose_name_plural = _("wijzigingsmeldingen")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["id"], name="commitmentevent_unfanned", condition=Q(fanned_out_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.commitment_id} {self.kind}"


class DigestDelivery(models.Model):
    """One digest e-mail to one user. Claimed with a lease, marked when sent.

    A crash between sending and marking leaves ``sent_at`` empty: after the lease
    expires the next run sends this one digest again (at most one resend per crash);
    nothing that was claimed is ever lost.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_deliveries")
    created_at = models.DateTimeField(_("aangemaakt op"))
    claimed_at = models.DateTimeField(_("geclaimd op"), null=True, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-created_at", "-id"]
        indexes = [
            # send_digests: deliveries still to send.
            models.Index(fields=["id"], name="digestdelivery_unsent", condition=Q(sent_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"digest {self.pk} voor {self.user} ({'verstuurd' if self.sent_at else 'open'})"


class DigestItem(models.Model):
    """One event (overdue, or a change) that one follower should hear about; bundled into a DigestDelivery."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False)
    event = models.ForeignKey(
        OverdueEvent, null=True, blank=True, on_delete=models.CASCADE, related_name="digest_items"
    )
    change = models.ForeignKey(
        CommitmentEvent, null=True, blank=True, on_delete=models.CASCADE, related_name="digest_items"
    )
    #: Daily items go out the next morning; weekly ones on the weekly day (``DIGEST_WEEKDAY``).
    frequency = models.CharField(max_length=10, choices=FollowFrequency.choices, default=FollowFrequency.DAILY)
    delivery = models.ForeignKey(
        DigestDelivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    created_at = models.DateTimeField(_("aangemaakt op"))

    class Meta:
        verbose_name = _("digestregel")
        verbose_name_plural = _("digestregels")
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="digestitem_unique_user_event"),
            models.UniqueConstraint(fields=["user", "change"], name="digestitem_unique_user_change"),
            models.CheckConstraint(
                condition=Q(event__isnull=False, change__isnull=True) | Q(event__isnull=True, change__isnull=False),
                name="digestitem_event_or_change",
            ),
        ]
        indexes = [
            # send_digests, bundling step: items not yet in a digest, per user.
            models.Index(fields=["user"], name="digestitem_pending", condition=Q(delivery__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.event_id or self.change_id}"

    @property
    def commitment(self) -> Commitment:
        return self.event.commitment if self.event_id else self.change.commitment


# --- Fulfilment suggestions (issue 13) -----------------------------------------------------------


class SuggestionKind(models.TextChoices):
    FULFILS = "fulfils", _("voldoet")
    PARTLY = "partly", _("voldoet deels")
    POSTPONES = "postpones", _("stelt uit")


class SuggestionState(models.TextChoices):
    OPEN = "open", _("open")
    DISMISSED = "dismissed", _("genegeerd")
    APPLIED = "applied", _("vastgelegd")


class FulfilmentSuggestion(models.Model):
    """"This letter may fulfil / partly fulfil / postpone that commitment", as ranked by
    ``commitments.fulfilment`` when the letter was ingested. A clerk applies it (through the
    status services) or dismisses it; a dismissed suggestion is never offered again for that pair."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="suggestions")
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(_("soort"), max_length=12, choices=SuggestionKind.choices)
    score = models.FloatField(_("score"))
    rank = models.PositiveIntegerField(_("plaats"), default=1)
    new_due_date = models.DateField(_("nieuwe datum"), null=True, blank=True)
    new_phrase = models.CharField(_("nieuwe termijn"), max_length=300, blank=True)
    evidence = models.JSONField(_("aanwijzingen"), default=list, blank=True)
    state = models.CharField(_("stand"), max_length=12, choices=SuggestionState.choices, default=SuggestionState.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suggestie")
        verbose_name_plural = _("suggesties")
        ordering = ["document", "rank", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "commitment"], name="fulfilmentsuggestion_unique_pair")
        ]
        indexes = [
            models.Index(fields=["document", "state", "rank"], name="suggestion_document_state"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.kind} {self.commitment_id} ({self.score:.2f})"

    @property
    def evidence_texts(self) -> list[str]:
        from .fulfilment import evidence_text

        return [evidence_text(item) for item in self.evidence or []]
