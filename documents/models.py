"""Parliamentary documents as the tracker stores them.

A Document is one letter, VSO or motion as received; its Passages are the
ordered blocks a reader sees (paragraphs, headings, VSO questions and answers);
References are the citations a passage makes (Kamerstuk keys and others).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Dossier(models.Model):
    """A Kamerstukdossier: number plus optional toevoeging (36410-VIII)."""

    number = models.CharField(_("dossiernummer"), max_length=12, help_text=_("Bijvoorbeeld 31497 of 36410."))
    toevoeging = models.CharField(_("toevoeging"), max_length=12, blank=True, help_text=_("Bijvoorbeeld VIII."))
    title = models.CharField(_("titel"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["number", "toevoeging"]
        constraints = [models.UniqueConstraint(fields=["number", "toevoeging"], name="dossier_unique_number")]

    def __str__(self) -> str:
        return self.key

    @property
    def key(self) -> str:
        return f"{self.number}-{self.toevoeging}" if self.toevoeging else self.number

    def get_absolute_url(self) -> str:
        return reverse("web:dossier_detail", args=[self.key])


class DocumentType(models.TextChoices):
    KAMERBRIEF = "kamerbrief", _("Kamerbrief")
    VSO = "vso", _("Verslag schriftelijk overleg")
    MOTIE = "motie", _("Motie")
    #: A debate of the Kamer (an OData ``Activiteit``): holds the oral commitments made in it
    #: (imported from the Kamer's register by tksync); it has no text of its own.
    DEBATE = "debat", _("Debat")
    OTHER = "other", _("Overig")


class Document(models.Model):
    type = models.CharField(_("soort"), max_length=12, choices=DocumentType.choices, default=DocumentType.KAMERBRIEF)
    date = models.DateField(
        _("datum"), null=True, blank=True, help_text=_("Datum van de brief; anker voor alle termijnen. Leeg als onbekend.")
    )
    kamerstuk = models.CharField(
        _("Kamerstuk"),
        max_length=40,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Eigen Kamerstuknummer van dit document, bijvoorbeeld 31839-1050."),
    )
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    ondernummer = models.PositiveIntegerField(_("ondernummer"), null=True, blank=True)
    subject = models.TextField(_("betreft"), blank=True)
    ministry = models.CharField(_("ministerie"), max_length=200, blank=True, db_index=True)
    bewindspersoon = models.CharField(_("bewindspersoon"), max_length=300, blank=True)
    committee = models.CharField(_("commissie"), max_length=300, blank=True)
    source_name = models.CharField(_("bronbestand"), max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256 van de inhoud"), max_length=64, unique=True)
    text = models.TextField(_("volledige tekst"), blank=True)
    #: The Tweede Kamer's own id (OData ``Document.Id``, or ``Activiteit.Id`` for a debate):
    #: the key that makes ``sync_tk`` idempotent.
    tk_id = models.CharField(
        _("id bij de Tweede Kamer"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("ingelezen op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["date"], name="document_date")]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("web:document_detail", args=[self.pk])

    #: ``display_title`` shortens the subject to about this many characters.
    TITLE_SUBJECT_CHARS = 90

    @property
    def kamerstuk_label(self) -> str:
        """"Kamerstuk 31 497, nr. 475" for the key 31497-475 (empty without a Kamerstuk number)."""
        return kamerstuk_label(self.kamerstuk or "")

    @property
    def display_title(self) -> str:
        """How every page, export and queue names this document; never the uploaded file's name.

        "Kamerstuk 31 497, nr. 475 — Passend onderwijs: blijven bouwen …"; without a Kamerstuk
        number the subject; without either the type and date ("Kamerbrief van 1 oktober 2019").
        """
        subject = " ".join((self.subject or "").split())
        if len(subject) > self.TITLE_SUBJECT_CHARS:
            cut = subject[: self.TITLE_SUBJECT_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:(")
            subject = f"{cut} …"
        label = self.kamerstuk_label
        if label and subject:
            return f"{label} — {subject}"
        if label or subject:
            return label or subject
        from django.utils.formats import date_format

        if self.date:
            return _("%(type)s van %(date)s") % {
                "type": self.get_type_display(),
                "date": date_format(self.date, "j F Y"),
            }
        return str(self.get_type_display())


def kamerstuk_label(key: str) -> str:
    """The way the Kamer writes a Kamerstuk key: 31497-475 → "Kamerstuk 31 497, nr. 475".

    36410-VIII-125 → "Kamerstuk 36 410-VIII, nr. 125". A key that is not of that form is shown as is.
    """
    if not key:
        return ""
    dossier, sep, number = key.rpartition("-")
    if not sep or not number.isdigit():
        return _("Kamerstuk %(key)s") % {"key": key}
    head, _sep, toevoeging = dossier.partition("-")
    if head.isdigit() and len(head) > 3:
        head = f"{head[:-3]} {head[-3:]}"
    dossier = f"{head}-{toevoeging}" if toevoeging else head
    return _("Kamerstuk %(dossier)s, nr. %(number)s") % {"dossier": dossier, "number": number}


class PassageKind(models.TextChoices):
    HEADING = "heading", _("Kop")
    PARAGRAPH = "paragraph", _("Alinea")
    QUESTION = "question", _("Vraag")
    ANSWER = "answer", _("Antwoord")


class Passage(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    index = models.PositiveIntegerField(_("volgnummer"))
    kind = models.CharField(_("soort"), max_length=12, choices=PassageKind.choices)
    text = models.TextField(_("tekst"))
    fractie = models.CharField(_("fractie"), max_length=120, blank=True, db_index=True)
    question = models.ForeignKey(
        "self",
        verbose_name=_("beantwoordt vraag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    footnotes = models.JSONField(_("voetnoten"), default=list, blank=True, help_text=_("[{number, text}, …]"))

    class Meta:
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        ordering = ["document", "index"]
        constraints = [models.UniqueConstraint(fields=["document", "index"], name="passage_unique_index")]

    def __str__(self) -> str:
        return f"{self.document_id}#{self.index} {self.kind}: {self.text[:60]}"

    @property
    def anchor(self) -> str:
        return f"p{self.index}"

    #: The public document page shows this many passages per page (issue 15: a 24 MB text was one
    #: 46 MB page).
    PER_PAGE = 200

    @property
    def page_number(self) -> int:
        """The page of the document page this passage is on (1 without a query for the first ``PER_PAGE``)."""
        if self.index < self.PER_PAGE:  # indexes are unique and non-negative: at most index passages before
            return 1
        before = Passage.objects.filter(document_id=self.document_id, index__lt=self.index).count()
        return before // self.PER_PAGE + 1

    def get_absolute_url(self) -> str:
        """The passage on its page of the document page: ``/documenten/7/?page=3#p412``."""
        page = self.page_number
        query = f"?page={page}" if page > 1 else ""
        return f"{reverse('web:document_detail', args=[self.document_id])}{query}#{self.anchor}"


class ReferenceKind(models.TextChoices):
    KAMERSTUK = "kamerstuk", _("Kamerstuk")
    OTHER = "other", _("Overig")


class Reference(models.Model):
    """A citation in a passage. ``key`` is the normalised Kamerstuk key, e.g. 31497-507."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="references")
    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="references", null=True, blank=True)
    kind = models.CharField(_("soort"), max_length=12, choices=ReferenceKind.choices, default=ReferenceKind.KAMERSTUK)
    key = models.CharField(_("Kamerstuksleutel"), max_length=40, blank=True, null=True)
    text = models.TextField(_("citaat"), help_text=_("De verwijzing zoals geschreven, of de voetnoottekst."))
    footnote = models.CharField(_("voetnoot"), max_length=12, blank=True)

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        # Motion page: "documents that cite 31497-507".
        indexes = [models.Index(fields=["key", "document"], name="reference_key_document")]

    def __str__(self) -> str:
        return self.key or self.text[:60]
