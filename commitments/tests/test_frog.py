"""Frog, the Dutch linguistic analysis next to the rules: a real server (started by the test command,
``FROG_ADDRESS``), the features the model reads from it, the two-stage model, and no fallback."""

from __future__ import annotations

import os
import signal
import socket
import time

import pytest
from django.core.management import CommandError, call_command

from commitments.extraction import frog
from commitments.extraction.extractor import extract
from commitments.extraction.model import Model, candidates, load_model, score_candidates
from commitments.tests.test_extraction import doc_of


def analysed(sentence: str) -> dict[str, float]:
    return frog.features(frog.client().analyse(sentence))


def test_frog_tags_finite_verbs_tense_and_lemmas():
    tokens = frog.client().analyse("Uw Kamer wordt vóór de zomer geïnformeerd over de uitkomsten.")
    by_word = {t.word: t for t in tokens}
    assert by_word["wordt"].pos == "WW" and "pv" in by_word["wordt"].attrs and "tgw" in by_word["wordt"].attrs
    assert by_word["geïnformeerd"].lemma == "informeren"
    assert "vd" in by_word["geïnformeerd"].attrs


@pytest.mark.parametrize("sentence, present, absent", [
    ("Als de evaluatie klaar is, zal ik uw Kamer informeren.", {"fg:su=1p", "fg:future", "fg:pv=zullen"},
     {"fg:su=other_np"}),
    ("Droge zomers zullen vaker voorkomen.", {"fg:future", "fg:su=other_np"}, {"fg:su=1p"}),
    ("De subsidievoorwaarden worden aangepast.", {"fg:passive_noagent", "fg:pv=worden"}, {"fg:passive"}),
    ("In 2027 wordt de wet door het kabinet geëvalueerd.", {"fg:passive"}, {"fg:passive_noagent"}),
    ("Het kabinet heeft de regeling vorig jaar herzien.", {"fg:perfect", "fg:su=gov"}, {"fg:future"}),
    ("Indiening is voorzien in het eerste kwartaal.", {"fg:zijn_vd", "fg:vd=voorzien"}, {"fg:perfect"}),
    ("Zoals ik toezegde, stuur ik u het rapport.", {"fg:su=1p", "fg:su=1p|lexical", "fg:subordinate"}, set()),
])
def test_the_features_name_subject_verb_and_voice(sentence, present, absent):
    f = analysed(sentence)
    assert present <= set(f), sorted(f)
    assert not (absent & set(f)), sorted(f)


def test_the_second_stage_decides_past_the_gate_and_frog_is_not_asked_below_it(monkeypatch):
    doc = doc_of("Droge zomers zullen vaker voorkomen. Ik zal uw Kamer voor de zomer informeren.", date="2025-03-01")
    cands = candidates(doc)
    # a first stage that lets everything through the gate, a second stage that only trusts a first-person subject
    model = Model({}, 0.0, 0.5, gate=0.1, stage2=({"fg:su=1p": 8.0}, -4.0))
    score_candidates(cands, model)
    by_text = {c.sentence.strip(): c for c in cands}
    assert by_text["Ik zal uw Kamer voor de zomer informeren."].confidence > 0.95
    assert by_text["Droge zomers zullen vaker voorkomen."].confidence < 0.05
    assert all(any(k.startswith("fg:") for k in c.features) for c in cands)

    asked = []
    monkeypatch.setattr(frog.FrogClient, "analyse", lambda self, s: asked.append(s) or [])
    closed = Model({}, -10.0, 0.5, gate=0.1, stage2=({"fg:su=1p": 8.0}, -4.0))
    fresh = candidates(doc)
    score_candidates(fresh, closed)
    assert asked == [] and all(c.confidence < 0.1 for c in fresh)


def test_the_stored_model_cascades_and_its_confidences_come_from_the_second_stage():
    model = load_model()
    assert model.cascades and 0 < model.gate < model.threshold
    items = extract(doc_of("Ik zal uw Kamer voor de zomer van 2026 informeren over de evaluatie.", date="2025-03-01"))
    assert items and any(k.startswith("fg:") for k in items[0].features)
    assert items[0].confidence == pytest.approx(model.shown(model.score2(items[0].features)), abs=1e-3)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_without_frog_extraction_stops_with_a_clear_message(monkeypatch, tmp_path):
    # 127.0.0.2 is a loopback address nobody listens on, and not one the command starts Frog for
    monkeypatch.setenv("FROG_ADDRESS", f"127.0.0.2:{_closed_port()}")
    letter = tmp_path / "brief.txt"
    letter.write_text("Geachte voorzitter,\n\nIk zal uw Kamer voor de zomer informeren over de evaluatie.\n",
                      encoding="utf-8")
    with pytest.raises(CommandError, match="cannot extract without Frog"):
        call_command("extract_commitments", str(letter), "--date", "2025-03-01", "--format", "json")
    with pytest.raises(frog.FrogUnavailable):
        extract(doc_of("Ik zal uw Kamer voor de zomer informeren over de evaluatie.", date="2025-03-01"))


