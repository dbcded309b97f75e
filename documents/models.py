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
    created_at = models.DateTimeField(_("ingelezen op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["date"], name="document_date")]

    def __str__(self) -> str:
        label = self.kamerstuk or self.source_name or f"#{self.pk}"
        date = self.date.isoformat() if self.date else "?"
        return f"{self.get_type_display()} {label} ({date})"

    def get_absolute_url(self) -> str:
        return reverse("web:document_detail", args=[self.pk])

    @property
    def display_title(self) -> str:
        """What a reader calls this document: its subject, else "Kamerstuk 31 497, nr. 475", never a file name."""
        if self.subject:
            return self.subject
        if self.kamerstuk:
            return kamerstuk_label(self.kamerstuk)
        date = self.date.strftime("%d-%m-%Y") if self.date else ""
        return f"{self.get_type_display()} {date}".strip()


def kamerstuk_label(key: str) -> str:
    """``31497-475`` → "Kamerstuk 31 497, nr. 475"; ``36410-VIII-125`` → "Kamerstuk 36 410-VIII, nr. 125"."""
    dossier, _sep, number = key.rpartition("-")
    if not dossier or not number.isdigit():
        return f"Kamerstuk {key}"
    head, _sep, toevoeging = dossier.partition("-")
    if head.isdigit() and len(head) > 3:
        head = f"{head[:-3]} {head[-3:]}"
    return f"Kamerstuk {head}{'-' + toevoeging if toevoeging else ''}, nr. {number}"


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
