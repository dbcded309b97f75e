"""Find the time phrase in a Dutch sentence and turn it into a due date.

The rules follow ``docs/deadline-conventions.md`` exactly:

* anchor = the document's date (never today); "dit jaar" = the letter's year;
* a phrase without a year means the *next* occurrence after the letter;
  a year the text states is never moved;
* due date = the last day on which delivery is still on time;
* lower bounds ("niet voor 2026", "na 2025") give an earliest date only;
* events get a date only when the phrase gives one or the calendar knows it;
* vague / recurring / relative phrases never get a due date.

Everything is table driven: ``PATTERNS`` below lists the grammar, top to
bottom, each with the handler that resolves it.  No Django imports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .calendar import DEFAULT_CALENDAR, RecessCalendar, najaarsnota, prinsjesdag, verantwoordingsdag, voorjaarsnota
from .prefilter import gate_module

KINDS = (
    "date", "month", "before_summer", "summer", "after_summer", "spring", "autumn", "year_end",
    "year_start", "mid_year", "quarter", "half_year", "year", "school_year", "event", "vague",
    "recurring", "relative", "none",
)


@dataclass
class Deadline:
    phrase: str | None
    kind: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    due_date: dt.date | None = None
    rule: str = "none"
    estimated: bool = False
    detail: str | None = None
    span: tuple[int, int] | None = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "deadline_phrase": self.phrase, "deadline_kind": self.kind, "earliest": iso(self.earliest),
            "latest": iso(self.latest), "due_date": iso(self.due_date), "rule": self.rule,
            "estimated": self.estimated, "deadline_detail": self.detail,
        }


NONE = Deadline(phrase=None, kind="none", rule="none")

# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
M = r"(?P<m>" + "|".join(MONTHS) + r")"
Y = r"(?:19|20)\d{2}"
# a year as written: "2025", "dit jaar", "volgend jaar", "komend jaar", "het volgende jaar"
YSPEC = r"(?P<y>" + Y + r"|dit\s+jaar|(?:het\s+)?volgende?\s+jaar|komend\s+jaar|het\s+nieuwe\s+jaar)"
OPT_Y = r"(?:\s*,?\s+(?:van\s+)?" + YSPEC + r")?"
VOOR = r"v[oó][oó]r"  # voor / vóór
WORD_END = r"(?![\w-])"
ORDINALS = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4, "laatste": 4}

# prefixes that turn a period into a lower bound ("not before") -- earliest date only
LOWER_BOUND_PRE = re.compile(r"^(?:niet\s+" + VOOR + r"|niet\s+eerder\s+dan|pas\s+na|na|vanaf|ná)$", re.I)
# prefixes meaning "strictly before" the period
STRICT_BEFORE_PRE = re.compile(r"^(?:(?:nog|ruim|al|uiterlijk)\s+)?" + VOOR + r"$", re.I)
PAST_PRE = re.compile(r"^(?:sinds|sedert|afgelopen|vorig)$", re.I)
PRE = (r"(?:(?P<pre>niet\s+" + VOOR + r"|niet\s+eerder\s+dan|pas\s+na|pas\s+in|nog\s+" + VOOR + r"|ruim\s+" + VOOR
       + r"|uiterlijk\s+(?:op|in)|uiterlijk|" + VOOR + r"|na|ná|vanaf|per|met\s+ingang\s+van|m\.i\.v\.|op|in|rond|naar"
       + r"|tot\s+en\s+met|t/m|sinds|sedert|gedurende|tijdens|in\s+de\s+loop\s+van|later\s+in|nog\s+in|ergens\s+in)\s+)?")


# --------------------------------------------------------------------------- date helpers

def last_day(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def year_of(spec: str | None, anchor: dt.date | None) -> tuple[int | None, bool]:
    """Year from a year spec; (None, False) when there is none. bool: stated in text."""
    if not spec:
        return None, False
    s = re.sub(r"\s+", " ", spec.lower())
    if re.fullmatch(Y, s):
        return int(s), True
    if anchor is None:
        return None, False
    if s == "dit jaar":
        return anchor.year, True
    if s == "het jaar":
        # "in de tweede helft van het jaar": the year the letter speaks in, its next occurrence (the handler's own)
        return None, False
    if s == "het komende jaar":
        # "the year ahead": the rest of this year in a letter of its first half, next year in one of its second half
        # (as the annotators of real letters read it: February 2023 -> 2023, December 2022 -> 2023)
        return (anchor.year if anchor.month <= 6 else anchor.year + 1), True
    return anchor.year + 1, True  # volgend / komend / het nieuwe jaar


def next_year_for(anchor: dt.date, last: Callable[[int], dt.date]) -> int:
    """Year of the next occurrence of a period whose last day is ``last(year)``."""
    return anchor.year if anchor <= last(anchor.year) else anchor.year + 1


# --------------------------------------------------------------------------- the grammar
# Each pattern: (name, regex, handler).  Handlers get (match, anchor, calendar) and
# return a Deadline (without phrase/span, filled in by the caller) or None.

@dataclass
class Ctx:
    anchor: dt.date | None
    cal: RecessCalendar


# "gepland voor juni", "voorzien voor 1 mei": after a planning word an unaccented "voor" means "for" (in), not "before"
PLANNED_FOR = re.compile(r"\b(?:gepland|ingepland|voorzien|beoogd|verwacht|geagendeerd|aangekondigd|vastgesteld|"
                         r"staat|staan|stond)\s+$", re.I)


# "… is voor het derde kwartaal gepland": the planning word may also close the clause
PLANNED_AFTER = re.compile(r"\s*(?:gepland|ingepland|voorzien|beoogd|geagendeerd|verwacht)\b", re.I)


def _pre(m: re.Match) -> str:
    pre = m.groupdict().get("pre") or ""
    pre = re.sub(r"\s+", " ", pre.strip().lower())
    if pre == "voor" and m.groupdict().get("pre") and (
            PLANNED_FOR.search(m.string, max(0, m.start() - 30), m.start()) or PLANNED_AFTER.match(m.string, m.end())):
        return "in"
    return pre


def _period(kind: str, rule: str, earliest: dt.date, latest: dt.date, pre: str, *, estimated: bool = False,
            anchor: dt.date | None = None) -> Deadline:
    """A period [earliest, latest] with the prefix applied (lower bound, strictly before, past)."""
    if LOWER_BOUND_PRE.match(pre):
        start = latest + dt.timedelta(days=1) if pre in ("na", "ná", "pas na") else earliest
        if pre.startswith("niet"):
            start = earliest
        return Deadline(None, kind, earliest=start, rule=rule + ":lower_bound", detail="lower bound: not before "
                        + start.isoformat())
    if PAST_PRE.match(pre):
        return Deadline(None, kind, earliest=earliest, rule=rule + ":since", detail="since")
    if STRICT_BEFORE_PRE.match(pre) and kind in ("month", "year", "quarter", "half_year"):
        due = earliest - dt.timedelta(days=1)
        return Deadline(None, kind, earliest=None, latest=due, due_date=due, rule=rule + ":before")
    return Deadline(None, kind, earliest=earliest, latest=latest, due_date=latest, rule=rule, estimated=estimated)


# a date inside an attributive phrase with a past participle: "het op 23 maart ondertekende convenant",
# "de op 5 juni gepubliceerde brief" -- the date of something done, not a deadline
ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:het|de|een|dit|deze|dat|die|ons|onze|mijn|uw)\s+$", re.I)
ATTRIBUTIVE_PARTICIPLE = re.compile(
    r"\s+(?!(?:geldende?|gaande|komende|volgende|lopende|durende|resterende|verschijnende|tredende)\b)"
    r"(?:(?:aan|af|bij|door|in|mee|na|op|over|terug|toe|uit|vast|voor|samen)?ge[^\W\d_]{2,}|"
    r"(?:be|ver|ont|her|er|onder|mis)[^\W\d_]{2,})(?:d|t|en)e?\s+"
    # (a participle followed by a future or present auxiliary ends a clause, "dat rond 5 november begonnen zal worden
    # met …": no attribute of a noun)
    r"(?!(?:zal|zullen|wordt|worden|kan|kunnen|moet|moeten)\b)[^\W\d_]", re.I)


# a date that names a document already written: "in mijn brief d.d. 8 april", "het verzoek van 3 maart", also after its
# writer: "het verzoek van uw commissie van 3 mei", "de brief van de minister van OCW van 17 juni" (thirty-fifth round)
DOCUMENT_DATED = re.compile(r"\b(?:\w*brie(?:f|ven)|schrijven|e-?mail|verzoek|bericht|antwoord|beantwoording|"
                            r"\w*vragen)\s+(?:(?:van|namens)\s+(?:(?!(?:zal|zullen|wordt|worden|is|zijn|ik|wij|we|en|of|"
                            r"voor|vóór|in|na|op|over)\b)[^\s.;:,()]+\s+){1,6}?)?(?:d\.\s?d\.|dd\.?|van|gedateerd|op)\s+$", re.I)
# words before a span of days that make it a meeting's days: "de Eurogroep van 16 en 17 maart", "tijdens de top op 3-5 juni"
RANGE_BY = re.compile(r"\b(?:van|op|tijdens|voor|voorafgaand\s+aan|rond)\s+$", re.I)


# what stands before "op <days>" when the days are the time of the act, not of a meeting just named: the sentence's
# start or a relative pronoun
# ("organiseren wij op 19 en 20 juni de conferentie": the subject of the act right before)
ACT_TIME_OP = re.compile(r"(?:^|[.;:!?]\s*|\b(?:die|dat|welke)\s+|\b(?:ik|wij|we)\s+)\W*$", re.I)


# a day that explains a named day of a stated year: "Koninkrijksdag 2008 (15 december)"
NAMED_DAY_OF_YEAR = re.compile(r"\b((?:19|20)\d\d)\s*\(\s*(?:op\s+)?$")
WEEK_OF = re.compile(r"\bweek\s+van\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag)\s+)?$", re.I)


# "(ruim) voor het sluiten van de openstellingsperiode (1 december 2023)": the date in brackets is the event's
BEFORE_EVENT_OF_DATE = re.compile(r"\b(?:ruim\s+|ruimschoots\s+|kort\s+|uiterlijk\s+|nog\s+)?" + VOOR
                                  + r"\s+(?:de|het)\s+[^().;:,]{3,90}\(\s*$", re.I)
# "na de volgende meting op", "na de conferentie, die op": the date is the event's, the act comes after it
AFTER_EVENT_ON = re.compile(
    r"(?:^|[\s,(])(?:pas\s+)?(?:na|ná)\s+(?:afloop\s+van\s+)?(?:de|het|deze|dit)\s+"
    r"(?:(?!(?:zal|zullen|wordt|worden|werd|is|zijn|was|ik|wij|we|kan|kunnen|heb|heeft|hebben|en|of)\b)[^\s,.;:]+(?:\s+|(?=,))){1,6}?"
    r"(?:,\s*)?(?:(?:die|dat|welke)\s+)?(?:(?:op|van)\s+)?$", re.I)


def h_date(m: re.Match, c: Ctx) -> Deadline | None:
    day, month = int(m["d"]), MONTHS[m["m"].lower()]
    if m.groupdict().get("d0"):
        # "16 en 17 maart", "3 tot 5 juni": a span of days.  A meeting named by its days ("de Raad van 16 en 17
        # maart", something to be done before it) is due on its first day; a span given as the time of the act
        # ("Op 25–26 maart zal ik … informeren", "tussen 1 en 15 maart", "die op 25 en 26 maart wordt gehouden") on
        # its last
        first = int(m["d0"])
        by = RANGE_BY.search(m.string, max(0, m.start() - 25), m.start())
        if by and by.group(0).lower().startswith(("op", "van")) and ACT_TIME_OP.search(m.string, 0, by.start()):
            # "Op 25–26 maart zal ik …", "die op 25 en 26 maart wordt gehouden", "Van 1 tot en met 3 maart 2016 zal ik
            # een conferentie organiseren": not a meeting named by its days
            by = None
        week = WEEK_OF.search(m.string, max(0, m.start() - 25), m.start())  # "in de week van 1 tot en met 5 december"
        if first < day and not week and (by or _pre(m) in ("tijdens", "rond")
                            or (_pre(m) == "op" and not ACT_TIME_OP.search(m.string, 0, m.start()))):
            day = first
    year, stated = year_of(m["y"], c.anchor)
    past = bool(m.groupdict().get("jl")) or bool(DOCUMENT_DATED.search(m.string, max(0, m.start() - 80), m.start()))
    if past and year is not None and stated and c.anchor is not None:
        try:
            d0 = dt.date(year, month, day)
        except ValueError:
            return None
        if d0 <= c.anchor:
            return Deadline(None, "date", earliest=d0, rule="date:since", detail="a document of that date")
    if not past and ATTRIBUTIVE_BEFORE.search(m.string, 0, m.start()) and ATTRIBUTIVE_PARTICIPLE.match(m.string, m.end()):
        if year is not None:
            return Deadline(None, "date", earliest=dt.date(year, month, day), rule="date:since", detail="done on")
        past = True
    named = NAMED_DAY_OF_YEAR.search(m.string, max(0, m.start() - 16), m.start()) if year is None else None
    if named:
        year = int(named[1])  # "voor Koninkrijksdag 2008 (15 december)": the day of the year just named
    elif year is None:
        if c.anchor is None:
            return Deadline(None, "date", rule="date:no_anchor")
        year = c.anchor.year
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            return None
        strict = bool(STRICT_BEFORE_PRE.match(_pre(m)))
        if past and cand > c.anchor:
            year -= 1
        elif not past and (cand < c.anchor or (strict and cand <= c.anchor)):
            year += 1  # "vóór 1 juli" in a letter of 1 July: the next 1 July
            year = _weekday_year(m, year, month, day, c.anchor.year)
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    pre = _pre(m)
    if AFTER_EVENT_ON.search(m.string, max(0, m.start() - 120), m.start()):
        # "Na de «invitational conference», die op 8 februari 2000 zal plaatsvinden, zal het kabinet …": the day of the
        # event after which the act comes, a lower bound like "na 8 februari"
        pre = "na"
    if LOWER_BOUND_PRE.match(pre) and pre != "vanaf":
        start = d + dt.timedelta(days=1) if pre in ("na", "ná", "pas na") else d
        return Deadline(None, "date", earliest=start, rule="date:lower_bound", detail="lower bound: not before "
                        + start.isoformat())
    if PAST_PRE.match(pre):
        return Deadline(None, "date", earliest=d, rule="date:since", detail="since")
    if STRICT_BEFORE_PRE.match(pre) or (not pre and BEFORE_EVENT_OF_DATE.search(m.string, max(0, m.start() - 110),
                                                                                  m.start())):
        # ("ruim voor het sluiten van de openstellingsperiode (1 december 2023)": before the event of that date)
        due = d - dt.timedelta(days=1)
        return Deadline(None, "date", latest=due, due_date=due, rule="date:strictly_before")
    if WEEK_OF.search(m.string, max(0, m.start() - 25), m.start("d")):
        # "in de week van 8 juni 2015": on time until the Sunday that ends that week (as "deze week")
        sunday = d + dt.timedelta(days=6 - d.weekday())
        return Deadline(None, "date", earliest=d, latest=sunday, due_date=sunday, rule="date:week_of")
    return Deadline(None, "date", earliest=d, latest=d, due_date=d, rule="date")


def _weekday_year(m: re.Match, year: int, month: int, day: int, letter_year: int) -> int:
    """A date named with its weekday and without a year, already past in the letter's year and so moved to the next:
    the letter's year when the weekday says so ("vrijdag 26 juli a.s." in a letter dated 13 August 2013 is 26 July 2013,
    a Friday, not 26 July 2014, a Saturday: the letter was written before it was dated, or the date looks back)."""
    wd = m.groupdict().get("dwd")
    if not wd or year == letter_year:
        return year
    want = WEEKDAYS[wd.lower()]
    try:
        if dt.date(letter_year, month, day).weekday() == want and dt.date(year, month, day).weekday() != want:
            return letter_year
    except ValueError:
        pass
    return year


def _week(m: re.Match, c: Ctx) -> Deadline | None:
    """"deze week": the Sunday that ends the letter's week; "volgende/komende week": the Sunday after."""
    if c.anchor is None:
        return Deadline(None, "date", rule="week:no_anchor")
    sunday = c.anchor + dt.timedelta(days=6 - c.anchor.weekday())
    if m["w"].lower() != "deze":
        sunday += dt.timedelta(days=7)
    return Deadline(None, "date", earliest=c.anchor, latest=sunday, due_date=sunday, rule="week")


