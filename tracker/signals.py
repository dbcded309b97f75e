"""Signals the domain apps send and the layers above them listen to.

``documents`` and ``commitments`` are the bottom layers: they never import ``web`` or
``ingestion``. When they change data in a way Django's model signals do not see (a queryset
UPDATE, raw SQL), they announce it here; whoever shows that data (``web.cache`` drops the
cached public pages) connects in its ``AppConfig.ready()``.
"""

from __future__ import annotations

from django.dispatch import Signal

#: Rows that public pages show were written without a model signal.
#: Sent with ``sender`` (the module or model that wrote) and ``using`` (the database alias or None).
data_changed = Signal()


def announce_data_changed(sender: object, using: str | None = None) -> None:
    """Tell the listeners that shown data changed (they decide what to invalidate, and when)."""
    data_changed.send(sender=sender, using=using)
