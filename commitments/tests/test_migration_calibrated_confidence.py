"""Migration 0014 puts the confidences already stored (raw scores) on the calibrated scale the extractor now shows,
and its reverse puts them back."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from commitments.extraction.model import Model
from commitments.models import Commitment, ReviewDecision, ReviewExample
from web.tests.factories import CommitmentFactory

migration = importlib.import_module("commitments.migrations.0014_calibrated_confidence")


@pytest.mark.django_db
def test_stored_confidences_become_calibrated_and_come_back():
    scores = [0.999, 0.9, 0.5]
    commitments = [CommitmentFactory(confidence=s) for s in scores]
    by_hand = CommitmentFactory(confidence=None)
    example = ReviewExample.objects.create(commitment=commitments[0], sentence=commitments[0].quote,
                                           decision=ReviewDecision.ACCEPTED, confidence=0.9)
    shipped = Model({}, 0.0, 0.5, calibration=(migration.A, migration.B))

    migration.forwards(apps, None)
    now = [Commitment.objects.get(pk=c.pk).confidence for c in commitments]
    assert now == [round(shipped.shown(s), 3) for s in scores]
    assert now == sorted(now, reverse=True) and now[-1] < 0.5   # the order kept; the threshold's score is "laag"
    assert Commitment.objects.get(pk=by_hand.pk).confidence is None
    assert ReviewExample.objects.get(pk=example.pk).confidence == round(shipped.shown(0.9), 3)

    migration.backwards(apps, None)
    back = [Commitment.objects.get(pk=c.pk).confidence for c in commitments]
    assert back == pytest.approx(scores, abs=0.002)