def h_this_month(m: re.Match, c: Ctx) -> Deadline | None:
    """"(nog) deze maand": the last day of the letter's month; "volgende/komende maand": of the month after."""
    if c.anchor is None:
        return Deadline(None, "month", rule="this_month:no_anchor")
    year, month = c.anchor.year, c.anchor.month
    if m["w"].lower() != "deze":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    due = last_day(year, month)
    return Deadline(None, "month", earliest=dt.date(year, month, 1), latest=due, due_date=due, rule="this_month")


def h_month_half(m: re.Match, c: Ctx) -> Deadline | None:
    """"in de tweede helft van juli": the month's last day; "de eerste helft van juli": the 15th (as the halves of
    a year end on 30 June and 31 December)."""
    month = MONTHS[m["m"].lower()]
    year = _month_year(m["y"], month, c)
    if year is None:
        return Deadline(None, "month", rule="month_half:no_anchor")
    first = dt.date(year, month, 1 if m["h"].lower() == "eerste" else 16)
    end = dt.date(year, month, 15) if m["h"].lower() == "eerste" else last_day(year, month)
    return _period("month", "month_half", first, end, _pre(m))


def h_week_of_month(m: re.Match, c: Ctx) -> Deadline | None:
    """"in de tweede week van maart": the Sunday ending the month's second full week (Monday to Sunday: March 2015
    → 15 March); "de laatste week van …": the month's last Sunday; "de week van 8 juni 2015": the Sunday of the week
    that holds that day."""
    month = MONTHS[m["m"].lower()]
    year = _month_year(m["y"], month, c)
    if year is None:
        return Deadline(None, "date", rule="week_of_month:no_anchor")
    if m["d"]:
        try:
            day = dt.date(year, month, int(m["d"]))
        except ValueError:
            return None
        sunday = day + dt.timedelta(days=6 - day.weekday())
        rule = "week_of_day"
    elif m["n"].lower() == "laatste":
        end = last_day(year, month)
        sunday = end - dt.timedelta(days=(end.weekday() + 1) % 7)
        rule = "week_of_month:last"
    else:
        first = dt.date(year, month, 1)
        monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        sunday = monday + dt.timedelta(days=6 + 7 * (ORDINALS[m["n"].lower()] - 1))
        rule = "week_of_month"
    return Deadline(None, "date", earliest=sunday - dt.timedelta(days=6), latest=sunday, due_date=sunday, rule=rule)


def h_christmas(m: re.Match, c: Ctx) -> Deadline | None:
    """"voor de kerst": 24 December (the last day before Christmas) of its next occurrence."""
    if c.anchor is None:
        return Deadline(None, "date", rule="christmas:no_anchor")
    year = next_year_for(c.anchor, lambda y: dt.date(y, 12, 24))
    due = dt.date(year, 12, 24)
    return Deadline(None, "date", earliest=c.anchor, latest=due, due_date=due, rule="christmas")


def h_iso_week(m: re.Match, c: Ctx) -> Deadline | None:
    """"in week 48": the Sunday that ends that (ISO) week, of the stated year or of its next occurrence."""
    week = int(m["wn"])
    if not 1 <= week <= 53:
        return None
    year, _stated = year_of(m["y"], c.anchor)
    if year is None:
        if c.anchor is None:
            return Deadline(None, "date", rule="iso_week:no_anchor")
        year = next_year_for(c.anchor, lambda y: _iso_sunday(y, week) or dt.date(y, 12, 31))
    sunday = _iso_sunday(year, week)
    if sunday is None:
        return None
    if _pre(m) in ("voor", "vóór"):
        sunday -= dt.timedelta(days=7)  # before week 48: on time until the Sunday that ends week 47
    return Deadline(None, "date", earliest=None, latest=sunday, due_date=sunday, rule="iso_week")


def _iso_sunday(year: int, week: int) -> dt.date | None:
    try:
        return dt.date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}


def h_weekday(m: re.Match, c: Ctx) -> Deadline | None:
    """"aanstaande maandag", "komende vrijdag", "maandag a.s.": the next such day after the letter's date."""
    if c.anchor is None:
        return Deadline(None, "date", rule="weekday:no_anchor")
    ahead = (WEEKDAYS[m["wd"].lower()] - c.anchor.weekday()) % 7 or 7
    due = c.anchor + dt.timedelta(days=ahead)
    return Deadline(None, "date", earliest=c.anchor, latest=due, due_date=due, rule="weekday")


def _month_year(y: str | None, month: int, c: Ctx) -> int | None:
    """The stated year of a month, else the year of its next end after the letter (None without either)."""
    year, _stated = year_of(y, c.anchor)
    if year is None and c.anchor is not None:
        year = next_year_for(c.anchor, lambda yy: last_day(yy, month))
    return year


# "in november jl.", "in november vorig jaar": a month past, referred to
MONTH_PAST_AFTER = re.compile(r"\s*(?:jl\b\.?|jongstleden\b|j\.l\.|(?:van\s+)?(?:het\s+)?(?:vorig|verleden|afgelopen)\s+jaar\b)", re.I)


def h_month(m: re.Match, c: Ctx) -> Deadline | None:
    month = MONTHS[m["m"].lower()]
    if not m["y"] and MONTH_PAST_AFTER.match(m.string, m.end()):
        return Deadline(None, "month", rule="month:past")
    if m.groupdict().get("m2") and MONTHS[m["m2"].lower()] > month:
        month = MONTHS[m["m2"].lower()]  # "in maart/april 2026": on time until the end of the later month
    if not m["y"] and c.anchor is not None and month <= c.anchor.month and _told_in_past(m.string, m.start(), m.end()):
        return Deadline(None, "month", rule="month:past")
    year = _month_year(m["y"], month, c)
    if year is None:
        return Deadline(None, "month", rule="month:no_anchor")
    pre = _pre(m)
    first = dt.date(year, month, 1)
    if STRICT_BEFORE_PRE.match(pre) and (m.groupdict().get("part") or "").lower() in ("eind", "einde"):
        pre = "in"  # "vóór eind oktober": by the end of October, not before October
    return _period("month", "month", first, last_day(year, month), pre)


# "Er is € 5 mln voorzien voor 2026": money set aside for a year, no time of an act
MONEY_BEFORE = re.compile(r"€|\b(?:euro|mln|miljoen|miljard|mld)\b", re.I)


PLANNED_WORDS = re.compile(r"\bverwacht|\bverwachting\b|\bbeoogd|\bgepland|\bvoorzien\b|\bstreven\b|\bstreef", re.I)
PAST_AUX_SIMPLE = re.compile(r"\b(?:was|waren|werd|werden|had|hadden)\b", re.I)


def _told_in_past(text: str, s: int, e: int) -> bool:
    """"Voorts is in september opnieuw een formele nota … verzonden" (a letter of October): a month without a year, this
    year's already begun, in a clause told in the perfect or the simple past names the month just gone, not the next
    one. (Not an expected completion: "Naar verwachting is het onderzoek in september afgerond".)"""
    lo = max(text.rfind(x, 0, s) for x in ",;:") + 1
    ends = [i for i in (text.find(x, e) for x in ",;:") if i >= 0]
    clause = text[lo:s] + " " + text[e:min(ends) if ends else len(text)]
    if FUTURE_AUX.search(clause) or PLANNED_WORDS.search(text):
        return False
    if PAST_SIMPLE.search(clause) or PAST_AUX_SIMPLE.search(clause):
        return True
    return any(PARTICIPLE.search(" ".join(clause[am.end():].split()[:15])) for am in PERFECT_AUX.finditer(clause))


def h_document_month(m: re.Match, c: Ctx) -> Deadline | None:
    """"de voortgangsrapportage van mei 2020": a report dated in a month still ahead is due then; one dated in a
    month that has begun or passed is a document referred to, no deadline."""
    year, _stated = year_of(m["y"], c.anchor)
    month = MONTHS[m["m"].lower()]
    if year is None or c.anchor is None or dt.date(year, month, 1) <= c.anchor:
        return None
    return _period("month", "month:document", dt.date(year, month, 1), last_day(year, month), "in")


def _recess_year(m: re.Match, c: Ctx, days_after_start: int) -> int | None:
    """The year of the summer recess a phrase means: the stated one, else the first whose start + ``days_after_start``
    is still ahead of the letter (None without either)."""
    year, _stated = year_of(m["y"], c.anchor)
    if year is None and c.anchor is not None:
        start, _ = c.cal.summer_recess_start(c.anchor.year)
        year = c.anchor.year if c.anchor < start + dt.timedelta(days=days_after_start) else c.anchor.year + 1
    return year


def h_before_summer(m: re.Match, c: Ctx) -> Deadline | None:
    year = _recess_year(m, c, 0)
    if year is None:
        return Deadline(None, "before_summer", rule="before_summer:no_anchor")
    start, estimated = c.cal.summer_recess_start(year)
    return Deadline(None, "before_summer", earliest=c.anchor if c.anchor and c.anchor <= start else None,
                    latest=start, due_date=start, rule="before_summer:recess_start", estimated=estimated)


#: the summer recess lasts eight weeks and three days: it ends on the Monday 59 days after its first day
RECESS_DAYS = 59


def h_end_of_summer_recess(m: re.Match, c: Ctx) -> Deadline | None:
    """"voor het einde van het zomerreces": the last day of the recess (its start + 59 days)."""
    year = _recess_year(m, c, RECESS_DAYS + 1)
    if year is None:
        return Deadline(None, "event", rule="recess_end:no_anchor")
    start, estimated = c.cal.summer_recess_start(year)
    end = start + dt.timedelta(days=RECESS_DAYS)
    return Deadline(None, "event", earliest=c.anchor, latest=end, due_date=end, rule="recess_end", estimated=estimated,
                    detail="einde zomerreces")


def _season(kind: str, rule: str, first: tuple[int, int], last: tuple[int, int]):
    def handler(m: re.Match, c: Ctx) -> Deadline | None:
        year, stated = year_of(m["y"], c.anchor)
        if year is None:
            if c.anchor is None:
                return Deadline(None, kind, rule=rule + ":no_anchor")
            year = next_year_for(c.anchor, lambda y: dt.date(y, *last))
        return _period(kind, rule, dt.date(year, *first), dt.date(year, *last), _pre(m))
    return handler


def h_quarter(m: re.Match, c: Ctx) -> Deadline | None:
    q = ORDINALS.get((m["q"] or "").lower()) or int(m["qn"])
    year, _ = year_of(m["y"], c.anchor)
    if year is None:
        if c.anchor is None:
            return Deadline(None, "quarter", rule="quarter:no_anchor")
        year = next_year_for(c.anchor, lambda y: last_day(y, 3 * q))
    return _period("quarter", f"quarter:Q{q}", dt.date(year, 3 * q - 2, 1), last_day(year, 3 * q), _pre(m))


