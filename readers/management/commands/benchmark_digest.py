"""``python manage.py benchmark_digest --followers 10000 [--commitments 500] [--format json]``: time the digest.

Creates, on the current database and inside one transaction that is rolled back at the end (nothing
stays behind), ``--followers`` reader accounts, each following a motion, half of them also a ministry,
one in ten a saved search (from a pool of 20) and one in five weekly instead of daily; ``--commitments``
accepted commitments over 12 ministries and 50 motions; and pending events in both outboxes (a third
newly overdue, a third newly accepted, a third postponed). Then it times ``readers.digest``'s three
steps (fan out, bundle, send) on the weekly day, so every follower gets one mail. Mail goes to
Django's locmem backend: every message is composed and rendered (subject, body, headers), nothing
leaves the machine. Prints the seconds per step, the mails sent and the mean items per mail.
"""

from __future__ import annotations

import datetime as dt
import json
import time

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from commitments.models import (
    ChangeKind,
    Commitment,
    CommitmentEvent,
    Follow,
    FollowFrequency,
    Motion,
    OverdueEvent,
    Status,
)
from documents.models import Document, DocumentType, Dossier
from readers import digest

MINISTRIES = [f"Ministerie bench {i}" for i in range(12)]
MOTIONS = 50
SEARCHES = [f"ministry=Ministerie+bench+{i % 12}&status=open" if i % 2 else f"ministry=Ministerie+bench+{i % 12}"
            for i in range(20)]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time sending the digests to N followers (synthetic data, rolled back afterwards)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--followers", type=int, default=10_000)
        parser.add_argument("--commitments", type=int, default=500)
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, followers: int, commitments: int, format: str, **options) -> None:
        if followers < 1 or commitments < 3:
            raise CommandError("--followers must be at least 1 and --commitments at least 3.")
        result: dict[str, object] = {}
        try:
            with transaction.atomic(), override_settings(
                EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend", DIGEST_WEEKDAY=0
            ):
                mail.outbox = []
                setup = time.perf_counter()
                self._build(followers, commitments)
                result["setup_s"] = round(time.perf_counter() - setup, 2)
                today = timezone.localdate()
                monday = today + dt.timedelta(days=(7 - today.weekday()) % 7)
                now = timezone.make_aware(dt.datetime.combine(monday, dt.time(6, 30)))
                t0 = time.perf_counter()
                digest.fan_out(now)
                t1 = time.perf_counter()
                digest.bundle(now)
                t2 = time.perf_counter()
                sent = digest.send_digests(now)
                t3 = time.perf_counter()
                outbox = [m for m in mail.outbox if m.to and m.to[0].endswith("@bench.invalid")]
                items = sum(m.body.count("\n- ") for m in outbox)
                result.update(
                    followers=followers,
                    commitments=commitments,
                    sent=sent,
                    mails=len(outbox),
                    items_per_mail=round(items / len(outbox), 1) if outbox else 0,
                    fan_out_s=round(t1 - t0, 2),
                    bundle_s=round(t2 - t1, 2),
                    send_s=round(t3 - t2, 2),
                    total_s=round(t3 - t0, 2),
                    ms_per_mail=round(1000 * (t3 - t0) / max(sent, 1), 2),
                )
                raise Rollback
        except Rollback:
            pass
        if format == "json":
            self.stdout.write(json.dumps(result))
        else:
            for key, value in result.items():
                self.stdout.write(f"{key}: {value}")

    def _build(self, followers: int, commitments: int) -> None:
        now = timezone.now()
        dossier = Dossier.objects.create(number="99999", toevoeging="BENCH", title="benchmark_digest")
        documents = Document.objects.bulk_create(
            Document(type=DocumentType.KAMERBRIEF, date=dt.date(2026, 1, 1), dossier=dossier, ministry=m,
                     subject=f"Benchmarkbrief {i}", source_name=f"bench-{i}.txt", sha256=f"bench{i:059d}", text="")
            for i, m in enumerate(MINISTRIES)
        )
        motions = Motion.objects.bulk_create(
            Motion(key=f"99999-BENCH-{i}", dossier=dossier, name=f"motie Bench {i}") for i in range(MOTIONS)
        )
        due = timezone.localdate() - dt.timedelta(days=10)
        rows = Commitment.objects.bulk_create(
            Commitment(document=documents[i % 12], ministry=MINISTRIES[i % 12], letter_date=dt.date(2026, 1, 1),
                       quote=f"Ik informeer uw Kamer over maatregel {i} vóór de zomer.", deadline_phrase="vóór de zomer",
                       due_date=due + dt.timedelta(days=200 * (i % 3 == 2)), status=Status.OPEN)
            for i in range(commitments)
        )
        Through = Commitment.motions.through
        Through.objects.bulk_create(
            Through(commitment_id=c.pk, motion_id=motions[i % MOTIONS].pk) for i, c in enumerate(rows)
        )
        OverdueEvent.objects.bulk_create(
            OverdueEvent(commitment=c, due_date=c.due_date, overdue_since=timezone.localdate(), created_at=now)
            for i, c in enumerate(rows) if i % 3 == 0
        )
        CommitmentEvent.objects.bulk_create(
            CommitmentEvent(commitment=c, kind=ChangeKind.NEW, created_at=now) for i, c in enumerate(rows) if i % 3 == 1
        )
        CommitmentEvent.objects.bulk_create(
            CommitmentEvent(commitment=c, kind=ChangeKind.POSTPONED, old_due_date=due, new_due_date=c.due_date,
                            created_at=now)
            for i, c in enumerate(rows) if i % 3 == 2
        )
        User = get_user_model()
        users = User.objects.bulk_create(
            (User(username=f"bench-{i}@bench.invalid", email=f"bench-{i}@bench.invalid", password="!")
             for i in range(followers)),
            batch_size=2000,
        )
        follows = []
        for i, user in enumerate(users):
            frequency = FollowFrequency.WEEKLY if i % 5 == 4 else FollowFrequency.DAILY
            follows.append(Follow(user=user, motion=motions[i % MOTIONS], frequency=frequency))
            if i % 2:
                follows.append(Follow(user=user, ministry=MINISTRIES[(i * 7) % 12], frequency=frequency))
            if i % 10 == 3:
                follows.append(Follow(user=user, search=SEARCHES[i % len(SEARCHES)], frequency=frequency))
        Follow.objects.bulk_create(follows, batch_size=2000)
