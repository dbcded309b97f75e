"""The digest: one e-mail per follower with what changed in what they follow.

Two outboxes feed it: ``OverdueEvent`` (``commitments.overdue.flag_overdue`` writes it: newly
overdue) and ``CommitmentEvent`` (written with the ``StatusChange`` / ``DeadlineChange`` that records
it: newly accepted, postponed with old and new date, fulfilled). Three steps, each safe to repeat and
to run concurrently:

1. **fan out**: claim the events not yet distributed (``fanned_out_at IS NULL``, compare-and-set)
   and insert one ``DigestItem`` per (follower, event): set-based INSERT … SELECT for follows of a
   motion, dossier, ministry or commitment, the list's FilterSet for saved searches;
   ``ON CONFLICT DO NOTHING``. A follow with frequency "geen" gets nothing; an item reached by a
   daily and a weekly follow is daily;
2. **bundle**: per user, move the pending items into a new ``DigestDelivery`` (compare-and-set on
   ``delivery IS NULL``): daily items every run, weekly items on ``DIGEST_WEEKDAY`` (or once they
   are a week old, if that run was missed), so a weekly follower gets one mail a week;
3. **send**: claim unsent deliveries (up to ``CLAIM_BATCH`` per round trip) with a lease
   (compare-and-set on ``claimed_at``, like healthchecks' ``sendalerts``), then one by one send the
   e-mail and mark it sent. What every mail shares (events, rendered lines, which commitments a
   followed target covers) is computed once per run (``RunCache``).

A crash after sending and before marking leaves exactly that delivery unsent; once
its lease has expired the next run sends it again: at most one digest is resent,
none is lost.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import F, Q
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from commitments.models import (
    PUBLIC_STATUSES,
    ChangeKind,
    Commitment,
    CommitmentEvent,
    DigestDelivery,
    DigestItem,
    Follow,
    FollowFrequency,
    Motion,
    OverdueEvent,
    Status,
)
from documents.models import Document

logger = logging.getLogger(__name__)

#: A claimed delivery that was not marked sent within this time is sent again.
LEASE = timedelta(minutes=15)
#: Weekly items older than this go out even if the weekly run was missed.
WEEK = timedelta(days=7)


def send_digests(now: datetime | None = None) -> int:
    """Fan out new events, bundle them per user and send the digests. Returns how many were sent."""
    now = now or timezone.now()
    fan_out(now)
    bundle(now)
    sent = 0
    cache = RunCache()
    while batch := claim_batch(now):
        cache.prefetch(batch)
        for i, delivery in enumerate(batch):
            try:
                try:
                    deliver(delivery, cache)
                except Exception:
                    # Stays claimed; the lease expires and a later run tries again.
                    logger.exception("digest %s for user %s could not be sent", delivery.pk, delivery.user_id)
                    continue
                mark_sent(delivery, now)
            except BaseException:
                # The process is going down: the deliveries of this batch not yet tried are released at once
                # (this one stays claimed: it may have been sent, and is resent only after its lease).
                release(batch[i + 1 :], now)
                raise
            sent += 1
    return sent


def _still_true() -> Q:
    """A change event that still holds: not undone since it was written."""
    return (
        Q(kind=ChangeKind.NEW)
        | Q(kind=ChangeKind.FULFILLED, commitment__status=Status.FULFILLED)
        | Q(kind=ChangeKind.POSTPONED, commitment__due_date=F("new_due_date"))
    )


def fan_out(now: datetime) -> int:
    """Claim the undistributed events and create a ``DigestItem`` for each (follower, event)."""
    stamp = connection.ops.adapt_datetimefield_value(now)
    created = 0
    with transaction.atomic():
        # The publication rule: only what the griffie accepted reaches a follower. An unreviewed
        # proposal's overdue event waits, unclaimed, until a clerk accepts it (then it goes out) or rejects it.
        unclaimed = OverdueEvent.objects.filter(fanned_out_at__isnull=True)
        claimed = unclaimed.filter(commitment__status__in=PUBLIC_STATUSES).update(fanned_out_at=now)
        # A rejected proposal was never a commitment: its event is closed without telling anyone.
        unclaimed.filter(commitment__status=Status.REJECTED).update(fanned_out_at=now - LEASE)
        if claimed:
            created += _fan_out_source(OverdueEvent, "event_id", stamp, now)
        # Changes: announced when they still hold and the commitment is public; otherwise (undone,
        # or no longer public) closed without telling anyone.
        changes = CommitmentEvent.objects.filter(fanned_out_at__isnull=True)
        claimed = changes.filter(_still_true(), commitment__status__in=PUBLIC_STATUSES).update(fanned_out_at=now)
        changes.update(fanned_out_at=now - LEASE)
        if claimed:
            created += _fan_out_source(CommitmentEvent, "change_id", stamp, now)
    return created


def _fan_out_source(model, column: str, stamp, now: datetime) -> int:
    """Items for the events of ``model`` claimed at ``now``: saved searches first, then the SQL joins."""
    created = _fan_out_searches(model, column, now)
    qn = connection.ops.quote_name
    t = {
        "item": qn(DigestItem._meta.db_table),
        "event": qn(model._meta.db_table),
        "follow": qn(Follow._meta.db_table),
        "commitment": qn(Commitment._meta.db_table),
        "document": qn(Document._meta.db_table),
        "motion": qn(Motion._meta.db_table),
        "cm": qn(Commitment.motions.through._meta.db_table),
    }
    mine = "e.fanned_out_at = %s AND f.frequency <> %s"
    none = FollowFrequency.NONE.value
    daily = FollowFrequency.DAILY.value
    with connection.cursor() as cursor:
        # 'dagelijks' < 'wekelijks': MIN keeps daily when a daily and a weekly follow both reach the item.
        cursor.execute(
            f"""
            INSERT INTO {t["item"]} (user_id, {column}, frequency, created_at)
            SELECT g.user_id, g.event_id, g.frequency, %s FROM (
              SELECT m.user_id, m.event_id, MIN(m.frequency) AS frequency FROM (
                SELECT f.user_id, e.id AS event_id, f.frequency FROM {t["event"]} e
                JOIN {t["follow"]} f ON f.commitment_id = e.commitment_id
                WHERE {mine}
              UNION
                SELECT f.user_id, e.id, f.frequency FROM {t["event"]} e
                JOIN {t["commitment"]} c ON c.id = e.commitment_id
                JOIN {t["document"]} d ON d.id = c.document_id
                JOIN {t["follow"]} f ON f.ministry <> '' AND (f.ministry = c.ministry OR f.ministry = d.ministry)
                WHERE {mine}
              UNION
                SELECT f.user_id, e.id, f.frequency FROM {t["event"]} e
                JOIN {t["commitment"]} c ON c.id = e.commitment_id
                JOIN {t["document"]} d ON d.id = c.document_id
                JOIN {t["follow"]} f ON f.dossier_id = d.dossier_id
                WHERE {mine}
              UNION
                SELECT f.user_id, e.id, f.frequency FROM {t["event"]} e
                JOIN {t["cm"]} cm ON cm.commitment_id = e.commitment_id
                JOIN {t["motion"]} mo ON mo.id = cm.motion_id
                JOIN {t["follow"]} f ON f.motion_id = mo.id OR f.dossier_id = mo.dossier_id
                WHERE {mine}
              ) m
              GROUP BY m.user_id, m.event_id
            ) g
            WHERE 1 = 1
            ON CONFLICT (user_id, {column}) DO UPDATE SET frequency = excluded.frequency
            WHERE excluded.frequency = %s
            """,
            [stamp, stamp, none, stamp, none, stamp, none, stamp, none, daily],
        )
        return created + cursor.rowcount


def _fan_out_searches(model, column: str, now: datetime) -> int:
    """Items for saved searches: each distinct search re-run (the list's FilterSet) over the claimed events."""
    from readers.follows import search_queryset

    events = dict(model.objects.filter(fanned_out_at=now).values_list("id", "commitment_id"))
    if not events:
        return 0
    by_commitment: dict[int, list[int]] = {}
    for event_id, commitment_id in events.items():
        by_commitment.setdefault(commitment_id, []).append(event_id)
    followers: dict[str, list[tuple[int, str]]] = {}
    for search, user_id, frequency in (
        Follow.objects.exclude(search="").exclude(frequency=FollowFrequency.NONE)
        .values_list("search", "user_id", "frequency")
    ):
        followers.setdefault(search, []).append((user_id, frequency))
    among = Commitment.objects.filter(pk__in=list(by_commitment))
    rows: dict[tuple[int, int], str] = {}
    for search, users in followers.items():
        for commitment_id in search_queryset(search, among).values_list("pk", flat=True):
            for event_id in by_commitment[commitment_id]:
                for user_id, frequency in users:
                    key = (user_id, event_id)
                    rows[key] = min(rows.get(key, frequency), frequency)
    items = [
        DigestItem(user_id=user_id, frequency=frequency, created_at=now, **{column: event_id})
        for (user_id, event_id), frequency in rows.items()
    ]
    DigestItem.objects.bulk_create(items, batch_size=1000, ignore_conflicts=True)
    return len(items)


def weekly_day(now: datetime) -> bool:
    """Whether ``now`` falls on the day weekly items go out (``DIGEST_WEEKDAY``, 0 = Monday, local time)."""
    return timezone.localtime(now).weekday() == getattr(settings, "DIGEST_WEEKDAY", 0)


def bundle(now: datetime, chunk: int = 5000) -> int:
    """Put each user's pending items into one new delivery. Returns the number of deliveries created.

    Daily items are bundled every run; weekly items on the weekly day, or when a week old (a missed run).
    Set-based per chunk of users: one INSERT of deliveries, one UPDATE moving the items (compare-and-set
    on ``delivery IS NULL``), and a concurrent run's leftovers (deliveries that got no item) deleted.
    """
    created = 0
    due = Q(delivery__isnull=True)
    if not weekly_day(now):
        due &= Q(frequency=FollowFrequency.DAILY) | Q(created_at__lte=now - WEEK)
    user_ids = list(DigestItem.objects.filter(due).values_list("user_id", flat=True).distinct().order_by("user_id"))
    for i in range(0, len(user_ids), chunk):
        users = user_ids[i : i + chunk]
        with transaction.atomic():
            new = DigestDelivery.objects.bulk_create([DigestDelivery(user_id=u, created_at=now) for u in users])
            new_ids = [d.pk for d in new]
            # Each pending item joins its user's delivery of this chunk (UPDATE … FROM, one statement; a
            # concurrent run's deliveries have other ids, and ``delivery_id IS NULL`` is the compare-and-set).
            qn = connection.ops.quote_name
            item, dd = qn(DigestItem._meta.db_table), qn(DigestDelivery._meta.db_table)
            weekly = "" if weekly_day(now) else f" AND ({item}.frequency = %s OR {item}.created_at <= %s)"
            params = [min(new_ids), max(new_ids), connection.ops.adapt_datetimefield_value(now)]
            if weekly:
                params += [FollowFrequency.DAILY.value, connection.ops.adapt_datetimefield_value(now - WEEK)]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"""
                    UPDATE {item} SET delivery_id = d.id FROM {dd} d
                    WHERE d.user_id = {item}.user_id AND d.id BETWEEN %s AND %s AND d.created_at = %s
                      AND {item}.delivery_id IS NULL{weekly}
                    """,
                    params,
                )
            empty = DigestDelivery.objects.filter(pk__in=new_ids, items__isnull=True)
            deleted, _per_model = empty.delete()
            created += len(new_ids) - deleted
    return created