def h_trimester(m: re.Match, c: Ctx) -> Deadline | None:
    """"het derde trimester van 2015": a third of a year (January–April, May–August, September–December)."""
    t = ORDINALS.get((m["q"] or "").lower())
    if t is None or t > 3:
        return None
    year, _ = year_of(m["y"], c.anchor)
    if year is None:
        if c.anchor is None:
            return Deadline(None, "quarter", rule="trimester:no_anchor")
        year = next_year_for(c.anchor, lambda y: last_day(y, 4 * t))
    return _period("quarter", f"trimester:T{t}", dt.date(year, 4 * t - 3, 1), last_day(year, 4 * t), _pre(m))


def h_half_year(m: re.Match, c: Ctx) -> Deadline | None:
    h = 1 if m["h"].lower() == "eerste" else 2
    year, _ = year_of(m["y"], c.anchor)
    if year is None:
        if c.anchor is None:
            return Deadline(None, "half_year", rule="half_year:no_anchor")
        year = next_year_for(c.anchor, lambda y: dt.date(y, 6 * h, 30 if h == 1 else 31))
    return _period("half_year", f"half_year:H{h}", dt.date(year, 1 if h == 1 else 7, 1),
                   dt.date(year, 6, 30) if h == 1 else dt.date(year, 12, 31), _pre(m))


FROM_ON_REPEATED = re.compile(r"\b(?:\w*rapportages?|jaarverslag\w*|jaarlijks\w*|(?:elk|ieder)e?\s+(?:jaar|kwartaal|half\s*jaar)|"
                              r"telkens|periodiek\w*)\b", re.I)


IN_A_YEAR = ("in", "uiterlijk in", "nog in", "later in", "eerder in", "ergens in", "gedurende")
REPEATED_STEP = re.compile(r"\b(?:(?:twee|drie|vier|enkele|meerdere)\s+(?:keer|maal)|tweemaal|driemaal|telkens|"
                           r"(?:elk|ieder)e?\s+jaar|beide\s+jaren)\b", re.I)


def h_year(m: re.Match, c: Ctx) -> Deadline | None:
    year, stated = year_of(m["y"], c.anchor)
    if year is None:
        return Deadline(None, "year", rule="year:no_anchor")
    pre = _pre(m)
    later = m.groupdict().get("y2")
    # (not "u hier nog twee keer over te rapporteren, in 2015 en 2016": a step repeated, first due in the first year)
    if later and int(later) > year and pre in IN_A_YEAR and not REPEATED_STEP.search(m.string):
        return _period("year", "year:two_years", dt.date(year, 1, 1), dt.date(int(later), 12, 31), pre)
    if pre == "vanaf" and c.anchor is not None and year == c.anchor.year and c.anchor > dt.date(year, 1, 1) \
            and not FROM_ON_REPEATED.search(m.string):
        # "Vanaf 2023 komt er een reparateursregister" in a letter of February 2023: in the course of that year
        return _period("year", "year", dt.date(year, 1, 1), dt.date(year, 12, 31), "")
    if pre in ("per", "met ingang van", "m.i.v.") and c.anchor is not None and c.anchor > dt.date(year, 1, 1):
        # "Met ingang van dit jaar zal … beschikbaar zijn": a start already past, a state in force, no deadline
        return Deadline(None, "relative", earliest=dt.date(year, 1, 1), rule="year:started_already")
    if pre in ("per", "met ingang van", "m.i.v.") or (pre == "vanaf" and not FROM_ON_REPEATED.search(m.string)):
        # "per 2027", "vanaf 2027": from the start of that year, as "per/vanaf schooljaar X/Y" is 1 August of X;
        # but "vanaf 2025 in de voortgangsrapportage …" starts something repeated: a lower bound only
        d = dt.date(year, 1, 1)
        return Deadline(None, "date", earliest=d, latest=d, due_date=d, rule="year:per_jan1")
    return _period("year", "year", dt.date(year, 1, 1), dt.date(year, 12, 31), pre)


def h_school_year(m: re.Match, c: Ctx) -> Deadline | None:
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if m["y1"]:
        start = int(m["y1"])
    elif c.anchor is None:
        return Deadline(None, "school_year", rule="school_year:no_anchor")
    else:
        if not rel:
            return None  # "het schooljaar" without a year says nothing
        current = c.anchor.year if c.anchor.month >= 8 else c.anchor.year - 1
        start = current if rel in ("dit", "het huidige", "huidige") else current + 1
    pre = _pre(m)
    first = dt.date(start, 8, 1)
    if pre in ("per", "vanaf", "met ingang van", "m.i.v.") or (m["pre2"] or "").strip():
        return Deadline(None, "school_year", earliest=first, latest=first, due_date=first,
                        rule="school_year:start", detail=f"schooljaar {start}/{start + 1}")
    end = dt.date(start + 1, 7, 31)
    return _period("school_year", "school_year:end", first, end, pre)


def h_vague(m: re.Match, c: Ctx) -> Deadline | None:
    return Deadline(None, "vague", rule="vague", detail="vage termijn")


def h_recurring(m: re.Match, c: Ctx) -> Deadline | None:
    return Deadline(None, "recurring", rule="recurring", detail=m.group(0).strip())


def h_relative(m: re.Match, c: Ctx) -> Deadline | None:
    return Deadline(None, "relative", rule="relative", detail=m.group(0).strip())


# events the calendar knows: name pattern -> function(year) -> date
KNOWN_EVENTS: list[tuple[re.Pattern, str, Callable[[int], dt.date]]] = [
    (re.compile(r"prinsjesdag|miljoenennota|augustusbesluitvorming", re.I), "prinsjesdag", prinsjesdag),
    (re.compile(r"voorjaars?nota|voorjaarsbesluitvorming", re.I), "voorjaarsnota", voorjaarsnota),
    (re.compile(r"najaarsnota", re.I), "najaarsnota", najaarsnota),
    (re.compile(r"verantwoordingsdag", re.I), "verantwoordingsdag", verantwoordingsdag),
    # the budget of year X is presented on Prinsjesdag of year X-1 ("met de begroting 2027": Prinsjesdag 2026)
    # (also a ministry's: "de defensiebegroting voor 2008", "de OCW-begroting 2027")
    (re.compile(r"(?<!suppletoire\s)\b(?:ontwerp|[a-z]+-?|[A-Z]{2,5}-)?begroting\b(?!s)", re.I), "begroting", prinsjesdag),
]
INTO_BUDGET = re.compile(r"\b(?:wordt|worden|zal|zullen)\b[^.;]*\b(?:verwerkt|opgenomen|meegenomen|toegevoegd|"
                         r"overgebracht|verwerken|opnemen)\b", re.I)
# "In de defensiebegroting 2010 en de meerjarenraming zal een correctie … worden verwerkt": the same clause, further on
INTO_BUDGET_AFTER = re.compile(r"[^,.;]{0,110}?\b(?:zal|zullen)\b[^,.;]*\b(?:verwerkt|opgenomen|meegenomen)\b", re.I)
PAST_MARK = re.compile(r"\s*(?:jl\b\.?|jongstleden\b|j\.l\.)", re.I)
EVENT_DATE = re.compile(r"\b(?P<d>[0-3]?\d)\s+" + M + OPT_Y.replace("(?P<y>", "(?P<y>", 1), re.I)
EVENT_MONTH = re.compile(r"\b" + M + OPT_Y, re.I)
EVENT_YEAR = re.compile(r"\b(?P<y>" + Y + r")\b")


REFERRED_IN = re.compile(r"\s+(?:reeds\s+|al\s+)?(?:aangekondigde|genoemde|vermelde|beschreven|opgenomen|geschetste|"
                         r"toegezegde|aangegeven|gemelde)\b", re.I)
DEBATE_ON = re.compile(r"\b(?:debat|behandeling|overleg|bespreking)\s+(?:over|van)\b", re.I)


def h_event(m: re.Match, c: Ctx) -> Deadline | None:
    text = m.group(0)
    pre = _pre(m)
    ev = (m["ev"] or "").strip()
    lower = pre in ("na", "ná", "pas na", "vanaf")
    d: dt.date | None = None
    rule = "event:undated"
    dm = EVENT_DATE.search(ev)
    mm = EVENT_MONTH.search(ev) if not dm else None
    if dm and PAST_MARK.match(ev, dm.end()):
        # "het commissiedebat van 12 maart jl.": an event that already took place
        year, _ = year_of(dm["y"], c.anchor)
        try:
            held = dt.date(year or 1, MONTHS[dm["m"].lower()], int(dm["d"]))
        except ValueError:
            return None
        if dm["y"] is None and c.anchor is not None and held > c.anchor:
            held = held.replace(year=held.year - 1) if not (held.month == 2 and held.day == 29) else held
        return Deadline(None, "event", earliest=held, rule="event:date:since", detail=ev)
    if dm:
        got = h_date(dm, c)
        if got and got.due_date:
            d, rule = got.due_date, "event:date"
    elif mm:
        got = h_month(mm, c)
        if got and got.due_date:
            d, rule = got.due_date, "event:month"
    elif not DEBATE_ON.search(ev):
        # the calendar knows when a nota or budget is published, not when it is debated: "voor het debat over de
        # Voorjaarsnota 2010", "na de behandeling van de begroting" set no due date (as "de begrotingsbehandeling")
        for pat, name, fn in KNOWN_EVENTS:
            if pat.search(ev):
                if name == "begroting" and pre in ("in", "op") and not INTO_BUDGET.search(
                        m.string, max(0, m.start() - 60), min(len(m.string), m.end() + 40)) \
                        and not INTO_BUDGET_AFTER.match(m.string, m.end()):
                    # "in de begroting 2025 is … gereserveerd": a place in the budget, not a time (but "Dit wordt verwerkt
                    # in de begroting 2016" is put into the budget then presented)
                    return None
                if pre == "in" and REFERRED_IN.match(m.string, m.end()):
                    return None  # "de in de miljoenennota aangekondigde heroverwegingen": a document referred to
                ym = EVENT_YEAR.search(ev)
                if ym:
                    year = int(ym["y"])
                    # "Voorjaarsnota 2026" is published in 2026; "de begroting 2026" and "de Miljoenennota 2026" on
                    # Prinsjesdag 2025
                    year -= name == "begroting" or "miljoenennota" in ev.lower()
                elif c.anchor is not None:
                    year = next_year_for(c.anchor, fn)
                else:
                    break
                d, rule = fn(year), f"event:{name}"
                lower = lower and pre != "vanaf"  # "vanaf de komende miljoenennota": starts with that nota
                break
    if d is None:
        return Deadline(None, "event", rule="event:after" if lower else rule, detail=ev or text)
    if lower:
        return Deadline(None, "event", earliest=d, rule=rule + ":lower_bound", detail=ev)
    return Deadline(None, "event", earliest=None, latest=d, due_date=d, rule=rule, detail=ev)


# ---- the patterns, most specific first.  Overlaps are resolved by span length, then order.

EVENT_NOUN = (
    r"(?:commissie\s*debat|commissiedebat|debat|notaoverleg|wetgevingsoverleg|algemeen\s+overleg|(?-i:V?AO|WGO)|"
    r"schriftelijk\s+overleg|bestuurlijk\s+overleg|plenaire\s+behandeling|plenair\s+debat|begrotingsbehandeling|"
    r"begrotingsdebat|behandeling\s+van\s+de\s+(?:begroting|wet|wetsvoorstel)\w*|voorjaars?nota|najaarsnota|"
    r"miljoenennota|verantwoordingsdebat|voorjaarsbesluitvorming|augustusbesluitvorming|kerstreces|"
    r"herfstreces|voorjaarsreces|krokusreces|meireces|rondetafelgesprek|hoorzitting|suppletoire\s+begroting|"
    r"prinsjesdag|verantwoordingsdag|\w+debat|"
    # meetings of the Council of the EU and summits ("de Landbouw- en Visserijraad van november", "de Eurogroep")
    r"(?:Landbouw-\s+en\s+)?Visserijraad|Milieuraad|Energieraad|Transportraad|Telecomraad|Ecofin(?:-?raad)?|Eurogroep|"
    r"(?:JBZ|OJCS|EPSCO|RBZ|RAZ)-?[Rr]aad|Europese\s+Raad|Raad\s+(?:Buitenlandse|Algemene)\s+Zaken|"
    r"Raad\s+(?:voor|van)\s+Concurrentievermogen|Concurrentievermogenraad|"
    # a Council named by its month only: "voor de Raad van december"
    r"Raad(?=\s+van\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december)\b)|(?:NAVO|EU|Europese|klimaat)-?top|klimaattop|COP\s?\d{2})"
)
# calendar events may also follow "bij", "met", "op", "rond" ("met de Voorjaarsnota", "rond Prinsjesdag")
KNOWN_EVENT_NOUN = (r"(?:voorjaars?nota|najaarsnota|miljoenennota|prinsjesdag|verantwoordingsdag|begrotingsbehandeling|"
                    r"(?:ontwerp|(?!suppletoire)[a-z]+-?|[A-Z]{2,5}-)?begroting(?!s))")
EVENT_TRIGGER = (
    r"(?P<pre>voorafgaand\s+aan|voorafgaande\s+aan|vooruitlopend\s+op|in\s+(?:de\s+)?aanloop\s+naar|richting|"
    r"(?:ruim\s+|kort\s+|nog\s+|uiterlijk\s+|ruimschoots\s+)?" + VOOR + r"|tijdens|ná|na|ten\s+tijde\s+van)"
)
# "vanaf (de) komende miljoenennota": from that one on, a start (as "vanaf 2027" is): the nota's date is due
# "richting de Ontwerpbegroting 2026", "in aanloop naar Prinsjesdag": by then
KNOWN_EVENT_TRIGGER = (r"(?P<pre>bij|met|rond|op|in|vanaf|met\s+ingang\s+van|m\.i\.v\.|richting|"
                       r"in\s+(?:de\s+)?aanloop\s+naar)")

