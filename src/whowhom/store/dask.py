"""The Dask executor: partitions of input files go to Dask workers, which extract and code them and write
one Parquet part each; the client loads the parts into the store in input order, one transaction per part.

With no scheduler address a LocalCluster of `workers` processes (one thread each) is started. With a real
cluster, `parts_dir` must be a directory every worker and the client can reach (a shared file system)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from typing import Iterator

from whowhom.errors import InputError


def _files(paths: list[str]) -> list[str]:
    from whowhom.io.readers import _walk
    out = []
    for path in paths:
        if path == "-":
            raise InputError("--executor dask reads files, not stdin")
        if not os.path.exists(path):
            raise InputError(f"{path}: no such file or directory")
        out += _walk(path) if os.path.isdir(path) else [path]
    return out


def code_partition(files: list[str], input_format: str, batch_size: int, out: str,
                   sentences: str = "actors", dictionaries: str | None = None) -> str:
    """Runs on a worker: read, extract and code these files; write the results as one Parquet part.
    `dictionaries` is the client's dicts.fingerprint(): a worker that would load others stops."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from whowhom import dicts, pipeline
    if dictionaries is not None and dicts.fingerprint() != dictionaries:
        raise InputError(f"a Dask worker ({os.uname().nodename}) holds other dictionaries or another whowhom "
                         f"version than the client (dict dir {dicts.user_dir()}): give every worker the same "
                         "`whowhom dict import`s and version")
    from whowhom.io.readers import iter_inputs
    from whowhom.store.ingest import _batches

    cols = {"input_hash": [], "name": [], "skipped": [], "article": [], "events": []}
    for batch in _batches(iter_inputs(files, input_format), batch_size):
        for input_hash, name, coded, skipped in pipeline.analyse(batch, sentences):
            cols["input_hash"].append(input_hash)
            cols["name"].append(name)
            cols["skipped"].append(skipped)
            cols["article"].append(json.dumps(coded.article.to_dict(), ensure_ascii=False) if coded else None)
            cols["events"].append(json.dumps([e.to_dict() for e in coded.events], ensure_ascii=False)
                                  if coded else None)
    tmp = out + ".tmp"
    pq.write_table(pa.table(cols, schema=pa.schema([(k, pa.string()) for k in cols])), tmp)
    os.replace(tmp, out)  # a part is complete or absent
    return out


def read_part(path: str) -> list:
    import pyarrow.parquet as pq

    from whowhom.events.event import Event
    from whowhom.page import Article, Part
    from whowhom.pipeline import Coded
    from whowhom.store.db import Item

    items = []
    for row in pq.read_table(path).to_pylist():
        coded = None
        if row["article"] is not None:
            a = json.loads(row["article"])
            a["parts"] = [Part(**p) for p in a["parts"]]
            coded = Coded(Article(**a), [Event(**e) for e in json.loads(row["events"])])
        items.append(Item(row["input_hash"], row["name"], coded=coded, skipped=row["skipped"]))
    return items


def run_dask(paths: list[str], store, summary, *, scheduler: str | None, workers: int, batch_size: int,
             input_format: str, parts_dir: str | None, sentences: str = "actors") -> Iterator[list]:
    from distributed import Client, LocalCluster

    files = _files(paths)
    own_dir = parts_dir is None
    parts = parts_dir or tempfile.mkdtemp(prefix=".whowhom-parts-", dir=os.path.dirname(os.path.abspath(store.path)))
    os.makedirs(parts, exist_ok=True)
    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout="5s")
            except OSError as e:
                raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({e})") from None
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        with client:
            from whowhom.dicts import fingerprint
            chunks = [files[i:i + batch_size] for i in range(0, len(files), batch_size)]
            mine = fingerprint()
            futures = [client.submit(code_partition, chunk, input_format, batch_size,
                                     os.path.join(parts, f"part-{n:06d}.parquet"), sentences, mine, pure=False)
                       for n, chunk in enumerate(chunks)]
            for fut in futures:  # in input order, so stories and sequence numbers match a local run
                path = fut.result()
                items = read_part(path)
                summary.pages += len(items)
                yield items
                os.remove(path)
    finally:
        if cluster is not None:
            cluster.close()
        if own_dir:
            shutil.rmtree(parts, ignore_errors=True)
