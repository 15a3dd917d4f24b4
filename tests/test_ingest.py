"""`whowhom ingest` and the queries over its store: counts, skips with reasons, idempotence, a SIGKILL in
the middle of a run, WARC input, and the ingest path coding exactly what `code_article` codes."""

import gzip
import json
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import ROOT, SHARED

COUNTRIES = [("Poland", "Germany"), ("Chile", "Peru"), ("Kenya", "Uganda"), ("Norway", "Sweden"),
             ("Egypt", "Sudan"), ("Vietnam", "Laos"), ("Canada", "Mexico"), ("Ghana", "Togo"),
             ("Brazil", "Argentina"), ("Japan", "South Korea")]
VERBS = ["condemned", "praised", "accused", "met with", "criticized"]


def page(i: int, a: str, b: str) -> str:
    verb = VERBS[i % len(VERBS)]
    return (f"{a} and {b} in new dispute over river dam\n\nMarch {i + 1}, 2024\n\n"
            f"{a} {verb} {b} on Tuesday over plans for a dam on their shared river, officials said. "
            f"The foreign ministry of {a} said the project would cut water supplies to farms in the north.\n\n"
            f"Engineers from both countries will inspect the site in {2020 + i % 5}, according to a report. "
            f"{b} rejected the demands of {a} and said its plans were lawful.\n")


