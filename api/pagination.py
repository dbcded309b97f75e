"""Keyset ("cursor") pagination over any ordering, NULLs included, without counting.

``COUNT(*)`` over a million filtered rows costs more than a page, and ``OFFSET`` grows
with the page number; a cursor holds the sort values of the last row sent and the next
page starts right after it (``WHERE (due_date, id) > (…)``), served by the same index as
the first page. DRF's own ``CursorPagination`` keys on the first sort column only and
cannot handle NULLs (a commitment without a due date); this one takes the whole ordering.

NULLs sort last ascending and first descending on every database (PostgreSQL's
default, so its indexes serve both directions; SQLite is told so explicitly).

The cursor is opaque to clients: URL-safe base64 of ``[ordering, values, ...]``. A cursor
that does not decode, belongs to another sort order or holds a value of the wrong type
is a 400, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, Q, QuerySet
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class Column:
    name: str
    descending: bool
    nullable: bool
    field: object

    @property
    def spec(self) -> str:
        return f"-{self.name}" if self.descending else self.name

    def expression(self):
        return F(self.name).desc(nulls_first=True) if self.descending else F(self.name).asc(nulls_last=True)

    def to_json(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value

    def from_json(self, value):
        if value is None:
            if not self.nullable:
                raise ValidationError("null")
            return None
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise ValidationError("type")
        return self.field.to_python(value)


def columns(qs: QuerySet) -> list[Column]:
    """The queryset's ordering as columns, with the primary key last (a total order)."""
    specs = list(qs.query.order_by) or list(qs.model._meta.ordering)
    out: list[Column] = []
    meta = qs.model._meta
    for spec in specs:
        if not isinstance(spec, str):
            raise TypeError(f"keyset pagination needs field names, not {spec!r}")
        name = spec.lstrip("-")
        field = meta.pk if name == "pk" else meta.get_field(name)
        if field.primary_key:
            name = "pk"
        if any(c.name == name for c in out):
            continue
        out.append(Column(name, spec.startswith("-"), bool(getattr(field, "null", False)), field))
        if name == "pk":
            break
    if not out or out[-1].name != "pk":
        out.append(Column("pk", False, False, meta.pk))
    return out


def _equal(col: Column, value) -> Q:
    return Q(**{f"{col.name}__isnull": True}) if value is None else Q(**{col.name: value})


def _after(col: Column, value, with_nulls: bool = True) -> Q | None:
    """Rows whose ``col`` comes strictly after ``value`` in the ordering; None: no row can."""
    if col.descending:
        if value is None:
            return Q(**{f"{col.name}__isnull": False}) if col.nullable else None
        return Q(**{f"{col.name}__lt": value})
    if value is None:
        return None
    cond = Q(**{f"{col.name}__gt": value})
    if col.nullable and with_nulls:
        cond |= Q(**{f"{col.name}__isnull": True})
    return cond


def after(cols: list[Column], values: list, first_with_nulls: bool = True) -> Q | None:
    """The rows after the row with sort ``values`` (lexicographic over ``cols``)."""
    disjuncts = []
    prefix = Q()
    for i, (col, value) in enumerate(zip(cols, values, strict=True)):
        step = _after(col, value, with_nulls=first_with_nulls or i > 0)
        if step is not None:
            disjuncts.append(prefix & step)
        prefix &= _equal(col, value)
    if not disjuncts:
        return None
    cond = disjuncts[0]
    for d in disjuncts[1:]:
        cond |= d
    return cond


def encode_cursor(cols: list[Column], values: list) -> str:
    raw = json.dumps([[c.spec for c in cols], [c.to_json(v) for c, v in zip(cols, values, strict=True)]])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, cols: list[Column]) -> list:
    message = "Ongeldige cursor: gebruik de 'next'-link van de vorige pagina met dezelfde filters en sortering."
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        specs, values = json.loads(raw)
        if specs != [c.spec for c in cols] or not isinstance(values, list) or len(values) != len(cols):
            raise ValueError
        return [c.from_json(v) for c, v in zip(cols, values, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeError, ValidationError, FieldDoesNotExist, OverflowError) as exc:
        raise BadRequest({"cursor": [message]}) from exc


def page_size(request: Request) -> int:
    raw = request.query_params.get("page_size", "")
    if raw == "":
        return DEFAULT_PAGE_SIZE
    try:
        size = int(raw)
    except ValueError:
        size = 0
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise BadRequest({"page_size": [f"Een geheel getal van 1 tot en met {MAX_PAGE_SIZE}."]})
    return size


@dataclass
class Page:
    keys: list[tuple]  # (pk, *sort values) of the rows, in order
    next_url: str | None


def paginate(qs: QuerySet, request: Request) -> Page:
    """One page of ``qs`` (already filtered and ordered) after the request's ``cursor``.

    Reads only the sort columns and the primary key (index-only where an index covers
    them); the caller loads the rows by id.
    """
    cols = columns(qs)
    size = page_size(request)
    cursor = request.query_params.get("cursor", "")
    qs = qs.order_by(*(c.expression() for c in cols))
    fields = [c.name for c in cols]
    values_qs = qs.values_list(*fields)
    if cursor:
        values = decode_cursor(cursor, cols)
        first = cols[0]
        if first.nullable and not first.descending and values[0] is not None:
            # Ascending with NULLs last: the rows after a dated row are the later dated rows
            # (a range on the index) and then every NULL row. Two queries instead of one
            # OR that no index can serve.
            cond = after(cols, values, first_with_nulls=False)
            bound = Q(**{f"{first.name}__gte": values[0]})
            rows = list(values_qs.filter(bound & cond)[: size + 1])
            if len(rows) <= size:
                rows += list(values_qs.filter(**{f"{first.name}__isnull": True})[: size + 1 - len(rows)])
        else:
            cond = after(cols, values)
            if cond is not None and values[0] is not None:
                # A range on the first column that an index can start from (the OR cannot).
                cond &= Q(**{f"{first.name}__{'lte' if first.descending else 'gte'}": values[0]})
            rows = [] if cond is None else list(values_qs.filter(cond)[: size + 1])
    else:
        rows = list(values_qs[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    next_url = None
    if more and rows:
        last = rows[-1]
        next_url = replace_query_param(request.build_absolute_uri(), "cursor", encode_cursor(cols, list(last)))
    # values_list gives the columns in ``fields`` order; the pk is the last column.
    return Page(keys=[(row[-1], *row[:-1]) for row in rows], next_url=next_url)