#: Deliveries claimed per round trip; each is still marked sent on its own right after its e-mail.
CLAIM_BATCH = 100


def _claimable(now: datetime) -> Q:
    return Q(sent_at__isnull=True) & (Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - LEASE))


def claim_batch(now: datetime, size: int = CLAIM_BATCH) -> list[DigestDelivery]:
    """Claim up to ``size`` unsent deliveries whose lease is free or expired (compare-and-set on ``claimed_at``).

    A crash leaves the claimed ones unsent: none is lost (they go out after the lease), and only the one
    whose e-mail was sent but not yet marked can be sent twice.
    """
    claimable = _claimable(now)
    ids = list(DigestDelivery.objects.filter(claimable).order_by("id").values_list("id", flat=True)[:size])
    if not ids:
        return []
    DigestDelivery.objects.filter(claimable, pk__in=ids).update(claimed_at=now)
    # Only what this run claimed (a concurrent run may have taken some between the read and the update).
    return list(
        DigestDelivery.objects.filter(pk__in=ids, claimed_at=now, sent_at__isnull=True)
        .select_related("user")
        .order_by("id")
    )


def claim_next(now: datetime) -> DigestDelivery | None:
    """Claim one unsent delivery whose lease is free or expired; ``None`` when there is none."""
    batch = claim_batch(now, 1)
    return batch[0] if batch else None


