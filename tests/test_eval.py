"""whowhom eval: the scorers follow ../shared/README.md's definitions (invented records only)."""

import json
import subprocess
import sys

import pytest

from whowhom.eval import events as ev
from whowhom.eval import penta as pr
from whowhom.eval.extract import shingle_prf


def _ev(source, plover, target=None, modality="asserted", penta=0, confidence=0.5, cameo=None, **kw):
    return {"source": source, "plover": plover, "target": target, "modality": modality, "penta": penta,
            "confidence": confidence, "cameo": cameo, **kw}


def test_events_prefix_match_target_and_one_to_one():
    gold = [{"id": "a", "text": "x", "events": [
        {"plover": "ACCUSE", "source": [{"code": "RUS"}], "target": [{"code": "UKR"}]},
        {"plover": "ACCUSE", "source": [{"code": "RUS"}], "target": []}]},
        {"id": "b", "text": "y", "events": [{"plover": "AID", "source": [{"code": "IGO"}], "target": []}]}]
    system = {"a": [_ev("RUSGOV", "ACCUSE", "UKRMIL"), _ev("RUS", "ACCUSE", None, modality="negated")],
              "b": [_ev("NATO", "AID", "AFG")]}        # NATO's CAMEO code is IGOWSTNAT: matches IGO
    r = ev.score(gold, system)
    assert (r["tp"], r["system"], r["gold"]) == (2, 2, 3)   # the negated event is left out
    # as the README defines it, the RUSGOV -> UKRMIL event matches both gold events of "a" (the second
    # has no target); one-to-one, it matches only one of them
    assert r["precision"] == 1.0 and r["recall"] == 1.0
    assert r["strict_precision"] == 1.0 and r["strict_recall"] == pytest.approx(2 / 3)
    assert r["type_accuracy"] == 1.0 and r["type_precision"] == 1.0


def test_events_as_the_readme_defines_them_and_one_to_one():
    # one gold event with two targets; the system codes it as two dyadic events, both right
    gold = [{"id": "a", "text": "x", "events": [{"plover": "THREATEN", "source": [{"code": "SYR"}],
                                                 "target": [{"code": "TUR"}, {"code": "IRQ"}]}]}]
    r = ev.score(gold, {"a": [_ev("SYR", "THREATEN", "TUR"), _ev("SYR", "THREATEN", "IRQ")]})
    assert r["precision"] == 1.0 and r["recall"] == 1.0
    assert r["strict_precision"] == 0.5 and r["strict_recall"] == 1.0 and r["tp"] == 1
    assert r["misses"] == []


def test_events_wrong_target_or_type_is_no_match():
    gold = [{"id": "a", "text": "x", "events": [{"plover": "ASSAULT", "source": [{"code": "SYR"}],
                                                 "target": [{"code": "TUR"}]}]}]
    r = ev.score(gold, {"a": [_ev("SYR", "ASSAULT", "IRQ"), _ev("SYR", "COERCE", "TUR")]})
    assert r["tp"] == 0 and r["type_accuracy"] == 1.0 and r["type_precision"] == 0.5


def test_cameo_task_matches_codes():
    gold = [{"id": "a", "text": "x", "events": [{"source": "CHN", "target": "RUS", "cameo": "1212"}]}]
    assert ev.score(gold, {"a": [_ev("CHN", None, "RUS", cameo="1212")]}, "cameo")["f1"] == 1.0
    assert ev.score(gold, {"a": [_ev("CHN", None, "RUS", cameo="121")]}, "cameo")["f1"] == 0.0


def test_penta_takes_most_confident_asserted_event_else_zero():
    evs = [_ev("A", "X", penta=4, confidence=0.9, modality="hypothetical"), _ev("A", "X", penta=2, confidence=0.6),
           _ev("A", "X", penta=1, confidence=0.3)]
    assert pr.penta_of(evs) == 2
    assert pr.penta_of([]) == 0
    gold = [{"id": "a", "text": "x", "penta": 2}, {"id": "b", "text": "y", "penta": 0}]
    r = pr.score_penta(gold, {"a": evs})
    assert r["accuracy"] == 1.0 and r["macro_f1"] == pytest.approx(2 / 5)  # three classes never occur


def test_roles_tokens_inside_spans():
    tokens = ["The", "army", "shelled", "the", "town", "."]
    gold = [{"id": "a", "tokens": tokens, "tags": ["B-S", "I-S", "O", "B-T", "I-T", "O"]}]
    # sentence offsets: "The army" 0-8, "the town" 17-25; the system's target covers "town" only
    system = {"a": [_ev("MIL", "ASSAULT", "", start=0, source_start=0, source_end=8, target_start=21,
                        target_end=25)]}
    r = pr.score_roles(gold, system)
    assert r["S"]["f1"] == 1.0
    assert r["T"]["precision"] == 1.0 and r["T"]["recall"] == 0.5


def test_extract_shingles():
    s = shingle_prf([("one two three four five", "one two three four five"), ("", "a b c d")])
    assert s["precision"] == 1.0 and s["recall"] == 0.5


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "whowhom.cli", *args], capture_output=True, text=True)


def test_cli_codes_gold_and_ends_with_json(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": "Georgia accused Armenia of shelling its border posts.",
                                "date": "2024-03-01", "events": [{"plover": "ACCUSE", "source": [{"code": "GEO"}],
                                                                  "target": [{"code": "ARM"}]}]}) + "\n")
    out = _cli("eval", "events", str(gold))
    assert out.returncode == 0, out.stderr
    head = json.loads(out.stdout.strip().splitlines()[-1])
    assert head["task"] == "events" and head["f1"] == 1.0


def test_cli_bad_gold_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "no events field"}\n')
    out = _cli("eval", "events", str(bad))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "missing events" in out.stderr
    out = _cli("eval", "penta", str(tmp_path / "absent.jsonl"))
    assert out.returncode == 2 and "Traceback" not in out.stderr
