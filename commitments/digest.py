"""The daily digest: one e-mail per follower with the commitments that became overdue.

Reads the outbox ``OverdueEvent`` that ``commitments.overdue.flag_overdue`` writes,
in three steps that are each safe to repeat and to run concurrently:

1. **fan out** (set-based): claim the events not yet distributed
   (``fanned_out_at IS NULL``, compare-and-set) and insert one ``DigestItem`` per
   (follower, event) with INSERT … SELECT, ``ON CONFLICT DO NOTHING``;
2. **bundle**: per user, move the pending items into a new ``DigestDelivery``
   (compare-and-set on ``delivery IS NULL``);
3. **send**: claim one unsent delivery at a time with a lease (compare-and-set on
   ``claimed_at``, like healthchecks' ``sendalerts``), send the e-mail, mark it sent.

A crash after sending and before marking leaves exactly that delivery unsent; once
its lease has expired the next run sends it again: at most one digest is resent,
none is lost.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.models import Document

from .models import PUBLIC_STATUSES, Commitment, DigestDelivery, DigestItem, Follow, Motion, OverdueEvent, Status

logger = logging.getLogger(__name__)

#: A claimed delivery that was not marked sent within this time is sent again.
LEASE = timedelta(minutes=15)


def send_digests(now: datetime | None = None) -> int:
    """Fan out new overdue events, bundle them per user and send the digests. Returns how many were sent."""
    now = now or timezone.now()
    fan_out(now)
    bundle(now)
    sent = 0
    while (delivery := claim_next(now)) is not None:
        try:
            deliver(delivery)
        except Exception:
            # Stays claimed; the lease expires and a later run tries again.
            logger.exception(
                "digest %s for user %s could not be sent", delivery.pk, delivery.user_id
            )
            continue
        mark_sent(delivery, now)
        sent += 1
    return sent


def fan_out(now: datetime) -> int:
    """Claim the undistributed events and create a ``DigestItem`` for each (follower, event). Set-based."""
    qn = connection.ops.quote_name
    t = {
        "item": qn(DigestItem._meta.db_table),
        "event": qn(OverdueEvent._meta.db_table),
        "follow": qn(Follow._meta.db_table),
        "commitment": qn(Commitment._meta.db_table),
        "document": qn(Document._meta.db_table),
        "motion": qn(Motion._meta.db_table),
        "cm": qn(Commitment.motions.through._meta.db_table),
    }
    stamp = connection.ops.adapt_datetimefield_value(now)
    with transaction.atomic():
        # The publication rule: only what the griffie accepted reaches a follower. An unreviewed
        # proposal's event waits, unclaimed, until a clerk accepts it (then it goes out) or rejects it.
        unclaimed = OverdueEvent.objects.filter(fanned_out_at__isnull=True)
        claimed = unclaimed.filter(commitment__status__in=PUBLIC_STATUSES).update(fanned_out_at=now)
        # A rejected proposal was never a commitment: its event is closed without telling anyone.
        unclaimed.filter(commitment__status=Status.REJECTED).update(fanned_out_at=now - LEASE)
        if not claimed:
            return 0
        mine = "e.fanned_out_at = %s"
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {t["item"]} (user_id, event_id, created_at)
                SELECT m.user_id, m.event_id, %s FROM (
                    SELECT f.user_id, e.id AS event_id FROM {t["event"]} e
                    JOIN {t["follow"]} f ON f.commitment_id = e.commitment_id
                    WHERE {mine}
                  UNION
                    SELECT f.user_id, e.id FROM {t["event"]} e
                    JOIN {t["commitment"]} c ON c.id = e.commitment_id
                    JOIN {t["document"]} d ON d.id = c.document_id
                    JOIN {t["follow"]} f ON f.ministry <> '' AND (f.ministry = c.ministry OR f.ministry = d.ministry)
                    WHERE {mine}
                  UNION
                    SELECT f.user_id, e.id FROM {t["event"]} e
                    JOIN {t["commitment"]} c ON c.id = e.commitment_id
                    JOIN {t["document"]} d ON d.id = c.document_id
                    JOIN {t["follow"]} f ON f.dossier_id = d.dossier_id
                    WHERE {mine}
                  UNION
                    SELECT f.user_id, e.id FROM {t["event"]} e
                    JOIN {t["cm"]} cm ON cm.commitment_id = e.commitment_id
                    JOIN {t["motion"]} mo ON mo.id = cm.motion_id
                    JOIN {t["follow"]} f ON f.motion_id = mo.id OR f.dossier_id = mo.dossier_id
                    WHERE {mine}
                ) m
                WHERE 1 = 1
                ON CONFLICT (user_id, event_id) DO NOTHING
                """,
                [stamp, stamp, stamp, stamp, stamp],
            )
            return cursor.rowcount


