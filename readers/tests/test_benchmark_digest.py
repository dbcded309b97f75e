"""benchmark_digest runs (on a small number) and leaves nothing behind."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from commitments.models import CommitmentEvent, DigestDelivery, Follow

pytestmark = pytest.mark.django_db


def test_benchmark_digest_sends_one_mail_per_follower_and_rolls_back():
    out = StringIO()
    call_command("benchmark_digest", followers=30, commitments=30, format="json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["followers"] == 30
    assert result["sent"] == 30 and result["mails"] == 30
    assert result["items_per_mail"] >= 1
    assert result["total_s"] >= result["send_s"] >= 0
    assert not get_user_model().objects.filter(email__endswith="@bench.invalid").exists()
    assert not Follow.objects.exists() and not CommitmentEvent.objects.exists() and not DigestDelivery.objects.exists()


def test_benchmark_digest_refuses_nonsense():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("benchmark_digest", followers=0)