def release(deliveries: list[DigestDelivery], now: datetime) -> None:
    """Give back claimed deliveries that were never tried."""
    if deliveries:
        DigestDelivery.objects.filter(
            pk__in=[d.pk for d in deliveries], claimed_at=now, sent_at__isnull=True
        ).update(claimed_at=None)


def mark_sent(delivery: DigestDelivery, now: datetime) -> None:
    DigestDelivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).update(
        sent_at=now
    )


class RunCache:
    """What one ``send_digests`` run computes once and reuses for every follower's mail.

    Events with their commitment, letter and motions; each item's rendered lines; per followed
    target (motion, dossier, ministry, commitment, saved search) which of the run's commitments it
    covers, so "why" costs no query per mail.
    """

    def __init__(self) -> None:
        self.events: dict[tuple[str, int], OverdueEvent | CommitmentEvent] = {}
        self.lines: dict[tuple[str, int], list[str]] = {}
        self.covered: dict[tuple, set[int]] = {}
        self.among: set[int] | None = None
        self.keys: dict[int, list[tuple[str, int]]] = {}
        self.follows: dict[int, list[Follow]] = {}

    def prefetch(self, batch: list[DigestDelivery]) -> None:
        """The items and the follows of a batch of deliveries, in two queries."""
        self.keys = {d.pk: [] for d in batch}
        for delivery_id, e, c in (
            DigestItem.objects.filter(delivery__in=[d.pk for d in batch])
            .order_by("id")
            .values_list("delivery_id", "event_id", "change_id")
        ):
            self.keys[delivery_id].append(("e", e) if e else ("c", c))
        self.follows = {d.user_id: [] for d in batch}
        for follow in (
            Follow.objects.filter(user_id__in=list(self.follows))
            .select_related("motion", "dossier", "commitment")
            .order_by("created_at", "id")
        ):
            self.follows[follow.user_id].append(follow)

    def user_follows(self, user) -> list[Follow]:
        if user.pk in self.follows:
            return self.follows.pop(user.pk)
        return list(user.follows.select_related("motion", "dossier", "commitment").order_by("created_at", "id"))

    def items(self, delivery: DigestDelivery) -> list[DigestItem]:
        keys = self.keys.pop(delivery.pk, None)
        if keys is None:
            keys = [
                ("e", e) if e else ("c", c)
                for e, c in delivery.items.order_by("id").values_list("event_id", "change_id")
            ]
        missing_e = [k[1] for k in keys if k[0] == "e" and k not in self.events]
        missing_c = [k[1] for k in keys if k[0] == "c" and k not in self.events]
        for kind, model, ids in (("e", OverdueEvent, missing_e), ("c", CommitmentEvent, missing_c)):
            if ids:
                for ev in (
                    model.objects.filter(pk__in=ids)
                    .select_related("commitment__document")
                    .defer("commitment__document__text", "commitment__features")
                    .prefetch_related("commitment__motions")
                ):
                    self.events[(kind, ev.pk)] = ev
        return [
            DigestItem(event=self.events[k]) if k[0] == "e" else DigestItem(change=self.events[k])
            for k in keys
            if k in self.events
        ]

    def reasons(self, follows: list[Follow], commitment_ids: list[int]) -> dict[int, list[Follow]]:
        from readers.follows import reasons, search_queryset, target_q

        if self.among is None:
            pending = DigestItem.objects.filter(delivery__isnull=False, delivery__sent_at__isnull=True)
            self.among = {
                pk
                for pair in pending.values_list("event__commitment_id", "change__commitment_id").distinct()
                for pk in pair
                if pk
            }
        if not set(commitment_ids) <= self.among:  # bundled by a concurrent run: no shortcut
            return reasons(follows, commitment_ids)
        wanted = set(commitment_ids)
        out: dict[int, list[Follow]] = {}
        for follow in follows:
            key = (follow.motion_id, follow.dossier_id, follow.ministry, follow.commitment_id, follow.search)
            if key not in self.covered:
                among = Commitment.objects.filter(pk__in=self.among)
                if follow.search:
                    hits = search_queryset(follow.search, among.public()).values_list("pk", flat=True)
                else:
                    hits = among.filter(target_q(follow)).values_list("pk", flat=True).distinct()
                self.covered[key] = set(hits)
            for pk in self.covered[key] & wanted:
                out.setdefault(pk, []).append(follow)
        return out


