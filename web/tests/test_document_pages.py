"""Issue 15: the public document page is paged (``Passage.PER_PAGE`` passages per page) and cached for
anonymous visitors. A 24 MB text gave one 46.6 MB page that took 14 s per anonymous request."""

from __future__ import annotations

import pytest
from django.urls import reverse

from commitments.models import Status
from documents.models import Passage, PassageKind

from .factories import CommitmentFactory, DocumentFactory

pytestmark = pytest.mark.django_db

N = 2 * Passage.PER_PAGE + 50  # three pages


@pytest.fixture
def long_doc():
    doc = DocumentFactory(type="vso")
    Passage.objects.bulk_create(
        Passage(document=doc, index=i, kind=PassageKind.PARAGRAPH, text=f"Alinea nummer {i} van de lange brief.")
        for i in range(N)
    )
    late = N - 10  # on the third page
    q = Passage.objects.get(document=doc, index=3)
    q.kind, q.text, q.fractie = PassageKind.QUESTION, "Wanneer komt het rapport?", "VVD"
    q.save()
    a = Passage.objects.get(document=doc, index=late)
    a.kind, a.question, a.text = PassageKind.ANSWER, q, "Antwoord: ik zal uw Kamer voor de zomer informeren."
    a.save()
    early = CommitmentFactory(document=doc, passage=Passage.objects.get(document=doc, index=5),
                              quote="Alinea nummer 5 van de lange brief.")
    far = CommitmentFactory(document=doc, passage=a, quote="ik zal uw Kamer voor de zomer informeren.")
    proposed = CommitmentFactory(document=doc, passage=Passage.objects.get(document=doc, index=N - 5),
                                 quote=f"Alinea nummer {N - 5} van de lange brief.", status=Status.PROPOSED)
    return doc, early, far, proposed, late


def test_the_document_page_shows_one_page_of_passages(client, long_doc):
    doc, early, far, proposed, late = long_doc
    url = reverse("web:document_detail", args=[doc.pk])
    first = client.get(url).content.decode()
    assert 'id="p0"' in first and f'id="p{Passage.PER_PAGE - 1}"' in first
    assert f'id="p{Passage.PER_PAGE}"' not in first and f'id="p{late}"' not in first
    assert "Pagina 1 van 3" in first and "?page=2" in first
    # the commitment of page 1 is highlighted there; the count covers the whole document
    assert f'<mark class="commitment-mark"><a href="{early.get_absolute_url()}">' in first
    assert f'href="{far.get_absolute_url()}"' not in first
    assert "<dt>Toezeggingen</dt><dd>2 " in first

    third = client.get(url, {"page": 3}).content.decode()
    assert f'id="p{late}"' in third and 'id="p0"' not in third
    assert f'<mark class="commitment-mark"><a href="{far.get_absolute_url()}">' in third
    assert f'href="{proposed.get_absolute_url()}"' not in third  # an unreviewed proposal only on request
    # the answer links to its question, on page 1
    assert f'href="{url}#p3"' in third
    with_proposals = client.get(url, {"page": 3, "voorstellen": 1}).content.decode()
    assert f'<mark class="commitment-mark"><a href="{proposed.get_absolute_url()}">' in with_proposals
    # a page number past the end shows the last page, not an error
    assert f'id="p{late}"' in client.get(url, {"page": 99}).content.decode()


def test_links_to_a_passage_land_on_its_page(client, long_doc):
    doc, early, far, proposed, late = long_doc
    url = reverse("web:document_detail", args=[doc.pk])
    assert far.passage.get_absolute_url() == f"{url}?page=3#p{late}"
    assert early.passage.get_absolute_url() == f"{url}#p5"
    detail = client.get(far.get_absolute_url()).content.decode()
    assert f'href="{url}?page=3#p{late}"' in detail
    assert f'id="p{late}"' in client.get(f"{url}?page=3").content.decode()


def test_anonymous_document_pages_are_cached_and_a_write_ends_them(client, long_doc):
    doc, early, far, proposed, late = long_doc
    url = reverse("web:document_detail", args=[doc.pk])
    assert client.get(url, {"page": 3})["X-Page-Cache"] == "miss"
    assert client.get(url, {"page": 3})["X-Page-Cache"] == "hit"
    assert client.get(url, {"page": 2})["X-Page-Cache"] == "miss"  # each page is its own entry
    far.quote = "voor de zomer informeren."
    far.save()
    page = client.get(url, {"page": 3})
    assert page["X-Page-Cache"] == "miss"
    assert f'<mark class="commitment-mark"><a href="{far.get_absolute_url()}">voor de zomer informeren.' \
        in page.content.decode()


def test_a_clerk_sees_proposals_uncached(client_clerk, long_doc):
    doc, early, far, proposed, late = long_doc
    page = client_clerk.get(reverse("web:document_detail", args=[doc.pk]), {"page": 3})
    assert page["X-Page-Cache"] == "bypass"
    assert f'<mark class="commitment-mark"><a href="{proposed.get_absolute_url()}">' in page.content.decode()


def test_the_pages_are_named_in_english_too(client, long_doc, settings):
    doc = long_doc[0]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("web:document_detail", args=[doc.pk]), {"page": 2}).content.decode()
    assert f"Page 2 of 3 (passages {Passage.PER_PAGE + 1}–{2 * Passage.PER_PAGE} of {N})" in page
    assert 'aria-label="Parts of the document"' in page