# tail of a phrase: a few words, no punctuation, stopping before verbs, objects and adverbs
TAIL_STOP = (
    r"(?:naar|aan|wordt|worden|werd|zal|zullen|ontvangt|ontvangen|een|ik|wij|we|u|uw|de\s+kamer|geïnformeerd|"
    r"informeren|informeer|is|zijn|en|die|dat|waarin|om|te|heb|hebben|heeft|kan|kunnen|verder|nader|via|"
    r"gestuurd|verzonden|toegestuurd|vindt|vinden|gaat|gaan|komt|komen|volgt|moet|moeten|wil|willen|eerst|"
    r"stuur|stuurt|sturen|zend|zendt|bied|biedt|leg|legt|breng|brengt|neem|neemt|"
    r"plaats|ook|nog|dan|of|hierover|daarover|met|bij|per|in|op)"
)


def tail(n: int, name: str = "tail") -> str:
    return r"(?P<" + name + r">(?:\s+(?!" + TAIL_STOP + r"\b)(?:[\w’'\-/]+)){0," + str(n) + r"})"


EVENT_TAIL = tail(8)
# the object of a relative phrase ("zodra de resultaten er zijn"): allows a few more words
REL_TAIL = (r"(?:\s+(?!(?:wordt|worden|zal|zullen|ontvangt|informeer|informeren|vindt|gaat|gaan|volgt|kan|kunnen|"
            r"moet|moeten|ik|wij|we|uw|v[oó][oó]r|na|eind|begin|medio|rond|uiterlijk|later|in|op|per)\b)"
            r"[^\s,.;:()]+){1,10}")

PATTERNS: list[tuple[str, str, Callable[[re.Match, Ctx], Deadline | None]]] = [
    # --- recurring: no single due date
    ("recurring",
     r"\b(?:(?:half|twee|drie|vier|vijf)?jaarlijks|maandelijks|wekelijks|driemaandelijks|per\s+kwartaal|"
     r"(?:elk|ieder)e?\s+(?:jaar|kwartaal|maand|week|half\s+jaar|voorjaar|najaar|schooljaar)|"
     # "standaard bij iedere budgettaire nota", "bij elke voortgangsrapportage": with every document of a kind
     r"(?:bij|in|met)\s+(?:elk|ieder)e?\s+(?:\w+\s+)?(?:\w*nota|begroting|\w*rapportage|\w*brief|\w*verslag)|"
     r"(?:een|één|twee|drie|vier|\d)\s*(?:keer|maal)\s+per\s+(?:jaar|kwartaal|maand|week|schooljaar)|"
     r"(?:twee|drie|vier)maal\s+per\s+(?:jaar|kwartaal|maand)|"
     # (not a title: "het «Periodiek Onderhoudsrapport Gemeentefonds»")
     r"(?:in\s+het\s+)?voorjaar\s+en\s+(?:in\s+het\s+)?najaar|(?-i:periodiek|(?<![\w\s«\"“‘,;:(])Periodiek)|"
     # "zal voortaan deel uitmaken van de begrotingscyclus en in de Miljoenennota … terugkomen": from now on, each time
     r"voortaan|"
     # "in de jaarrapportages van 2017 tot en met 2019": a yearly document over a range of years
     r"jaar(?:rapportages|verslagen|rapporten|overzichten|plannen)\s+(?:\S+\s+){0,3}?(?:19|20)\d\d\s*"
     r"(?:tot\s+en\s+met|t/m|tot|[-–])\s*(?:19|20)\d\d)" + WORD_END,
     h_recurring),
    # --- school year
    ("school_year",
     r"(?:(?P<pre>per|vanaf|met\s+ingang\s+van|m\.i\.v\.|in|tijdens|gedurende)\s+)?(?P<pre2>(?:de\s+)?start\s+van\s+)?"
     r"(?:het\s+)?(?:(?P<rel>dit|het\s+huidige|huidige|volgend|volgende|komend|komende)\s+)?schooljaar"
     r"(?:\s+(?P<y1>" + Y + r")\s*[/\-–]\s*(?:" + Y + r"|\d{2}))?" + WORD_END,
     h_school_year),
    # --- before summer recess
    ("before_summer",
     r"(?:(?P<pre>nog|ruim|ruimschoots|uiterlijk|al|ergens|kort|net)\s+)?(?:(?:" + VOOR + r"|voorafgaand\s+aan)\s+"
     r"(?:de\s+zomer(?:vakantie|periode)?|het\s+zomerreces|het\s+zomer\s*reces)|"
     # "richting de zomer": towards, so before the summer recess
     r"richting\s+(?:de\s+zomer(?:vakantie|periode)?|het\s+zomer\s*reces)|"
     # "Ik heb tot de zomer nodig om …", "tot komende zomer": until the summer recess
     r"tot\s+(?:de|deze|komende|aanstaande|de\s+komende)\s+zomer(?:vakantie|periode)?|tot\s+het\s+zomer\s*reces)"
     + OPT_Y + WORD_END,
     h_before_summer),
    ("recess_end",
     r"(?:(?:uiterlijk|nog)\s+)?(?:" + VOOR + r"|aan|tegen|uiterlijk\s+aan)\s+het\s+(?:einde|eind)\s+van\s+het\s+zomer\s*reces"
     + OPT_Y + WORD_END,
     h_end_of_summer_recess),
    # --- after summer
    ("after_summer",
     r"(?:(?:direct|kort|vlak|snel|meteen|ná)\s+)?(?<![\w-])(?:na|ná)\s+(?:de\s+(?:(?:aanstaande|komende)\s+)?zomer(?:vakantie|periode)?|"
     r"het\s+(?:(?:aanstaande|komende|eerstvolgende)\s+)?zomerreces)"
     + OPT_Y + WORD_END,
     _season("after_summer", "after_summer", (9, 1), (12, 20))),
    # --- summer
    ("summer",
     r"(?:(?P<pre>in|rond|tijdens|gedurende|over|na|vanaf)\s+(?:de\s+)?|(?:deze|komende|de\s+komende)\s+)"
     r"zomer(?:periode|maanden)?" + OPT_Y + WORD_END,
     _season("summer", "summer", (6, 1), (8, 31))),
    # --- spring / autumn
    ("spring",
     PRE + r"(?:(?:het|dit|komend|komende|deze|het\s+komende)\s+)?(?:voorjaar|lente)" + OPT_Y + WORD_END,
     _season("spring", "spring", (3, 1), (6, 20))),
    ("autumn",
     PRE + r"(?:(?:het|dit|komend|komende|deze|het\s+komende|de)\s+)?(?:najaar|herfst)" + OPT_Y + WORD_END,
     _season("autumn", "autumn", (9, 1), (12, 20))),
    # --- end / start / middle of a year
    ("year_end",
     r"(?:(?P<pre>" + VOOR + r"|tegen|aan|rond|tot|uiterlijk|nog\s+" + VOOR + r")\s+)?(?:het\s+)?"
     r"(?:eind(?:e)?|ultimo)\s+(?:van\s+)?(?:(?P<y>" + Y + r")|(?P<rel>dit|volgend|komend|het|het\s+volgende|"
     r"het\s+komende|dit\s+kalender|het\s+kalender)\s*jaar)" + WORD_END,
     lambda m, c: _year_point(m, c, "year_end", (1, 1), (12, 31))),
    ("year_end",
     r"(?:" + VOOR + r"|rond|tegen|tot|uiterlijk\s+bij)\s+de\s+jaarwisseling" + WORD_END,
     lambda m, c: _year_point(m, c, "year_end", (1, 1), (12, 31))),
    ("year_start",
     r"(?:(?:in|aan)\s+het\s+)?(?:begin|aanvang)\s+(?:van\s+)?(?:(?P<y>" + Y + r")|(?P<rel>dit|volgend|komend|het|het\s+volgende|"
     r"het\s+komende|het\s+nieuwe)\s*jaar)" + WORD_END,
     lambda m, c: _year_point(m, c, "year_start", (1, 1), (3, 31))),
    ("mid_year",
     r"(?:medio|halverwege|midden)\s+(?:van\s+)?(?:(?P<y>" + Y + r")|(?P<rel>dit|volgend|komend|het)\s+jaar)"
     + WORD_END,
     lambda m, c: _year_point(m, c, "mid_year", (5, 1), (6, 30))),
    # --- quarters and halves
    ("quarter",
     PRE + r"(?:het\s+)?(?P<q>eerste|tweede|derde|vierde|laatste|[1-4]e)\s+kwartaal"
     r"(?:\s+(?:van\s+)?(?P<y>" + Y + r"|dit\s+jaar|volgend\s+jaar|komend\s+jaar|het\s+jaar))?" + WORD_END,
     h_quarter),
    ("quarter",
     PRE + r"\bQ(?P<qn>[1-4])(?P<q>)(?:\s*(?:van\s+)?(?P<y>" + Y + r"))?" + WORD_END,
     h_quarter),
    ("trimester",
     PRE + r"(?:het\s+)?(?P<q>eerste|tweede|derde|[1-3]e)\s+(?:trimester|tertiaal)"
     r"(?:\s+(?:van\s+)?(?P<y>" + Y + r"|dit\s+jaar|volgend\s+jaar|komend\s+jaar|het\s+jaar))?" + WORD_END,
     h_trimester),
    ("half_year",
     PRE + r"(?:de|het)\s+(?P<h>eerste|tweede)\s+(?:helft|jaarhelft|halfjaar|half\s+jaar)"
     r"(?!\s+van\s+(?:" + "|".join(MONTHS) + r"))"
     r"(?:\s+(?:van\s+)?(?P<y>" + Y + r"|dit\s+jaar|volgend\s+jaar|komend\s+jaar|het\s+jaar))?" + WORD_END,
     h_half_year),
    # --- events ("voorafgaand aan het commissiedebat van 27 mei 2026", "rond Prinsjesdag")
    ("event",
     EVENT_TRIGGER + r"\s+(?P<ev>(?:(?:het|de)\s+(?:[\w\-]+\s+){0,2}?)?" + EVENT_NOUN + r"\b" + EVENT_TAIL + r")",
     h_event),
    ("event",
     KNOWN_EVENT_TRIGGER + r"\s+(?P<ev>(?:(?:het|de)\s+)?(?:(?:eerst)?(?:komende|volgende)\s+)?" + KNOWN_EVENT_NOUN + r"\b(?:\s+(?:van\s+|voor\s+)?(?:19|20)\d{2})?)",
     h_event),
    # --- dates and months
    ("week",
     r"(?:(?:in|tijdens|uiterlijk\s+in)\s+)?de\s+(?:(?P<n>eerste|tweede|derde|vierde|laatste)\s+week\s+van|"
     r"week\s+van\s+(?P<d>[0-3]?\d))\s+" + M + r"(?:\s+(?P<y>" + Y + r"))?" + WORD_END,
     h_week_of_month),
    ("this_month",
     r"(?:(?:nog|in|uiterlijk)\s+)?(?P<w>deze|volgende|komende|de\s+komende)\s+maand" + WORD_END,
     h_this_month),
    ("month",
     r"(?:(?P<pre>in|uiterlijk\s+in|uiterlijk|" + VOOR + r")\s+)?de\s+(?P<h>eerste|tweede)\s+helft\s+van\s+(?:de\s+maand\s+)?"
     + M + r"(?:\s+(?:van\s+)?(?P<y>" + Y + r"|dit\s+jaar|volgend\s+jaar|komend\s+jaar))?" + WORD_END,
     h_month_half),
    ("week",
     r"(?:(?:nog|in)\s+)?(?P<w>deze|volgende|komende|de\s+komende)\s+week" + WORD_END,
     lambda m, c: _week(m, c)),
    # "Ik start vanaf vandaag een campagne": on the letter's own day
    ("today",
     r"(?:vanaf|met\s+ingang\s+van|per)\s+vandaag" + WORD_END,
     lambda m, c: Deadline(None, "date", earliest=c.anchor, latest=c.anchor, due_date=c.anchor, rule="today")
     if c.anchor else None),
    # a time of day: "rond 16:00 een brief": on the letter's own day
    ("clock",
     r"(?P<pre>rond|om|voor|vóór|uiterlijk|uiterlijk\s+om)\s+(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s+uur)?" + WORD_END,
     lambda m, c: Deadline(None, "date", earliest=c.anchor, latest=c.anchor, due_date=c.anchor, rule="clock")
     if c.anchor else None),
    ("christmas",
     r"(?:(?P<pre>nog|uiterlijk|ruim|kort|ruimschoots)\s+)?" + VOOR + r"\s+(?:de\s+)?kerst(?:mis|dagen|vakantie)?" + WORD_END,
     h_christmas),
    # a date in figures: "per 1-1-2010", "op 1-1-2025"
    ("numeric_date",
     PRE + r"(?<![\d.,/\-–])(?P<d>[0-3]?\d)-(?P<mn>[01]?\d)-(?P<y>" + Y + r")" + WORD_END,
     lambda m, c: h_date(_NumericDateMatch(m), c) if 1 <= int(m["mn"]) <= 12 else None),
    ("iso_week",
     r"(?:(?P<pre>in|uiterlijk\s+in|" + VOOR + r")\s+)week\s+(?P<wn>\d{1,2})(?:\s+(?:van\s+)?(?P<y>" + Y + r"))?" + WORD_END,
     h_iso_week),
    ("weekday",
     r"(?:(?:aanstaande|komende|a\.s\.)\s+(?P<wd>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)|"
     r"(?P<wd2>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+(?:aanstaande|a\.s\.))" + WORD_END,
     lambda m, c: h_weekday(_WeekdayMatch(m), c)),
    ("date",
     # ("van donderdagavond 12 maart tot en met maandagochtend 16 maart": a weekday with its part of the day)
     PRE + r"(?:(?P<dwd>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:ochtend|middag|avond|nacht)?\s+)?(?<![\d.,])"
     r"(?:(?P<d0>[0-3]?\d)\s*(?:en|tot(?:\s+en\s+met)?|t/m|[-–])\s*)?(?P<d>[0-3]?\d)\s+" + M + r"(?:\s+(?P<y>" + Y + r"))?"
     r"(?P<jl>\s+(?:jl\.?|jongstleden|j\.l\.))?(?:\s+(?:a\.s\.|aanstaande))?" + WORD_END,
     h_date),
    # a report named by the month it is to appear: "in de voortgangsrapportage van mei 2020 gaan we in op …"
    ("month",
     r"(?:" + "|".join(rf"(?<={n}\s)" for n in ("rapportage", "rapport", "brief", "monitor", "update", "nota",
                                                 "overzicht", "editie", "meting")) + r")van\s+"
     + M + r"\s+(?P<y>(?:19|20)\d{2})" + WORD_END,
     h_document_month),
    ("month",
     r"(?:(?P<pre>niet\s+" + VOOR + r"|nog\s+" + VOOR + r"|uiterlijk\s+in|uiterlijk|" + VOOR + r"|na|vanaf|per|in|rond|naar|"
     r"sinds|tot\s+en\s+met|in\s+de\s+loop\s+van|eind|einde|begin|medio|half|halverwege|midden)\s+)"
     r"(?:(?P<part>eind|einde|begin|medio|half|halverwege|midden)\s+(?:van\s+)?)?(?:de\s+maand\s+)?" + M
     + r"(?:\s*(?:/|[-–]|\s(?:of|en)\s)\s*(?P<m2>" + "|".join(MONTHS) + r"))?"
     + r"(?:\s+(?:van\s+)?(?P<y>" + Y + r"|dit\s+jaar|volgend\s+jaar|komend\s+jaar))?" + WORD_END,
     h_month),
    # "De resultaten bespreek ik februari a.s. met het VB.": a month ahead named without a preposition
    ("month",
     r"(?<!\d\s)" + M + r"\s+(?:a\.s\.|aanstaande)(?P<y>)" + WORD_END,
     h_month),
    # --- whole years
    # "met de B-brief die is voorzien voor 2026", "de evaluatie staat gepland voor 2027": planned for that year, in it
    # (a bare "voor 2026" stays unread: "before 2026" or "for the year 2026")
    ("year",
     r"(?:" + "|".join(rf"(?<={n}\s)" for n in ("gepland", "ingepland", "voorzien", "beoogd")) + r")voor\s+(?P<y>" + Y
     + r")(?![\w\-–/])",
     lambda m, c: None if MONEY_BEFORE.search(m.string, 0, m.start()) else
     _period("year", "year", dt.date(int(m["y"]), 1, 1), dt.date(int(m["y"]), 12, 31), "")),
    ("year",
     r"(?:(?P<pre>niet\s+" + VOOR + r"|niet\s+eerder\s+dan|pas\s+na|pas\s+in|nog\s+" + VOOR + r"|vóór|uiterlijk\s+in|"
     r"uiterlijk|na|ná|vanaf|per|met\s+ingang\s+van|m\.i\.v\.|in|tot\s+en\s+met|t/m|sinds|sedert|gedurende|"
     r"in\s+de\s+loop\s+van|later\s+in|nog\s+in|ergens\s+in|eerder\s+in)\s+)(?P<y>" + Y + r")(?![\w\-–/])"
     # "in 2017 en 2018 gerenoveerd", "in 2026 of 2027": one act over two years, or either year: done by the later
     r"(?:\s+(?:en|of)\s+(?:in\s+)?(?P<y2>" + Y + r")(?![\w\-–/]))?",
     h_year),
    ("year",
     r"(?:(?P<pre>in\s+de\s+loop\s+van|later|nog|eerder|gedurende|in|ook|vanaf|na|ná|met\s+ingang\s+van|m\.i\.v\.|per)\s+)?"
     r"(?P<y>dit\s+jaar|volgend\s+jaar|komend\s+jaar|het\s+volgende\s+jaar|het\s+nieuwe\s+jaar|"
     # not "de begroting voor het komende jaar": a noun's year, no time of the act
     r"(?<!\bvoor\s)(?<!\bvan\s)het\s+komende\s+jaar)"
     + WORD_END,
     h_year),
    # --- relative to another event: no due date, the event is stored
    ("relative",
     r"(?:binnen\s+)?(?:\w+|\d+)\s+(?:jaar|jaren|maanden|maand|weken|week|dagen)\s+(?:na|nadat)" + REL_TAIL,
     h_relative),
    ("relative",
     r"\b(?:zodra|nadat|alvorens|voordat|zo\s+gauw|op\s+het\s+moment\s+dat)\b" + REL_TAIL,
     h_relative),
    # "Wanneer het definitieve rapport beschikbaar is, stuur ik u dit toe": at the head of the sentence, before the
    # government's own step, "wanneer" is "zodra"
    ("relative",
     r"^wanneer\b(?=[^,;?]{5,160},\s*(?:zal|zullen|stuur|zend|informeer|bericht|bied|rapporteer|kom)\s+"
     r"(?:ik|wij|we|het\s+kabinet)\b)" + REL_TAIL,
     h_relative),
    ("relative",
     r"\b(?:voorafgaand(?:e)?\s+(?:aan\s+)?(?:daaraan|hieraan|(?:de\s+|het\s+)?(?:besluitvorming|besluit)\w*(?:" + REL_TAIL + r")?)|"
     r"(?:na|ná)\s+(?:de\s+|het\s+)?(?:afronding|ontvangst|oplevering|vaststelling|publicatie|inwerkingtreding|besluitvorming|"
     r"afloop|het\s+verschijnen|de\s+evaluatie|het\s+onderzoek|de\s+verkenning|het\s+advies|de\s+behandeling)(?:" + REL_TAIL + r")?|hierna(?!\s*:)|daarna|daaropvolgend|aansluitend\s+daarop|"
     r"binnen\s+(?:\w+|\d+)\s+(?:jaar|maanden|maand|weken|week|dagen))" + WORD_END,
     h_relative),
    # --- vague
    ("vague",
     r"\b(?:binnenkort|op\s+korte\s+termijn|(?:in\s+)?de\s+komende\s+(?:periode|tijd|maanden|jaren|weken|fase)|"
     r"(?:in\s+)?het\s+komende\s+half\s+jaar|"
     r"in\s+de\s+volgende\s+fase|zo\s+(?:spoedig|snel|vlot|tijdig)\s+mogelijk|z\.s\.m\.|spoedig|"
     r"(?:binnen|in)\s+(?:een\s+)?(?:afzienbare|korte)\s+(?:tijd|termijn)|"
     r"te\s+zijner\s+tijd|t\.z\.t\.|op\s+termijn|op\s+(?:een\s+)?later(?:e)?\s+(?:moment|datum|tijdstip)|"
     r"in\s+de\s+(?:nabije\s+)?toekomst|op\s+(?:middel)?lange\s+termijn|(?:in\s+)?de\s+nabije\s+toekomst|"
     r"later|nog\s+niet\s+bekend|(?:een|één)\s+dezer\s+dagen)" + WORD_END,
     h_vague),
]