@pytest.mark.django_db
def test_ingest_without_frog_stores_nothing_and_says_why(monkeypatch, tmp_path):
    from commitments.models import Commitment
    from documents.models import Document
    from ingestion.pipeline import ingest_file

    monkeypatch.setenv("FROG_ADDRESS", f"127.0.0.2:{_closed_port()}")
    letter = tmp_path / "brief.txt"
    letter.write_text("Geachte voorzitter,\n\nIk zal uw Kamer voor de zomer informeren over de evaluatie.\n",
                      encoding="utf-8")
    result = ingest_file(letter, doc_type="kamerbrief", date=None)
    assert result.status == "error" and "Frog" in result.message
    assert Document.objects.count() == 0 and Commitment.objects.count() == 0


def test_a_one_off_command_starts_frog_itself_when_none_runs(monkeypatch):
    port = _closed_port()
    monkeypatch.setenv("FROG_ADDRESS", f"127.0.0.1:{port}")
    try:
        seconds = frog.ensure_server()
        assert seconds > 0 and frog.answers("127.0.0.1", port)
        assert frog.ensure_server() == 0.0   # running now: not started twice
        assert any(t.lemma == "informeren" for t in frog.client().analyse("Wij informeren de Kamer."))
    finally:
        frog.client().close()
        for line in os.popen(f"pgrep -f 'frog -S {port} '").read().split():
            os.kill(int(line), signal.SIGTERM)
        time.sleep(0.2)


def test_a_missing_frog_is_installed_from_debian_before_it_is_started(monkeypatch):
    monkeypatch.setenv("FROG_ADDRESS", f"127.0.0.1:{_closed_port()}")
    state = {"installed": False}
    ran, started = [], []
    monkeypatch.setattr(frog, "installed", lambda: state["installed"])
    monkeypatch.setattr(frog.os, "geteuid", lambda: 0)

    class Done:
        returncode, stdout, stderr = 0, "", ""

    def fake_run(cmd, **kw):
        ran.append(cmd)
        if "install" in cmd:
            state["installed"] = True
        return Done()

    monkeypatch.setattr(frog.subprocess, "run", fake_run)
    monkeypatch.setattr(frog, "start_server", lambda port, **kw: started.append(port))
    monkeypatch.setattr(frog, "wait_until_up", lambda *a, **kw: None)
    said = []
    frog.ensure_server(log=said.append)
    assert ran[-1][-3:] == ["frog", "frogdata", "uctodata"] and "install" in ran[-1]
    assert started and "installing" in said[0]


def test_when_frog_cannot_be_installed_the_message_says_how_to(monkeypatch):
    monkeypatch.setenv("FROG_ADDRESS", f"127.0.0.1:{_closed_port()}")
    monkeypatch.setattr(frog, "installed", lambda: False)
    monkeypatch.setattr(frog.shutil, "which", lambda name: None)   # no apt-get, no frog
    with pytest.raises(frog.FrogUnavailable, match="apt-get install frog frogdata uctodata"):
        frog.ensure_server()


def test_frog_is_asked_while_the_letter_is_still_read_and_the_result_is_the_same(monkeypatch):
    from commitments.extraction import extractor
    from commitments.extraction import model as model_module

    doc = doc_of("Ik zal uw Kamer voor de zomer van 2026 informeren over de evaluatie.",
                 "Het programma loopt sinds 2021 en wordt uitgevoerd samen met gemeenten.",
                 "Wij sturen de Kamer in het najaar een voortgangsbrief over de aanpak.",
                 "De minister zal na de zomer een wetsvoorstel indienen over de regeling.", date="2025-03-01")

    def run() -> list[tuple[str, object, float]]:
        frog.client().clear_cache()
        return [(i.quote, i.deadline.due_date, i.confidence) for i in extract(doc)]

    events: list[tuple[str, str]] = []
    featurize, ask, prefetch_all = model_module.featurize, frog.Prefetch.ask, model_module._prefetch
    monkeypatch.setattr(model_module, "featurize",
                        lambda c, *a, **kw: events.append(("read", c.sentence)) or featurize(c, *a, **kw))
    monkeypatch.setattr(frog.Prefetch, "ask", lambda self, s: events.append(("ask", s)) or ask(self, s))
    uncached: list[str] = []

    def second_stage(cands):
        uncached.extend(c.sentence for c in cands if frog.client()._cached(" ".join(c.sentence.split())) is None)
        return prefetch_all(cands)
    monkeypatch.setattr(model_module, "_prefetch", second_stage)
    ahead = run()
    # asked before the last passage was read, and all analysed by the time the second stage wants them
    assert [k for k, _ in events].index("ask") < max(n for n, (k, _) in enumerate(events) if k == "read")
    assert uncached == []
    monkeypatch.setattr(extractor, "_frog_ahead", lambda model: (None, None))
    assert run() == ahead and ahead
