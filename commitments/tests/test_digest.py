"""readers.digest.send_digests: one e-mail per follower from the outbox, never lost, resent at most once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import IntegrityError, transaction

from commitments.models import DigestDelivery, DigestItem, Follow, Motion
from commitments.overdue import flag_overdue
from documents.models import Dossier
from readers import digest
from readers.digest import LEASE, send_digests

from .overdue_helpers import make_commitment, make_document

NOW = datetime(2026, 11, 24, 6, 30, tzinfo=datetime.now().astimezone().tzinfo)
TODAY = date(2026, 11, 24)


class Crash(BaseException):
    """A process dying: not an Exception, so nothing catches it."""


def user(name: str, email: str | None = None):
    return get_user_model().objects.create_user(
        name, email=email if email is not None else f"{name}@example.nl"
    )


@pytest.fixture
def world(db):
    dossier = Dossier.objects.create(number="31497")
    motion = Motion.objects.create(
        key="31497-507", name="motie Westerveld", dossier=dossier
    )
    vws = make_document(ministry="Ministerie van VWS", kamerstuk="31497-510")
    fin = make_document(ministry="Ministerie van Financiën", kamerstuk="36000-1")
    by_motion = make_commitment(
        date(2026, 7, 3), document=vws, quote="Vóór de zomer informeer ik uw Kamer."
    )
    by_motion.motions.add(motion)
    by_ministry = make_commitment(
        date(2026, 10, 1), document=fin, quote="Ik stuur de evaluatie in oktober."
    )
    not_late = make_commitment(date(2027, 1, 1), document=fin)
    return {
        "dossier": dossier,
        "motion": motion,
        "by_motion": by_motion,
        "by_ministry": by_ministry,
        "not_late": not_late,
    }


def test_it_sends_one_digest_per_follower_with_what_they_follow(world):
    anna, bart, cees, _nobody = user("anna"), user("bart"), user("cees"), user("dirk")
    Follow.objects.create(user=anna, motion=world["motion"])
    Follow.objects.create(
        user=anna, commitment=world["by_motion"]
    )  # the same commitment twice: listed once
    Follow.objects.create(user=anna, ministry="Ministerie van Financiën")
    Follow.objects.create(user=bart, dossier=world["dossier"])
    Follow.objects.create(user=cees, commitment=world["not_late"])
    flag_overdue(TODAY)

    assert send_digests(NOW) == 2
    by_to = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_to) == ["anna@example.nl", "bart@example.nl"]
    anna_mail = by_to["anna@example.nl"]
    assert anna_mail.subject == "Toezeggingen: 2 nieuw te laat"
    assert anna_mail.body.count("Vóór de zomer informeer ik uw Kamer.") == 1
    assert "Ik stuur de evaluatie in oktober." in anna_mail.body
    assert (
        "Termijn 3 juli 2026, te laat sinds 24 november 2026 (144 dagen)."
        in anna_mail.body
    )
    assert "Moties: 31497-507" in anna_mail.body
    assert "Beste anna," in anna_mail.body
    assert "Ik stuur de evaluatie" not in by_to["bart@example.nl"].body
    assert by_to["bart@example.nl"].subject == "Toezeggingen: 1 nieuw te laat"

    # Nothing new: nothing sent.
    assert send_digests(NOW + timedelta(days=1)) == 0
    assert len(mail.outbox) == 2
    assert not DigestDelivery.objects.filter(sent_at__isnull=True).exists()

    # A new overdue commitment tomorrow: a new digest with only that one.
    world["not_late"].due_date = date(2026, 11, 1)
    world["not_late"].save()
    flag_overdue(TODAY + timedelta(days=1))
    assert (
        send_digests(NOW + timedelta(days=1)) == 2
    )  # anna (ministry), cees (commitment)
    assert sorted(m.to[0] for m in mail.outbox[2:]) == [
        "anna@example.nl",
        "cees@example.nl",
    ]
    assert all(m.subject == "Toezeggingen: 1 nieuw te laat" for m in mail.outbox[2:])


def test_it_resends_at_most_the_one_digest_interrupted_between_send_and_mark(world):
    users = [user(f"u{i}") for i in range(3)]
    for u in users:
        Follow.objects.create(user=u, motion=world["motion"])
    flag_overdue(TODAY)

    with (
        mock.patch.object(digest, "mark_sent", side_effect=Crash),
        pytest.raises(Crash),
    ):
        send_digests(NOW)
    assert len(mail.outbox) == 1
    crashed_to = mail.outbox[0].to

    # Within the lease nobody touches the claimed digest; the others go out once.
    assert send_digests(NOW + timedelta(minutes=1)) == 2
    assert len(mail.outbox) == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)

    # After the lease the interrupted one is sent again: once.
    assert send_digests(NOW + LEASE + timedelta(seconds=1)) == 1
    assert mail.outbox[3].to == crashed_to
    assert send_digests(NOW + 2 * LEASE + timedelta(seconds=2)) == 0
    assert len(mail.outbox) == 4


def test_it_never_loses_a_digest_when_sending_crashes(world):
    u = user("anna")
    Follow.objects.create(user=u, motion=world["motion"])
    flag_overdue(TODAY)
    with (
        mock.patch.object(digest, "send_mail", side_effect=Crash),
        pytest.raises(Crash),
    ):
        send_digests(NOW)
    assert mail.outbox == []
    assert send_digests(NOW + LEASE + timedelta(seconds=1)) == 1
    assert len(mail.outbox) == 1


def test_it_retries_a_digest_when_the_mail_server_fails(world):
    u = user("anna")
    Follow.objects.create(user=u, motion=world["motion"])
    flag_overdue(TODAY)
    with mock.patch.object(digest, "send_mail", side_effect=OSError("smtp down")):
        assert send_digests(NOW) == 0
    assert send_digests(NOW + timedelta(minutes=1)) == 0  # still leased
    assert send_digests(NOW + LEASE + timedelta(seconds=1)) == 1
    assert len(mail.outbox) == 1


def test_it_fans_out_each_event_once(world):
    u = user("anna")
    Follow.objects.create(user=u, motion=world["motion"])
    flag_overdue(TODAY)
    assert digest.fan_out(NOW) == 1
    assert digest.fan_out(NOW + timedelta(seconds=1)) == 0
    assert DigestItem.objects.count() == 1
    item = DigestItem.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        DigestItem.objects.create(user=u, event=item.event, created_at=NOW)


def test_it_skips_users_without_an_email_address(world):
    u = user("anna", email="")
    Follow.objects.create(user=u, motion=world["motion"])
    flag_overdue(TODAY)
    send_digests(NOW)
    assert mail.outbox == []
    assert not DigestDelivery.objects.filter(sent_at__isnull=True).exists()


def test_it_allows_one_target_per_follow(world):
    u = user("anna")
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(
            user=u, motion=world["motion"], ministry="Ministerie van VWS"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=u)
    Follow.objects.create(user=u, ministry="Ministerie van VWS")
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=u, ministry="Ministerie van VWS")
