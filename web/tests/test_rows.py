"""web/rows.py: a page's rows by id, their HTML shared between pages through the cache."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from commitments.models import Commitment
from web import cache as page_cache
from web.rows import CachedRows
from web.templatetags.table_tags import build_rows, commitment_rows

from .factories import CommitmentFactory, DocumentFactory, MotionFactory

pytestmark = pytest.mark.django_db


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


@pytest.fixture
def rows():
    cache.clear()
    page_cache.bump_generation()
    doc = DocumentFactory(kamerstuk="31497-900")
    motions = [MotionFactory(key="31497-507", name="motie Westerveld"), MotionFactory(key="31497-12", name="", submitters=[])]
    a = CommitmentFactory(document=doc, quote="Te laat <b>vet</b>", due_date=days(-12), motions=motions, estimated=True)
    b = CommitmentFactory(document=doc, quote="Nog op tijd", due_date=days(30))
    c = CommitmentFactory(document=doc, quote="Geen datum", due_date=None, deadline_phrase="")
    return [c.pk, a.pk, b.pk]


def test_cached_rows_render_exactly_the_rows_built_from_the_commitments(rows, django_assert_num_queries):
    loaded = CachedRows(rows).load(rows)
    assert [c.pk for c in loaded] == rows  # the order of the ids, not of the table
    expected = "".join(build_rows(loaded))
    assert "12 dagen te laat" in expected and "&lt;b&gt;vet&lt;/b&gt;" in expected and "motie Westerveld" in expected
    cold = commitment_rows(CachedRows(rows))
    assert cold == expected
    with django_assert_num_queries(0):  # every row from the cache
        warm = commitment_rows(CachedRows(rows))
    assert warm == expected


def test_a_write_or_another_language_never_gets_a_stored_row(rows):
    first = commitment_rows(CachedRows(rows))
    with translation.override("en"):
        english = commitment_rows(CachedRows(rows))
    assert "days overdue" in english and "dagen te laat" in first
    c = Commitment.objects.get(pk=rows[1])
    c.quote = "Een nieuwe formulering"
    c.save()  # a watched model: a new generation
    again = commitment_rows(CachedRows(rows))
    assert "Een nieuwe formulering" in again and "vet" not in again


def test_rows_gone_from_the_database_are_left_out_and_an_empty_page_says_so(rows):
    Commitment.objects.filter(pk=rows[0]).delete()
    html = commitment_rows(CachedRows(rows))
    assert html.count("<tr") == 2
    assert "Niets hier" in commitment_rows(CachedRows([]), "Niets hier")
