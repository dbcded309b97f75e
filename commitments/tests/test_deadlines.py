"""Deadline resolver: every row of docs/deadline-conventions.md, letters dated in different months and years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commitments.extraction.calendar import DefaultCalendar, first_friday_of_july, prinsjesdag, verantwoordingsdag
from commitments.extraction.deadlines import find_phrase, resolve

D = dt.date.fromisoformat

# (phrase, letter date, kind, due date or None)
TABLE = [
    # date
    ("op 1 januari 2025", "2024-10-01", "date", "2025-01-01"),
    ("uiterlijk 1 juli 2026", "2026-02-10", "date", "2026-07-01"),
    ("naar 1 augustus 2025", "2025-03-01", "date", "2025-08-01"),
    ("per 1 januari", "2024-10-01", "date", "2025-01-01"),
    ("per 1 januari", "2025-03-15", "date", "2026-01-01"),
    ("vóór 1 juli", "2025-04-01", "date", "2025-06-30"),
    ("vóór 1 juli", "2025-09-01", "date", "2026-06-30"),
    ("met een beoogde inwerkingtreding van 1 januari 2027", "2026-05-20", "date", "2027-01-01"),
    # month
    ("in mei", "2025-04-15", "month", "2025-05-31"),
    ("in mei", "2024-10-01", "month", "2025-05-31"),
    ("in mei", "2025-05-10", "month", "2025-05-31"),
    ("per januari 2020", "2019-10-01", "month", "2020-01-31"),
    ("eind mei", "2025-04-15", "month", "2025-05-31"),
    ("eind mei", "2025-06-15", "month", "2026-05-31"),
    # before_summer
    ("voor de zomer", "2025-04-15", "before_summer", "2025-07-04"),
    ("voor de zomer", "2024-10-01", "before_summer", "2025-07-04"),
    ("voor de zomer", "2024-05-10", "before_summer", "2024-07-05"),
    ("voor de zomer", "2024-07-20", "before_summer", "2025-07-04"),
    ("vóór de zomer van 2026", "2026-05-20", "before_summer", "2026-07-03"),
    ("voor het zomerreces", "2023-01-10", "before_summer", "2023-07-07"),
    ("nog voor de zomer", "2027-02-01", "before_summer", "2027-07-02"),
    ("voor de zomer", "2029-03-01", "before_summer", "2029-07-06"),  # missing year: first Friday of July
    # summer
    ("in de zomer van 2025", "2025-01-10", "summer", "2025-08-31"),
    ("deze zomer", "2025-04-15", "summer", "2025-08-31"),
    ("rond de zomer", "2025-10-01", "summer", "2026-08-31"),
    # after_summer
    ("na de zomer", "2025-04-15", "after_summer", "2025-12-20"),
    ("na het zomerreces", "2024-12-22", "after_summer", "2025-12-20"),
    # spring
    ("in het voorjaar van 2025", "2024-11-01", "spring", "2025-06-20"),
    ("in het voorjaar", "2025-02-01", "spring", "2025-06-20"),
    ("in het voorjaar", "2025-09-01", "spring", "2026-06-20"),
    ("dit voorjaar", "2025-03-01", "spring", "2025-06-20"),
    # autumn
    ("in het najaar", "2025-04-15", "autumn", "2025-12-20"),
    ("dit najaar", "2025-09-30", "autumn", "2025-12-20"),
    ("in het najaar", "2025-12-28", "autumn", "2026-12-20"),
    # year_end
    ("eind dit jaar", "2026-05-20", "year_end", "2026-12-31"),
    ("voor het einde van dit jaar", "2025-02-01", "year_end", "2025-12-31"),
    ("eind 2025", "2024-06-01", "year_end", "2025-12-31"),
    ("voor de jaarwisseling", "2025-10-01", "year_end", "2025-12-31"),
    # year_start
    ("begin 2026", "2025-04-15", "year_start", "2026-03-31"),
    ("begin volgend jaar", "2024-12-16", "year_start", "2025-03-31"),
    ("in het begin van 2020", "2019-10-01", "year_start", "2020-03-31"),
    # mid_year
    ("medio 2025", "2024-11-01", "mid_year", "2025-06-30"),
    ("medio volgend jaar", "2025-03-01", "mid_year", "2026-06-30"),
    # quarter
    ("in het eerste kwartaal van 2026", "2025-04-15", "quarter", "2026-03-31"),
    ("Q3 2025", "2025-01-01", "quarter", "2025-09-30"),
    ("in het derde kwartaal", "2025-10-05", "quarter", "2026-09-30"),
    # half_year
    ("in de eerste helft van 2025", "2024-12-01", "half_year", "2025-06-30"),
    ("in de tweede helft van 2025", "2025-01-01", "half_year", "2025-12-31"),
    ("in de tweede helft van dit jaar", "2025-03-01", "half_year", "2025-12-31"),
    # year
    ("in 2025", "2025-04-15", "year", "2025-12-31"),
    ("volgend jaar", "2024-10-01", "year", "2025-12-31"),
    ("in de loop van dit jaar", "2025-04-15", "year", "2025-12-31"),
    ("later dit jaar", "2026-02-01", "year", "2026-12-31"),
    ("nog dit jaar", "2025-04-15", "year", "2025-12-31"),
    ("tot en met 2025", "2024-03-01", "year", "2025-12-31"),
    # school_year
    ("dit schooljaar", "2019-10-01", "school_year", "2020-07-31"),
    ("dit schooljaar", "2020-03-01", "school_year", "2020-07-31"),
    ("per schooljaar 2020/2021", "2019-10-01", "school_year", "2020-08-01"),
    ("vanaf schooljaar 2025-2026", "2024-05-01", "school_year", "2025-08-01"),
    # event
    ("voorafgaand aan het commissiedebat van 27 mei 2026", "2026-05-20", "event", "2026-05-27"),
    ("vooruitlopend op het debat over passend onderwijs in mei", "2025-04-15", "event", "2025-05-31"),
    ("voorafgaand aan het commissiedebat passend onderwijs van eind mei", "2025-04-15", "event", "2025-05-31"),
    ("met de voorjaarsnota", "2025-10-01", "event", "2026-06-01"),
    ("met de Voorjaarsnota", "2025-03-01", "event", "2025-06-01"),
    ("rond Prinsjesdag", "2025-04-15", "event", "2025-09-16"),
    ("rond Prinsjesdag", "2025-10-01", "event", "2026-09-15"),
    ("in aanloop naar het debat passend onderwijs", "2025-04-15", "event", None),
    # vague
    ("binnenkort", "2025-04-15", "vague", None),
    ("op korte termijn", "2025-04-15", "vague", None),
    ("de komende periode", "2025-04-15", "vague", None),
    ("in de volgende fase", "2025-04-15", "vague", None),
    ("zo spoedig mogelijk", "2025-04-15", "vague", None),
    # recurring
    ("jaarlijks", "2025-04-15", "recurring", None),
    ("twee keer per jaar", "2025-04-15", "recurring", None),
    ("in het voorjaar en najaar", "2025-04-15", "recurring", None),
    ("tot en met 2027 tweemaal per jaar", "2024-12-16", "recurring", None),
    # relative
    ("zodra de resultaten er zijn", "2025-04-15", "relative", None),
    ("vijf jaar na inwerkingtreding", "2025-04-15", "relative", None),
    ("voorafgaand aan besluitvorming", "2025-04-15", "relative", None),
    # none
    ("Het kabinet deelt de zorgen van de leden.", "2025-04-15", "none", None),
]


@pytest.mark.parametrize("phrase,letter,kind,due", TABLE, ids=[f"{r[0]}@{r[1]}" for r in TABLE])
def test_it_resolves_every_row_of_the_conventions_table(phrase, letter, kind, due):
    got = resolve(phrase, D(letter))
    assert got.kind == kind, got
    assert got.due_date == (D(due) if due else None), got
    if due:
        assert got.latest == got.due_date
        assert got.rule


def test_it_marks_due_dates_resting_on_an_estimated_recess():
    assert resolve("voor de zomer", D("2024-05-10")).estimated is False  # 2024 is verified
    assert resolve("voor de zomer", D("2025-04-15")).estimated is True
    assert resolve("voor de zomer", D("2031-01-01")).estimated is True


def test_it_follows_a_corrected_recess_calendar():
    cal = DefaultCalendar({2025: (D("2025-07-11"), True)})
    got = resolve("voor de zomer", D("2025-04-15"), cal)
    assert got.due_date == D("2025-07-11") and got.estimated is False


@pytest.mark.parametrize("phrase,letter,earliest", [
    ("niet voor 2026", "2025-04-15", "2026-01-01"),
    ("na 2025", "2025-04-15", "2026-01-01"),
    ("niet eerder dan 1 maart 2026", "2025-04-15", "2026-03-01"),
])
def test_it_gives_lower_bounds_an_earliest_date_only(phrase, letter, earliest):
    got = resolve(phrase, D(letter))
    assert got.due_date is None and got.latest is None
    assert got.earliest == D(earliest)


def test_it_never_moves_a_stated_year():
    assert resolve("voor de zomer van 2024", D("2025-04-15")).due_date == D("2024-07-05")
    assert resolve("in 2025", D("2024-01-10")).due_date == D("2025-12-31")


def test_it_finds_the_phrase_inside_a_sentence_and_skips_past_references():
    s = "Op 18 juni jl. hebben partijen afspraken gemaakt; uw Kamer ontvangt voor de zomer een brief."
    got = find_phrase(s, D("2024-10-01"))
    assert got.kind == "before_summer" and got.due_date == D("2025-07-04")
    assert got.phrase == "voor de zomer"
    assert find_phrase("Het experiment is in 2023 gestart.", D("2025-04-15")).kind == "none"


def test_an_event_marked_jl_took_place_and_is_no_deadline():
    s = "Zoals toegezegd tijdens het commissiedebat van 12 maart jl. zal ik uw Kamer voor de zomer informeren."
    got = find_phrase(s, D("2025-04-15"))
    assert got.kind == "before_summer" and got.due_date == D("2025-07-04")
    assert find_phrase("Tijdens het debat van 2 april jl. is dit besproken.", D("2025-04-15")).due_date is None
    # without "jl." the same event lies ahead
    assert find_phrase("voorafgaand aan het commissiedebat van 27 mei", D("2025-04-15")).due_date == D("2025-05-27")


@pytest.mark.parametrize("sentence", [
    "In het op 12 maart ondertekende akkoord staan afspraken over de bekostiging.",
    "Zo worden in het op 2 april gesloten convenant afspraken gemaakt over de regio.",
    "De op 14 februari gepubliceerde monitor laat een daling zien.",
    "Met de op 1 maart 2025 vastgestelde regeling wordt de subsidie verhoogd.",
])
def test_a_date_inside_an_attributive_past_participle_is_no_deadline(sentence):
    # "het op 12 maart ondertekende akkoord": the date of something done, not the next 12 March
    assert find_phrase(sentence, D("2025-05-20")).due_date is None


@pytest.mark.parametrize("sentence,due", [
    ("Het rapport wordt op 1 juli gepubliceerd.", "2025-07-01"),  # a predicate, not attributive
    ("In het op 1 juli te verschijnen rapport staan de cijfers.", "2025-07-01"),  # te + infinitive: still to come
    ("De op 1 juli geldende regels worden aangepast.", "2025-07-01"),  # a present participle
    ("Ik stuur u op 30 juni het rapport.", "2025-06-30"),
])
def test_a_date_before_a_participle_that_is_not_attributive_past_stays_a_deadline(sentence, due):
    assert find_phrase(sentence, D("2025-05-20")).due_date == D(due)


def test_it_prefers_a_planned_date_over_an_expectation_about_others():
    s = "De behandeling door de Eerste Kamer wordt verwacht rond de zomer, met een beoogde inwerkingtreding van 1 januari 2027."
    assert find_phrase(s, D("2026-05-20")).due_date == D("2027-01-01")


def test_it_knows_the_fixed_points_of_the_calendar():
    assert prinsjesdag(2025) == D("2025-09-16")
    assert verantwoordingsdag(2025) == D("2025-05-21")
    assert first_friday_of_july(2025) == D("2025-07-04")
    assert first_friday_of_july(2026) == D("2026-07-03")


# ------------------------------------------------------------------ properties

FORWARD = ["voor de zomer", "in het najaar", "in het voorjaar", "eind dit jaar", "begin volgend jaar", "na de zomer",
           "in mei", "eind mei", "in het eerste kwartaal", "in de tweede helft van dit jaar", "later dit jaar",
           "volgend jaar", "deze zomer", "per 1 januari", "vóór 1 juli", "medio volgend jaar", "rond Prinsjesdag",
           "met de voorjaarsnota", "dit schooljaar", "voor de jaarwisseling", "in het derde kwartaal"]
VAGUE = ["binnenkort", "op korte termijn", "de komende periode", "in de volgende fase", "zo spoedig mogelijk",
         "jaarlijks", "twee keer per jaar", "zodra de resultaten er zijn", "vijf jaar na inwerkingtreding",
         "voorafgaand aan besluitvorming", "in aanloop naar het debat", "te zijner tijd", "op termijn",
         "binnen een afzienbare termijn", "binnen afzienbare tijd"]
letters = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(phrase=st.sampled_from(FORWARD), letter=letters)
def test_it_never_resolves_a_forward_phrase_before_the_letter(phrase, letter):
    got = resolve(phrase, letter)
    assert got.due_date is not None
    assert got.due_date >= letter


@settings(max_examples=300, deadline=None)
@given(phrase=st.sampled_from(VAGUE), letter=letters,
       sentence=st.sampled_from(["Uw Kamer wordt {} geïnformeerd.", "Ik stuur u {} een brief.", "{}"]))
def test_it_never_gives_vague_phrases_a_date(phrase, letter, sentence):
    got = resolve(sentence.format(phrase), letter)
    assert got.due_date is None
    assert got.kind in ("vague", "recurring", "relative", "event")


# ---- a day and month without a year that name a meeting already held ("Tijdens het commissiedebat van
# 5 februari heb ik toegezegd …") are the most recent past occurrence and never the deadline; a meeting still
# to come ("vóór het commissiedebat van 5 februari") keeps the next occurrence

PAST_MEETING = [
    # (sentence, letter date, expected phrase or None, expected due date or None)
    ("Tijdens het commissiedebat van 5 februari heb ik toegezegd uw Kamer voor de zomer te informeren over "
     "de uitkomsten.", "2026-03-12", "voor de zomer", "2026-07-03"),
    ("Tijdens het commissiedebat van 5 februari is gesproken over de wachttijden; ik stuur uw Kamer in het "
     "najaar een plan van aanpak.", "2026-03-12", "in het najaar", "2026-12-20"),
    ("In het commissiedebat van 5 februari zegde ik toe de evaluatie in mei aan uw Kamer te sturen.",
     "2026-03-12", "in mei", "2026-05-31"),
    ("Bij het notaoverleg van 12 januari heb ik uw Kamer toegezegd de regeling te herzien.", "2026-03-12", None, None),
    ("In het bestuurlijk overleg van 14 november hebben de provincies gevraagd om meer ruimte; ik kom daar "
     "in het eerste kwartaal op terug.", "2026-01-20", "in het eerste kwartaal", "2026-03-31"),
    # the meeting lies after the letter's day and month: the previous year's, still past
    ("Tijdens het wetgevingsoverleg van 20 maart heb ik toegezegd uw Kamer te informeren.", "2026-03-12",
     None, None),
    # an abbreviated meeting with its subject; many words between the auxiliary and its participle; "te zullen" is
    # the promise's own future, not the clause's
    ("Tijdens het AO Kinderopvang van 20 juni heb ik aan de leden dhr. Van Dijk (PvdA) en mevr. De Pater-Postma (CDA) "
     "van uw Kamer toegezegd de informatie in kaart te zullen brengen.", "2019-11-01", None, None),
]

FUTURE_MEETING = [
    ("Ik informeer uw Kamer vóór het commissiedebat van 5 februari over de stand van zaken.", "2026-03-12",
     "2027-02-05"),
    ("Voorafgaand aan het debat van 5 februari stuur ik u een brief.", "2026-03-12", "2027-02-05"),
    ("Tijdens het commissiedebat van 5 februari zal ik de voortgang toelichten.", "2026-03-12", "2027-02-05"),
    ("Voorafgaand aan het commissiedebat van 5 februari, waarover is gesproken in de procedurevergadering, "
     "stuur ik u een brief.", "2026-03-12", "2027-02-05"),
    ("Tijdens het commissiedebat van 5 februari 2027 heb ik de gelegenheid de voortgang toe te lichten.",
     "2026-03-12", "2027-02-05"),
    # no meeting noun: a plain date keeps the next occurrence
    ("Het rapport is op 5 februari gereed, zo heb ik met de onderzoekers afgesproken.", "2026-03-12",
     "2027-02-05"),
]


def test_a_step_to_the_kamer_after_a_dated_step_has_a_lower_bound_only():
    got = find_phrase("Zoals ik in het Algemeen Overleg op 15 november jl. heb aangegeven, zal de volgende trendanalyse in "
                      "2009 gereed zijn en zal er wederom een kabinetsstandpunt worden opgesteld, waarna het geheel naar de "
                      "Tweede Kamer wordt verstuurd.", D("2007-12-01"))
    assert got.kind == "relative" and got.due_date is None and got.earliest == D("2009-12-31"), got
    # the dated step is itself the one to the Kamer: its date stands
    assert find_phrase("Ik stuur u in mei het rapport, waarna ik met de sector in gesprek ga.",
                       D("2007-12-01")).due_date == D("2008-05-31")


def test_an_event_dated_by_a_season_or_a_year_only_is_left_to_a_clerk():
    # the conventions date an event by a date or a month; "in het najaar van 2020" is neither
    got = find_phrase("Ik informeer u voor de begrotingsbehandeling van het Ministerie van BZK in het najaar van 2020.",
                      D("2020-07-13"))
    assert got.kind == "event" and got.due_date is None, got
    assert find_phrase("Ik informeer u voor het commissiedebat in mei 2020.", D("2020-03-01")).due_date == D("2020-05-31")
    # "één dezer dagen" is vague; a meeting named "zoals besproken tijdens …" lies behind
    assert find_phrase("Ik neem één dezer dagen een besluit.", D("2020-03-01")).kind == "vague"
    got = find_phrase("Over de andere toezeggingen zal ik u, zoals besproken tijdens het Algemeen Overleg van 8 oktober, "
                      "op een later tijdstip informeren.", D("2008-12-01"))
    assert got.kind == "vague" and got.due_date is None, got


@pytest.mark.parametrize("sentence,letter,phrase,due", PAST_MEETING)
def test_a_meeting_held_before_the_letter_is_not_the_deadline(sentence, letter, phrase, due):
    got = find_phrase(sentence, D(letter))
    assert got.phrase == phrase, got
    assert (got.due_date.isoformat() if got.due_date else None) == due, got


def test_a_meeting_held_before_the_letter_resolves_to_its_last_occurrence():
    from commitments.extraction.deadlines import find_candidates

    for sentence, letter, held in [
        ("Tijdens het commissiedebat van 5 februari heb ik toegezegd dit te onderzoeken.", "2026-03-12", "2026-02-05"),
        ("Tijdens het commissiedebat van 20 maart heb ik toegezegd dit te onderzoeken.", "2026-03-12", "2025-03-20"),
    ]:
        (c,) = find_candidates(sentence, D(letter))
        assert c.deadline.earliest == D(held) and c.deadline.due_date is None, c.deadline
        assert c.deadline.rule.endswith(":since")


@pytest.mark.parametrize("sentence,letter,due", FUTURE_MEETING)
def test_a_meeting_still_to_come_keeps_the_next_occurrence(sentence, letter, due):
    got = find_phrase(sentence, D(letter))
    assert got.due_date == D(due), got


# ------------------------------------------------------------------ issue 11: due dates found wrong on real letters

@pytest.mark.parametrize("sentence,letter,due", [
    # a third of a year; "voor … gepland" is "planned for", not "before"
    ("De toezending aan uw Kamer is voor het derde trimester van 2015 gepland.", "2014-11-20", "2015-12-31"),
    ("De evaluatie volgt in het tweede trimester.", "2014-11-20", "2015-08-31"),
    # "het nieuwe jaar" is the year after the letter's, as "volgend jaar"
    ("Ik stuur u zo spoedig mogelijk in het nieuwe jaar de verkenning.", "2019-11-20", "2020-12-31"),
    # a meeting over two days: due on its first day; a span given to deliver in: on its last day
    ("In de geannoteerde agenda voor de Eurogroep en Ecofinraad van 16 en 17 maart 2020 zal ik een verslag opnemen.",
     "2020-03-03", "2020-03-16"),
    ("Tijdens de Europese Raad op 3-5 juni bespreek ik dit voorstel.", "2020-03-03", "2020-06-03"),
    ("Ik stuur u de rapportage tussen 1 en 15 april.", "2020-03-03", "2020-04-15"),
    # days that are the time of the act itself (not of a meeting named before them): the last day
    ("Op 25–26 maart a.s. zal ik de betrokken medewerkers over de resultaten informeren.", "2020-02-10", "2020-03-26"),
    ("De Koninkrijksconferentie, die op 25 en 26 maart 2024 zal worden gehouden, wordt door de commissie voorbereid.",
     "2023-10-10", "2024-03-26"),
    # "in de week van …": the Sunday that ends that week
    ("Ik informeer u tijdens de Caribisch Nederland week, gepland in de week van 8 juni 2015.", "2015-03-01",
     "2015-06-14"),
    # a past meeting named with its subject and day is no deadline: the promise's own time decides
    ("Zoals ik tijdens het Algemeen Overleg over Arbeidsomstandigheden van donderdag 20 februari heb toegezegd, kom "
     "ik in de tweede helft van 2020 met een kabinetsreactie.", "2020-06-15", "2020-12-31"),
    # "vanaf 2027" is a start, as "per 2027": 1 January
    ("Ik heb besloten het aanbod van vaccinatie uit te breiden vanaf 2021.", "2020-03-01", "2021-01-01"),
    ("Dit wordt per 2027 ingevoerd.", "2024-03-01", "2027-01-01"),
    # two months: on time until the end of the later one
    ("Ik stuur u het rapport in maart/april 2026.", "2026-02-05", "2026-04-30"),
    ("Naar verwachting volgen de programma’s over de verpleeghuiszorg en «langer thuis» begin april en eind mei.",
     "2018-03-01", "2018-05-31"),
    # a period whose days carry their part of the day: its end
    ("De verlaging gebeurt in één lang weekend van donderdagavond 12 maart tot en met maandagochtend 16 maart.",
     "2019-11-13", "2020-03-16"),
    # a meeting named in an as-clause ("als aangegeven in het AO van 17 januari") was held: the promise's own time decides
    ("Voor wat betreft de bodemsanering zal ik u, als aangegeven in het Algemeen Overleg van 17 januari, begin 2009 "
     "nader informeren.", "2008-12-01", "2009-03-31"),
    # the period a report covers ("over de tweede helft van 2014") is not when it comes
    ("Het is mijn intentie om de Kamer hierover te informeren gelijktijdig met de voortgangsrapportage over de tweede "
     "helft van 2014, te weten in februari 2015.", "2014-10-01", "2015-02-28"),
    # a time counted back from a meeting whose date the sentence gives
    ("Aangezien er op 6 april a.s. een Algemeen Overleg over dit onderwerp is gepland, streef ik ernaar u 10 dagen voor "
     "dit Algemeen Overleg de cijfers te doen toekomen.", "1998-03-10", "1998-03-27"),
    ("Ik stuur u de brief uiterlijk twee weken voor het commissiedebat van 12 maart.", "2025-01-10", "2025-02-26"),
    ("Ik stuur u de brief vijf werkdagen voor het commissiedebat van 12 maart 2025.", "2025-01-10", "2025-03-05"),
    # "niet eerder … dan in augustus": a lower bound of another step, not the promise's time
    ("Aangezien de inspectie het verslag niet eerder oplevert dan in augustus 2010, zal ik het in september 2010 "
     "aanbieden.", "2010-03-01", "2010-09-30"),
    # a ministry's budget of year X is presented on Prinsjesdag of X-1
    ("Gelijktijdig met de defensiebegroting voor 2008 kan het parlement een brief tegemoet zien.", "2007-06-01",
     "2007-09-18"),
    ("Ik stuur u dit overzicht met de OCW-begroting 2027.", "2026-03-01", "2026-09-15"),
    # a step of others first, then the government's own with its time; or the government's own step first
    ("De NZa brengt voor de zomer advies uit, waarna ik uw Kamer in het najaar informeer.", "2020-03-01", "2020-12-20"),
    ("Ik stuur u voor de zomer het rapport, waarna ik met de sector in gesprek ga.", "2020-03-01", "2020-07-03"),
    # "het komende jaar": the rest of this year early in the year, next year late in it
    ("Het komende jaar zal gebruikt worden voor het in kaart brengen van de data.", "2023-02-03", "2023-12-31"),
    ("In het komende jaar verwacht het kabinet circa 1 GW te subsidiëren.", "2022-12-02", "2023-12-31"),
    # "vanaf 2023" in a letter of 2023: in the course of that year
    ("Vanaf 2023 komt er een reparateursregister voor elektrische apparaten.", "2023-02-03", "2023-12-31"),
    # a common misspelling of the Voorjaarsnota is still that event
    ("Hierover wordt u bij Voorjaarnota nader geïnformeerd.", "2022-03-01", "2022-06-01"),
    # "vanaf (de) komende miljoenennota" starts with the next one (the letter came after Prinsjesdag 2020)
    ("In de bijlage van de miljoenennota zal vanaf komende miljoenennota ook de raming worden opgenomen.",
     "2020-09-25", "2021-09-21"),
    ("Bij de eerstvolgende Voorjaarsnota informeer ik u over de stand van zaken.", "2020-09-25", "2021-06-01"),
    # a week of a month: its Sunday (full weeks, Monday to Sunday), as annotated
    ("Mijn streven is om in de tweede week van maart de visie toe te sturen.", "2015-02-20", "2015-03-15"),
    ("Het kabinetsstandpunt volgt in de eerste week van december 2007.", "2007-10-01", "2007-12-09"),
    ("De Caribisch Nederland week staat gepland in de week van 8 juni 2015.", "2015-03-01", "2015-06-14"),
    # this month, the next, and half a month
    ("Deze wijzigingen worden nog deze maand geïmplementeerd.", "2010-02-10", "2010-02-28"),
    ("Ik informeer u volgende maand over de uitkomst.", "2010-12-10", "2011-01-31"),
    ("Ik verwacht in de tweede helft van juli een besluit te nemen.", "2010-05-10", "2010-07-31"),
    ("Ik verwacht in de eerste helft van juli een besluit te nemen.", "2010-05-10", "2010-07-15"),
    # a report named by the month it is to appear in
    ("In de voortgangsrapportage van mei 2020 zoomen we in op de meetbare impact.", "2019-11-07", "2020-05-31"),
    # the Kamer's own promise first keeps its time when another step follows "daarna"
    ("Ik zal u in mei informeren en zal u daarna het wetsvoorstel sturen.", "2017-11-01", "2018-05-31"),
])
def test_it_resolves_the_time_phrases_real_letters_use(sentence, letter, due):
    assert find_phrase(sentence, D(letter)).due_date == D(due)


@pytest.mark.parametrize("sentence", [
    "Het is de bedoeling om deze informatie standaard bij iedere budgettaire nota te actualiseren, dus bij "
    "Voorjaarsnota, Miljoenennota en Najaarsnota.",
    "Ik informeer u in elke voortgangsrapportage over de stand van zaken.",
])
def test_with_every_document_of_a_kind_is_recurring(sentence):
    found = find_phrase(sentence, D("2011-03-01"))
    assert found.kind == "recurring" and found.due_date is None


def test_the_year_a_noun_is_for_is_no_time_of_the_act():
    assert find_phrase("Het kabinet voert gesprekken over de begroting voor het komende jaar.", D("2014-06-01")).kind == "none"


def test_from_a_year_on_in_a_repeated_report_is_a_lower_bound_only():
    found = find_phrase("Ik geef invulling aan deze motie door vanaf 2025 in de voortgangsrapportage een "
                        "koopkrachtparagraaf op te nemen.", D("2024-03-01"))
    assert found.due_date is None and found.earliest == D("2025-01-01")


@pytest.mark.parametrize("sentence,letter", [
    # the date of a letter referred to is no deadline, with or without "jl."
    ("Ik zal verdergaan met het beleid zoals aangekondigd in mijn brief d.d. 8 april en het beleid op korte termijn "
     "publiceren.", "2011-04-28"),
    ("Zoals gemeld in de brief van 3 maart zal ik u binnenkort informeren.", "2024-06-01"),
    # … also with its writer between the document and its date
    ("Tevens zal ik met deze brief het verzoek van uw commissie van 3 mei afdoen.", "2016-12-05"),
    ("Ik zal reageren op de brief van de minister van OCW van 17 juni over dit onderwerp.", "2011-09-01"),
    # someone else's document expected then, the promise is to inform after it: no due date (a guess at an event)
    ("Het eerstvolgende rapport wordt verwacht in maart/april 2026 en uw Kamer zal hierover worden geïnformeerd.",
     "2026-02-05"),
    ("De resultaten worden in september verwacht, waarna ik u daarover informeer.", "2025-04-15"),
    # the time of a step asked of others; the government's own step after it ("waarna ik …") has none
    ("Ik heb de Raad verzocht in het najaar 2020 een advies te geven, waarna ik een beleidsreactie aan de Kamer zal "
     "versturen.", "2020-03-01"),
    # the government's own dated step, then "en zal u daarna …": what the Kamer is promised follows it, undated
    ("Ik verwacht dit komend voorjaar te doen, en zal u daarna meer duidelijkheid kunnen geven.", "2017-11-01"),
    # the debate over a nota or budget: the calendar knows when the nota appears, not when it is debated
    ("Voor het debat over de Voorjaarsnota 2010 zal het kabinet aangeven welke afwegingen het heeft gemaakt.",
     "2010-02-12"),
    ("Ik zal u voor de behandeling van de begroting 2011 informeren.", "2010-02-12"),
    # a nota named as where something was announced, not when anything happens
    ("In het kader van de in de miljoenennota aangekondigde heroverwegingen zullen voorstellen worden gedaan.",
     "2010-02-12"),
    # a report of a month already begun or past is referred to
    ("In de voortgangsrapportage van mei 2019 ging ik in op de meetbare impact.", "2019-11-07"),
    ("Zoals gemeld in de brief van november 2019 zal ik u informeren.", "2019-11-07"),
    # a start already past: what holds from the beginning of this year is a state, not a deadline
    ("Met ingang van dit jaar zal de komende vier jaar 500.000 euro per jaar beschikbaar zijn.", "2023-03-01"),
])
def test_a_date_that_refers_back_or_guesses_at_an_event_is_no_due_date(sentence, letter):
    assert find_phrase(sentence, D(letter)).due_date is None


def test_a_document_named_with_its_writer_leaves_the_time_of_the_act_standing():
    # the writer's phrase is no time of the act, and a time after it is still read
    found = find_phrase("Ik zal het verzoek van uw commissie voor 1 juli beantwoorden.", D("2016-12-05"))
    assert found.due_date == D("2017-06-30")


def test_before_the_end_of_a_month_is_due_at_its_end():
    # "vóór eind oktober" is by the end of October (batch 21); "vóór oktober" stays the end of September
    assert find_phrase("Het kabinetsstandpunt volgt vóór eind oktober.", D("2008-06-01")).due_date == D("2008-10-31")
    assert find_phrase("Ik stuur u vóór oktober het standpunt.", D("2008-06-01")).due_date == D("2008-09-30")


@pytest.mark.parametrize("sentence,due", [
    # an aim, then the time held to ("doch in elk geval", "maar uiterlijk"): the later is the deadline
    ("Ik streef ernaar voor het zomerreces doch in elk geval in de tweede helft van 2020 met een reactie te komen.",
     "2020-12-31"),
    ("Ik streef ernaar u voor de zomer, maar uiterlijk in september te informeren.", "2020-09-30"),
    # two times offered as alternatives: the later one
    ("De Voorjaarsnota zal eind april of uiterlijk begin mei naar het parlement worden gezonden.", "2020-05-31"),
    ("Ik stuur u de brief in maart of april.", "2020-04-30"),
])
def test_the_time_held_to_after_an_aim_is_the_deadline(sentence, due):
    assert find_phrase(sentence, D("2020-03-01")).due_date == D(due)


def test_a_period_excepted_is_no_deadline():
    sentence = ("Zoals door uw Kamer verzocht, zullen voortaan recesperiodes volledig worden meegeteld bij de bepaling van "
                "de termijn voor BNC-fiches, met uitzondering van de vier weken in augustus.")
    assert find_phrase(sentence, D("2020-03-01")).due_date is None


def test_a_nota_itself_keeps_its_calendar_date():
    assert find_phrase("Ik zal u met de Voorjaarsnota 2010 informeren.", D("2010-02-12")).due_date == D("2010-06-01")
    assert find_phrase("In de Miljoenennota zal ik u informeren.", D("2010-02-12")).due_date == D("2010-09-21")


def test_an_expected_date_without_a_later_step_stays_the_due_date():
    # "worden in september verwacht" with nothing after it: the expected delivery is the promise's time
    assert find_phrase("De resultaten van de toets worden in september verwacht.", D("2025-04-15")).due_date == D("2025-09-30")


def test_from_next_year_on_is_its_first_day():
    assert find_phrase("Met ingang van volgend jaar zal de regeling gelden.", D("2023-03-01")).due_date == D("2024-01-01")


@pytest.mark.parametrize("sentence", [
    "Zoals bij de aanbieding van het actieprogramma in november vorig jaar is aangegeven, wordt het programma eind "
    "2014 voor het eerst geëvalueerd.",
    "Zoals in november jl. aangegeven, wordt het programma eind 2014 geëvalueerd.",
])
def test_a_month_past_is_referred_to_and_the_time_ahead_is_the_deadline(sentence):
    assert find_phrase(sentence, D("2014-03-01")).due_date == D("2014-12-31")


@pytest.mark.parametrize("sentence,due", [
    # "richting" an event or the summer: by then (the budget of 2026 is presented on Prinsjesdag 2025)
    ("De gevolgen hiervan worden in kaart gebracht richting de Ontwerpbegroting 2026.", "2025-09-16"),
    ("De gevolgen worden in kaart gebracht in aanloop naar de Ontwerpbegroting 2026.", "2025-09-16"),
    ("Ik informeer u richting de zomer over de uitkomsten.", "2025-07-04"),
])
def test_towards_an_event_is_by_that_event(sentence, due):
    assert find_phrase(sentence, D("2025-05-20")).due_date == D(due)


@pytest.mark.parametrize("sentence,due", [
    ("Na deze rapportage zal tot de jaarwisseling nog éénmaal aan uw Kamer worden gerapporteerd naar de stand eind "
     "november.", "1999-12-31"),
    # the time of a relative clause, or of the event a step prepares for, gives way to the step's own time
    ("De besluitvorming die dit voorjaar binnen het kabinet plaatsvindt, zal in de zomermaanden nader worden "
     "uitgewerkt.", "1999-08-31"),
    ("Ter voorbereiding op het algemeen overleg op 15 oktober aanstaande zeg ik u een briefing toe op woensdag 7 "
     "oktober aanstaande.", "1999-10-07"),
    # with one time only, it stays
    ("De evaluatie, die dit voorjaar wordt afgerond, zal ik u toesturen.", "1999-06-20"),
])
def test_the_steps_own_time_over_a_side_time(sentence, due):
    assert find_phrase(sentence, D("1999-03-01")).due_date == D(due)


@pytest.mark.parametrize("sentence,due", [
    ("De Crisis- en herstelwet wordt naar de Kamer gezonden, met het oog op inwerkingtreding per 1-1-2010.", "2010-01-01"),
    ("De regeling treedt in werking vóór 1-7-2010.", "2010-06-30"),
    ("Zie Kamerstuk 21 501-20, nr. 508.", None),
    ("Dit staat in de tabel op regel 31-13-2010.", None),
    # the time of a clause in the perfect is of what has happened, when the sentence gives another
    ("Nu publicatie van genoemde stukken nog in 2009 heeft plaatsgevonden, zal het besluit op 1 april 2010 in werking "
     "treden.", "2010-04-01"),
])
def test_a_date_in_figures_and_a_time_that_has_passed(sentence, due):
    got = find_phrase(sentence, D("2009-10-01")).due_date
    assert got == (D(due) if due else None)


@pytest.mark.parametrize("sentence,anchor,due", [
    # a period: its end is the time, its start no deadline; what takes effect from a date starts then
    ("De vervanging zal plaatsvinden in de periode 5 september tot en met 16 oktober 2016.", "2016-05-20", "2016-10-16"),
    ("De consultatie loopt van 1 juni – 1 juli 2016.", "2016-05-20", "2016-07-01"),
    ("Het besluit geldt voor aanvragen ingediend vanaf 1 januari 2016 tot 1 januari 2017.", "2015-05-20", "2016-01-01"),
    # two steps, each with its date: the first step's
    ("Ik stuur u op 5 september het rapport en op 16 oktober de reactie.", "2016-05-20", "2016-09-05"),
    # "na het aanstaande zomerreces" is after the summer; a month ahead named without a preposition
    ("Van de verdere voortgang zal ik de Kamer na het aanstaande zomerreces op de hoogte stellen.", "2016-05-20",
     "2016-12-20"),
    ("De resultaten van deze uitvraag bespreek ik februari a.s. met het VB.", "2016-11-10", "2017-02-28"),
    # "d.d." (de dato) names the date of a thing or an event, never a deadline
    ("Daarnaast ga ik in op de vragen over de twee verstrikte bruinvissen voor de kust van Katwijk, d.d. 6 april.",
     "2016-11-10", None),
    ("Uw Kamer ontvangt de inzet in de geannoteerde agenda voor de Euro-zone Top d.d. 11 maart a.s.", "2016-11-10", None),
    # a time inside what is told is the content's, when the telling has its own
    ("Spoedig daarna wordt uw Kamer geïnformeerd dat het wijzigingsprotocol vanaf 1 januari 2017 voorlopig wordt "
     "toegepast.", "2016-11-10", None),
    ("Ik zal u informeren dat de wet per 1 januari 2017 in werking treedt.", "2016-11-10", "2017-01-01"),
    # the budget and the Miljoenennota of a year are presented on Prinsjesdag of the year before; a place in the budget
    # is no time
    ("De uitgaven zullen met ingang van de begroting 2016 worden overgebracht naar de begroting van Defensie.",
     "2015-05-20", "2015-09-15"),
    ("Dit wordt verwerkt in de begroting 2016.", "2015-05-20", "2015-09-15"),
    ("Dit wordt verwerkt in de Miljoenennota 2016.", "2015-05-20", "2015-09-15"),
    ("In de begroting 2016 is een bedrag gereserveerd.", "2015-05-20", None),
])
def test_periods_dated_things_what_is_told_and_the_budget_of_a_year(sentence, anchor, due):
    got = find_phrase(sentence, D(anchor)).due_date
    assert got == (D(due) if due else None)


@pytest.mark.parametrize("sentence,anchor,due", [
    # a month of this year already begun, told in the past, is the month just gone (an expected completion stays ahead)
    ("Om dit kracht bij te zetten is voorts in september opnieuw een formele nota aan het Russische Ministerie van "
     "Buitenlandse Zaken verzonden.", "2014-10-03", None),
    ("In september heb ik met de burgemeesters gesproken.", "2014-10-03", None),
    ("In september zal ik met de burgemeesters spreken.", "2014-10-03", "2015-09-30"),
    ("Naar verwachting is het onderzoek in september afgerond.", "2014-10-03", "2015-09-30"),
    ("In november is het onderzoek afgerond.", "2014-10-03", "2014-11-30"),
    # planned for a year is in that year; money set aside for a year is no time
    ("Uw Kamer wordt over de resultaten geïnformeerd met de B-brief die is voorzien voor 2026.", "2024-05-13",
     "2026-12-31"),
    ("De evaluatie staat gepland voor 2026.", "2024-05-13", "2026-12-31"),
    ("Er is € 5 mln voorzien voor 2026.", "2024-05-13", None),
    # the time once promised, put aside by the new one
    ("De taakopdracht van de evaluatie Goed Bestuur is eind dit jaar aan uw Kamer toegezegd maar zal naar verwachting "
     "in het voorjaar van 2020 aan uw Kamer worden toegezonden.", "2019-11-20", "2020-06-20"),
])
def test_a_month_gone_and_a_year_planned_for(sentence, anchor, due):
    got = find_phrase(sentence, D(anchor)).due_date
    assert got == (D(due) if due else None)


@pytest.mark.parametrize("sentence,anchor,due", [
    # the time of the decision a step leads up to is not the step's
    ("In de aanloop naar de definitieve besluitvorming over de vervanging van de F-16 in 2010 zal in het najaar van 2009 "
     "de raming van het projectbudget verder worden geactualiseerd.", "2009-03-31", "2009-12-20"),
    ("Ter voorbereiding op het algemeen overleg op 15 maart zal ik u op 7 maart een briefing geven.", "2009-03-01",
     "2009-03-07"),
    # the budget named first, the correction put into it later in the clause: presented on Prinsjesdag
    ("In de defensiebegroting 2010 en de meerjarenraming zal een correctie naar prijspeil 2009 worden verwerkt.",
     "2009-03-31", "2009-09-15"),
    ("In de begroting 2025 is voor dit doel 10 miljoen euro gereserveerd, dat later wordt verwerkt.", "2024-03-31", None),
    # a Council named by its month
    ("Ik zal u informeren bij de voorbereiding voor de Raad van Concurrentievermogen van december.", "2008-11-13",
     "2008-12-31"),
    ("Ik zal u informeren voor de Raad van december.", "2008-11-13", "2008-12-31"),
    # a week named by its span ends on the span's last day, a week named by its first day on its Sunday
    ("Het besluit wordt in de week van 1 december – 5 december gepubliceerd.", "2014-11-01", "2014-12-05"),
    ("Het besluit wordt in de week van 1 tot en met 5 december gepubliceerd.", "2014-11-01", "2014-12-05"),
    ("Het besluit wordt in de week van 1 december gepubliceerd.", "2014-11-01", "2014-12-07"),
    # of several steps in one sentence, the one that reaches the Kamer gives the due date
    ("Ik streef ernaar over beide actieplannen medio juli overeenstemming te bereiken, opdat ze na het zomerreces kunnen "
     "worden vastgesteld en begin september aan de Kamer kunnen worden aangeboden.", "2011-07-11", "2011-09-30"),
    # "aanvang" is "begin"
    ("Ik ga ervan uit dat het wetsvoorstel de Kamer aanvang 2006 zal bereiken.", "2005-10-27", "2006-03-31"),
    # a month that holds the date of the meeting the step prepares for is bound by that date
    ("Uw Kamer zal het beleidsstandpunt medio april ontvangen, ter voorbereiding op het algemeen overleg op 23 april "
     "a.s.", "2014-03-28", "2014-04-23"),
    ("Uw Kamer zal het beleidsstandpunt medio april ontvangen, ter voorbereiding op het algemeen overleg op 7 mei.",
     "2014-03-28", "2014-04-30"),
    # what is done at a meeting named by its date takes place on that day; a reaction to it is not timed by it
    ("De conceptversie wordt met de stakeholders besproken op de conferentie van 23 mei.", "2019-05-21", "2019-05-23"),
    ("Ik stuur u een reactie op de conferentie van 23 mei.", "2019-05-21", None),
    # a span of days given as the time of the act itself ends on its last day; a meeting named by its days starts it
    ("Van 1 tot en met 3 maart 2016 zal ik een internationale conferentie organiseren.", "2015-10-26", "2016-03-03"),
    ("Om de samenwerking te stimuleren, organiseren wij op 19 en 20 juni 2019 een conferentie.", "2018-11-12",
     "2019-06-20"),
    ("Ik zal u voor de Raad van 16 en 17 maart informeren.", "2016-02-01", "2016-03-16"),
])
def test_the_time_a_step_leads_up_to_a_budget_named_first_and_a_council_of_a_month(sentence, anchor, due):
    got = find_phrase(sentence, D(anchor)).due_date
    assert got == (D(due) if due else None)


@pytest.mark.parametrize("sentence,anchor,due", [
    # a participle before a future auxiliary ends the clause: no attribute of a noun, so no date of something done
    ("Dit betekent dat rond 5 november 2011 begonnen zal worden met het automatisch continueren.", "2011-09-01",
     "2011-11-05"),
    ("Het op 5 november 2011 begonnen project wordt geëvalueerd.", "2011-09-01", None),
    # the parliament is the Kamer the step reaches
    ("De Wbfo wordt volgend jaar geëvalueerd; de evaluatie wordt uiterlijk 1 december 2017 aan het parlement "
     "aangeboden.", "2016-10-01", "2017-12-01"),
])
def test_a_participle_before_an_auxiliary_and_the_step_that_reaches_parliament(sentence, anchor, due):
    got = find_phrase(sentence, D(anchor)).due_date
    assert got == (D(due) if due else None)


@pytest.mark.parametrize("sentence,anchor,due", [
    # a long name the tail cuts before the date that ends it ("… van woensdag 27 juni")
    ("Deze reactie ontvangt u voorafgaande aan het debat over de agenda van de Europese Top van woensdag 27 juni.",
     "2012-06-25", "2012-06-27"),
    ("Deze reactie ontvangt u na het debat over de agenda van de Europese Top van woensdag 27 juni.", "2012-06-25", None),
])
def test_an_event_whose_long_name_ends_in_its_date(sentence, anchor, due):
    got = find_phrase(sentence, D(anchor)).due_date
    assert got == (D(due) if due else None)



@pytest.mark.parametrize("sentence,anchor,due", [
    # a day in brackets that explains a named day of the year just stated
    ("Het streven is om de afspraken voor Koninkrijksdag 2008 (15 december) af te ronden.", "2007-02-13", "2008-12-15"),
    # (a day without a year stays the next occurrence)
    ("Het streven is om de afspraken voor 15 december af te ronden.", "2007-02-13", "2007-12-14"),
])
def test_a_day_in_brackets_after_a_named_day_of_a_stated_year(sentence, anchor, due):
    got = find_phrase(sentence, D(anchor)).due_date
    assert got == (D(due) if due else None)


@pytest.mark.parametrize("sentence,anchor,due", [
    # a period of months ends in its last month
    ("Het kabinet heeft besloten tot de inzet van vier F-16's in de periode medio december 2005 tot eind april 2006.",
     "2005-09-01", "2006-04-30"),
    ("De pilot loopt van begin 2006 tot medio 2006.", "2005-09-01", "2006-06-30"),
    # (two times of separate steps keep the first)
    ("Ik zal u eind maart informeren en de evaluatie volgt medio 2006.", "2005-09-01", "2006-03-31"),
])
def test_a_period_of_months_ends_in_its_last_month(sentence, anchor, due):
    assert find_phrase(sentence, D(anchor)).due_date == D(due)


@pytest.mark.parametrize("sentence,anchor,due", [
    # "het jaar" is the year the letter speaks in: its half still to come this year
    ("In de tweede helft van het jaar zal een tweede aanvraagronde gehouden worden.", "2009-05-06", "2009-12-31"),
    # (a half already past is the next year's)
    ("In de eerste helft van het jaar zal een tweede aanvraagronde gehouden worden.", "2009-09-06", "2010-06-30"),
    # the date of an event after which the act comes is a lower bound, not a due date
    ("Na de «invitational conference» , die op 8 februari 2000 zal plaatsvinden, zal het kabinet een standpunt "
     "innemen.", "2000-01-12", None),
    ("Na de «invitational conference», die op 8 februari 2000 zal plaatsvinden, zal het kabinet een standpunt "
     "innemen.", "2000-01-12", None),
    ("Na de volgende meting op 1 februari wordt hierover een besluit genomen.", "2020-10-05", None),
    # (a date of the act itself stays its due date)
    ("Ik zal u op 1 september informeren over de uitkomst van de meting.", "2020-05-05", "2020-09-01"),
    # how long something still runs is no deadline when the act has its own time
    ("Dit nieuwe convenant zal het huidige convenant, dat nog tot het einde van dit jaar geldig is, per 1 januari 2020 "
     "vervangen.", "2019-07-04", "2020-01-01"),
])
def test_the_year_spoken_in_an_event_after_which_and_how_long_something_runs(sentence, anchor, due):
    got = find_phrase(sentence, D(anchor)).due_date
    assert got == (D(due) if due else None)


def test_a_step_after_what_is_expected_has_a_lower_bound_only():
    s = "Het eindrapport wordt begin april 2005 verwacht en de resultaten zal ik u toezenden."
    dl = find_phrase(s, D("2005-01-20"))
    assert dl.due_date is None and dl.earliest == D("2005-04-30")
    # (the government's own step with the time keeps it)
    assert find_phrase("Ik zal u de resultaten begin april 2005 toezenden.", D("2005-01-20")).due_date == D("2005-04-30")


def test_a_title_that_starts_with_periodiek_is_no_recurrence():
    s = ("De Kamer zal voor de zomer 2010 worden geïnformeerd over de vraagstelling van het onderzoek in het kader van het "
         "«Periodiek Onderhoudsrapport Gemeentefonds» (POR).")
    dl = find_phrase(s, D("2010-03-18"))
    assert dl.phrase == "voor de zomer 2010" and dl.due_date == D("2010-07-02")
    # (the word itself, in the sentence or at its start, still makes the time recurring)
    assert find_phrase("Ik zal u periodiek informeren over de voortgang.", D("2010-03-18")).kind == "recurring"
    assert find_phrase("Periodiek zal ik u informeren over de voortgang.", D("2010-03-18")).kind == "recurring"


@pytest.mark.parametrize("sentence,anchor,due", [
    # one act over two years, or either of two years: done by the later
    ("Tenslotte wordt de betonconstructie van bruggen en sluizen in 2017 en 2018 gerenoveerd.", "2016-06-29",
     "2018-12-31"),
    ("In 2026 of 2027 zal ik de wet laten evalueren.", "2025-05-01", "2027-12-31"),
    # two times of one promise in tight coordination, the second in brackets: the later
    ("Later dit voorjaar en in het (late) najaar van 2019 kunt u nog enkele samenvattende studies verwachten.",
     "2019-04-19", "2019-12-20"),
    # a start and then the finish: done when finished
    ("Het onderzoek zal begin volgend jaar starten en zal naar verwachting halverwege volgend jaar klaar zijn.",
     "2009-11-25", "2010-06-30"),
    # (a step repeated is first due in the first year)
    ("Ik ben voornemens u hier tenminste nog twee keer over te rapporteren, in 2015 en 2016.", "2014-10-17",
     "2015-12-31"),
    # (two steps with their own objects keep the first time: "in 2017 … en … in 2018" is no coordination of times)
    ("Ik stuur u de evaluatie in 2017 en het wetsvoorstel in 2018.", "2016-06-29", "2017-12-31"),
    # (the start alone stays the time)
    ("Het onderzoek zal begin volgend jaar starten.", "2009-11-25", "2010-03-31"),
])
def test_two_times_of_one_promise_are_done_by_the_later(sentence, anchor, due):
    assert find_phrase(sentence, D(anchor)).due_date == D(due)


def test_the_repetition_of_a_promise_referred_to_is_not_this_steps_time():
    s = ("In de loop van dit jaar ontvangt u een eerste voortgangsrapportage over Invest-NL, conform de toezegging u "
         "jaarlijks te informeren over het bereiken van de doelen.")
    assert find_phrase(s, D("2020-01-16")).due_date == D("2020-12-31")
    # (a repetition of the step itself stays recurring)
    assert find_phrase("In de loop van dit jaar en daarna jaarlijks ontvangt u een voortgangsrapportage.",
                       D("2020-01-16")).kind == "recurring"
    assert find_phrase("Ik informeer u jaarlijks, conform de toezegging.", D("2020-01-16")).kind == "recurring"


def test_from_today_is_the_letters_own_day():
    dl = find_phrase("Ik start vanaf vandaag daarom een bewustwordingscampagne.", D("2018-03-19"))
    assert dl.phrase == "vanaf vandaag" and dl.due_date == D("2018-03-19")
    # (a "vandaag" that is no time of the act gives none)
    assert find_phrase("De stand van vandaag is bekend.", D("2018-03-19")).due_date is None


@pytest.mark.parametrize("sentence,due", [
    ("Over de uitkomsten zal ik uw Kamer informeren, in ieder geval ruim voor het sluiten van de openstellingsperiode "
     "van de Lbv (1 december 2023).", "2023-11-30"),
    # (a date in brackets after no "voor" is the date itself)
    ("Ik informeer u over de stand van zaken bij de sluiting van de openstellingsperiode (1 december 2023).",
     "2023-12-01"),
])
def test_before_an_event_whose_date_stands_in_brackets(sentence, due):
    assert find_phrase(sentence, D("2023-09-14")).due_date == D(due)


def test_a_weekday_says_which_year_a_date_without_one_is():
    # 26 July 2013 was a Friday, 26 July 2014 a Saturday: in a letter dated 13 August 2013 the date looks back
    assert find_phrase("Zoals gezegd zal de Eurogroep vrijdag 26 juli a.s. bijeenkomen.", D("2013-08-13")).due_date is None
    # (without the weekday, the next 26 July)
    assert find_phrase("De Eurogroep zal op 26 juli bijeenkomen.", D("2013-08-13")).due_date == D("2014-07-26")
    # (a weekday that fits the next year keeps it: 4 March 2014 was a Tuesday)
    assert find_phrase("De Raad komt dinsdag 4 maart bijeen.", D("2013-08-13")).due_date == D("2014-03-04")


@pytest.mark.parametrize("sentence,due", [
    # the end of the period something is extended by is no time of the act of extending it
    ("Naar aanleiding van de evaluatie ben ik voornemens de GO-regeling te verlengen tot 1 juli 2023.", None),
    ("Wel zal ik opnemen dat de overgangstermijn met terugwerkende kracht wordt verlengd tot 1 januari 2022.", None),
    ("De crisismaatregel wordt verlengd tot en met 30 juni.", None),
    # (the act's own time still counts)
    ("Ik zal de regeling in het voorjaar verlengen tot 1 januari 2023.", "2021-06-20"),
    ("Daarmee wordt per 1 juli 2021 het contract integraal verlengd tot en met 31 december 2021.", "2021-07-01"),
    # (the Kamer asked to extend its own term to a date: that date is the one asked for)
    ("Daarom verzoek ik u de termijn met vier weken te verlengen tot 20 februari.", "2021-02-20"),
    # ("tot" without an extension: the date stays)
    ("Ik zal u tot 1 juli informeren.", "2021-07-01"),
])
def test_the_end_of_an_extended_period_is_no_due_date(sentence, due):
    assert find_phrase(sentence, D("2021-02-01")).due_date == (D(due) if due else None)


def test_a_date_quoted_as_text_is_no_time():
    # the text of a regulation being changed: the dates in quotation marks are words replaced, not times
    assert find_phrase("Hiertoe wordt in voorschrift 2.6.8 de datum «1 juni 2011» vervangen door «1 januari 2022».",
                       D("2021-02-01")).due_date is None
    assert find_phrase("Hiertoe wordt de datum “1 juni 2011” vervangen door “1 januari 2022”.", D("2021-02-01")).due_date is None
    # (a date merely near a quotation is still a time)
    assert find_phrase("Het rapport «Gezond verder» verschijnt op 1 januari 2022.", D("2021-02-01")).due_date == D("2022-01-01")


@pytest.mark.parametrize("sentence,due", [
    # a date that says when something expires, from when an amount counts or the day an age is counted on
    ("Het kabinet wil de regeling continueren en hier een horizonbepaling met als datum 1 januari 2024 aan koppelen.", None),
    ("Het kabinet wil komen tot een alternatieve invulling om de derving van 1,3 miljard euro per 2026 te dekken.", None),
    ("Daarnaast komt er een overgangsregeling voor auto’s die op 1 januari 2014 ouder zijn dan 26 jaar.", None),
    # (also when the Kamer is asked something in the same sentence)
    ("Ik verzoek u in te stemmen met een horizonbepaling met als datum 1 januari 2024.", None),
    # (the act's own time beside such an amount still counts; an amount after the time does not hide it)
    ("Ik stel per 2026 structureel 10 miljoen euro beschikbaar.", "2026-01-01"),
    ("Het kabinet trekt in 2024 € 5 miljoen uit.", "2024-12-31"),
    ("De regeling wordt per 1 januari 2024 aangepast.", "2024-01-01"),
])
def test_an_expiry_the_year_of_an_amount_and_the_day_an_age_is_counted_are_no_due_dates(sentence, due):
    assert find_phrase(sentence, D("2013-02-01")).due_date == (D(due) if due else None)


def test_a_time_in_brackets_after_verwacht_is_when_the_thing_named_is_expected():
    dl = find_phrase("De resultaten zullen worden gebruikt in de reactie van het kabinet op de visie van de Deltacommissie "
                     "(verwacht in september).", D("2008-05-01"))
    assert dl.due_date is None and dl.kind == "relative"
    # (the act's own time, not in such brackets, stays)
    assert find_phrase("Ik stuur u de visie in september (zoals verwacht).", D("2008-05-01")).due_date == D("2008-09-30")
