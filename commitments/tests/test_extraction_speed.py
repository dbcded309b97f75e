"""The speed work on the extractor changes nothing it finds: the time-phrase pre-filter, the vetoes computed
once, Frog over several connections with its cache, the honest benchmark and the snapshot guard."""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from commitments.extraction import deadlines, frog
from commitments.extraction import extractor as rules
from commitments.extraction.model import candidates
from commitments.tests.test_extraction import doc_of
from documents.reader import parse_text

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


def corpus_sentences() -> list[str]:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for m in manifest:
        doc = parse_text((CORPUS / m["file"]).read_text(encoding="utf-8"), source_name=m["file"], doc_type=m["type"])
        out += [p.text for p in doc.passages]
        out += [s for p in doc.passages for s in re.split(r"(?<=[.!?])\s+", p.text)]
    return out


def test_the_characters_that_fold_to_ascii_letters_are_the_ones_the_prefilter_leaves_to_re():
    letter = re.compile("[a-z]", re.I)
    folding = {chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))}
    assert folding == set(deadlines.FOLDS_TO_ASCII)


@pytest.mark.parametrize("text", [
    "Ik informeer u in Q3.", "TOP van Brussel", "uiterlijk 2027", "t.z.t. volgt meer", "Z.S.M. na afloop",
    "de ſnelle weg", "de \u212aamerbrief volgt bij de begroting", "Het İnwerkingtreden", "per  kwartaal",
    "Wij doen dit.", "", "Geen enkel woord hier.",
])
def test_the_prefilter_never_rejects_what_the_regular_expression_accepts(text):
    if deadlines.TRIGGER_WORDS.search(text):
        assert deadlines.may_hold_time(text)


def test_the_prefilter_agrees_on_every_sentence_of_the_corpus_and_skips_most_of_those_without_time():
    sentences = corpus_sentences()
    hits = [bool(deadlines.TRIGGER_WORDS.search(s)) for s in sentences]
    maybe = [deadlines.may_hold_time(s) for s in sentences]
    assert all(m for h, m in zip(hits, maybe) if h)
    without = [m for h, m in zip(hits, maybe) if not h]
    assert without and sum(without) < len(without) / 2   # it does reject most sentences without a time phrase


def test_the_vetoes_computed_once_are_those_each_regex_finds():
    for s in corpus_sentences()[:400]:
        s = rules._norm_ws(s)
        assert [bool(m) for m in rules.skip_matches(s)] == [bool(rx.search(s)) for _n, rx in rules.SKIP]
        reporting, request, past = rules.shared_searches(s)
        assert bool(reporting) == bool(rules.REPORTING.search(s))
        assert bool(request) == bool(rules.REQUEST_TO_GOV.search(s))
        assert bool(past) == bool(rules.PAST.search(rules.main_clause(s)))


def test_analysing_over_several_connections_gives_each_sentence_its_own_tags(monkeypatch):
    sentences = ["Ik zal uw Kamer voor de zomer informeren.", "Droge zomers zullen vaker voorkomen.",
                 "Het wetsvoorstel wordt in 2027 ingediend.", "Ik zal uw Kamer voor de zomer informeren.",
                 "De regeling is herzien door het ministerie.", "Wij verlagen de drempel voor scholen."]
    host, port = frog.address()
    one = frog.FrogClient(host, port)
    many = frog.FrogClient(host, port)
    try:
        alone = [one.analyse(s) for s in sentences]
        asked = []
        real = frog._Connection.analyse
        monkeypatch.setattr(frog._Connection, "analyse", lambda self, text: asked.append(text) or real(self, text))
        together = many.analyse_many(sentences, workers=3)
        assert together == alone and all(together)
        assert sorted(asked) == sorted(set(sentences))          # a repeated sentence is asked once
        assert len(many._conns) == 3
        asked.clear()
        assert many.analyse_many(sentences) == alone and asked == []   # then from the cache
        many.clear_cache()
        assert many.analyse_many(sentences[:2], workers=2) == alone[:2] and len(asked) == 2
    finally:
        one.close()
        many.close()


def test_a_lost_server_during_parallel_analysis_is_frog_unavailable(monkeypatch):
    host, port = frog.address()
    client = frog.FrogClient(host, port)

    def broken(self, text):
        raise frog.FrogUnavailable("Frog on test stopped answering")

    monkeypatch.setattr(frog._Connection, "analyse", broken)
    with pytest.raises(frog.FrogUnavailable):
        client.analyse_many(["Een zin.", "Nog een zin.", "En een derde zin."], workers=2)


def test_frog_connections_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("FROG_CONNECTIONS", "3")
    assert frog.connections() == 3
    monkeypatch.setenv("FROG_CONNECTIONS", "twee")
    with pytest.raises(frog.FrogUnavailable, match="FROG_CONNECTIONS"):
        frog.connections()