def _year_point(m: re.Match, c: Ctx, kind: str, first: tuple[int, int], last: tuple[int, int]) -> Deadline | None:
    gd = m.groupdict()
    rel = (gd.get("rel") or "").strip().lower()
    if gd.get("y"):
        year = int(gd["y"])
    elif rel in ("dit", "dit kalender"):
        if c.anchor is None:
            return Deadline(None, kind, rule=kind + ":no_anchor")
        year = c.anchor.year
    elif rel in ("het", "het kalender", "") :
        if c.anchor is None:
            return Deadline(None, kind, rule=kind + ":no_anchor")
        year = next_year_for(c.anchor, lambda y: dt.date(y, *last))
    else:  # volgend, komend, het volgende, het nieuwe
        if c.anchor is None:
            return Deadline(None, kind, rule=kind + ":no_anchor")
        year = c.anchor.year + 1
    return _period(kind, kind, dt.date(year, *first), dt.date(year, *last), _pre(m))


class _NumericDateMatch:
    """A date in figures ("1-1-2010") read as the ``date`` pattern reads "1 januari 2010": its month as ``m["m"]``."""

    def __init__(self, m: re.Match):
        self.m, self.string = m, m.string

    def __getitem__(self, key: str):
        return list(MONTHS)[int(self.m["mn"]) - 1] if key == "m" else self.m[key]

    def groupdict(self) -> dict:
        return self.m.groupdict()

    def start(self, group: int | str = 0) -> int:
        return self.m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self.m.end(group)


class _WeekdayMatch:
    """The weekday of either alternative of the ``weekday`` pattern, as ``m["wd"]``."""

    def __init__(self, m: re.Match):
        self.m = m

    def __getitem__(self, key: str):
        return (self.m["wd"] or self.m["wd2"]) if key == "wd" else self.m[key]


# keywords one of which must occur for a pattern to be tried (a cheap pre-filter: speed only)
MONTH_WORDS = "|".join(MONTHS)
NEEDS: dict[str, str] = {
    "recurring": r"jaarlijks|maandelijks|wekelijks|kwartaal|elk|ieder|keer|maal|voorjaar|periodiek|voortaan|jaar(?:rapportages|verslagen|rapporten|overzichten|plannen)",
    "school_year": r"schooljaar",
    "week": r"week", "iso_week": r"week", "this_month": r"maand", "christmas": r"kerst", "clock": r"\d[:.]\d\d", "today": r"vandaag", "weekday": r"aanstaande|komende|a\.s\.",
    "before_summer": r"zomer", "after_summer": r"zomer", "summer": r"zomer", "recess_end": r"zomer",
    "spring": r"voorjaar|lente", "autumn": r"najaar|herfst",
    "year_end": r"eind|ultimo|jaarwisseling", "year_start": r"begin|aanvang", "mid_year": r"medio|halverwege|midden",
    "quarter": r"kwartaal|q[1-4]", "trimester": r"trimester|tertiaal", "half_year": r"helft|halfjaar|half\s+jaar",
    "event": r"debat|overleg|nota|prinsjesdag|verantwoordingsdag|reces|behandeling|besluitvorming|gesprek|"
             r"hoorzitting|begroting|raad|ecofin|eurogroep|top\b|cop\s?\d|\bv?ao\b|\bwgo\b",
    "date": MONTH_WORDS, "month": MONTH_WORDS, "numeric_date": r"\d-[01]?\d-",
    "year": r"\d{4}|jaar",
    "relative": r"jaar|jaren|maand|week|weken|dagen|zodra|nadat|alvorens|voordat|gauw|moment|voorafgaand|na\b|ná|wanneer|"
                r"hierna(?!\s*:)|daarna|daaropvolgend|aansluitend|binnen",
    "vague": r"binnenkort|termijn|afzienbare|komende|volgende|spoedig|snel|vlot|tijdig|z\.s\.m|zijner|t\.z\.t|later|toekomst|"
             r"bekend|dezer",
}
# every phrase starts at a word boundary: "(?<!\w)" lets the engine skip mid-word positions quickly
COMPILED = [(name, re.compile(r"(?<![\w-])" + rx, re.I), fn, re.compile(NEEDS[name], re.I)) for name, rx, fn in PATTERNS]
# quick pre-filter: a sentence without any of these words holds no time phrase
TRIGGER_WORDS = re.compile(
    r"jaar|zomer|reces|voorjaar|najaar|herfst|lente|kwartaal|trimester|tertiaal|\bq[1-4]|helft|eind|begin|medio|halverwege|"
    r"binnenkort|termijn|komende|spoedig|snel|zodra|nadat|alvorens|voordat|voorafgaand|vooruitlopend|aanloop|"
    r"debat|overleg|nota|prinsjesdag|verantwoordingsdag|behandeling|schooljaar|" + "|".join(MONTHS) + r"|"
    r"\b(?:19|20)\d\d\b|periodiek|maandelijks|wekelijks|per\s+kwartaal|keer|maal|hierna|daarna|afronding|"
    r"toekomst|later|t\.z\.t|z\.s\.m|zijner|fase|gauw|moment|wanneer|binnen|inwerkingtreding|jaarwisseling|tijd|"
    r"begroting|raad|ecofin|eurogroep|top\b|week\b|kerst|aanstaande|a\.s\.|uur\b|\d:\d\d|\belke\b|\biedere\b|maand\b|dezer|vandaag",
    re.I,
)

# The same pre-filter without the regular expression, for speed (the alternation above scans every
# position of every sentence): the words and fragments one of its branches must contain, in lower case
# ("19"/"20" for a year, "q1"… for a quarter).  A sentence holding none of them cannot match it.
TRIGGER_FRAGMENTS = (
    "jaar", "zomer", "reces", "voorjaar", "najaar", "herfst", "lente", "kwartaal", "q1", "q2", "q3", "q4", "helft",
    "trimester", "tertiaal", "eind", "begin", "medio", "halverwege", "binnenkort", "termijn", "komende", "spoedig", "snel", "zodra", "nadat",
    "alvorens", "voordat", "voorafgaand", "vooruitlopend", "aanloop", "debat", "overleg", "nota", "prinsjesdag",
    "verantwoordingsdag", "behandeling", "schooljaar", *MONTHS, "19", "20", "periodiek", "maandelijks", "wekelijks",
    "keer", "maal", "hierna", "daarna", "afronding", "toekomst", "later", "t.z.t", "z.s.m", "zijner", "fase", "gauw",
    "moment", "wanneer", "binnen", "inwerkingtreding", "jaarwisseling", "tijd", "begroting", "raad", "ecofin",
    "eurogroep", "top", "week", "kerst", "aanstaande", "a.s.", "uur", ":", "elke", "iedere", "maand", "dezer", "vandaag",
    "ao", "wgo",
)
# Characters other than A-Z that case-insensitive matching takes for an ASCII letter ("ſ" for "s", the
# Kelvin sign for "k", "İ" for "i"): lower() would not turn them into the fragments, so a sentence
# holding one is left to the regular expression.  (test_extraction_speed checks this list against re.)
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"   # İ ı ſ K(elvin)
_FOLDS_TO_ASCII = re.compile("[" + FOLDS_TO_ASCII + "]")