def whowhom(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "whowhom.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    sub = root / "sub" / "deeper"
    sub.mkdir(parents=True)
    for i, (a, b) in enumerate(COUNTRIES):
        (sub if i % 3 == 0 else root).joinpath(f"p{i:02d}.txt").write_text(page(i, a, b), encoding="utf-8")
    (root / "p00-copy.txt").write_text(page(0, *COUNTRIES[0]), encoding="utf-8")          # exact copy
    gz = page(1, *COUNTRIES[1]).replace("on Tuesday", "on Wednesday")                      # near duplicate
    (root / "p01-variant.txt.gz").write_bytes(gzip.compress(gz.encode("utf-8")))
    (root / "german.txt").write_text(
        "Polen und Deutschland streiten über einen Staudamm\n\nDie Regierung in Warschau hat am Dienstag "
        "die Pläne für einen neuen Staudamm scharf kritisiert. Der Außenminister sagte, das Projekt werde "
        "die Wasserversorgung der Bauern im Norden gefährden und verstoße gegen geltende Verträge.\n",
        encoding="utf-8")
    (root / "empty.txt").write_text("  \n", encoding="utf-8")
    (root / "image.bin").write_bytes(bytes(range(256)) * 8)
    (root / "wire.jsonl").write_text(
        json.dumps({"id": "w1", "date": "2024-05-02", "text": "Peru praised Chile for its help after the floods."})
        + "\n{broken json\n", encoding="utf-8")
    return root


def rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot(db):
    return (rows(db, "SELECT article_id, story_id, duplicate, doc_id FROM articles ORDER BY article_id"),
            rows(db, "SELECT * EXCLUDE (day) FROM events ORDER BY event_id"),
            rows(db, "SELECT * FROM inputs ORDER BY input_hash"))


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    res = whowhom("ingest", corpus, "--db", db, "--batch-size", "3")
    assert res.returncode == 0, res.stderr
    return db, res.stderr


def test_summary_counts_skips_and_duplicates(clean):
    db, summary = clean
    assert "pages read: 17" in summary                       # 15 files, the JSON Lines file has 2 records
    assert "articles stored: 12" in summary
    assert "1 × not English (de)" in summary
    assert "empty" in summary and "binary data" in summary and "malformed JSON" in summary
    assert "skipped: 4" in summary
    stories = rows(db, "SELECT count(DISTINCT story_id), count(*) FILTER (WHERE duplicate = 'exact'), "
                       "count(*) FILTER (WHERE duplicate = 'near') FROM articles")[0]
    # p00-copy.txt is a copy of p00.txt: same article, stored once; the variant is near-duplicate
    assert stories == (11, 0, 1)
    n_events = rows(db, "SELECT count(*) FROM events")[0][0]
    assert n_events >= 12 and f"events: {n_events}" in summary


def test_ingest_twice_changes_nothing(clean, corpus, tmp_path):
    db, _ = clean
    before = snapshot(db)
    res = whowhom("ingest", corpus, "--db", db)
    assert res.returncode == 0, res.stderr
    assert "articles stored: 0, events: 0" in res.stderr
    assert snapshot(db) == before


def test_sigkill_then_resume_gives_the_clean_store(clean, corpus, tmp_path):
    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "whowhom.cli", "ingest", str(corpus), "--db", str(db),
                             "--batch-size", "2", "--verbose"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 240
    line = ""
    while time.time() < deadline and not (line.startswith("committed") and " 0 articles" not in line):
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
    assert line.startswith("committed"), "no batch with articles was ever committed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = rows(db, "SELECT count(*) FROM articles")[0][0]
    committed_inputs = rows(db, "SELECT count(*) FROM inputs")[0][0]
    assert 0 < partial < 12                                  # killed part-way
    # resumed with two worker processes: the store must still be the one a clean in-process run gives
    res = whowhom("ingest", corpus, "--db", db, "--batch-size", "2", "--workers", "2")
    assert res.returncode == 0, res.stderr
    already = int(res.stderr.split("duplicates: ")[1].split(" already")[0])
    assert already >= committed_inputs                     # committed inputs are not read again
    assert snapshot(db) == snapshot(clean[0])


def test_queries_and_exports_from_the_cli(clean, tmp_path):
    db, _ = clean
    res = whowhom("dyad", "POL", "DEU", "--db", db, "--by", "year", "--both-directions", "--format", "tsv")
    assert res.returncode == 0, res.stderr
    header, *lines = res.stdout.splitlines()
    assert header.split("\t")[:4] == ["period", "source", "target", "events"]
    assert lines and all(line.split("\t")[1] in ("POL", "DEU") for line in lines)
    res = whowhom("events", "--db", db, "--actor", "PER", "--format", "jsonl", "--limit", "100")
    evs = [json.loads(x) for x in res.stdout.splitlines()]
    assert evs and all("PER" in (e["source"], e["target"]) for e in evs)
    assert {e["date"] for e in evs} >= {"2024-05-02"}
    res = whowhom("events", "--db", db, "--since", "yesterday")
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    res = whowhom("dyad", "POL", "DEU", "--db", tmp_path / "missing.duckdb")
    assert res.returncode == 2 and "no such store" in res.stderr


def test_exports(clean, tmp_path):
    import pandas as pd

    from whowhom.io.export import GDELT_COLUMNS
    db, _ = clean
    n_events = rows(db, "SELECT count(*) FROM events")[0][0]
    for fmt in ("parquet", "jsonl", "gdelt"):
        res = whowhom("export", "--db", db, "--format", fmt, "--out", tmp_path / f"out.{fmt}")
        assert res.returncode == 0, res.stderr
    assert len(pd.read_parquet(tmp_path / "out.parquet")) == n_events
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == n_events
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[-1] == "SOURCEURL"
    gdelt = [line.split("\t") for line in (tmp_path / "out.gdelt").read_text().splitlines()]
    extras = [line.split("\t") for line in (tmp_path / "out.gdelt.extras.tsv").read_text().splitlines()]
    clusters = rows(db, "SELECT count(*) FROM clustered_events WHERE day IS NOT NULL")[0][0]
    assert len(gdelt) == clusters == len(extras) - 1 and all(len(r) == 61 for r in gdelt)
    assert {r[0] for r in gdelt} == {r[0] for r in extras[1:]}            # keyed by GLOBALEVENTID
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    pol = next(r for r in gdelt if r[col["Actor1Code"]] == "POL" and r[col["Actor2Code"]] == "DEU")
    # "Poland condemned Germany on Tuesday", in an article of Friday 1 March 2024: that Tuesday
    assert pol[col["SQLDATE"]] == "20240227" and pol[col["MonthYear"]] == "202402"
    assert pol[col["Actor1CountryCode"]] == "POL" and pol[col["EventRootCode"]] == pol[col["EventCode"]][:2]
    assert int(pol[col["NumMentions"]]) >= int(pol[col["NumArticles"]]) >= 1
    res = whowhom("export", "--db", db, "--format", "gdelt", "--out", tmp_path / "no" / "dir.tsv")
    assert res.returncode == 2 and "cannot write" in res.stderr


def test_bad_paths_and_options_are_one_line_errors(tmp_path):
    res = whowhom("ingest", tmp_path / "nowhere", "--db", tmp_path / "x.duckdb")
    assert res.returncode == 2 and "no such file" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "x.duckdb").exists()
    res = whowhom("ingest", tmp_path, "--db", tmp_path / "x.duckdb", "--workers", "0")
    assert res.returncode == 2 and "--workers" in res.stderr