def test_frog_is_started_with_one_openmp_thread_that_does_not_spin(monkeypatch):
    seen = {}

    class Proc:
        pass

    monkeypatch.setattr(frog.shutil, "which", lambda name: "/usr/bin/frog")
    monkeypatch.setattr(frog.subprocess, "Popen", lambda cmd, **kw: seen.update(cmd=cmd, env=kw["env"]) or Proc())
    frog.start_server(7999)
    assert seen["cmd"][:3] == ["/usr/bin/frog", "-S", "7999"]
    assert seen["env"]["OMP_NUM_THREADS"] == "1" and seen["env"]["OMP_WAIT_POLICY"] == "PASSIVE"
    sh = (Path(__file__).resolve().parents[2] / "scripts" / "frog.sh").read_text()
    assert "OMP_NUM_THREADS=1" in sh and "OMP_WAIT_POLICY=PASSIVE" in sh


def test_parallel_prefetch_leaves_the_extraction_as_it_was(monkeypatch):
    doc = doc_of("Ik zal uw Kamer voor de zomer van 2026 informeren over de evaluatie. Droge zomers zullen vaker "
                 "voorkomen. Het kabinet dient in 2027 een wetsvoorstel in. Wij sturen u eind 2026 de rapportage.",
                 date="2025-03-01")
    monkeypatch.setenv("FROG_CONNECTIONS", "1")
    frog.client().clear_cache()
    serial = [(c.sentence, c.confidence, sorted(c.features)) for c in _scored(doc)]
    monkeypatch.setenv("FROG_CONNECTIONS", "2")
    frog.client().clear_cache()
    parallel = [(c.sentence, c.confidence, sorted(c.features)) for c in _scored(doc)]
    assert serial == parallel and any(any(k.startswith("fg:") for k in f) for _s, _c, f in parallel)


def _scored(doc):
    from commitments.extraction.model import load_model, score_candidates

    cands = candidates(doc)
    score_candidates(cands, load_model())
    return cands


def _small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    manifest = [m for m in json.loads((CORPUS / "manifest.json").read_text()) if m["file"].startswith("004_")]
    shutil.copy(CORPUS / manifest[0]["file"], corpus / manifest[0]["file"])
    (corpus / "manifest.json").write_text(json.dumps(manifest))
    return corpus


def test_benchmark_extraction_reports_warm_with_frogs_cache_emptied_and_repeated_apart(tmp_path):
    out = StringIO()
    call_command("benchmark_extraction", corpus=str(_small_corpus(tmp_path)), repeat=1, scale=2, format="json",
                 stdout=out)
    result = json.loads(out.getvalue())
    c = result["corpus"]
    assert c["documents"] == 1 and c["total_ms"] > 0 and c["first_pass_ms"] > 0 and c["repeated_ms"] > 0
    assert c["cpu_ms"] > 0 and c["frog_connections"] >= 1 and result["documents"][0]["commitments"] > 0


def test_snapshot_extraction_finds_its_own_output_identical_and_a_changed_one_not(tmp_path):
    corpus = _small_corpus(tmp_path)
    snap = tmp_path / "snap.json"
    call_command("snapshot_extraction", corpus=[str(corpus)], out=str(snap), stdout=StringIO())
    data = json.loads(snap.read_text())
    (label, entry), = data.items()
    assert entry["commitments"] and entry["candidates"]
    out = StringIO()
    call_command("snapshot_extraction", corpus=[str(corpus)], compare=str(snap), stdout=out)
    assert "identical" in out.getvalue()
    entry["commitments"][0]["due_date"] = "1999-01-01"
    snap.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="1 of 1 documents differ"):
        call_command("snapshot_extraction", corpus=[str(corpus)], compare=str(snap), stdout=StringIO(),
                     stderr=StringIO())
    with pytest.raises(CommandError, match="--out"):
        call_command("snapshot_extraction", stdout=StringIO())


@pytest.mark.django_db
def test_benchmark_ingest_reports_a_first_sight_that_frogs_cache_did_not_serve(tmp_path, monkeypatch):
    from commitments.models import Commitment
    from documents.models import Document

    corpus = _small_corpus(tmp_path)
    (name,) = [p.name for p in corpus.glob("*.txt")]
    meta = json.loads((corpus / "manifest.json").read_text())[0]
    doc = parse_text((corpus / name).read_text(encoding="utf-8"), source_name=name, doc_type=meta["type"])
    frog.client().analyse_many([c.sentence for c in candidates(doc)])   # every sentence is in the cache now
    asked = []
    real = frog._Connection.analyse
    monkeypatch.setattr(frog._Connection, "analyse", lambda self, text: asked.append(text) or real(self, text))
    out = StringIO()
    call_command("benchmark_ingest", corpus=[str(corpus)], copies=2, format="json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["first_sight"]["documents"] == 1 and result["repeated"]["documents"] == 1
    assert result["first_sight"]["cpu_s"] > 0 and result["frog_total_pss_mb"] >= result["frog_rss_mb"] > 10
    warmup = {" ".join(s.split()) for s in re.split(r"(?<=\.)\s+", documents_warmup_text())}
    assert len([a for a in asked if a not in warmup]) >= 5   # the corpus copy was analysed by Frog anew
    assert len(asked) == len(set(asked))                     # and the repeated copy came from the cache
    assert Document.objects.count() == 0 and Commitment.objects.count() == 0


def documents_warmup_text() -> str:
    from ingestion.management.commands.benchmark_ingest import WARMUP

    return WARMUP