def may_hold_time(text: str) -> bool:
    """False only when ``TRIGGER_WORDS`` cannot match ``text`` (then it holds no time phrase)."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return True
    low = text.lower()
    return any(f in low for f in TRIGGER_FRAGMENTS)


# classes used when a sentence holds several phrases
DATED_KINDS = {"date", "month", "before_summer", "summer", "after_summer", "spring", "autumn", "year_end",
               "year_start", "mid_year", "quarter", "half_year", "year", "school_year", "event"}
TOPIC_BEFORE = re.compile(r"\bover\s+(?:het\s+)?$", re.I)
TOLD_THAT = re.compile(r"\b(?:ge[iï]nformeerd|informeren|informeer|bericht|berichten|meld|melden|gemeld)\s+(?:\S+\s+){0,3}?dat\b",
                       re.I)


def _quoted(c: Candidate, text: str) -> bool:
    """Is the time phrase a text quoted, not a time: "wordt de datum «1 juni 2011» vervangen door «1 januari 2015»"?"""
    return c.start > 0 and c.end < len(text) and text[c.start - 1] in "«“\"‘'„" and text[c.end] in "»”\"’'"


# "een horizonbepaling met als datum 1 januari 2024", "de derving van 1,3 miljard euro per 2026", "die op 1 januari 2014
# ouder zijn dan 26 jaar": a date that says when something expires, from when an amount counts, or the day an age is
# counted on, is no time of an act
END_DATE_BEFORE = re.compile(r"\b(?:horizonbepaling|einddatum|vervaldatum|peildatum)\b[^.;:]{0,30}$", re.I)
AMOUNT_BEFORE = re.compile(r"\b(?:euro|miljoen|miljard|mln\.?|mld\.?)\s+(?P<per>per\s+)?$", re.I)
AGE_AFTER = re.compile(r"\s+(?:[^\s,.;]+\s+)?(?:ouder|jonger)\s+(?:is|zijn|dan)\b", re.I)


def _date_of_a_quantity(c: Candidate, text: str) -> bool:
    before = text[max(0, c.start - 60):c.start]
    amount = AMOUNT_BEFORE.search(before)
    return bool(END_DATE_BEFORE.search(before) or AGE_AFTER.match(text, c.end)
                or (amount and (amount["per"] or re.match(r"per\b", c.deadline.phrase or "", re.I))))


# "… verlengd tot", "te verlengen tot en met": what follows is the end of the extended period
EXTENDED_BEFORE = re.compile(r"\bverleng(?:en|d|t|de|den)?\s+(?:[^\s,.;]+\s+){0,3}?(?P<tot>tot\s+(?:en\s+met\s+)?)?$", re.I)


def _extended_until(c: Candidate, text: str) -> bool:
    """Is the time phrase the end of a period something is extended by ("verlengd tot 1 april", "te verlengen tot en met
    30 juni")?"""
    m = EXTENDED_BEFORE.search(text[max(0, c.start - 80):c.start])
    return bool(m) and bool(m["tot"] or re.match(r"tot\b", c.deadline.phrase or "", re.I))


ASKS_KAMER = re.compile(r"\bverzoek\w*\s+(?:ik\s+|wij\s+|we\s+)?(?:u|uw\s+kamer)\b", re.I)
RUNS_UNTIL = re.compile(r"\s+(?:\S+\s+){0,2}?(?:geldig|van\s+kracht|loopt|lopen|geldt|gelden|duurt|duren)\b", re.I)
OR_BETWEEN = re.compile(r"\s*,?\s+of\s+(?:uiterlijk\s+|op\s+zijn\s+laatst\s+|anders\s+)?", re.I)
AND_BETWEEN = re.compile(r"\s*,?\s+en\s+(?:(?:in|op|rond|uiterlijk)\s+)?(?:(?:het|de)\s+)?(?:\([^()]{1,20}\)\s+)?", re.I)
STARTS_THEN = re.compile(r"\s+(?:\S+\s+){0,2}?(?:starten|start|starts|beginnen|begint|aanvangen|aanvangt|van\s+start\s+gaan|"
                         r"van\s+start\s+gaat)\s+en\s+(?:\S+\s+){0,6}?$", re.I)
# "conform de toezegging u jaarlijks te informeren", "zoals toegezegd jaarlijks": a time of the promise referred to
AS_PROMISED_BEFORE = re.compile(r"(?:^|[,;(]\s*)(?:conform|overeenkomstig|in\s+lijn\s+met|in\s+overeenstemming\s+met|"
                                r"ter\s+uitvoering\s+van)\s+(?:de|het|mijn|onze)\s+(?:eerdere\s+)?"
                                r"(?:toezegging|afspraak|motie|wet|regeling)\b[^,;.]*$", re.I)
# "in de periode 5 september tot en met 16 oktober 2016": a period, whose end is the time (its start is no deadline)
PERIOD_TO = re.compile(r"\s*(?:(?:tot\s+en\s+met|t/m|tot)\s+|[-–]\s*)?", re.I)
PERIOD_STARTS = {"date", "month", "mid_year", "year_end", "year_start", "quarter", "half_year"}
FROM_START = re.compile(r"(?:vanaf|per|met\s+ingang\s+van|m\.i\.v\.)\s", re.I)
PERIOD_END = re.compile(r"(?:tot\s+en\s+met|t/m|tot)\b", re.I)
BOOST_BEFORE = re.compile(r"(?:beoogde?|geplande?|voorziene?)\s+(?:\w+\s+){0,2}$|inwerkingtreding\s+(?:van|per|op)\s+$|"
                          # "voor het zomerreces doch in elk geval in de tweede helft van 2020": the time held to
                          # "eind april of uiterlijk begin mei": the latest of two times offered
                          r"\b(?:(?:doch|maar|en|of)\s+(?:in\s+(?:elk|ieder)\s+geval|zeker|uiterlijk|op\s+zijn\s+laatst)|doch|maar)\s+$",
                          re.I)


@dataclass
class Candidate:
    start: int
    end: int
    order: int
    deadline: Deadline


# the words a date may follow: "(de Raad) van (dinsdag) 12 mei", "(het verzoek) van 3 oktober"
WEEKDAY_OPT = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:ochtend|middag|avond|nacht)?\s+)?"
# a meeting followed by its date, up to where the date starts: "commissiedebat van", "overleg op woensdag"
MEETING_OF = (r"(?:" + EVENT_NOUN + r"|[\w\-]*overleg|[\w\-]*vergadering|bijeenkomst|[\w\-]*gesprek(?:ken)?|werkbezoek|"
              r"[\w\-]*sessie|[\w\-]*conferentie|[\w\-]*top|[\w\-]*raad|[\w\-]*debat|"
              # "het AO Kinderopvang van 20 juni", "het WGO Jeugd van 12 november": the abbreviated meetings and their subject
              r"(?-i:AO|VAO|WGO|SO|NO)(?:\s+[\w\-]+){0,3}?)"
              # "het Algemeen Overleg over Arbeidsomstandigheden van donderdag 20 februari": its subject may come between
              r"(?:\s+(?:over|inzake|betreffende)\s+(?:[\w\-]+\s+){0,3}?[\w\-]+)?\s+(?:van|op)\s+" + WEEKDAY_OPT + r"$")
# "tijdens/in/bij het commissiedebat van 5 februari": a meeting named by its day and month
PAST_EVENT_BEFORE = re.compile(
    r"\b(?:tijdens|in|bij)\s+(?:het|de|een|dat|die|ons|mijn)?\s*(?:[\w\-]+\s+){0,2}?" + MEETING_OF, re.I)
# a past or perfect verb in the clause: "heb ik toegezegd", "is gesproken", "zegde ik toe", "vroeg de Kamer"
PERFECT_AUX = re.compile(r"\b(?:heb|hebt|heeft|hebben|had|hadden|is|zijn|was|waren|werd|werden)\b", re.I)
PARTICIPLE = re.compile(
    r"\b(?!(?:gepland|ingepland|voorzien|beoogd|verwacht|geagendeerd|aangekondigd|vastgesteld|gelegen)\b)"
    r"(?:(?:aan|af|op|toe|in|uit|mee|voor|na|door|over|vast|bij|terug)?ge[a-zà-ÿ]{2,}(?<!heid)[dtn]|"
    r"(?:be|ver|ont|her|er)[a-zà-ÿ]{2,}(?<!heid)(?<!ing)[dt]|besproken|vernomen|ontvangen|verzonden|"
    r"(?:toe|aan|af|uit|op)?(?:gezegd|gegeven|gesproken|gevraagd|gedaan|genomen))\b", re.I)
PAST_SIMPLE = re.compile(
    r"\b(?:zegde|zegden|sprak|spraken|vroeg|vroegen|gaf|gaven|deed|deden|nam|namen|kondigde|kondigden|beloofde|"
    r"beloofden|stelde|stelden|meldde|meldden|diende|dienden|bleek|bleken|besprak|bespraken|verzocht|verzochten|"
    r"benadrukte|benadrukten|gaf|zei|zeiden|heette|lichtte|lichtten|deelde|deelden|verklaarde|verklaarden)\b", re.I)
# "als aangegeven in het Algemeen Overleg van 17 januari", "zoals besproken tijdens het AO van 8 oktober": said there
AS_PARTICIPLE = re.compile(r"\b(?:als|zoals)\s+(?:\S+\s+)?(?:aangegeven|besproken|toegezegd|gemeld|aangekondigd|afgesproken|"
                           r"vermeld|gezegd|gewisseld|verzocht|gevraagd|toegelicht)\s+(?:in|tijdens|bij)\b", re.I)
FUTURE_AUX = re.compile(r"(?<!\bte\s)\b(?:zal|zullen|zult|ga|gaat|gaan)\b", re.I)  # not "toegezegd … te zullen brengen"


def _past_meeting(text: str, dl: Deadline, s: int, e: int, anchor: dt.date | None) -> Deadline | None:
    """A day and month without a year that name a meeting the clause speaks of in the past ("Tijdens het
    commissiedebat van 5 februari heb ik toegezegd …"): the most recent such date, never a deadline."""
    if anchor is None or dl.due_date is None:
        return None
    dm = EVENT_DATE.search(text, s, e)
    if not dm or dm["y"] or re.match(r"\s*,?\s*(?:" + Y + r")\b", text[dm.end():]):
        return None
    if not PAST_EVENT_BEFORE.search(text[max(0, dm.start() - 90):dm.start()]):
        return None
    lo = max(text.rfind(";", 0, dm.start()), text.rfind(":", 0, dm.start())) + 1
    hi = min([i for i in (text.find(";", dm.end()), text.find(":", dm.end())) if i >= 0] or [len(text)])
    clause = text[lo:dm.start()] + " " + text[dm.end():hi]
    said_there = bool(AS_PARTICIPLE.search(text[max(0, dm.start() - 90):dm.start()]))
    if FUTURE_AUX.search(clause) and not said_there:
        return None
    past = said_there or bool(PAST_SIMPLE.search(clause))
    if not past:
        for am in PERFECT_AUX.finditer(clause):
            if PARTICIPLE.search(" ".join(clause[am.end():].split()[:20])):
                past = True
                break
    if not past:
        return None
    try:
        held = dt.date(anchor.year, MONTHS[dm["m"].lower()], int(dm["d"]))
    except ValueError:
        return None
    if held > anchor:
        held = held.replace(year=held.year - 1) if (held.month, held.day) != (2, 29) else held
    return Deadline(None, "event", earliest=held, rule="event:date:since", detail=dl.detail or text[s:e])


# "de uitkomsten van het commissiedebat van 30 januari meewegen", "een reactie op de Raad van 12 mei": a meeting
# named by its date, governed by a preposition that is no time word; the date names the meeting, it sets no time
NAMED_MEETING_BEFORE = re.compile(
    r"\b(?:van|over|uit|met|naar|aan|op)\s+(?:het|de|dat|die)\s+(?:[\w\-]+\s+){0,2}?" + MEETING_OF, re.I)


# a participle right before "op de <meeting> van <date>": the act takes place at the meeting
DONE_AT = re.compile(r"\b(?:ge\w+[dt]|ge\w+en|besproken|behandeld|ondertekend|vastgesteld|toegelicht|bekrachtigd)\s+$", re.I)


# "in de regeling van werkzaamheden van 18 mei 2022", "het verzoek van 3 oktober": a date that qualifies a noun
NOUN_OF_DATE = re.compile(r"\b(?:verzoek|werkzaamheden|besluit|uitspraak|vonnis|arrest|beschikking|e-?mail|bericht|"
                          r"persbericht|akkoord|convenant|overeenkomst|motie|amendement|toezegging|aankondiging)\s+van\s+"
                          + WEEKDAY_OPT + r"$", re.I)
# "de geannoteerde agenda voor de Euro-zone Top d.d. 11 maart a.s.", "… voor de kust van Katwijk, d.d. 6 april": "de dato"
# (dated) names the date of a thing or an event, never the time of an act
DE_DATO = re.compile(r"\bd\.\s?d\.\s*$|\bde\s+dato\s*$", re.I)
RANGE_AFTER = re.compile(r"\s*(?:tot|t/m|[-–]|en\s+\d)", re.I)


