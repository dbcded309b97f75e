"""Issue 14, item 4: the review queue per letter — grouped, paged, filtered, near-duplicates flagged,
the clerk's place kept after a bulk accept, each letter by its title and never its file name."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from commitments.models import Commitment, Status, StatusChange
from web.griffie import ITEMS_PER_PAGE

from .griffie_factories import CommitmentFactory, DocumentFactory, PassageFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("web:review_queue")


def proposals(document, n: int, start: int = 0) -> list[Commitment]:
    return [
        CommitmentFactory(
            document=document, status=Status.PROPOSED,
            passage=PassageFactory(document=document, index=start + i),
            quote=f"Toezegging {start + i} van {document.subject}: ik zal uw Kamer informeren over onderwerp {i * 7919}.",
        )
        for i in range(n)
    ]


def test_it_pages_a_long_queue_grouped_per_letter(client_clerk):
    big = DocumentFactory(date=dt.date(2026, 5, 20), subject="Grote brief", source_name="004_23a8b92f44a7dc28.txt")
    small = DocumentFactory(date=dt.date(2024, 5, 10), subject="Kleine brief")
    proposals(big, ITEMS_PER_PAGE + 5)
    proposals(small, 3)
    first = client_clerk.get(QUEUE)
    page = first.content.decode()
    assert page.count('class="review-item') == ITEMS_PER_PAGE
    assert "Pagina 1 van 2" in page
    assert f'<h2 id="doc-title-{big.pk}"><a href="{big.get_absolute_url()}">{escape(big.display_title)}</a></h2>' in page
    assert "004_23a8b92f44a7dc28" not in page  # the title, never the file name
    second = client_clerk.get(QUEUE, {"pagina": 2}).content.decode()
    assert second.count('class="review-item') == 8
    assert second.index("Grote brief") < second.index("Kleine brief")  # newest letter first


def test_it_shows_one_letter_in_the_order_of_the_letter(client_clerk):
    letter = DocumentFactory(subject="De brief")
    other = DocumentFactory(subject="Een andere brief")
    later, earlier = proposals(letter, 1, start=5)[0], proposals(letter, 1, start=1)[0]
    proposals(other, 2)
    page = client_clerk.get(QUEUE, {"brief": letter.pk}).content.decode()
    assert page.count('class="review-item') == 2 and "Een andere brief</a></h2>" not in page
    assert page.index(f'id="toezegging-{earlier.pk}"') < page.index(f'id="toezegging-{later.pk}"')


def test_it_filters_by_ministry_and_status(client_clerk):
    ocw = DocumentFactory(subject="Brief OCW", ministry="Onderwijs, Cultuur en Wetenschap")
    vws = DocumentFactory(subject="Brief VWS", ministry="Volksgezondheid, Welzijn en Sport")
    proposals(ocw, 1), proposals(vws, 1)
    CommitmentFactory(document=vws, status=Status.OPEN, quote="Al geaccepteerde toezegging")
    page = client_clerk.get(QUEUE, {"ministerie": "Onderwijs, Cultuur en Wetenschap"}).content.decode()
    assert "Brief OCW</a></h2>" in page and "Brief VWS</a></h2>" not in page
    page = client_clerk.get(QUEUE, {"status": "openstaand"}).content.decode()
    assert "Al geaccepteerde toezegging" in page and page.count('class="review-item') == 1


def test_it_keeps_the_clerks_place_after_a_bulk_accept(client_clerk):
    letter = DocumentFactory(subject="De brief", ministry="Onderwijs, Cultuur en Wetenschap")
    items = proposals(letter, ITEMS_PER_PAGE + 3)
    url = f"{QUEUE}?brief={letter.pk}&ministerie=Onderwijs%2C+Cultuur+en+Wetenschap&pagina=2"
    page = client_clerk.get(url).content.decode()
    assert f'name="next" value="{url.replace("&", "&amp;")}#document-{letter.pk}"' in page
    on_page_two = items[ITEMS_PER_PAGE:]
    response = client_clerk.post(reverse("web:bulk_accept"), {
        "item": [f"{c.pk}:1" for c in on_page_two[:2]], "next": f"{url}#document-{letter.pk}"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}#document-{letter.pk}"
    assert Commitment.objects.filter(status=Status.OPEN).count() == 2


def test_it_flags_near_duplicate_proposals_and_rejects_one_in_a_click(client_clerk):
    letter = DocumentFactory(subject="De brief")
    sentence = "Ik zal uw Kamer voor het einde van dit jaar informeren over de uitkomsten van de evaluatie."
    a = CommitmentFactory(document=letter, status=Status.PROPOSED, passage=PassageFactory(document=letter, index=1),
                          quote=sentence)
    b = CommitmentFactory(document=letter, status=Status.PROPOSED, passage=PassageFactory(document=letter, index=2),
                          quote="Zoals gezegd: " + sentence.replace("Ik zal", "ik zal"))
    c = CommitmentFactory(document=letter, status=Status.PROPOSED, passage=PassageFactory(document=letter, index=3),
                          quote="Het wetsvoorstel Reikwijdte Jeugdwet stuur ik eind dit jaar naar uw Kamer.")
    page = client_clerk.get(QUEUE, {"brief": letter.pk}).content.decode()
    assert page.count("mogelijk dubbel") == 1
    item_b = page[page.index(f'id="toezegging-{b.pk}"'):]
    assert f'lijkt op <a href="#toezegging-{a.pk}">#{a.pk}</a>' in item_b[:1500]
    assert "Afwijzen als dubbel" in item_b[:4000]
    client_clerk.post(reverse("web:reject_commitment", args=[b.pk]),
                      {"version": 1, "note": f"Dubbel van toezegging #{a.pk}."})
    b.refresh_from_db(), c.refresh_from_db()
    assert b.status == Status.REJECTED and c.status == Status.PROPOSED
    assert StatusChange.objects.get(commitment=b).note == f"Dubbel van toezegging #{a.pk}."


def test_it_titles_a_letter_without_subject_by_its_kamerstuk_number(client_clerk):
    letter = DocumentFactory(subject="", kamerstuk="31497-475", source_name="003_3dae4a2d5cfb7524.txt")
    proposals(letter, 1)
    page = client_clerk.get(QUEUE).content.decode()
    assert "Kamerstuk 31 497, nr. 475</a></h2>" in page and "003_3dae4a2d5cfb7524" not in page


def test_it_does_not_flag_similar_sentences_about_other_years(client_clerk):
    letter = DocumentFactory(subject="De brief")
    CommitmentFactory(document=letter, status=Status.PROPOSED, passage=PassageFactory(document=letter, index=1),
                      quote="De onderzoeksresultaten worden voor de zomer van 2024 verwacht.")
    CommitmentFactory(document=letter, status=Status.PROPOSED, passage=PassageFactory(document=letter, index=2),
                      quote="De eerste resultaten worden voor de zomer van 2025 verwacht.")
    assert "mogelijk dubbel" not in client_clerk.get(QUEUE).content.decode()


# --------------------------------------------------------------------------- issue 11, item 4: confidence


def shown(page: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article class="review-item[^"]*" id="toezegging-(\d+)"', page)]


def scored(document, confidences: list[float | None]) -> list[Commitment]:
    return [
        CommitmentFactory(
            document=document, status=Status.PROPOSED, confidence=x,
            passage=PassageFactory(document=document, index=i),
            quote=f"Toezegging {i} van {document.subject}: ik zal uw Kamer informeren over onderwerp {i * 7919}.",
        )
        for i, x in enumerate(confidences)
    ]


CONFIDENCES = [0.55, None, 0.93, 0.31, 0.78, 0.55]


def test_it_orders_a_letter_by_confidence_highest_first(client_clerk):
    letter = DocumentFactory(subject="De brief")
    items = scored(letter, CONFIDENCES)
    page = client_clerk.get(QUEUE).content.decode()
    # Highest first, unscored last, equal confidences in the order of the letter.
    want = sorted(items, key=lambda c: (c.confidence is None, -(c.confidence or 0), c.passage.index))
    assert shown(page) == [c.pk for c in want]
    assert shown(page) != [c.pk for c in items]  # not the order of the letter
    assert 'id="f-volgorde"' in page and '<option value="zekerheid" selected>' in page


def test_it_orders_the_doubtful_ones_first_on_request(client_clerk):
    letter = DocumentFactory(subject="De brief")
    items = scored(letter, CONFIDENCES)
    page = client_clerk.get(QUEUE, {"volgorde": "laag"}).content.decode()
    want = sorted(items, key=lambda c: (c.confidence is None, c.confidence or 0, c.passage.index))
    assert shown(page) == [c.pk for c in want]
    assert f'href="?brief={letter.pk}&amp;volgorde=laag"' in page  # the letter links keep the order


def test_volgorde_brief_gives_the_order_of_the_letter(client_clerk):
    letter = DocumentFactory(subject="De brief")
    items = scored(letter, CONFIDENCES)
    page = client_clerk.get(QUEUE, {"volgorde": "brief"}).content.decode()
    assert shown(page) == [c.pk for c in sorted(items, key=lambda c: c.passage.index)]


def test_letters_stay_grouped_newest_first_whatever_the_confidence(client_clerk):
    old = DocumentFactory(date=dt.date(2025, 1, 10), subject="Oude brief")
    new = DocumentFactory(date=dt.date(2026, 6, 1), subject="Nieuwe brief")
    old_items, new_items = scored(old, [0.99, 0.97]), scored(new, [0.2, 0.6])
    page = client_clerk.get(QUEUE).content.decode()
    assert shown(page) == [new_items[1].pk, new_items[0].pk, old_items[0].pk, old_items[1].pk]


def test_it_pages_a_long_letter_in_confidence_order(client_clerk):
    letter = DocumentFactory(subject="De brief")
    items = scored(letter, [round(0.2 + 0.03 * ((i * 7) % 25), 2) for i in range(ITEMS_PER_PAGE + 5)])
    want = [c.pk for c in sorted(items, key=lambda c: (-c.confidence, c.passage.index))]
    first = shown(client_clerk.get(QUEUE).content.decode())
    second = shown(client_clerk.get(QUEUE, {"pagina": 2}).content.decode())
    assert first + second == want and len(first) == ITEMS_PER_PAGE


def test_it_shows_the_confidence_as_a_percentage_and_marks_a_low_one(client_clerk):
    letter = DocumentFactory(subject="De brief")
    sure, doubtful, unscored = scored(letter, [0.824, 0.42, None])
    page = client_clerk.get(QUEUE).content.decode()

    def item(c):
        start = page.index(f'id="toezegging-{c.pk}"')
        return page[start:page.index("</article>", start)]

    assert f"zekerheid {round(sure.confidence * 100)}%" in item(sure) and "badge-confidence low" not in item(sure)
    assert f"zekerheid {round(doubtful.confidence * 100)}% (laag)" in item(doubtful)
    assert 'class="badge badge-confidence low"' in item(doubtful)
    assert "zekerheid" not in item(unscored)
