"""`--executor dask`: the same store as a local run, on a LocalCluster of worker processes."""

import subprocess
import sys

import duckdb
import pytest

from conftest import ROOT

distributed = pytest.importorskip("distributed")

PAGES = {
    "a.txt": "Chile and Peru sign fishing accord\n\nMay 2, 2024\n\nChile praised Peru on Monday for "
             "signing the fishing accord, the foreign ministry said.\n",
    "b.txt": "Kenya protests border raid\n\nJune 9, 2024\n\nKenya condemned Somalia on Friday after "
             "gunmen attacked a border post near Mandera.\n",
    "c.txt": "Ghana and Togo to hold talks\n\nJuly 1, 2024\n\nGhana and Togo will meet next week to "
             "discuss cross-border trade, officials said.\n",
    "sub/d.jsonl": '{"id": "d1", "date": "2024-08-03", "text": "Norway criticized Sweden over fishing quotas."}\n'
                   '{"id": "d2", "text": ""}\n',
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask-corpus")
    for name, text in PAGES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def snapshot(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (con.execute("SELECT article_id, story_id, doc_id, seq FROM articles ORDER BY article_id").fetchall(),
                con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
                con.execute("SELECT * FROM inputs ORDER BY input_hash").fetchall())
    finally:
        con.close()


def test_dask_on_a_local_cluster_gives_the_local_store(corpus, tmp_path, monkeypatch):
    from distributed import LocalCluster

    from whowhom.store.ingest import ingest

    monkeypatch.chdir(corpus)
    local = ingest(["."], str(tmp_path / "local.duckdb"), batch_size=2, progress=False)
    assert local.articles == 4
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                      silence_logs=40) as cluster:
        summary = ingest(["."], str(tmp_path / "dask.duckdb"), executor="dask", batch_size=2,
                         scheduler=cluster.scheduler_address, progress=False)
    assert summary.pages == local.pages == 5
    assert summary.articles == 4 and summary.events == local.events > 0
    assert sum(summary.skipped.values()) == 1
    assert snapshot(tmp_path / "dask.duckdb") == snapshot(tmp_path / "local.duckdb")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".whowhom-parts")]   # parts cleaned up


def test_dask_cli_with_its_own_cluster_and_bad_scheduler(corpus, tmp_path):
    db = tmp_path / "cli.duckdb"
    res = subprocess.run([sys.executable, "-m", "whowhom.cli", "ingest", str(corpus), "--db", str(db),
                          "--executor", "dask", "--workers", "1"], capture_output=True, text=True, cwd=ROOT,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert "articles stored: 4" in res.stderr
    res = subprocess.run([sys.executable, "-m", "whowhom.cli", "ingest", str(corpus), "--db", str(db),
                          "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"], capture_output=True,
                         text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 2 and "Dask scheduler" in res.stderr and "Traceback" not in res.stderr


def test_workers_with_other_dictionaries_stop_the_run(corpus, tmp_path, monkeypatch):
    from distributed import LocalCluster

    from whowhom.errors import InputError
    from whowhom.store.ingest import ingest

    monkeypatch.chdir(corpus)
    mine = tmp_path / "dicts"
    mine.mkdir()
    (mine / "extra.actors.tsv").write_text("Freedonia\tFRD\tFreedonia\timport\n", encoding="utf-8")
    monkeypatch.delenv("WHOWHOM_DICT_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "nothing"))
    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None,
                      silence_logs=40) as cluster:
        monkeypatch.setenv("WHOWHOM_DICT_DIR", str(mine))  # the client only: its workers started without
        with pytest.raises(InputError, match="other dictionaries"):
            ingest(["."], str(tmp_path / "dask.duckdb"), executor="dask", batch_size=2,
                   scheduler=cluster.scheduler_address, progress=False)
