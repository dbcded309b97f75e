"""Models of the web application: the griffie's upload jobs.

The ``griffie`` group (login required for every change) is created by a data migration.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.models import Document, DocumentType

GRIFFIE_GROUP = "griffie"


class UploadStatus(models.TextChoices):
    DRAFT = "draft", _("Te bevestigen")
    QUEUED = "queued", _("In de wachtrij")
    RUNNING = "running", _("Bezig")
    DONE = "done", _("Klaar")
    FAILED = "failed", _("Mislukt")


class UploadJob(models.Model):
    """One uploaded file on its way through ingestion and extraction (``web.tasks.process_upload``)."""

    file = models.FileField(_("bestand"), upload_to="uploads/%Y/%m/", max_length=300, blank=True)
    original_name = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=300)
    doc_type = models.CharField(_("soort"), max_length=12, choices=DocumentType.choices)
    date = models.DateField(
        _("datum van de brief"), null=True, blank=True, help_text=_("Leeg zolang de griffie de upload niet heeft bevestigd.")
    )
    ministry = models.CharField(_("ministerie"), max_length=200, blank=True)
    kamerstuk = models.CharField(
        _("Kamerstuk"), max_length=40, blank=True, help_text=_("Eigen Kamerstuknummer van de brief, bijvoorbeeld 31839-1050.")
    )
    status = models.CharField(_("status"), max_length=8, choices=UploadStatus.choices, default=UploadStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    message = models.TextField(_("melding"), blank=True)
    document = models.ForeignKey(
        Document, verbose_name=_("document"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    commitments = models.PositiveIntegerField(_("voorgestelde toezeggingen"), default=0)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    lease_until = models.DateTimeField(
        _("lease tot"),
        null=True,
        blank=True,
        help_text=_("Zolang de verwerking loopt: tot wanneer de worker de taak vasthoudt (verlengd bij elke voortgang)."),
    )
    attempts = models.PositiveSmallIntegerField(
        _("pogingen"), default=0, help_text=_("Hoe vaak een worker de verwerking is begonnen.")
    )
    task_id = models.CharField(
        _("taak"), max_length=64, blank=True, help_text=_("De Celery-taak die de verwerking nu uitvoert (of het laatst deed).")
    )
    dispatched_at = models.DateTimeField(
        _("naar de taakwachtrij gestuurd op"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang de taakwachtrij de taak niet heeft aangenomen; beat stuurt hem dan opnieuw."),
    )

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")
        ordering = ["-created_at", "-id"]
        permissions = [("upload_document", _("Mag documenten uploaden"))]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("web:upload_job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (UploadStatus.DONE, UploadStatus.FAILED)