def _named_meeting(text: str, dl: Deadline, s: int, e: int) -> Deadline | None:
    if dl.kind != "date" or dl.due_date is None:
        return None
    before = text[max(0, s - 90):s]
    named = NAMED_MEETING_BEFORE.search(before)
    if named and named.group(0)[:2].lower() == "op" and DONE_AT.search(before, 0, named.start()):
        named = None  # "wordt … besproken op de conferentie van 23 mei": what is done at the meeting, on its day
    if not (named or (NOUN_OF_DATE.search(before) and not RANGE_AFTER.match(text, e))
            or DE_DATO.search(before)):
        return None
    return Deadline(None, "event", earliest=dl.due_date, rule="event:date:named", detail=dl.detail or dl.phrase)


def find_candidates(text: str, anchor: dt.date | None, calendar: RecessCalendar | None = None) -> list[Candidate]:
    """All non-overlapping time phrases in ``text``, resolved, in text order."""
    if not may_hold_time(text) or not TRIGGER_WORDS.search(text):
        return []
    ctx = Ctx(anchor, calendar or DEFAULT_CALENDAR)
    found: list[Candidate] = []
    for order, (_name, rx, fn, need) in enumerate(COMPILED):
        if not need.search(text):
            continue
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            s, e = m.start(), m.end()
            # trim whitespace and trailing partial punctuation
            while e > s and text[e - 1].isspace():
                e -= 1
            while s < e and text[s].isspace():
                s += 1
            dl = fn(m, ctx)
            if dl is None:
                continue
            dl = _past_meeting(text, dl, s, e, anchor) or _named_meeting(text, dl, s, e) or dl
            dl = replace(dl, phrase=text[s:e], span=(s, e))
            found.append(Candidate(s, e, order, dl))
    # resolve overlaps: longer span first, then pattern order
    found.sort(key=lambda c: (-(c.end - c.start), c.order))
    chosen: list[Candidate] = []
    for c in found:
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    # "het debat over passend onderwijs in mei": an undated event followed by its date or month
    merged: list[Candidate] = []
    for c in chosen:
        prev = merged[-1] if merged else None
        if not (prev is not None and prev.deadline.kind == "event" and prev.deadline.due_date is None
                and not prev.deadline.rule.endswith("after") and not text[prev.end:c.start].strip()):
            merged.append(c)
            continue
        # an undated event right before this phrase
        span, phrase = (prev.start, c.end), text[prev.start:c.end]
        if c.deadline.rule == "event:date:named" and c.deadline.earliest is not None \
                and re.search(r"\s(?:van|op)$", prev.deadline.detail or ""):
            # a long name that the tail cut before its date: "voorafgaande aan het debat over de agenda van de Europese
            # Top van woensdag 27 juni" is due on that day
            d = c.deadline.earliest
            dl = replace(prev.deadline, phrase=phrase, span=span, latest=d, due_date=d, rule="event:date",
                         detail=(prev.deadline.detail or "") + text[prev.end:c.end])
        elif c.deadline.kind in ("date", "month") and c.deadline.due_date is not None:
            dl = replace(c.deadline, phrase=phrase, span=span, kind="event", earliest=None,
                         rule="event:" + c.deadline.kind, detail=prev.deadline.detail)
        elif c.deadline.kind in EVENT_COARSE_KINDS:
            # "voor de begrotingsbehandeling … in het najaar van 2020": the event's time given as a season or a year is
            # no date of it (the conventions date an event by a date or a month only): undated, a clerk sets it
            dl = replace(prev.deadline, phrase=phrase, span=span, rule="event:undated", detail=prev.deadline.detail)
        else:
            merged.append(c)
            continue
        merged[-1] = Candidate(prev.start, c.end, prev.order, dl)
    return merged


# times too coarse to date an event: a season, a part of a year, a year
EVENT_COARSE_KINDS = ("spring", "summer", "autumn", "before_summer", "after_summer", "year", "year_start", "year_end",
                      "mid_year", "half_year", "quarter")


def _is_past(dl: Deadline, anchor: dt.date | None) -> bool:
    if anchor is None:
        return False
    if dl.rule.endswith(":since"):
        return True
    ref = dl.due_date or dl.latest
    if ref is not None:
        return ref < anchor
    if dl.earliest is not None and dl.kind != "relative":
        return dl.earliest <= anchor  # "na 2019" in a 2024 letter: a lower bound already passed
    return False


# "De NZa brengt voor de zomer advies uit, waarna ik uw Kamer in het najaar informeer": another party's step
# first, then the government's own; the promise is the government's step, so its time phrase decides
GOV_THEN = re.compile(r"(?:[,;:]|\ben)\s*(?:waarna|waarop|daarna|vervolgens|aansluitend|en\s+(?:daarna|vervolgens))\s+"
                      r"(?:[^\s,;]+\s+){0,3}?(?:ik|wij|we|het\s+kabinet|de\s+regering)\b", re.I)
# "…, en zal u daarna meer duidelijkheid geven": the government's next step, after the dated one
OWN_THEN = re.compile(r"(?:[,;]\s*|\s)en\s+(?:zal|zullen)\s+(?:(?:ik|wij|we|het\s+kabinet)\s+)?(?:u|uw\s+kamer)\s+"
                      r"(?:daarna|vervolgens|nadien)\b", re.I)
# "Het eindrapport wordt begin april 2005 verwacht en de resultaten zal ik u toezenden": the time is that of what is
# expected; the government's step follows it (like "Het SER-advies wordt … verwacht. Hierna zal het kabinet …")
EXPECTED_THEN = re.compile(r"\b(?:wordt|worden)\s+(?:[^\s,;]+\s+){0,8}?verwacht\s*[,;]?\s*(?:en|waarna|daarna|en\s+daarna)\s+"
                           r"(?:[^\s,;]+\s+){0,4}?(?:zal|zullen)\s+(?:ik|wij|we|het\s+kabinet)\b", re.I)
# "… zal de volgende trendanalyse in 2009 gereed zijn …, waarna het geheel naar de Tweede Kamer wordt verstuurd": the step
# to the Kamer follows the dated one; it has a lower bound only
THEN_TO_KAMER = re.compile(r"[,;]\s*(?:waarna|waarop|en\s+daarna)\s+[^.;]*?\b(?:naar|aan)\s+(?:de\s+(?:tweede\s+)?kamer|uw\s+kamer|u)\b",
                           re.I)
# "niet eerder oplevert dan in augustus 2010", "later dan 1 september", "pas in maart": a lower bound of someone's step, never a deadline
NOT_BEFORE_LEAD = re.compile(r"\b(?:niet\s+eerder\s+(?:\S+\s+){0,3}?|(?<!niet\s)later\s+)dan\s+(?:in\s+|op\s+|per\s+)?$|"
                             # "met uitzondering van de vier weken in augustus": a period excepted, not a deadline
                             r"\b(?:met\s+)?uitzondering\s+van\s+(?:\S+\s+){0,5}?$", re.I)
# a step asked of another party: "heb ik de Raad verzocht … een advies te geven", "is aan het PBL gevraagd … te"
ASKED_OF_OTHERS = re.compile(r"\b(?:verzocht|verzoek|gevraagd|vraag|opdracht\s+(?:gegeven|verleend)|opgedragen)\b"
                             r"[^;]*?\bte\s+\w+", re.I)
# "Ik heb tot de zomer nodig om … uit te werken en zal uw Kamer vóór het AO van 22 mei informeren": the promise to the
# Kamer is the coordinated step, so its time phrase decides
INFORM_THEN = re.compile(r"\ben\s+(?:zal|zullen)\s+(?:(?:ik|wij|we|het\s+kabinet)\s+)?(?:u|uw\s+kamer)\b(?=[^.;]*\b(?:informeren|"
                         r"berichten|sturen|toesturen|toezenden)\b)", re.I)
TO_KAMER_AFTER = re.compile(r"[^,.;]{0,40}?\b(?:aan|naar)\s+(?:de\s+(?:tweede\s+)?kamer|uw\s+kamer|het\s+parlement|"
                            r"de\s+staten-generaal|beide\s+kamers(?:\s+der\s+staten-generaal)?)\b[^,.;]{0,40}?\b(?:aangeboden|"
                            r"toegezonden|toegestuurd|gestuurd|verzonden|voorgelegd|aanbieden|toezenden|toesturen|sturen|"
                            r"voorleggen)\b", re.I)
# "dit jaar …, naar verwachting in september": a second, more precise phrase that narrows the first
REFINES = re.compile(r"(?:naar\s+verwachting|verwachtelijk|vermoedelijk|waarschijnlijk|voorzien|gepland|ingepland|"
                     r"beoogd|te\s+weten|namelijk|concreet|om\s+precies\s+te\s+zijn)\s+(?:\w+\s+){0,2}$", re.I)
COARSE_KINDS = {"year", "half_year", "year_end", "year_start"}


def _in_year(dl: Deadline, year: int) -> Deadline:
    def move(d: dt.date | None) -> dt.date | None:
        if d is None:
            return None
        return d.replace(year=year, day=min(d.day, 28)) if (d.month, d.day) == (2, 29) else d.replace(year=year)
    return replace(dl, earliest=move(dl.earliest), latest=move(dl.latest), due_date=move(dl.due_date))


def _own_or_refined(dated: list[Candidate], text: str) -> list[Candidate]:
    """Of several dated phrases, keep those of the government's own step, or the one that refines another."""
    # "De besluitvorming die dit voorjaar plaatsvindt … zal in de zomermaanden worden uitgewerkt", "ter voorbereiding op
    # het algemeen overleg op 15 maart … een briefing op 7 maart", "Nu publicatie nog in 2011 heeft plaatsgevonden, zal …
    # op 1 april 2012": the time of a relative clause, of the event a step prepares for or of what has happened is not
    # the step's, when the sentence gives the step a time of its own
    own = [c for c in dated if not SIDE_TIME_BEFORE.search(text[max(0, c.start - 120):c.start])
           and not DONE_CLAUSE_AFTER.match(text, c.end) and not PROMISED_BUT_AFTER.match(text, c.end)]
    if own and len(own) < len(dated):
        # "zal het beleidsstandpunt medio april ontvangen, ter voorbereiding op het algemeen overleg … op 23 april": a
        # coarse own time that holds the date of the meeting the step prepares for is bound by that date
        if len(own) == 1 and (own[0].deadline.kind == "month" or own[0].deadline.kind in COARSE_KINDS):
            o = own[0].deadline
            lo = o.earliest or dt.date(o.due_date.year, 1, 1)
            for c in dated:
                if c is not own[0] and c.start > own[0].end and PREPARES_FOR.search(text[max(0, c.start - 120):c.start]) \
                        and lo <= c.deadline.due_date < o.due_date:
                    return [c]
        dated = own
    for ev in dated:
        if ev.deadline.kind != "event":
            continue
        for fine in dated:
            # "gelijktijdig met de voorjaarsnota, rond eind april": the date set beside an event says when it is
            if fine.deadline.kind in ("date", "month") and 0 <= fine.start - ev.end <= 4 \
                    and re.fullmatch(r"\s*[,(–-]\s*", text[ev.end:fine.start]):
                return [fine]
    m = GOV_THEN.search(text) or INFORM_THEN.search(text)
    if m:
        own = [c for c in dated if c.start >= m.end() - 1]
        if own and len(own) < len(dated):
            return own
    # "… medio juli overeenstemming te bereiken, opdat ze na het zomerreces kunnen worden vastgesteld en begin september
    # aan de Kamer kunnen worden aangeboden": of several steps, the one that reaches the Kamer is the promise's
    to_kamer = [c for c in dated if TO_KAMER_AFTER.match(text, c.end)]
    if to_kamer and len(to_kamer) < len(dated):
        return to_kamer
    for coarse in dated:
        if coarse.deadline.kind not in COARSE_KINDS:
            continue
        lo = coarse.deadline.earliest or dt.date(coarse.deadline.due_date.year, 1, 1)
        for fine in dated:
            if fine is coarse or fine.start < coarse.end or fine.deadline.kind in COARSE_KINDS:
                continue
            if not REFINES.search(text[max(0, fine.start - 40):fine.start]):
                continue
            year = coarse.deadline.due_date.year
            if fine.deadline.due_date.year != year and not re.search(r"\b(?:19|20)\d\d\b", fine.deadline.phrase or ""):
                # "in 2026 …; voorzien in het tweede kwartaal": the refinement takes the year of the phrase it refines
                fine = replace(fine, deadline=_in_year(fine.deadline, year))
            if lo <= fine.deadline.due_date <= coarse.deadline.due_date:
                return [fine]
    return dated


# "Het rapport wordt verwacht in maart/april 2026 en uw Kamer zal hierover worden geïnformeerd": the date is a guess
# at when someone else's document arrives; the promise (informing about it) follows that event, undated
EXPECTED_BEFORE = re.compile(r"\b(?:wordt|worden)\s+(?:\S+\s+){0,3}?verwacht\s+$", re.I)
EXPECTED_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}?verwacht\b", re.I)
THEN_INFORMED = re.compile(r"[^.;]*?(?:,|\ben\b|\bwaarna\b)[^.;]*?\b(?:hierover|daarover|over\s+(?:de|het)\s+"
                           r"(?:uitkomsten|resultaten|bevindingen))\b[^.;]*?\b(?:ge[iï]nformeerd|informeren|informeer|"
                           r"berichten|bericht)\b", re.I)


# "in de reactie op de visie van de Deltacommissie (verwacht in september)": the time in brackets says when the thing
# named before is expected, not when the act is done
EXPECTED_IN_BRACKETS = re.compile(r"\(\s*(?:naar\s+)?verwacht\w*\s+(?:[^()\s]+\s+){0,3}?$", re.I)


