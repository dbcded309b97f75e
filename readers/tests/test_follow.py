"""The Volgen button, /volgen/, saved searches, unsubscribe and the calendars."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from icalendar import Calendar

from commitments.models import Follow, FollowFrequency, Status
from readers import tokens
from readers.follows import normalise_search
from web.tests.factories import CommitmentFactory, DocumentFactory, DossierFactory, MotionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("anna@example.nl", email="anna@example.nl", password="x-Geheim-2026")


@pytest.fixture
def client_reader(client, reader):
    client.force_login(reader)
    return client


def toggle(client, kind, value, action="volgen", next_url="/"):
    return client.post(reverse("readers:toggle"), {"soort": kind, "waarde": value, "actie": action, "next": next_url})


def test_the_button_follows_and_unfollows_a_motion_dossier_commitment_and_ministry(client_reader, reader):
    motion = MotionFactory(key="31497-507")
    c = CommitmentFactory(motions=[motion])
    page = client_reader.get(motion.get_absolute_url()).content.decode()
    assert ">Volgen</button>" in page and 'name="waarde" value="31497-507"' in page
    assert toggle(client_reader, "motie", "31497-507", next_url=motion.get_absolute_url())["Location"] == motion.get_absolute_url()
    assert Follow.objects.get(user=reader).motion == motion
    assert "Niet meer volgen" in client_reader.get(motion.get_absolute_url()).content.decode()
    toggle(client_reader, "dossier", "31497")
    toggle(client_reader, "toezegging", str(c.pk))
    toggle(client_reader, "ministerie", "Volksgezondheid, Welzijn en Sport")
    toggle(client_reader, "motie", "31497-507")  # twice: still one
    assert Follow.objects.filter(user=reader).count() == 4
    toggle(client_reader, "motie", "31497-507", action="ontvolgen")
    assert not Follow.objects.filter(user=reader, motion=motion).exists()
    assert Follow.objects.filter(user=reader).count() == 3
    # Something that does not exist: nothing stored.
    assert toggle(client_reader, "motie", "99999-1").status_code == 404
    assert toggle(client_reader, "toezegging", "abc").status_code == 302
    assert client_reader.post(reverse("readers:toggle"), {"soort": "alles", "waarde": "x"}).status_code == 400
    assert Follow.objects.filter(user=reader).count() == 3


def test_an_unreviewed_proposal_cannot_be_followed(client_reader, reader):
    c = CommitmentFactory(status=Status.PROPOSED)
    assert toggle(client_reader, "toezegging", str(c.pk)).status_code == 404
    assert "follow-button" not in client_reader.get(c.get_absolute_url()).content.decode()
    assert not Follow.objects.exists()


def test_the_list_filtered_by_ministry_follows_the_ministry_and_other_filters_save_a_search(client_reader, reader):
    CommitmentFactory()
    page = client_reader.get(reverse("web:commitment_list") + "?ministry=Volksgezondheid%2C+Welzijn+en+Sport&page=1").content.decode()
    assert 'name="soort" value="ministerie"' in page
    assert 'value="Volksgezondheid, Welzijn en Sport"' in page
    page = client_reader.get(reverse("web:commitment_list") + "?te_laat=1&ministry=VWS&sort=brief").content.decode()
    assert 'name="soort" value="zoekopdracht"' in page
    toggle(client_reader, "zoekopdracht", "sort=brief&te_laat=1&ministry=VWS&page=2&q=")
    follow = Follow.objects.get(user=reader)
    assert follow.search == "ministry=VWS&te_laat=1"  # normalised: filters only, sorted, no empties
    # The same search in another order is the same follow.
    toggle(client_reader, "zoekopdracht", "te_laat=1&ministry=VWS")
    assert Follow.objects.filter(user=reader).count() == 1
    assert "Niet meer volgen" in client_reader.get(reverse("web:commitment_list") + "?ministry=VWS&te_laat=1").content.decode()
    # An unfiltered list cannot be followed; an invalid filter neither.
    toggle(client_reader, "zoekopdracht", "")
    toggle(client_reader, "zoekopdracht", "due_after=gisteren")
    assert Follow.objects.filter(user=reader).count() == 1
    unfiltered = client_reader.get(reverse("web:commitment_list")).content.decode()
    assert 'name="soort"' not in unfiltered and "format=ics" in unfiltered


def test_normalise_search_refuses_invalid_filters():
    from django.http import QueryDict

    with pytest.raises(ValueError):
        normalise_search(QueryDict("due_before=31-31-2026"))
    assert normalise_search(QueryDict("format=csv&page=3")) == ""


def test_an_anonymous_click_goes_to_login_and_back_with_the_follow_done(client, reader):
    motion = MotionFactory(key="31497-507")
    response = toggle(client, "motie", "31497-507", next_url=motion.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=%2Fmoties%2F31497-507%2F"
    assert not Follow.objects.exists()
    login = client.post(response["Location"], {"username": "anna@example.nl", "password": "x-Geheim-2026", "next": "/moties/31497-507/"})
    assert login.status_code == 302 and login["Location"] == "/moties/31497-507/"
    assert Follow.objects.get(user=reader).motion == motion
    # An outside address as "next" is not followed.
    assert toggle(client, "motie", "31497-507", next_url="https://evil.example/")["Location"] == reverse("web:commitment_list")


def test_volgen_lists_follows_and_changes_frequency_only_for_the_owner(client_reader, reader, django_user_model):
    motion = MotionFactory(key="31497-507", name="motie Westerveld")
    mine = Follow.objects.create(user=reader, motion=motion)
    other = django_user_model.objects.create_user("b@example.nl", email="b@example.nl")
    theirs = Follow.objects.create(user=other, motion=motion)
    page = client_reader.get(reverse("readers:follows")).content.decode()
    assert "Motie motie Westerveld (31497-507)" in page
    assert "agenda.ics?token=" in page and "webcal://" in page
    client_reader.post(reverse("readers:follow_update", args=[mine.pk]), {"frequency": "wekelijks"})
    mine.refresh_from_db()
    assert mine.frequency == FollowFrequency.WEEKLY
    assert client_reader.post(reverse("readers:follow_update", args=[mine.pk]), {"frequency": "elk uur"}).status_code == 302
    mine.refresh_from_db()
    assert mine.frequency == FollowFrequency.WEEKLY
    assert client_reader.post(reverse("readers:follow_update", args=[theirs.pk]), {"actie": "ontvolgen"}).status_code == 404
    assert Follow.objects.filter(pk=theirs.pk).exists()
    client_reader.post(reverse("readers:follow_update", args=[mine.pk]), {"actie": "ontvolgen"})
    assert not Follow.objects.filter(pk=mine.pk).exists()


def test_volgen_needs_login(client):
    response = client.get(reverse("readers:follows"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_unsubscribe_link_works_without_login_and_one_click_post(client, reader):
    Follow.objects.create(user=reader, ministry="VWS")
    Follow.objects.create(user=reader, ministry="OCW", frequency=FollowFrequency.WEEKLY)
    url = reverse("readers:unsubscribe", args=[tokens.unsubscribe_token(reader)])
    page = client.get(url)
    assert page.status_code == 200 and "anna@example.nl" in page.content.decode()
    assert set(Follow.objects.values_list("frequency", flat=True)) == {"dagelijks", "wekelijks"}
    # RFC 8058: the mail client posts this body, without a CSRF token.
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    done = strict.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert done.status_code == 200
    assert set(Follow.objects.values_list("frequency", flat=True)) == {"geen"}
    assert client.get(reverse("readers:unsubscribe", args=["nep"])).status_code == 404
    other_salt = tokens.agenda_token(reader)  # a token of another kind is no unsubscribe token
    assert client.post(reverse("readers:unsubscribe", args=[other_salt])).status_code == 404


def _calendar(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_list_as_ics_has_one_event_per_selected_public_commitment_with_a_due_date(client):
    vws = DocumentFactory(ministry="VWS")
    ocw = DocumentFactory(ministry="OCW")
    dated = [CommitmentFactory(document=vws, due_date=dt.date(2026, 7, 3) + dt.timedelta(days=i)) for i in range(3)]
    CommitmentFactory(document=vws, due_date=None, deadline_phrase="")  # no due date: no event
    CommitmentFactory(document=vws, status=Status.PROPOSED)  # not public
    CommitmentFactory(document=vws, status=Status.REJECTED)
    CommitmentFactory(document=ocw)  # not selected
    response = client.get(reverse("web:commitment_list") + "?ministry=VWS&format=ics")
    cal = _calendar(response)
    events = cal.walk("VEVENT")
    assert len(events) == 3
    page = client.get(reverse("web:commitment_list") + "?ministry=VWS").content.decode()
    assert "format=ics" in page
    by_uid = {str(e["UID"]): e for e in events}
    first = by_uid[f"commitment-{dated[0].pk}@testserver"]
    assert first.decoded("DTSTART") == dt.date(2026, 7, 3)
    assert first.decoded("DTEND") == dt.date(2026, 7, 4)
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(first["URL"]) == f"http://testserver/toezeggingen/{dated[0].pk}/"
    assert "vóór de zomer van 2026" in str(first["DESCRIPTION"])
    assert dated[0].quote[:40] in str(first["SUMMARY"])
    # A postponed commitment carries its new date, under the same UID.
    dated[0].due_date = dt.date(2027, 1, 31)
    dated[0].save()
    again = {str(e["UID"]): e for e in _calendar(client.get(reverse("web:commitment_list") + "?ministry=VWS&format=ics")).walk("VEVENT")}
    assert again[f"commitment-{dated[0].pk}@testserver"].decoded("DTSTART") == dt.date(2027, 1, 31)
    # Asking for proposals adds them, marked tentative.
    wider = _calendar(client.get(reverse("web:commitment_list") + "?ministry=VWS&voorstellen=1&format=ics")).walk("VEVENT")
    assert len(wider) == 4 and sorted(str(e["STATUS"]) for e in wider).count("TENTATIVE") == 1
    assert client.get(reverse("web:commitment_list") + "?due_after=nee&format=ics").status_code == 400


def test_the_personal_agenda_holds_what_the_token_owner_follows_and_a_bad_token_gets_404(client, reader, django_user_model):
    motion = MotionFactory(key="31497-507")
    dossier_doc = DocumentFactory(dossier=DossierFactory(number="36000", toevoeging="XVI"), ministry="Financiën")
    by_motion = CommitmentFactory(motions=[motion])
    in_dossier = CommitmentFactory(document=dossier_doc)
    by_search = CommitmentFactory(document=DocumentFactory(ministry="OCW"), quote="Onderwijsbelofte over leraren.")
    CommitmentFactory(document=DocumentFactory(ministry="OCW"), quote="Iets anders.")
    CommitmentFactory(motions=[motion], status=Status.PROPOSED)  # not public
    Follow.objects.create(user=reader, motion=motion)
    Follow.objects.create(user=reader, dossier=dossier_doc.dossier, frequency=FollowFrequency.NONE)
    Follow.objects.create(user=reader, search="ministry=OCW&q=leraren")
    other = django_user_model.objects.create_user("b@example.nl", email="b@example.nl")
    Follow.objects.create(user=other, ministry="OCW")

    url = reverse("readers:agenda") + "?token=" + tokens.agenda_token(reader)
    uids = {str(e["UID"]) for e in _calendar(client.get(url)).walk("VEVENT")}
    assert uids == {f"commitment-{c.pk}@testserver" for c in (by_motion, in_dossier, by_search)}
    theirs = reverse("readers:agenda") + "?token=" + tokens.agenda_token(other)
    assert len(_calendar(client.get(theirs)).walk("VEVENT")) == 2
    assert client.get(reverse("readers:agenda")).status_code == 404
    assert client.get(reverse("readers:agenda") + "?token=" + tokens.agenda_token(reader)[:-2] + "xx").status_code == 404
    assert client.get(reverse("readers:agenda") + "?token=" + tokens.unsubscribe_token(reader)).status_code == 404
    get_user_model().objects.filter(pk=reader.pk).update(is_active=False)
    assert client.get(url).status_code == 404
