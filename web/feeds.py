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
from django.utils.translation import ngettext

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


#: A selection's feed holds at most this many entries: the most recently changed.
SELECTION_FEED_ENTRIES = 100


class SelectionFeed(Feed):
    """Atom for any selection of commitments (``&format=atom`` on the list, a motion or a dossier).

    One entry per commitment, the most recently changed first (``updated_at``: an edit, a
    status change or a postponement moves it up), at most ``SELECTION_FEED_ENTRIES``. The
    entry id is the commitment's permalink, the same in every feed and after every change,
    so a feed reader updates the entry instead of showing it twice. Titles and summaries are
    plain text (``PlainTextAtom1Feed``).
    """

    feed_type = PlainTextAtom1Feed

    def __init__(self, commitments, title: str, link: str, subtitle: str = ""):
        super().__init__()
        self.commitments = commitments
        self.feed_title = title
        self.feed_link = link
        self.feed_subtitle = subtitle

    def title(self) -> str:
        return self.feed_title

    def link(self) -> str:
        return self.feed_link

    def subtitle(self) -> str:
        return self.feed_subtitle

    def items(self):
        rows = (
            self.commitments.select_related("document")
            .defer("document__text")
            .order_by("-updated_at", "-pk")[:SELECTION_FEED_ENTRIES]
        )
        return selectors.decorate(rows)

    def item_title(self, c: Commitment) -> str:
        quote = " ".join(c.quote.split())
        return quote if len(quote) <= 120 else quote[:119].rstrip() + "…"

    def item_description(self, c: Commitment) -> str:
        from .templatetags.table_tags import status_label

        facts = [_("Status: %(status)s") % {"status": status_label(c)}]
        if c.days_late is not None:
            facts.append(ngettext("%(n)d dag te laat", "%(n)d dagen te laat", c.days_late) % {"n": c.days_late})
        if c.ministry:
            facts.append(c.ministry)
        lines = [" · ".join(facts), deadlines.explain(c), c.document.display_title, " ".join(c.quote.split())]
        return "\n".join(line for line in lines if line)

    def item_guid(self, c: Commitment) -> str:
        return self.request.build_absolute_uri(c.get_absolute_url())

    item_guid_is_permalink = True

    def item_updateddate(self, c: Commitment) -> dt.datetime:
        return c.updated_at

    def item_pubdate(self, c: Commitment) -> dt.datetime:
        return c.created_at

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)


def selection_feed(request, commitments, title: str, link: str, subtitle: str = ""):
    """The Atom response for ``commitments`` (already filtered; the publication rule applied)."""
    return SelectionFeed(commitments, title, link, subtitle)(request)