def deliver(delivery: DigestDelivery, cache: RunCache | None = None) -> None:
    """Compose and send one digest e-mail (Dutch, via gettext), with its unsubscribe headers."""
    from readers.tokens import unsubscribe_token

    cache = cache or RunCache()
    user = delivery.user
    if not user.email:
        logger.info("digest %s: user %s has no e-mail address", delivery.pk, user.pk)
        return
    items = cache.items(delivery)
    if not items:
        return
    follows = cache.user_follows(user)
    why = cache.reasons(follows, [item.commitment.pk for item in items])
    base = site_url()
    unsubscribe = base + reverse("readers:unsubscribe", args=[unsubscribe_token(user)])
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = compose(
            user.get_full_name() or user.get_username(), items, why, unsubscribe, lines=cache.lines
        )
    send_mail(
        subject,
        body,
        user.email,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_mail(subject: str, body: str, to: str, headers: dict[str, str]) -> None:
    """Send one digest (plain text, from ``DEFAULT_FROM_EMAIL``) with its headers."""
    EmailMessage(subject, body, None, [to], headers=headers).send()


def site_url() -> str:
    """The site's address for links in e-mails (``SITE_URL``), without a trailing slash."""
    return getattr(settings, "SITE_URL", "").rstrip("/")


#: Sections of a digest, in this order.
SECTIONS = ("te_laat", ChangeKind.POSTPONED, ChangeKind.FULFILLED, ChangeKind.NEW)


def _section(item: DigestItem) -> str:
    return "te_laat" if item.event_id else item.change.kind


def compose(
    name: str,
    items: list[DigestItem],
    why: dict[int, list[Follow]] | None = None,
    unsubscribe: str = "",
    lines: dict | None = None,
) -> tuple[str, str]:
    """Subject and plain-text body of a digest: per kind of change the commitments, each with why it is there."""
    from readers.follows import describe

    why = why or {}
    groups: dict[str, list[DigestItem]] = {}
    for item in items:
        groups.setdefault(_section(item), []).append(item)
    for group in groups.values():
        group.sort(key=lambda i: (i.event.due_date if i.event_id else (i.change.new_due_date or i.commitment.due_date)
                                  or i.commitment.created_at.date(), i.commitment.pk))
    counts = []
    late = len(groups.get("te_laat", []))
    if late:
        counts.append(ngettext("%(count)d nieuw te laat", "%(count)d nieuw te laat", late) % {"count": late})
    n = len(groups.get(ChangeKind.POSTPONED, []))
    if n:
        counts.append(ngettext("%(count)d uitgesteld", "%(count)d uitgesteld", n) % {"count": n})
    n = len(groups.get(ChangeKind.FULFILLED, []))
    if n:
        counts.append(ngettext("%(count)d voldaan", "%(count)d voldaan", n) % {"count": n})
    n = len(groups.get(ChangeKind.NEW, []))
    if n:
        counts.append(ngettext("%(count)d nieuw", "%(count)d nieuw", n) % {"count": n})
    subject = _("Toezeggingen: %(counts)s") % {"counts": ", ".join(counts)}
    rendered = {} if lines is None else lines
    lines = [_("Beste %(name)s,") % {"name": name}, ""]
    base = site_url()
    headings = {
        "te_laat": lambda k: ngettext(
            "Deze toezegging die u volgt is te laat:", "Deze %(count)d toezeggingen die u volgt zijn te laat:", k
        ),
        ChangeKind.POSTPONED: lambda k: ngettext(
            "Deze toezegging die u volgt is uitgesteld:", "Deze %(count)d toezeggingen die u volgt zijn uitgesteld:", k
        ),
        ChangeKind.FULFILLED: lambda k: ngettext(
            "Aan deze toezegging die u volgt is voldaan:", "Aan deze %(count)d toezeggingen die u volgt is voldaan:", k
        ),
        ChangeKind.NEW: lambda k: ngettext(
            "Deze toezegging is nieuw in wat u volgt:", "Deze %(count)d toezeggingen zijn nieuw in wat u volgt:", k
        ),
    }
    for section in SECTIONS:
        group = groups.get(section)
        if not group:
            continue
        lines += [headings[section](len(group)) % {"count": len(group)}, ""]
        for item in group:
            key = ("e", item.event_id) if item.event_id else ("c", item.change_id)
            if key not in rendered:
                rendered[key] = _item_lines(item, base)
            *body, url = rendered[key]
            lines += body
            follows = why.get(item.commitment.pk, [])
            if follows:
                lines.append(
                    "  "
                    + _("Omdat u volgt: %(follows)s")
                    % {"follows": "; ".join(_("deze toezegging") if f.commitment_id else describe(f) for f in follows)}
                )
            if url:
                lines.append(url)
            lines.append("")
    lines.append(
        _("U ontvangt dit bericht omdat u deze toezeggingen, moties, dossiers, ministeries of zoekopdrachten volgt.")
    )
    try:
        lines.append(_("Wat u volgt en hoe vaak u mail krijgt: %(url)s") % {"url": base + reverse("readers:follows")})
    except NoReverseMatch:
        pass
    if unsubscribe:
        lines.append(_("Geen e-mail meer ontvangen (één klik, zonder inloggen): %(url)s") % {"url": unsubscribe})
    return subject, "\n".join(lines)


def _item_lines(item: DigestItem, base: str) -> list[str]:
    """The lines of one item that are the same in every follower's mail; the last one is its link (or "")."""
    c = item.commitment
    lines = [f"- {c.quote}"]
    if item.event_id:
        event = item.event
        days = (event.overdue_since - event.due_date).days
        lines.append(
            "  "
            + _("Termijn %(due)s, te laat sinds %(since)s (%(days)d dagen).")
            % {
                "due": formats.date_format(event.due_date, "j F Y"),
                "since": formats.date_format(event.overdue_since, "j F Y"),
                "days": days,
            }
        )
    elif item.change.kind == ChangeKind.POSTPONED:
        change = item.change
        lines.append(
            "  "
            + _("Uitgesteld van %(old)s naar %(new)s.")
            % {
                "old": formats.date_format(change.old_due_date, "j F Y") if change.old_due_date else _("geen datum"),
                "new": formats.date_format(change.new_due_date, "j F Y") if change.new_due_date else _("geen datum"),
            }
        )
    elif item.change.kind == ChangeKind.FULFILLED:
        lines.append("  " + _("Voldaan."))
    elif c.due_date:
        lines.append("  " + _("Termijn %(due)s.") % {"due": formats.date_format(c.due_date, "j F Y")})
    lines.append(
        "  " + _("Brief: %(document)s, %(ministry)s") % {"document": c.document.display_title, "ministry": c.ministry}
    )
    motions = sorted(m.key for m in c.motions.all())
    if motions:
        lines.append("  " + _("Moties: %(motions)s") % {"motions": ", ".join(motions)})
    try:
        lines.append(f"  {base}{reverse('web:commitment_detail', args=[c.pk])}")
    except (NoReverseMatch, ImportError):
        lines.append("")
    return lines
