"""The Python-built table rows and filter fields give the markup Django would."""

import re

import pytest
from django.http import QueryDict
from django.utils.text import Truncator

from commitments.models import Motion
from web.filters import CommitmentFilter
from web.templatetags import table_tags

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("n", [0, 5, 219, 220, 221, 400])
def test_truncate_matches_truncator(n):
    text = ("Wij sturen de evaluatie vóór de zomer. " * 20)[:n]
    assert table_tags._truncate(text, 220) == Truncator(text).chars(220)


@pytest.mark.parametrize("key", ["31497-507", "36410-VIII-125", "a b?ç&#"])
def test_motion_urls_match_reverse(key):
    motion = Motion(key=key)
    assert table_tags._key_url_maker("web:motion_detail")(key) == motion.get_absolute_url()


def _norm(html: str) -> list:
    """Elements with their attributes as sets: the order of attributes does not matter."""
    return [
        (tag, frozenset(re.findall(r'([\w-]+)(?:="([^"]*)")?', attrs)), text.strip())
        for tag, attrs, text in re.findall(r"<(\w+)([^>]*)>([^<]*)", html)
    ]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "status=open&ministry=VWS&sort=-brief&due_after=2026-01-01&q=a%22b%3C",
        "ministry=Onbekend%22%3Cx&due_before=kapot&measure=999&status=nee",
    ],
)
def test_filter_fields_match_django_widgets(query):
    f = CommitmentFilter(QueryDict(query))
    f.qs  # noqa: B018 (validates the form)
    for bf in f.form:
        mine = table_tags._widget_html(bf)
        assert mine is not None, bf.name
        assert _norm(mine) == _norm(str(bf)), bf.name


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["j b Y", "j F Y"])
def test_dates_match_django_date_format(lang, fmt):
    import datetime as dt

    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override(lang):
        day = table_tags._Dates(fmt)
        for month in range(1, 13):
            d = dt.date(2026, month, month + 1)
            expected = date_format(d, fmt)
            if lang == "en":  # issue 14: "1 Oct 2019", where Django writes "1 oct 2019"
                parts = expected.split(" ")
                expected = " ".join([parts[0], parts[1].capitalize(), *parts[2:]])
            assert day(d) == expected
