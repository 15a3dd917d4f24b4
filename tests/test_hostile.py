"""Hostile and careless input to the pipeline, the batch commands, the store and `dict import`: one bad page
never stops a batch, a page too long for the parser is cut, work stays linear in the input, nothing stored
is lost. (The readers' own hostile inputs: test_io_hostile.py; the HTTP API's: test_api_hostile.py.)"""

import json
import os
import random
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from whowhom import cli, dicts, pipeline
from whowhom.io.readers import RawDoc, Skip
from whowhom.page.lines import Unit
from whowhom.page.textdump import _repeats
from whowhom.store import Store

NEWS = ("Russia warned Ukraine on Monday that it would cut gas supplies.\n\n"
        "China signed a trade agreement with Brazil in Beijing on Tuesday.")
# words that name no actor and hold no event trigger: a long page of them is cheap to read
QUIET = "the weather was mild and the river ran slowly past the old mill under grey clouds".split()


def quiet_text(chars: int, seed: int = 1) -> str:
    rnd, paras, size = random.Random(seed), [], 0
    while size < chars:
        p = " ".join(rnd.choice(QUIET) for _ in range(rnd.randint(30, 90))).capitalize() + "."
        paras.append(p)
        size += len(p) + 2
    return "\n\n".join(paras)


def whowhom(*args, stdin=None, stdout=subprocess.PIPE):
    return subprocess.run([sys.executable, "-m", "whowhom.cli", *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, input=stdin, timeout=300, cwd=ROOT)


# --- a page too long for the parser ----------------------------------------------------------------

def test_page_over_the_parsers_limit_is_cut_and_its_batch_coded():
    big = RawDoc(id="big", content=quiet_text(1_100_000), kind="text")  # spaCy refuses over 1,000,000
    small = RawDoc(id="small", content=NEWS, kind="text")
    rows = pipeline.analyse([big, small], sentences="actors")
    assert [r[1] for r in rows] == ["big", "small"]
    assert all(r[3] is None for r in rows), rows
    assert len(rows[0][2].article.body) <= pipeline.MAX_TEXT_CHARS
    assert {(e.source, e.target) for e in rows[1][2].events} >= {("RUS", "UKR"), ("CHN", "BRA")}


def test_a_page_that_breaks_the_coder_is_a_skip_and_the_rest_is_coded(monkeypatch):
    real = pipeline._code

    def breaks_on_bad(doc, article, *args, **kw):
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(doc, article, *args, **kw)

    monkeypatch.setattr(pipeline, "_code", breaks_on_bad)
    docs = [RawDoc(id=i, content=NEWS, kind="text") for i in ("one", "bad", "two")]
    for sentences in ("all", "actors"):
        rows = pipeline.analyse(docs, sentences=sentences)
        assert [r[2] is not None for r in rows] == [True, False, True]
        assert "coding failed (RuntimeError" in rows[1][3]
    out = list(pipeline.run(docs))
    assert [type(x).__name__ for x in out] == ["Coded", "Skip", "Coded"]


def test_chinese_page_is_not_coded_as_english():
    text = ("中国外交部发言人星期一表示，中国和俄罗斯将加强在能源和安全领域的合作。"
            "双方领导人在北京举行会谈，签署了多项协议。")
    [out] = pipeline.run([RawDoc(id="zh", content=text, kind="text")])
    assert isinstance(out, Skip) and out.reason == "not English (zh)"


# --- text dumps: linear time ------------------------------------------------------------------------

def _units(n: int, seed: int) -> list[Unit]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        text = " ".join(rnd.choice(QUIET) for _ in range(40))
        out.append(Unit(text=text, words=40, stop=0.5, titleish=False, namelike=False, cue=None, label="body"))
    return out


def test_repeated_paragraphs_are_found():
    units = _units(4, 3)
    twice = Unit(text=units[0].text, words=40, stop=0.5, titleish=False, namelike=False, cue=None, label="body")
    run_together = Unit(text=units[1].text + " " + units[2].text, words=80, stop=0.5, titleish=False,
                        namelike=False, cue=None, label="body")
    _repeats(units + [twice, run_together])
    assert [u.label for u in units] == ["body"] * 4
    assert twice.label == run_together.label == "boilerplate"


def test_repeat_detection_is_linear_in_the_page():
    def cost(n):
        units = _units(n, n)
        t = time.process_time()
        _repeats(units)
        return time.process_time() - t

    cost(200)  # (warm up)
    small, large = min(cost(1000) for _ in range(2)), min(cost(4000) for _ in range(2))
    assert large < 8 * max(small, 1e-3), (small, large)  # 4x the page: 4x the work (quadratic gave 16x)


# --- the batch commands: a bad record is a counted skip ---------------------------------------------

@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    d = tmp_path_factory.mktemp("mixed")
    lines = [json.dumps({"id": "a", "text": "Russia warned Ukraine on Monday."}), "{broken",
             json.dumps({"id": "c", "text": ""}), json.dumps({"id": "d", "text": "China signed a deal with Russia."})]
    (d / "records.jsonl").write_text("\n".join(lines) + "\n")
    (d / "binary.bin").write_bytes(bytes(range(256)) * 40)
    return d


def test_code_skips_bad_records_and_codes_the_rest(mixed):
    res = whowhom("code", mixed, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    assert {json.loads(line)["doc_id"] for line in res.stdout.splitlines()} == {"a", "d"}
    said = res.stderr.splitlines()
    assert sum(line.startswith("whowhom: skipped ") for line in said) == 3, said
    assert said[-1] == "whowhom: 2 read, 3 skipped" and "Traceback" not in res.stderr


def test_extract_skips_bad_records_and_extracts_the_rest(mixed):
    res = whowhom("extract", mixed / "records.jsonl")
    assert res.returncode == 0, res.stderr
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["a", "d"]


def test_strict_stops_at_the_first_bad_record(mixed):
    res = whowhom("code", mixed / "records.jsonl", "--strict", "--format", "jsonl")
    assert res.returncode == 2
    assert [json.loads(line)["doc_id"] for line in res.stdout.splitlines()] == ["a"]
    assert res.stderr.strip().splitlines() == ["whowhom: error: " + str(mixed / "records.jsonl") + ":2: "
                                               "malformed JSON (Expecting property name enclosed in double quotes)"]


def test_nothing_readable_is_exit_2(tmp_path):
    (tmp_path / "a.jsonl").write_text("{broken\n[1, 2]\n")
    res = whowhom("code", tmp_path / "a.jsonl")
    assert res.returncode == 2 and res.stderr.splitlines()[-1].startswith("whowhom: error: nothing could be read")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_full_disk_is_one_line_naming_it(tmp_path):
    (tmp_path / "page.txt").write_text(NEWS)
    with open("/dev/full", "w") as full:
        res = whowhom("code", tmp_path / "page.txt", "--format", "jsonl", stdout=full)
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == ["whowhom: error: OSError: No space left on device"]


# --- the store's text filter ------------------------------------------------------------------------

def test_text_filter_takes_wildcards_and_backslashes_literally(tmp_path):
    from test_store import article, event
    from whowhom.pipeline import Coded

    sentences = ["Turnout rose 50% in the north.", "Turnout rose 500 in the north.", "The a_b pact.",
                 "The axb pact.", r"A back\slash.", "A backslash."]
    with Store(tmp_path / "s.duckdb") as st:
        st.add([Coded(article(f"a{i}", body=f"Body {i} " * 40), [event("USA", "RUS", sentence=s)])
                for i, s in enumerate(sentences)])
        for text, want in (("50%", sentences[0]), ("a_b", sentences[2]), ("back\\slash", sentences[4])):
            assert list(st.events(text=text).sentence) == [want]


# --- dict import --------------------------------------------------------------------------------------

ACTORS = "FREEDONIA_  [FRD]\n+FREEDONIAN_\n"


def test_dict_import_never_writes_through_a_planted_link(tmp_path):
    d, elsewhere = tmp_path / "dicts", tmp_path / "elsewhere.txt"
    d.mkdir()
    os.symlink(elsewhere, d / "mine.actors.tsv")  # dangling: nothing there yet
    src = tmp_path / "mine.actors.txt"
    src.write_text(ACTORS)
    with pytest.raises(cli.InputError, match="exists"):
        dicts.import_file(str(src), directory=str(d), name="mine")
    dicts.import_file(str(src), directory=str(d), name="mine", force=True)
    assert not elsewhere.exists()
    assert not (d / "mine.actors.tsv").is_symlink() and "Freedonia" in (d / "mine.actors.tsv").read_text()
    assert sorted(p.name for p in d.iterdir()) == ["mine.actors.tsv"]  # no temporary file left


def test_dict_import_refuses_a_huge_file(tmp_path, monkeypatch):
    monkeypatch.setattr(dicts, "MAX_SOURCE_BYTES", 1000)
    src = tmp_path / "huge.actors.txt"
    src.write_text(ACTORS * 100)
    with pytest.raises(cli.InputError, match="over the"):
        dicts.import_file(str(src), directory=str(tmp_path / "d"))
    assert not (tmp_path / "d").exists()


# --- fuzzing the text-dump extractor ----------------------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

LINE = st.one_of(
    st.text(max_size=200),                                       # anything, control characters included
    st.sampled_from(["Comments", "Related articles", "Share this", "Posted by jo at 3:15 pm", "Reply",
                     "By Anna Kowalski", "March 3, 2008", "Advertisement", "© 2008 All rights reserved"]),
    st.lists(st.sampled_from(QUIET + ["Russia", "said", "."]), min_size=5, max_size=60).map(" ".join),
)


@settings(max_examples=300, deadline=5000, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(LINE, max_size=60), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_text_dump_extractor_never_raises(lines, sep):
    from whowhom.page.textdump import extract_text

    text = sep.join(lines)
    article = extract_text("fuzz", text)
    assert isinstance(article.body, str) and len(article.body) <= 2 * len(text)  # (lines joined by a blank line)
    assert article.title is None or article.title.strip()


@settings(max_examples=100, deadline=10000, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(LINE, max_size=40))
def test_pipeline_never_raises_on_a_page(lines):
    """Through extraction, the language check and coding, any page is either coded or a skip."""
    [out] = pipeline.run([RawDoc(id="fuzz", content="\n".join(lines), kind="text")])
    assert type(out).__name__ in ("Coded", "Skip")


HTML = st.lists(st.one_of(st.sampled_from(["<p>", "</p>", "<div class='comments'>", "</div>", "<h1>", "</h1>",
                                           "<script>x()</script>", "<!--", "-->", "<a href='javascript:x'>",
                                           "</a>", "<meta charset='utf-16'>", "<title>", "</title>", "&amp;",
                                           "&#0;", "<br>", "<article>", "<time datetime='2008-13-45'>"]),
                          st.text(max_size=80), LINE), max_size=80).map("".join)


@settings(max_examples=200, deadline=10000, derandomize=True, suppress_health_check=list(HealthCheck))
@given(HTML)
def test_html_extractor_never_raises(html):
    from whowhom.page import extract

    article = extract(RawDoc(id="fuzz", content=html, kind="html"))
    assert isinstance(article.body, str)


def test_page_limit_switch_skips_a_big_page_and_keeps_the_rest(tmp_path):
    (tmp_path / "big.txt").write_text("Russia warned Ukraine on Monday. " * 40_000)   # 1.3 MB
    (tmp_path / "small.txt").write_text(NEWS)
    res = whowhom("ingest", tmp_path / "big.txt", tmp_path / "small.txt", "--db", tmp_path / "s.duckdb",
                  "--no-progress", "--max-page-mb", "1")
    assert res.returncode == 0, res.stderr
    assert "articles stored: 1" in res.stderr and "page over 1 MB" in res.stderr
    res = whowhom("code", tmp_path / "big.txt", "--max-page-mb", "0")
    assert res.returncode == 2 and res.stderr.strip() == "whowhom: error: --max-page-mb 0: from 0 to 1024"
