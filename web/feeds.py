"""Atom feed per motion: its commitments that are overdue, for journalists' feed readers.

Titles and summaries are clerk-edited text (the quote, the deadline as written), so they
go out as plain text (``type="text"``, XML-escaped): a reader never renders them as HTML.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from commitments.models import Commitment, Motion

from . import deadlines, selectors


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are ``type="text"`` (Django writes ``type="html"``)."""

    def add_item_elements(self, handler, item):
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


class MotionOverdueFeed(Feed):
    feed_type = PlainTextAtom1Feed

    def get_object(self, request, key: str) -> Motion:
        return get_object_or_404(Motion, key=key)

    def title(self, motion: Motion) -> str:
        return _("Te late toezeggingen over %(motion)s") % {"motion": motion}

    def link(self, motion: Motion) -> str:
        return motion.get_absolute_url()

    def subtitle(self, motion: Motion) -> str:
        return _("Toezeggingen over motie %(key)s waarvan de termijn verstreken is.") % {"key": motion.key}

    def items(self, motion: Motion):
        return (
            Commitment.objects.public()
            .filter(motions=motion)
            .filter(selectors.overdue_q())
            .select_related("document")
            .defer("document__text")
            .order_by("due_date", "pk")[:100]
        )

    def item_title(self, c: Commitment) -> str:
        return c.quote[:120]

    def item_description(self, c: Commitment) -> str:
        return deadlines.explain(c)

    def item_updateddate(self, c: Commitment) -> dt.datetime:
        return c.updated_at

    def item_pubdate(self, c: Commitment) -> dt.datetime:
        return c.created_at
