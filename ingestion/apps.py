from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestionConfig(AppConfig):
    """The ingestion pipeline: reads a file (documents) and stores its commitments (commitments).

    The layer above both; ``web`` (uploads) and the ``ingest`` / ``benchmark_ingest`` commands use it.
    """

    name = "ingestion"
    verbose_name = _("Inlezen")
