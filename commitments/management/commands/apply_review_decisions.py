"""Apply stored review decisions to the proposals in the database (the demo's griffie).

    python manage.py apply_review_decisions fixtures/review_decisions.json

Goes through the normal service functions (accept, edit, reject, voldaan melden), so every
decision leaves its history rows, with the user "demo-griffie" as actor. Only proposals
(voorgesteld) are touched, so running it twice changes nothing the second time; a proposal
no decision matches stays in the review queue. See commitments/review_fixture.py.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from commitments import services
from commitments.models import Commitment, Status
from commitments.review_fixture import ACCEPT, REJECT, Outcome, match
from documents.models import Document

NOTE = "Beoordeeld door de demo-griffie (voorbeeldgegevens)."


class Command(BaseCommand):
    help = "Accept, correct and reject proposed commitments as recorded in a review-decisions file."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **opts):
        # Each service call re-flags its row; one log line per decision would bury the summary.
        logging.getLogger("commitments.overdue").setLevel(logging.WARNING)
        path = Path(opts["path"])
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        user = self._actor(data.get("actor") or "demo-griffie")
        by_document: dict[str, list[dict]] = defaultdict(list)
        for decision in data.get("decisions", []):
            by_document[decision["document"]].append(decision)
        documents = {d.source_name: d for d in Document.objects.filter(source_name__in=list(by_document)).defer("text")}
        outcome = Outcome()
        for name, decisions in by_document.items():
            document = documents.get(name)
            if document is None:
                outcome.problems.append(f"{name}: not in the database")
                continue
            proposals = list(document.commitments.filter(status=Status.PROPOSED).values_list("pk", "quote"))
            matched = match(decisions, proposals)
            outcome.left += len(proposals) - len(matched)
            for pk, decision in matched.items():
                self._apply(pk, decision, user, documents, outcome)
        self.stdout.write(
            f"review decisions: {outcome.accepted} accepted ({outcome.edited} with a corrected due date), "
            f"{outcome.rejected} rejected, {outcome.fulfilled} marked voldaan, "
            f"{outcome.left} proposals left in the queue"
        )
        for problem in outcome.problems:
            self.stderr.write(problem)

    @staticmethod
    def _actor(username: str):
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_unusable_password()  # a name in the history, not an account to log in with
            user.save()
        user.groups.add(Group.objects.get_or_create(name="griffie")[0])
        return user

    def _apply(self, pk: int, decision: dict, user, documents: dict[str, Document], outcome: Outcome) -> None:
        c = Commitment.objects.get(pk=pk)
        note = decision.get("note") or NOTE
        if decision["action"] == REJECT:
            services.reject_commitment(pk, c.version, user=user, note=note)
            outcome.rejected += 1
            return
        if decision["action"] != ACCEPT:
            outcome.problems.append(f"{decision['document']}: unknown action {decision['action']!r}")
            return
        due = dt.date.fromisoformat(decision["due_date"]) if decision.get("due_date") else None
        if due is not None and due != c.due_date:
            edit = services.CommitmentEdit(
                quote=c.quote,
                deliverable=c.deliverable,
                deadline_phrase=c.deadline_phrase,
                due_date=due,
                motion_keys=tuple(c.motions.order_by("key").values_list("key", flat=True)),
                note="Uiterste datum gecorrigeerd bij beoordeling (demo).",
            )
            c = services.edit_commitment(pk, c.version, edit, user=user)
            outcome.edited += 1
        c = services.accept_commitment(pk, c.version, user=user, note=NOTE)
        outcome.accepted += 1
        evidence = documents.get(decision.get("fulfilled_by", "")) or (
            Document.objects.filter(source_name=decision["fulfilled_by"]).first() if decision.get("fulfilled_by") else None
        )
        if evidence is not None:
            services.mark_fulfilled(pk, c.version, user=user, evidence=evidence, note=decision.get("note", ""))
            outcome.fulfilled += 1
