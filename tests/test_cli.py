"""The CLI contract: `whowhom code` and `whowhom extract`, exit codes, and the canonical page."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

EXAMPLE = SHARED / "examples" / "china-russia-alliance.txt"
FIELDS = {"doc_id", "sentence_index", "sentence", "start", "end", "section", "source", "source_text",
          "source_start", "source_end", "target", "target_text", "target_start", "target_end", "cameo",
          "cameo_root", "goldstein", "quad_class", "penta", "plover", "plover_mode", "modality",
          "reported_by", "event_date", "confidence", "rule"}


def whowhom(*args, stdin=None, env=None):
    return subprocess.run([sys.executable, "-m", "whowhom.cli", *map(str, args)], capture_output=True,
                          text=True, input=stdin, timeout=300, cwd=ROOT, env=env)


def events_of(*args, stdin=None, env=None):
    res = whowhom("code", *args, "--format", "jsonl", stdin=stdin, env=env)
    assert res.returncode == 0, res.stderr
    return [json.loads(line) for line in res.stdout.splitlines()]


@pytest.fixture(scope="module")
def bundled():
    return events_of(*sorted((ROOT / "examples").iterdir()))


def test_jsonl_has_every_field_and_offsets_point_at_the_evidence(bundled):
    assert bundled
    for ev in bundled:
        assert FIELDS <= ev.keys()
        s = ev["sentence"]
        # (a joint act's second direction, +joint, has its actors' words but not where the sentence gives
        # them as source or target: "A met B" gives B -> A, "A and B held talks" A -> B with B inferred)
        joint = "+joint" in ev["rule"]
        if ev["source_start"] is None and not joint:  # an unnamed doer ("X was arrested")
            assert ev["source"] == ev["source_text"] == ""
        elif ev["source_start"] is not None:
            assert s[ev["source_start"]:ev["source_end"]] == ev["source_text"]
        if "+topic" in ev["rule"]:  # the country the story is about, not words of the sentence
            assert ev["target"] and ev["target_start"] is None and ev["target_text"] is None
        elif ev["target"] and (ev["target_start"] is not None or not joint):
            assert s[ev["target_start"]:ev["target_end"]] == ev["target_text"]
        assert ev["modality"] in ("asserted", "negated", "hypothetical", "intended")
        assert ev["quad_class"] in (1, 2, 3, 4) and ev["penta"] in (0, 1, 2, 3, 4)


def test_body_offsets_are_offsets_in_the_body():
    from whowhom.io import read_inputs
    from whowhom.page import extract
    page = ROOT / "examples" / "baltic-standoff.txt"
    body = extract(next(read_inputs([str(page)]))).body
    for ev in events_of(page):
        if ev["section"] == "article":
            assert body[ev["start"]:ev["end"]] == ev["sentence"]


def test_bundled_text_page(bundled):
    evs = [e for e in bundled if e["doc_id"].endswith("baltic-standoff.txt")]
    asserted = {(e["source"][:3], e["cameo_root"], (e["target"] or "")[:3]) for e in evs
                if e["modality"] == "asserted" and e["section"] != "comment"}
    assert ("LTU", "12", "BLR") in asserted          # rejects a military pact
    assert ("EU", "16", "BLR") in asserted           # sanctions
    assert ("NAT", "06", "POL") in asserted          # joint exercises
    comment = [e for e in evs if "criticized Belarus for years" in e["sentence"]]
    assert comment and all(e["section"] == "comment" for e in comment)
    assert not any("Donate" in e["sentence"] or "Estonia Hosts" in e["sentence"] for e in evs)


def test_jsonl_records_use_their_ids(bundled):
    ids = {e["doc_id"] for e in bundled}
    assert {"wire-001", "wire-002"} <= ids


def test_stdin_and_tsv():
    res = whowhom("code", "-", "--format", "tsv", stdin="Chile praised Peru for the new trade agreement.\n")
    assert res.returncode == 0, res.stderr
    header, *rows = res.stdout.splitlines()
    assert header.split("\t")[:6] == ["doc_id", "section", "sentence_index", "source", "target", "cameo"]
    assert any(r.split("\t")[3:6] == ["CHL", "PER", "051"] for r in rows)


def test_extract_json():
    res = whowhom("extract", ROOT / "examples" / "sahel-talks.html", "--format", "json")
    assert res.returncode == 0, res.stderr
    page = json.loads(res.stdout)
    assert page["title"].startswith("Mali and Niger") and page["date"] == "2024-05-14"
    assert "Niamey" in page["body"] and "All rights reserved" not in page["body"]
    assert {"id", "title", "date", "author", "body", "parts"} <= page.keys()


@pytest.mark.parametrize("args", [["code", "/no/such/file.txt"], ["code", "--input-format", "jsonl", "-"]])
def test_bad_input_is_one_line_and_exit_2(args):
    res = whowhom(*args, stdin="{not json\n")
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not present")
@pytest.mark.parametrize("models", ["off", "shipped"])
def test_canonical_page(models):
    env = dict(os.environ, WHOWHOM_MODELS="off" if models == "off" else "")
    evs = events_of(EXAMPLE, env=env)
    asserted = [e for e in evs if e["modality"] == "asserted"]
    body = {(e["source"][:3], e["cameo_root"], (e["target"] or "")[:3]) for e in asserted if e["section"] != "comment"}
    assert ("CHN", "12", "RUS") in body
    assert ("RUS", "06", "CHN") in body and ("CHN", "06", "RUS") in body
    assert ("WST", "16", "RUS") in body
    assert ("RUS", "11", "NAT") in body and ("CHN", "11", "USA") in body
    # between the two, the page reports rejection and joint exercises, nothing else
    assert {r for s, r, t in body if {s, t} == {"CHN", "RUS"}} <= {"12", "06"}
    united = [e for e in evs if "united front" in e["sentence"]]
    assert all(e["cameo_root"] not in ("03", "04", "05", "06", "07", "08") for e in united)
    chrome = ("Follow us", "Donate", "Snowden", "Macron", "newsletter", "Related")
    assert not any(c in e["sentence"] for e in evs for c in chrome)
    for e in evs:
        if "Russia says no to China" in e["sentence"]:
            assert e["section"] == "comment"
