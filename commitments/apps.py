from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Toezeggingen")

    def ready(self) -> None:
        from . import signals

        post_save.connect(signals.copy_from_document, sender="documents.Document", dispatch_uid="commitment_copy_from_document")
        post_save.connect(signals.record_review_example, sender="commitments.StatusChange",
                          dispatch_uid="commitment_record_review_example")
        # The digest's outbox of changes (issue 12): new, fulfilled, postponed.
        post_save.connect(signals.record_status_event, sender="commitments.StatusChange",
                          dispatch_uid="commitment_record_status_event")
        post_save.connect(signals.record_postponement_event, sender="commitments.DeadlineChange",
                          dispatch_uid="commitment_record_postponement_event")