def _expected_event(c: Candidate, text: str) -> bool:
    if c.deadline.due_date is None or not text:
        return False
    before = text[max(0, c.start - 40):c.start]
    if EXPECTED_IN_BRACKETS.search(before) and re.match(r"\s*\)", text[c.end:]):
        return True
    expected = EXPECTED_BEFORE.search(before) or (
        re.search(r"\b(?:wordt|worden)\s+(?:\S+\s+){0,3}$", before, re.I) and EXPECTED_AFTER.match(text, c.end))
    return bool(expected) and bool(THEN_INFORMED.match(text, c.end))


REQUESTED_BY_OTHERS = re.compile(r"\b(?:waarin|die|dat|welke)\s+(?:\S+\s+){0,4}?(?:wordt\s+verzocht|verzoekt|vraagt|"
                                 r"wordt\s+gevraagd|verzocht\s+wordt|gevraagd\s+wordt)\b", re.I)
AS_LEAD = re.compile(r"^\W*zoals\s+(?:ik|wij|we|het\s+kabinet|u)\b", re.I)
AS_LEAD_MAIN = re.compile(r"\b(?:zal|zullen|wordt|worden|ga|gaat|gaan|kan|kunnen|stuur|informeer|ontvangt)\s+"
                          r"(?:ik|wij|we|het\s+kabinet|u|uw\s+kamer)\b", re.I)
# ("In de aanloop naar de definitieve besluitvorming over de vervanging van de F-16 in 2010 zal in het najaar van 2009
# …": the year of the decision prepared for is not the step's)
SIDE_TIME_BEFORE = re.compile(r"(?:\b(?:die|welke)\s+(?:\S+\s+){0,2}?|\b(?:ter\s+voorbereiding\s+op|met\s+het\s+oog\s+op|"
                              r"in\s+(?:de\s+)?aanloop\s+naar|voorafgaand\s+aan|vooruitlopend\s+op)\s+(?:de|het|dit|deze)\s+"
                              r"(?:(?!\b(?:zal|zullen|wordt|worden|ga|gaat|gaan|kan|kunnen|wil|willen|moet|moeten|ik|wij|we)\b)[^,.;]){0,90}?)$",
                              re.I)
PREPARES_FOR = re.compile(r"\b(?:ter\s+voorbereiding\s+op|voorafgaand\s+aan)\s+(?:de|het|dit|deze)\s+[^,.;]{0,90}?$", re.I)
# "Nu publicatie nog in 2011 heeft plaatsgevonden, zal het besluit op 1 april 2012 in werking treden": the time of a
# clause in the perfect, closed by a comma, is of what has happened
DONE_CLAUSE_AFTER = re.compile(r"[^,.;]{0,40}?\b(?:heeft|hebben|is|zijn)\s+(?:[^\s,.;]+\s+){0,2}?"
                               r"(?:ge[^\W\d_]+|plaatsgevonden|afgerond|verschenen|vastgesteld|ondertekend)\s*,", re.I)
# "De taakopdracht is eind dit jaar aan uw Kamer toegezegd maar zal naar verwachting in het voorjaar van 2020 …
# worden toegezonden": the time once promised, put aside by the new one
PROMISED_BUT_AFTER = re.compile(r"[^,.;]{0,40}?\b(?:toegezegd|aangekondigd|beloofd|voorzien|gepland)\s*,?\s+(?:maar|echter)\b",
                                re.I)
RELATIVE_CLAUSE_BETWEEN = re.compile(r"\s*,?\s*(?:die|dat|welke)\b[^,.;]{0,60}$", re.I)


# "u 10 dagen voor dit Algemeen Overleg de cijfers te doen toekomen", "uiterlijk twee weken vóór het commissiedebat
# van 12 maart": a time counted back from a meeting whose date the sentence gives
_COUNT = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "tien": 10,
          "veertien": 14}
OFFSET_BEFORE_EVENT = re.compile(
    r"\b(?P<n>\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|tien|veertien)\s+(?P<u>dagen|dag|werkdagen|werkdag|"
    r"weken|week)\s+(?:voor|vóór|voorafgaand\s+aan|voorafgaande\s+aan)\s+(?:dit|dat|het|deze|de|die)\s+"
    + EVENT_NOUN + r"\b", re.I)


def _offset_before_event(dl: Deadline, text: str) -> Deadline:
    m = OFFSET_BEFORE_EVENT.search(text)
    if not m or dl.due_date is None or dl.kind not in ("date", "event"):
        return dl
    n = int(m["n"]) if m["n"].isdigit() else _COUNT[m["n"].lower()]
    unit = m["u"].lower()
    due = dl.due_date
    if unit.startswith("werkdag"):
        while n:
            due -= dt.timedelta(days=1)
            n -= due.weekday() < 5
    else:
        due -= dt.timedelta(days=n * (7 if unit in ("week", "weken") else 1))
    return replace(dl, due_date=due, latest=due, phrase=m.group(0), rule=dl.rule + ":counted_back",
                   detail=f"{m.group(0)} ({dl.phrase})")


def _after(dl: Deadline, rule: str, lower_bound: bool = True) -> Deadline:
    """The time of a step that comes after ``dl``'s: no due date, ``dl``'s as its lower bound (or none)."""
    return replace(dl, kind="relative", earliest=dl.due_date if lower_bound else None, latest=None, due_date=None,
                   rule="relative:" + rule, detail="na: " + (dl.phrase or ""))


def choose(cands: list[Candidate], anchor: dt.date | None, text: str = "") -> Deadline:
    """Pick the deadline of a sentence from its time phrases (see module docstring)."""
    cands = [replace(c, deadline=_after(c.deadline, "expected_event", lower_bound=False))
             if _expected_event(c, text) else c for c in cands]
    live = [c for c in cands if not _is_past(c.deadline, anchor)
            and not NOT_BEFORE_LEAD.search(text[max(0, c.start - 40):c.start]) and not _quoted(c, text)]
    m = AS_LEAD_MAIN.search(text) if AS_LEAD.match(text) else None
    if m:
        # "Zoals ik u meldde in mijn brieven van 26 mei (…) en 21 juni (…) zal ik …": the lead's dates look back
        live = [c for c in live if c.start >= m.start()]
    if not live:
        return NONE
    # "De cijfers over schooljaar 2021–2022 worden verzameld, ik informeer u begin 2023 hierover": a year or school
    # year after "over" is what is told about, not when, when another time phrase gives the when
    # ("gelijktijdig met de voortgangsrapportage over de tweede helft van 2014, te weten in februari 2015")
    topical = [c for c in live if c.deadline.kind in ("school_year", "year", "half_year", "quarter")
               and TOPIC_BEFORE.search(text[max(0, c.start - 20):c.start])]
    if topical and len(topical) < len(live):
        live = [c for c in live if c not in topical]
    # "Dit nieuwe convenant zal het huidige convenant, dat nog tot het einde van dit jaar geldig is, per 1 januari 2020
    # vervangen": how long something runs is no deadline, when another time phrase gives the act's time
    runs = [c for c in live if re.match(r"tot\b", c.deadline.phrase or "", re.I) and RUNS_UNTIL.match(text, c.end)]
    if runs and len(runs) < len(live):
        live = [c for c in live if c not in runs]
    # "ben ik voornemens de GO-regeling te verlengen tot 1 juli 2023": the end of the period something is extended by
    # is no time of the act of extending it (unless the Kamer is asked to extend its own term: "verzoek ik u de termijn
    # … te verlengen tot 20 februari"); nor is an expiry, an amount's year or the day an age is counted on
    live = [c for c in live if not (_extended_until(c, text) and not ASKS_KAMER.search(text))
            and not _date_of_a_quantity(c, text)]
    if not live:
        return NONE
    rec = [c for c in live if c.deadline.kind == "recurring"]
    if rec and len(rec) < len(live) and all(AS_PROMISED_BEFORE.search(text[max(0, c.start - 90):c.start]) for c in rec):
        # "In de loop van dit jaar ontvangt u een eerste voortgangsrapportage, conform de toezegging u jaarlijks te
        # informeren": the repetition is that of the promise referred to; this sentence's step has its own time
        live = [c for c in live if c not in rec]
        rec = []
    if rec:
        return rec[0].deadline
    req = REQUESTED_BY_OTHERS.search(text)
    if req and any(c.end <= req.start() for c in live):
        # "daarover sturen we binnenkort een brief, over de motie …, waarin wordt verzocht uw Kamer voor 1 juni te
        # informeren": the date the motion asks for is not the time the government gives
        live = [c for c in live if c.start < req.start()]
    told = TOLD_THAT.search(text)
    if told and any(c.end <= told.start() for c in live):
        # "Spoedig daarna wordt uw Kamer … geïnformeerd dat het protocol vanaf 1 januari 2016 voorlopig wordt toegepast":
        # a time inside what is told is the content's, when the telling has its own
        live = [c for c in live if c.start < told.end()]
    dated = [c for c in live if c.deadline.due_date is not None]
    for r in live:
        if r.deadline.kind == "relative":
            # "binnen twee maanden na de laatste verkiezingsronde, die gepland staat voor 7 september": the date is the
            # event's, told in a relative clause; the promise's own time is relative to it (no due date)
            if any(d.start >= r.end and RELATIVE_CLAUSE_BETWEEN.match(text[r.end:d.start]) for d in dated):
                return r.deadline
    if len(dated) > 1:
        dated = _own_or_refined(dated, text)
    then = GOV_THEN.search(text)
    if dated and then and all(c.end <= then.start() for c in dated) \
            and ASKED_OF_OTHERS.search(text[:then.start()]):
        # "Ik heb de Raad verzocht in het najaar 2020 een advies te geven, waarna ik een beleidsreactie zal sturen":
        # the time is that of the step asked of others; the government's own step follows it, undated
        first = dated[0]
        return _after(first.deadline, "after_asked_step", lower_bound=False)
    then_kamer = THEN_TO_KAMER.search(text)
    if dated and then_kamer and all(c.end <= then_kamer.start() for c in dated):
        last = dated[-1]
        return _after(last.deadline, "then_to_kamer")
    then_expected = EXPECTED_THEN.search(text)
    if dated and then_expected and all(c.end <= then_expected.end() for c in dated):
        first = dated[0]
        return _after(first.deadline, "after_expected")
    then_own = OWN_THEN.search(text)
    if dated and then_own and all(c.end <= then_own.start() for c in dated) \
            and not re.search(r"\b(?:u|uw\s+kamer)\b", text[:then_own.start()], re.I):
        # "Ik verwacht dit komend voorjaar te doen, en zal u daarna meer duidelijkheid kunnen geven": the date is the
        # step before; the step that follows it has a lower bound only
        first = dated[0]
        return _after(first.deadline, "after_own_step")
    if len(dated) > 1:
        for a, b in zip(dated, dated[1:]):
            between = text[a.end:b.start]
            # (not "ingediend vanaf 1 januari 2024 tot 1 januari 2025": what takes effect from a date starts then)
            # (a week named by its first day ends on its Sunday: "in de week van 1 december – 5 december" ends on the 5th)
            # ("in de periode medio december 2005 tot eind april 2006": a period of months ends in its last month)
            if a.deadline.kind in PERIOD_STARTS and b.deadline.due_date > (a.deadline.earliest or a.deadline.due_date) \
                    and PERIOD_TO.fullmatch(between) \
                    and not FROM_START.match(a.deadline.phrase or "") \
                    and (PERIOD_END.match(b.deadline.phrase or "") or PERIOD_END.search(between) or between.strip() in ("-", "–")):
                dated = [b] + [c for c in dated if c is not a and c is not b]
                break
        # "eind april of uiterlijk begin mei": of two times offered as alternatives, the later one is the deadline;
        # "volgen de programma's … begin april en eind mei", "Later dit voorjaar en in het (late) najaar van 2019 kunt u
        # … verwachten": two times of one promise, done by the later; "zal begin volgend jaar starten en naar
        # verwachting halverwege volgend jaar klaar zijn": the promise is done when it is finished, not when it starts
        for a, b in zip(dated, dated[1:]):
            between = text[a.end:b.start]
            if (OR_BETWEEN.fullmatch(between) or AND_BETWEEN.fullmatch(between) or STARTS_THEN.match(between)) \
                    and b.deadline.due_date > a.deadline.due_date:
                dated = [b] + [c for c in dated if c is not b]
                break
    if dated:
        boosted = [c for c in dated if BOOST_BEFORE.search(text[max(0, c.start - 40):c.start])]
        return _offset_before_event((boosted or dated)[0].deadline, text)
    # undated: an event or relation first, then vague, then a lower bound
    for kinds in (("event", "relative"), ("vague",)):
        for c in live:
            if c.deadline.kind in kinds:
                return c.deadline
    lower = [c for c in live if c.deadline.earliest is not None]
    if lower:
        return lower[0].deadline
    return live[0].deadline


def find_phrase(sentence: str, anchor: dt.date | None = None, calendar: RecessCalendar | None = None) -> Deadline:
    """The deadline of a sentence: finds the time phrase and resolves it (kind "none" if there is none)."""
    return choose(find_candidates(sentence, anchor, calendar), anchor, sentence)


def resolve(phrase_or_sentence: str, anchor: dt.date | None, calendar: RecessCalendar | None = None) -> Deadline:
    """Resolve a time phrase (or the time phrase inside a sentence) against the document date.

    In a sentence, phrases that lie wholly before the anchor are skipped.  A phrase given on its
    own ("voor de zomer van 2024") is resolved as written even when it lies in the past.
    """
    cands = find_candidates(phrase_or_sentence, anchor, calendar)
    got = choose(cands, anchor, phrase_or_sentence)
    if got.kind == "none" and cands:
        # a bare phrase in the past: resolve as written (a stated year is never moved)
        c = max(cands, key=lambda c: c.end - c.start)
        if (c.end - c.start) >= 0.6 * len(phrase_or_sentence.strip()):
            return c.deadline
    return got


# every expression above behind the test of its literals (speed only: the results are the same, see prefilter.py)
gate_module(globals())
