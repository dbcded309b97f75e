"""What the connector to the Kamer's open data remembers between nights."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncCursor(models.Model):
    """Per OData entity: the newest ``GewijzigdOp`` already read; the next night asks from there."""

    entity = models.CharField(_("entiteit"), max_length=40, unique=True)
    modified_since = models.DateTimeField(_("gewijzigd sinds"))
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("synchronisatiepunt")
        verbose_name_plural = _("synchronisatiepunten")

    def __str__(self) -> str:
        return f"{self.entity} ≥ {self.modified_since:%Y-%m-%d %H:%M}"


class PendingDocument(models.Model):
    """A Kamer document whose file could not be downloaded or ingested: retried every night.

    Nothing of the document is stored until its file is; the OData record is kept here so
    the retry does not depend on the cursor.
    """

    tk_id = models.CharField(_("id bij de Tweede Kamer"), max_length=64, unique=True)
    record = models.JSONField(_("OData-record"))
    attempts = models.PositiveIntegerField(_("pogingen"), default=1)
    last_error = models.TextField(_("laatste fout"), blank=True)
    first_failed_at = models.DateTimeField(_("eerste fout op"), auto_now_add=True)
    last_failed_at = models.DateTimeField(_("laatste fout op"), auto_now=True)

    class Meta:
        verbose_name = _("document nog op te halen")
        verbose_name_plural = _("documenten nog op te halen")
        ordering = ["first_failed_at", "id"]

    def __str__(self) -> str:
        return f"{self.tk_id}: {self.last_error[:60]}"
