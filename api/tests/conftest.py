import datetime as dt

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache_and_generous_limits(settings):
    """Each test starts with an empty cache (throttle counters, validators) and high rate limits;
    the throttling tests set their own."""
    from django.core.cache import cache

    settings.API_ANON_RATE = "100000/min"
    settings.API_USER_RATE = "100000/min"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def selection(db):
    """Public and non-public commitments over two ministries, dossiers and motions, some without a due date."""
    from commitments.models import Status
    from web.tests.factories import CommitmentFactory, DocumentFactory, DossierFactory, MotionFactory

    ocw = DossierFactory(number="31497", title="Passend onderwijs")
    jus = DossierFactory(number="36410", toevoeging="VI", title="Justitie")
    m507 = MotionFactory(key="31497-507", dossier=ocw, name="motie Westerveld")
    m12 = MotionFactory(key="36410-VI-12", dossier=jus, name="motie Ellian")
    d1 = DocumentFactory(dossier=ocw, ministry="Onderwijs, Cultuur en Wetenschap", ondernummer=475)
    d2 = DocumentFactory(dossier=jus, ministry="Justitie en Veiligheid", ondernummer=30, date=dt.date(2025, 3, 1))
    today = dt.date.today()
    rows = []
    specs = [
        (d1, Status.OPEN, today - dt.timedelta(days=40), [m507], "Ik zal uw Kamer informeren over passend onderwijs."),
        (d1, Status.OPEN, today + dt.timedelta(days=10), [m507], "Wij sturen de evaluatie van de wet voor de zomer."),
        (d1, Status.PARTLY_FULFILLED, today - dt.timedelta(days=5), [], "De staatssecretaris stuurt een brief over leraren."),
        (d1, Status.FULFILLED, today - dt.timedelta(days=100), [m507], "Het onderzoek naar thuiszitters wordt gedeeld."),
        (d1, Status.OPEN, None, [], "Ik kom hierop terug in een volgende voortgangsbrief."),
        (d1, Status.PROPOSED, today - dt.timedelta(days=3), [m507], "Een voorstel dat niemand beoordeelde."),
        (d1, Status.REJECTED, today - dt.timedelta(days=3), [m507], "Een afgewezen voorstel."),
        (d2, Status.OPEN, today - dt.timedelta(days=2), [m12], "De minister informeert de Kamer over de gevangeniscapaciteit."),
        (d2, Status.LAPSED, today + dt.timedelta(days=200), [], "Een vervallen toezegging over het strafrecht."),
        (d2, Status.OPEN, None, [m12], "De minister zal de wet evalueren."),
        (d2, Status.OPEN, today - dt.timedelta(days=40), [], "Een tweede toezegging op dezelfde dag als de eerste."),
        (d2, Status.PROPOSED, None, [], "Nog een voorstel zonder datum."),
    ]
    for doc, status, due, motions, quote in specs:
        rows.append(
            CommitmentFactory(document=doc, status=status, due_date=due, motions=motions, quote=quote,
                              deadline_phrase="" if due is None else "binnenkort")
        )
    return rows
