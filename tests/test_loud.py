"""Where whowhom used to be silent or crash on a user's slip, it says so: unknown actors, cut lists,
negative limits, a dictionary of the wrong kind; actors by name as well as code."""

import subprocess
import sys

import pytest

from conftest import ROOT, SHARED
from test_store import article, event
from whowhom.pipeline import Coded
from whowhom.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("loud") / "s.duckdb"
    with Store(path) as st:
        st.add([Coded(article(f"a{i}", f"2024-0{i + 1}-10", body=f"Story {i}. " * 30),
                      [event("CHN", "RUS", "057", 1, 8.0), event("RUSGOV", "CHN", "036", 1, 4.0),
                       event("IGOXYZ", "CHN", "010", 1, 0.0)]) for i in range(3)])
    return path


def whowhom(*args):
    return subprocess.run([sys.executable, "-m", "whowhom.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_dyad_takes_names_and_any_case(db):
    for a, b in (("CHN", "RUS"), ("chn", "rus"), ("China", "Russia"), ):
        res = whowhom("dyad", a, b, "--db", db, "--format", "tsv")
        assert res.returncode == 0, res.stderr
        assert len(res.stdout.splitlines()) == 4, (a, b, res.stdout)   # a header and three months
    res = whowhom("dyad", "Russian government", "china", "--db", db, "--format", "tsv")
    assert res.stdout.splitlines()[1].split("\t")[1:4] == ["RUSGOV", "CHN", "1"]


def test_unknown_actor_is_exit_2(db):
    res = whowhom("dyad", "CHN", "Atlantis", "--db", db)
    assert res.returncode == 2 and res.stderr.strip().splitlines() == [
        "whowhom: error: target 'Atlantis': not an actor code or name whowhom knows, nor one in the store"]
    assert whowhom("dyad", "IGOXYZ", "CHN", "--db", db).returncode == 0   # unknown to whowhom, but stored


def test_events_says_when_it_stops_at_its_limit(db):
    res = whowhom("events", "--db", db, "--limit", "4", "--format", "jsonl")
    assert res.returncode == 0 and len(res.stdout.splitlines()) == 4
    assert res.stderr.strip() == "whowhom: showing 1-4 of 9 events (--limit and --offset for more)"
    res = whowhom("events", "--db", db, "--limit", "50", "--format", "jsonl", "--actor", "china")
    assert res.returncode == 0 and len(res.stdout.splitlines()) == 9 and res.stderr == ""


@pytest.mark.parametrize("option", ["--limit", "--offset"])
def test_negative_limit_is_one_line(db, option):
    res = whowhom("events", "--db", db, option, "-1")
    assert res.returncode == 2 and res.stderr.strip() == f"whowhom: error: {option}: at least 0"


ISSUES = """# issue coding
<ISSUE CATEGORY="WEATHER" TYPE="ALL">
n:storm [STORMS]
n:flood [FLOODS]
</ISSUE>
"""


def test_dict_import_refuses_an_issue_coding_file(tmp_path):
    src = tmp_path / "topics.txt"
    src.write_text(ISSUES)
    for kind in ("auto", "actors"):
        res = whowhom("dict", "import", src, "--kind", kind, "--dir", tmp_path / "d")
        assert res.returncode == 2 and "not a TABARI/PETRARCH" in res.stderr
    assert not (tmp_path / "d").exists()