def warc_record(uri: str, html: str, date: str, rid: str, ctype: str = "text/html; charset=utf-8") -> bytes:
    body = html.encode("utf-8")
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\nWARC-Date: {date}\r\n"
            f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def test_warc_records_become_pages(tmp_path):
    from whowhom.io.readers import RawDoc, iter_inputs

    html = ("<html><head><title>Kenya and Uganda sign a trade deal</title></head><body><article>"
            "<h1>Kenya and Uganda sign a trade deal</h1><p>Kenya praised Uganda on Friday for opening its "
            "border markets to farmers from the east, the trade ministry said in a statement.</p>"
            "<p>The two governments will meet again next month to discuss fuel pipelines.</p></article></body></html>")
    data = (warc_record("https://example.org/news/1", html, "2023-07-14T08:00:00Z", "1")
            + warc_record("https://example.org/logo.png", "PNG", "2023-07-14T08:00:01Z", "2", "image/png"))
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(data))
    (tmp_path / "crawl.warc").write_bytes(data)
    docs = list(iter_inputs([str(tmp_path / "crawl.warc.gz")]))
    assert len(docs) == 1 and isinstance(docs[0], RawDoc)
    assert docs[0].url == "https://example.org/news/1" and docs[0].fallback_date == "2023-07-14"
    db = tmp_path / "w.duckdb"
    res = whowhom("ingest", tmp_path / "crawl.warc", "--db", db)
    assert res.returncode == 0, res.stderr
    arts = rows(db, "SELECT url, date, site FROM articles")
    assert arts == [("https://example.org/news/1", "2023-07-14", "example.org")]
    assert rows(db, "SELECT count(*) FROM events WHERE source = 'KEN' AND target = 'UGA'")[0][0] >= 1


def _check_same_events(paths):
    """code_articles gives each page exactly the events of code_article (every component on every
    sentence): all the pages in one call, and as `whowhom code` runs it (pipeline.run: 8 pages a call)."""
    from whowhom import pipeline
    from whowhom.io.readers import iter_inputs, read_inputs

    paths = [str(p) for p in paths]
    articles = [pipeline.extract_dated(raw) for raw in read_inputs(paths)]
    want = {a.id: [e.to_dict() for e in pipeline.code_article(a)] for a in articles}
    fast = pipeline.code_articles(articles)
    for article, got in zip(articles, fast):
        assert [e.to_dict() for e in got] == want[article.id], article.id
    coded = [c for c in pipeline.run(iter_inputs(paths)) if isinstance(c, pipeline.Coded)]
    assert len(coded) > 8  # (more than one batch)
    for c in coded:
        assert [e.to_dict() for e in c.events] == want[c.article.id], c.article.id
    return sum(len(x) for x in fast)


def test_ingest_path_codes_exactly_what_code_article_codes(corpus, tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_text("Recipes for spring\n\nMix flour and butter. Bake for forty minutes.\n\n"
                   "Comments\n\nAnna: The Chinese President praised this cake!\n", encoding="utf-8")
    title = tmp_path / "title.txt"
    title.write_text("Russia Slams Nato Over Baltic Drills\n\nMoscow condemned NATO on Monday.\n", encoding="utf-8")
    n = _check_same_events([ROOT / "examples", ROOT / "tests" / "pages", odd, title,
                            *sorted(p for p in corpus.glob("p0*.txt"))])
    assert n > 20


@pytest.mark.skipif(not (SHARED / "extract" / "aeb-dev" / "html").is_dir(), reason="../shared is absent")
def test_ingest_path_on_real_pages():
    files = sorted((SHARED / "extract" / "aeb-dev" / "html").glob("*.html.gz"))[:12]
    _check_same_events(files)


def test_actor_sentences_keep_every_event_with_a_known_actor(corpus):
    """Ingest's default parses only the sentences that name a known actor: it must give the events with a
    known actor that coding every sentence gives, with the same sentence numbers, and no event whose
    actors are both unknown."""
    from whowhom import pipeline
    from whowhom.io.readers import read_inputs

    paths = [ROOT / "examples", ROOT / "tests" / "pages", *sorted(corpus.glob("p0*.txt"))]
    articles = [pipeline.extract_dated(raw) for raw in read_inputs([str(p) for p in paths])]

    def key(e):
        return (e.doc_id, e.section, e.sentence_index, e.start + e.trigger_start, e.source, e.target, e.cameo,
                e.modality, e.reported_by, e.event_date, e.source_text, e.target_text)

    every = [key(e) for got in pipeline.code_articles(articles) for e in got if e.source or e.target]
    actors = [key(e) for got in pipeline.code_articles(articles, sentences="actors") for e in got]
    assert len(every) > 20
    assert sorted(actors) == sorted(every)
    with pytest.raises(ValueError):
        pipeline.code_articles(articles, sentences="some")


def test_clean_store_holds_no_event_without_a_known_actor(clean):
    db, _ = clean
    assert rows(db, "SELECT count(*) FROM events WHERE coalesce(source, '') = '' AND coalesce(target, '') = ''") \
        == [(0,)]


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory):
    """News, a background event, a reader's comment and a doubtful event between China and Russia."""
    from test_store import article, event
    from whowhom.pipeline import Coded
    from whowhom.store import Store

    db = tmp_path_factory.mktemp("mixed") / "m.duckdb"
    with Store(db) as st:
        st.add([Coded(article("m1", "2024-03-10", body="A text about the talks of March, and nothing else."),
                      [event("CHN", "RUS", "040", 1, 1.0, confidence=0.8),
                       event("CHN", "RUS", "111", 3, -2.0, event_date="2014", background=True, confidence=0.7),
                       event("CHN", "RUS", "112", 3, -2.0, section="comment", confidence=0.6),
                       event("CHN", "RUS", "051", 1, 3.4, confidence=0.2)])])
    return db


