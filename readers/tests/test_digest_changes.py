"""The digest of issue 12: overdue, postponed (old and new date), fulfilled and new; why; frequency; unsubscribe."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.urls import reverse

from commitments import services
from commitments.models import CommitmentEvent, DigestItem, Follow, FollowFrequency, Status
from commitments.overdue import flag_overdue
from readers.digest import send_digests
from web.tests.factories import CommitmentFactory, DocumentFactory, MotionFactory

pytestmark = pytest.mark.django_db

TZ = dt.datetime.now().astimezone().tzinfo
TUESDAY = dt.datetime(2026, 11, 24, 6, 30, tzinfo=TZ)
MONDAY = dt.datetime(2026, 11, 30, 6, 30, tzinfo=TZ)


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("anna@example.nl", email="anna@example.nl")


@pytest.fixture
def world(db):
    motion = MotionFactory(key="31497-507", name="motie Westerveld")
    letter = DocumentFactory(date=dt.date(2026, 5, 20), ministry="VWS")
    later = DocumentFactory(date=dt.date(2026, 9, 1), ministry="VWS", subject="Uitstelbrief")
    proposed = CommitmentFactory(document=letter, motions=[motion], status=Status.PROPOSED, quote="Nieuwe belofte.",
                                 due_date=dt.date(2027, 3, 1))
    to_postpone = CommitmentFactory(document=letter, motions=[motion], quote="Uit te stellen belofte.",
                                    due_date=dt.date(2027, 1, 15))
    to_fulfil = CommitmentFactory(document=letter, motions=[motion], quote="Te leveren belofte.",
                                  due_date=dt.date(2027, 2, 1))
    elsewhere = CommitmentFactory(document=DocumentFactory(ministry="OCW"), quote="Onderwijsbelofte.")
    return {"motion": motion, "later": later, "proposed": proposed, "to_postpone": to_postpone,
            "to_fulfil": to_fulfil, "elsewhere": elsewhere}


def act(world, clerk=None):
    p, pp, f = world["proposed"], world["to_postpone"], world["to_fulfil"]
    services.accept_commitment(p.pk, p.version, user=clerk)
    services.postpone(pp.pk, pp.version, user=clerk, new_due_date=dt.date(2027, 6, 30), letter=world["later"])
    services.mark_fulfilled(f.pk, f.version, user=clerk, evidence=world["later"])
    e = world["elsewhere"]
    services.mark_fulfilled(e.pk, e.version, user=clerk, evidence=world["later"])


def test_a_digest_covers_new_postponed_and_fulfilled_and_says_why(world, reader):
    Follow.objects.create(user=reader, motion=world["motion"])
    act(world)
    assert CommitmentEvent.objects.count() == 4
    assert send_digests(TUESDAY) == 1
    [m] = mail.outbox
    assert m.subject == "Toezeggingen: 1 uitgesteld, 1 voldaan, 1 nieuw"
    body = m.body
    assert "Deze toezegging die u volgt is uitgesteld:" in body
    assert "Uitgesteld van 15 januari 2027 naar 30 juni 2027." in body
    assert "Aan deze toezegging die u volgt is voldaan:" in body and "Te leveren belofte." in body
    assert "Deze toezegging is nieuw in wat u volgt:" in body and "Nieuwe belofte." in body
    assert "Onderwijsbelofte" not in body
    assert body.count("Omdat u volgt: motie motie Westerveld (31497-507)") == 3
    unsubscribe = m.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/volgen/afmelden/" in unsubscribe and unsubscribe in body
    assert m.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Each event once.
    assert send_digests(TUESDAY + dt.timedelta(days=1)) == 0


def test_undone_decisions_are_not_announced(world, reader):
    Follow.objects.create(user=reader, motion=world["motion"])
    p = world["proposed"]
    p = services.accept_commitment(p.pk, p.version, user=None)
    services.undo_decision(p.pk, p.version, user=None)
    f = world["to_fulfil"]
    f = services.mark_fulfilled(f.pk, f.version, user=None, evidence=world["later"])
    services.undo_decision(f.pk, f.version, user=None)
    pp = world["to_postpone"]
    pp = services.postpone(pp.pk, pp.version, user=None, new_due_date=dt.date(2027, 6, 30), letter=world["later"])
    services.undo_postponement(pp.pk, pp.version, user=None)
    assert send_digests(TUESDAY) == 0
    assert mail.outbox == []
    assert not CommitmentEvent.objects.filter(fanned_out_at__isnull=True).exists()


def test_a_saved_search_is_rerun_through_the_list_filters(world, reader, django_user_model):
    Follow.objects.create(user=reader, search="ministry=OCW&q=onderwijsbelofte")
    other = django_user_model.objects.create_user("b@example.nl", email="b@example.nl")
    Follow.objects.create(user=other, search="ministry=OCW&q=zorg")
    act(world)
    assert send_digests(TUESDAY) == 1
    [m] = mail.outbox
    assert m.to == ["anna@example.nl"]
    assert "Onderwijsbelofte." in m.body and "Te leveren belofte." not in m.body
    assert "Omdat u volgt: zoekopdracht ministry = OCW, q = onderwijsbelofte" in m.body


def test_weekly_followers_get_one_mail_a_week_and_none_gets_nothing(world, reader, django_user_model):
    Follow.objects.create(user=reader, motion=world["motion"], frequency=FollowFrequency.WEEKLY)
    daily = django_user_model.objects.create_user("d@example.nl", email="d@example.nl")
    Follow.objects.create(user=daily, motion=world["motion"])
    silent = django_user_model.objects.create_user("s@example.nl", email="s@example.nl")
    Follow.objects.create(user=silent, motion=world["motion"], frequency=FollowFrequency.NONE)
    act(world)
    assert send_digests(TUESDAY) == 1
    assert [m.to for m in mail.outbox] == [["d@example.nl"]]
    # Overdue on Wednesday: daily again, weekly still waits.
    flag_overdue(dt.date(2026, 11, 25))
    CommitmentFactory(document=world["later"], motions=[world["motion"]], due_date=dt.date(2026, 11, 20))
    flag_overdue(dt.date(2026, 11, 25))
    assert send_digests(TUESDAY + dt.timedelta(days=1)) == 1
    assert send_digests(TUESDAY + dt.timedelta(days=2)) == 0
    # Monday: one mail for the weekly reader with everything of the week.
    assert send_digests(MONDAY) == 1
    weekly = mail.outbox[-1]
    assert weekly.to == ["anna@example.nl"]
    assert "1 nieuw te laat, 1 uitgesteld, 1 voldaan, 1 nieuw" in weekly.subject
    assert send_digests(MONDAY + dt.timedelta(hours=1)) == 0
    assert not any(m.to == ["s@example.nl"] for m in mail.outbox)
    assert not DigestItem.objects.filter(user=silent).exists()


def test_a_missed_weekly_run_sends_items_once_they_are_a_week_old(world, reader):
    Follow.objects.create(user=reader, motion=world["motion"], frequency=FollowFrequency.WEEKLY)
    act(world)
    assert send_digests(TUESDAY) == 0
    assert send_digests(TUESDAY + dt.timedelta(days=7)) == 1


def test_a_daily_and_a_weekly_follow_of_the_same_commitment_make_it_daily(world, reader):
    Follow.objects.create(user=reader, motion=world["motion"], frequency=FollowFrequency.WEEKLY)
    Follow.objects.create(user=reader, commitment=world["to_fulfil"])
    Follow.objects.create(user=reader, search="motion=31497-507", frequency=FollowFrequency.WEEKLY)
    act(world)
    assert send_digests(TUESDAY) == 1
    [m] = mail.outbox
    assert "Te leveren belofte." in m.body and "Nieuwe belofte." not in m.body
    assert "Omdat u volgt: motie motie Westerveld (31497-507); deze toezegging; zoekopdracht motion = 31497-507" in m.body


def test_the_digest_reaches_a_real_smtp_server_and_its_unsubscribe_link_works(world, reader, client, smtp, settings):
    settings.SITE_URL = "http://toezeggingen.example"
    Follow.objects.create(user=reader, motion=world["motion"])
    Follow.objects.create(user=reader, ministry="OCW", frequency=FollowFrequency.WEEKLY)
    act(world)
    assert send_digests(TUESDAY) == 1
    [message] = smtp.wait_for(1)
    assert message["To"] == "anna@example.nl"
    assert message["Subject"] == "Toezeggingen: 1 uitgesteld, 1 voldaan, 1 nieuw"
    header = str(message["List-Unsubscribe"]).strip()
    assert header.startswith("<http://toezeggingen.example/volgen/afmelden/") and header.endswith(">")
    assert str(message["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"
    body = smtp.body(message)
    links = smtp.links(message)
    assert f"http://toezeggingen.example/toezeggingen/{world['to_fulfil'].pk}/" in links
    [unsubscribe] = [u for u in links if "/volgen/afmelden/" in u]
    assert unsubscribe == header.strip("<>")
    assert "Uitgesteld van 15 januari 2027 naar 30 juni 2027." in body
    # One click, no login: the mail client's POST (RFC 8058).
    path = urlparse(unsubscribe).path
    assert client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded").status_code == 200
    assert set(Follow.objects.filter(user=reader).values_list("frequency", flat=True)) == {"geen"}
    assert client.get(reverse("readers:follows")).status_code == 302  # still not logged in
    # The weekly items that were waiting are gone, and nothing new is sent.
    assert not DigestItem.objects.filter(user=reader, delivery__isnull=True).exists()
    flag_overdue(dt.date(2026, 12, 5))
    assert send_digests(MONDAY) == 0
