"""`whowhom ingest`: read inputs in batches, run the pipeline (in-process, worker processes or Dask), and
commit each batch to the store in one transaction. Inputs already in the store are skipped before any
work, so a run killed at any moment and started again ends with the store a clean run gives."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator

from whowhom import pipeline
from whowhom.io.readers import RawDoc, Skip, iter_inputs
from whowhom.store.db import INGEST_MEMORY, Item, Store


@dataclass
class Summary:
    pages: int = 0                 # inputs read (pages and records), including skipped ones
    articles: int = 0              # new articles stored
    events: int = 0
    already: int = 0               # inputs or articles the store already held
    same_story: int = 0            # new articles that are exact or near duplicates of a stored story
    skipped: Counter = field(default_factory=Counter)   # reason -> inputs
    stories_before: int = 0
    seconds: float = 0.0
    totals: dict = field(default_factory=dict)

    def add(self, counts: dict) -> None:
        self.articles += counts["articles"]
        self.events += counts["events"]
        self.already += counts["duplicates"]
        self.same_story += counts["same_story"]
        self.skipped.update(counts["reasons"])

    def lines(self) -> list[str]:
        rate = self.pages / self.seconds if self.seconds else 0.0
        out = [f"pages read: {self.pages} ({rate:.1f}/s)",
               f"articles stored: {self.articles}, events: {self.events}",
               f"duplicates: {self.already} already in the store, {self.same_story} of an earlier story"]
        if self.totals:
            t = self.totals
            out.append(f"store: {t['articles']} articles in {t['stories']} stories "
                       f"({t['duplicates']} exact or near duplicates), {t['events']} events")
        skipped = sum(self.skipped.values())
        out.append(f"skipped: {skipped}")
        out += [f"  {n} × {reason}" for reason, n in self.skipped.most_common()]
        return out


def _batches(it: Iterable, size: int) -> Iterator[list]:
    it = iter(it)
    while batch := list(islice(it, size)):
        yield batch


def _hash(x) -> str:
    return pipeline.input_hash(x) if isinstance(x, RawDoc) else pipeline.skip_hash(x)


def _new_inputs(store: Store, batches: Iterable[list], summary: Summary) -> Iterator[list]:
    """Batches without the inputs a previous run committed (checked before any extraction or parsing)."""
    for batch in batches:
        summary.pages += len(batch)
        hashes = [_hash(x) for x in batch]
        seen = store.seen_inputs(hashes)
        fresh = [x for x, h in zip(batch, hashes) if h not in seen]
        summary.already += len(batch) - len(fresh)
        if fresh:
            yield fresh


def _local(batches: Iterable[list], sentences: str) -> Iterator[list[Item]]:
    pipeline.warm_up()  # (as a worker process starts)
    for batch in batches:
        yield [Item(*row) for row in pipeline.analyse(batch, sentences)]


def _processes(batches: Iterable[list], workers: int, sentences: str) -> Iterator[list[Item]]:
    """Worker processes, each loading the model once; results come back in input order, with a bounded
    number of batches in flight so memory stays flat on any corpus size."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the parent holds an open DuckDB connection and threads
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"),
                             initializer=pipeline.warm_up) as pool:
        pending = []  # per batch, the futures of its parts
        for batch in batches:
            # a batch goes out in 4 parts, so at the end of a run no worker waits long for the other
            step = -(-len(batch) // 4)
            pending.append([pool.submit(pipeline.analyse, batch[i:i + step], sentences)
                            for i in range(0, len(batch), step)])
            if len(pending) >= 2 * workers:
                yield [Item(*row) for fut in pending.pop(0) for row in fut.result()]
        for futs in pending:
            yield [Item(*row) for fut in futs for row in fut.result()]


def ingest(paths: list[str], db: str = "whowhom.duckdb", *, workers: int = 1, executor: str = "local",
           scheduler: str | None = None, batch_size: int = 32, input_format: str = "auto",
           parts_dir: str | None = None, sentences: str = "actors", progress: bool | None = None,
           log=None) -> Summary:
    """Ingest `paths` into the store at `db`; `sentences` as pipeline.code_articles takes it. `log`, if
    given, is called with a line after each commit."""
    summary = Summary()
    start = time.perf_counter()
    inputs = iter_inputs(paths, input_format)
    first = next(inputs, None)  # a path that does not exist fails here, before the store is created
    with Store(db, memory=INGEST_MEMORY) as store:
        if first is not None:
            inputs = _chain(first, inputs)
            if executor == "dask":
                from whowhom.store.dask import run_dask
                results = run_dask(paths, store, summary, scheduler=scheduler, workers=workers,
                                   batch_size=batch_size, input_format=input_format, parts_dir=parts_dir,
                                   sentences=sentences)
            else:
                batches = _new_inputs(store, _batches(inputs, batch_size), summary)
                results = (_processes(batches, workers, sentences) if workers > 1
                           else _local(batches, sentences))
            with _progress(progress) as bar:
                for items in results:
                    counts = store.commit(items)
                    summary.add(counts)
                    if log is not None:
                        log(f"committed {len(items)} inputs: {counts['articles']} articles, {counts['events']} events")
                    bar(summary, start)
        summary.totals = store.stats()
    summary.seconds = time.perf_counter() - start
    return summary


def _chain(first, rest):
    yield first
    yield from rest


class _progress:
    """A rich progress line on stderr (pages, events, pages/s) when stderr is a terminal."""

    def __init__(self, enabled: bool | None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.live = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
            self.live = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
            self.live.start()
            self.task = self.live.add_task("starting…", total=None)
        return self

    def __call__(self, s: Summary, start: float) -> None:
        if self.live is not None:
            rate = s.pages / max(time.perf_counter() - start, 1e-9)
            self.live.update(self.task, description=f"{s.pages} pages · {s.events} events · {rate:.1f} pages/s")

    def __exit__(self, *exc):
        if self.live is not None:
            self.live.stop()