def test_cli_switches_and_filters(mixed_db, tmp_path):
    def dyad_events(*extra):
        res = whowhom("dyad", "CHN", "RUS", "--db", mixed_db, "--by", "year", "--format", "jsonl", *extra)
        assert res.returncode == 0, res.stderr
        return sum(json.loads(line)["events"] for line in res.stdout.splitlines())

    assert dyad_events() == 2
    assert dyad_events("--include-background", "--include-comments") == 4
    assert dyad_events("--min-confidence", "0.5") == 1
    assert dyad_events("--section", "comment") == 1                        # the reader's comment alone
    assert dyad_events("--section", "article", "--section", "comment", "--min-confidence", "0.5") == 2

    def cameos(*extra):
        res = whowhom("events", "--db", mixed_db, "--format", "jsonl", *extra)
        assert res.returncode == 0, res.stderr
        return sorted(json.loads(line)["cameo"] for line in res.stdout.splitlines())

    assert cameos() == ["040", "051", "111", "112"]                       # events lists everything
    assert cameos("--background", "yes") == ["111"]
    assert cameos("--background", "no", "--section", "article") == ["040", "051"]
    assert cameos("--section", "comment", "--section", "headline") == ["112"]
    assert cameos("--min-confidence", "0.65") == ["040", "111"]
    for fmt in ("jsonl", "gdelt"):
        res = whowhom("export", "--db", mixed_db, "--format", fmt, "--out", tmp_path / f"all.{fmt}", "--include-background",
                      "--include-comments", "--min-confidence", "0.5")
        assert res.returncode == 0, res.stderr
    assert len((tmp_path / "all.jsonl").read_text().splitlines()) == 3
    extras = (tmp_path / "all.gdelt.extras.tsv").read_text().splitlines()
    assert len(extras) == 4 and extras[0].split("\t")[-2:] == ["section", "background"]
    res = whowhom("export", "--db", mixed_db, "--format", "gdelt", "--out", tmp_path / "news.gdelt")
    assert res.returncode == 0 and len((tmp_path / "news.gdelt").read_text().splitlines()) == 2
    for args in (("events", "--min-confidence", "high"), ("dyad", "CHN", "RUS", "--min-confidence", "1.5"),
                 ("export", "--format", "jsonl", "--out", tmp_path / "x.jsonl", "--min-confidence", "-1")):
        res = whowhom(*args, "--db", mixed_db)
        assert res.returncode == 2 and res.stderr.count("\n") == 1 and "--min-confidence" in res.stderr
    res = whowhom("report", "CHN", "RUS", "--db", mixed_db, "--out", tmp_path / "r.html", "--include-background")
    assert res.returncode == 0, res.stderr
    assert "(with background events)" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_models_multiply_with_numpy_blas():
    """nlp.fast_matmul: the parser's and whowhom's trained models multiply with numpy's BLAS, one thread
    (not thinc's BLIS, three times slower here)."""
    from threadpoolctl import threadpool_info

    from whowhom import nlp
    from whowhom.events import models

    model = nlp.load()
    parts = [p.model for _, p in model.pipeline if hasattr(p, "model")]
    parts += [m.get_pipe(name).model for m, name in ((models.roles_model(model.vocab), "roles"),
                                                     (models.penta_model(), "textcat")) if m is not None]
    ops = {type(node.ops).__name__ + str(node.ops.use_blis) for part in parts for node in part.walk()}
    assert ops == {"NumpyOpsFalse"}
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