def bundle(now: datetime) -> int:
    """Put each user's pending items into one new delivery. Returns the number of deliveries created."""
    created = 0
    user_ids = (
        DigestItem.objects.filter(delivery__isnull=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user_id in list(user_ids):
        with transaction.atomic():
            delivery = DigestDelivery.objects.create(user_id=user_id, created_at=now)
            moved = DigestItem.objects.filter(
                user_id=user_id, delivery__isnull=True
            ).update(delivery=delivery)
            if moved:
                created += 1
            else:  # a concurrent run bundled them first
                delivery.delete()
    return created


def claim_next(now: datetime) -> DigestDelivery | None:
    """Claim one unsent delivery whose lease is free or expired; ``None`` when there is none."""
    claimable = Q(sent_at__isnull=True) & (
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - LEASE)
    )
    while True:
        pk = (
            DigestDelivery.objects.filter(claimable)
            .order_by("id")
            .values_list("id", flat=True)
            .first()
        )
        if pk is None:
            return None
        if DigestDelivery.objects.filter(claimable, pk=pk).update(claimed_at=now) == 1:
            return DigestDelivery.objects.select_related("user").get(pk=pk)
        # Another run claimed it between our read and our update: try the next one.


def mark_sent(delivery: DigestDelivery, now: datetime) -> None:
    DigestDelivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).update(
        sent_at=now
    )


def deliver(delivery: DigestDelivery) -> None:
    """Compose and send one digest e-mail (Dutch, via gettext)."""
    user = delivery.user
    if not user.email:
        logger.info("digest %s: user %s has no e-mail address", delivery.pk, user.pk)
        return
    items = list(
        delivery.items.select_related("event__commitment__document")
        .prefetch_related("event__commitment__motions")
        .order_by("event__due_date", "event__commitment_id")
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = compose(user.get_full_name() or user.get_username(), items)
    send_mail(subject, body, None, [user.email])


def compose(name: str, items: list[DigestItem]) -> tuple[str, str]:
    """Subject and plain-text body of a digest."""
    n = len(items)
    subject = ngettext(
        "Toezeggingen: %(count)d nieuw te laat",
        "Toezeggingen: %(count)d nieuw te laat",
        n,
    ) % {"count": n}
    lines = [
        _("Beste %(name)s,") % {"name": name},
        "",
        ngettext(
            "Deze toezegging die u volgt is te laat:",
            "Deze %(count)d toezeggingen die u volgt zijn te laat:",
            n,
        )
        % {"count": n},
        "",
    ]
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    for item in items:
        event, c = item.event, item.event.commitment
        days = (event.overdue_since - event.due_date).days
        lines.append(f"- {c.quote}")
        lines.append(
            "  "
            + _("Termijn %(due)s, te laat sinds %(since)s (%(days)d dagen).")
            % {
                "due": formats.date_format(event.due_date, "j F Y"),
                "since": formats.date_format(event.overdue_since, "j F Y"),
                "days": days,
            }
        )
        source = c.document.display_title
        lines.append(
            "  "
            + _("Brief: %(document)s, %(ministry)s")
            % {"document": source, "ministry": c.ministry}
        )
        motions = sorted(m.key for m in c.motions.all())
        if motions:
            lines.append(
                "  " + _("Moties: %(motions)s") % {"motions": ", ".join(motions)}
            )
        try:
            lines.append(f"  {base}{reverse('web:commitment_detail', args=[c.pk])}")
        except (NoReverseMatch, ImportError):
            pass
        lines.append("")
    lines.append(
        _(
            "U ontvangt dit bericht omdat u deze toezeggingen, moties, dossiers of ministeries volgt."
        )
    )
    return subject, "\n".join(lines)
