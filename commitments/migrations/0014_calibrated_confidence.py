"""Stored confidences become calibrated ones.

Until this version a proposal's confidence was the model's raw score; from now on it is the score calibrated
(``commitments.extraction.model.Model.shown``: how often proposals of that score were promises in letters of
ministries the model had not seen). The confidences already stored on commitments and on the griffie's review
examples are converted with the calibration of the model this version ships, so that the queue's "laag" mark and
the quality page's bands read every row on one scale. The constants are written out here (not read from
``model.json``, which a later training changes), and the reverse migration undoes the conversion.
"""

import math

from django.db import migrations

A, B = 0.348486, -0.524238   # model.json "calibration" of this version
CLIP = 0.001


def _shown(score: float) -> float:
    q = min(max(score, CLIP), 1 - CLIP)
    return round(1.0 / (1.0 + math.exp(-(A * math.log(q / (1 - q)) + B))), 3)


def _score(shown: float) -> float:
    q = min(max(shown, 1e-9), 1 - 1e-9)
    return round(1.0 / (1.0 + math.exp(-((math.log(q / (1 - q)) - B) / A))), 3)


def _convert(apps, how) -> None:
    for name in ("Commitment", "ReviewExample"):
        model = apps.get_model("commitments", name)
        rows = list(model.objects.filter(confidence__isnull=False).only("pk", "confidence"))
        for row in rows:
            row.confidence = how(row.confidence)
        model.objects.bulk_update(rows, ["confidence"], batch_size=1000)


def forwards(apps, schema_editor):
    _convert(apps, _shown)


def backwards(apps, schema_editor):
    _convert(apps, _score)


class Migration(migrations.Migration):

    dependencies = [
        ("commitments", "0013_follow_search_frequency_change_events"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
