"""The one place the connector imports the upload pipeline from (re-point here if it moves)."""

from documents.dossiers import dossier_for
from ingestion.pipeline import ingest_file

__all__ = ["dossier_for", "ingest_file"]
