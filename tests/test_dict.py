"""`whowhom dict import|list|remove`: TABARI/PETRARCH dictionaries into the user dictionary directory,
and the loaders picking them up.  The dictionaries here are invented for the tests."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED
from whowhom import cli, dicts
from whowhom.actors import ActorCoder, loader
from whowhom.events import patterns

PHOENIX = SHARED / "reference" / "phoenix-dictionaries"

ACTORS = """# invented actor dictionary
FREEDONIA_  [FRD]
+FREEDONIAN_
+REPUBLIC_OF_FREEDONIA_

RUFUS_T._FIREFLY_  # invented
+RUFUS_FIREFLY_
\t[FRDGOV 330101-331231]
\t[FRDELI]

SYLVANIAN_LIBERATION_FRONT_ [SYLREB]

NOBODY_IN_PARTICULAR_
\t[FRDGOV 33-1]
"""

AGENTS = """# invented agent dictionary
!FOLK! = MAN, WOMAN
WIDGET!FOLK! [~BUS]
GIZMO_MAKER {GIZMO_MAKERS} [~BUS]
COAST_MARSHAL_ [~GOVMIL]
TRUCE_JUGGLER [IGO~]
"""

VERBS = """# invented verb dictionary
&GADGET
+WIDGET
+GIZMO_

---  CONGRATULATE   [---]  ---
CONGRATULATE  [057]
FELICITATE [057]
+CHEER_ON {+CHEERS_ON +CHEERED_ON} [040]
- * (WITH +) &GADGET                 [0311]
- * TREATIES                         [057:057]
- $ * +                              [042]
- * BANANAS                          [:043]
- * PEACE                            [---]
~ a b = c 010

---  URGE   [---]  ---
URGE [023]
"""


@pytest.fixture
def ddir(tmp_path, monkeypatch):
    d = tmp_path / "dicts"
    monkeypatch.setenv("WHOWHOM_DICT_DIR", str(d))
    return d


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_import_actors(tmp_path, ddir, capsys):
    code, out, err = run(capsys, "dict", "import", write(tmp_path, "test.actors.txt", ACTORS))
    assert code == 0, err
    assert out.startswith("imported 3 actors (6 patterns), ")
    assert "line 13: unreadable code or date" in out
    text = (ddir / "test.actors.tsv").read_text(encoding="utf-8")
    assert "# Source: " in text and "# Columns: " in text
    rows = [r.split("\t") for r in text.splitlines() if not r.startswith("#")]
    assert rows[0] == ["Freedonia", "FRD", "Freedonia|Freedonian|Republic of Freedonia", "import"]
    assert rows[1][:2] == ["Rufus T. Firefly", "FRDGOV@19330101-19331231 FRDELI"]
    # the loader merges the import with the packaged data; packaged patterns keep their meaning
    data = loader.load()
    assert data.gaz[("freedonia",)].code == "FRD"
    assert data.gaz[("rufus", "firefly")].kind == "leader"
    assert loader.load(dict_dir="").gaz.get(("freedonia",)) is None
    import spacy
    doc = spacy.blank("en")("Rufus Firefly spoke in Freedonia.")
    codes = {m.text: m.code for m in ActorCoder().find(doc, "1933-06-01")}
    assert codes == {"Rufus Firefly": "FRDGOV", "Freedonia": "FRD"}


def test_import_agents(tmp_path, ddir, capsys):
    code, out, err = run(capsys, "dict", "import", write(tmp_path, "test.agents.txt", AGENTS), "--name", "mine")
    assert code == 0, err
    assert out.startswith("imported 3 agents (5 patterns), 1 skipped lines (first: line 6: prefix agent code")
    rows = [r for r in (ddir / "mine.agents.tsv").read_text().splitlines() if not r.startswith("#")]
    assert rows == ["BUS\tBUS\twidget man", "BUS\tBUS\twidget woman", "BUS\tBUS\tgizmo maker",
                    "BUS\tBUS\tgizmo makers", "MIL\tGOVMIL\tcoast marshal"]
    data = loader.load()
    assert data.agents[("coast", "marshal")] == ("MIL", "GOVMIL")
    assert data.agents[("coast", "marshals")] == ("MIL", "GOVMIL")   # plural derived at load


def test_import_verbs(tmp_path, ddir, capsys):
    code, out, err = run(capsys, "dict", "import", write(tmp_path, "cameo.txt", VERBS), "--name", "v")
    assert code == 0, err
    assert out.startswith("imported 5 verb patterns of 4 verbs (")
    assert "4 skipped lines" in out and "subject-side words 1" in out
    rows = [r.split("\t") for r in (ddir / "v.verbs.tsv").read_text().splitlines() if not r.startswith("#")]
    assert ["congratulate", "V", "-", "057", "-", "-"] in rows
    assert ["felicitate", "V", "with+@GADGET", "0311", "with", "-"] in rows
    assert ["cheer", "V", "on+treaties|treaty", "057", "-", "-"] in rows
    assert ["cheer", "V", "on", "040", "-", "-"] in rows
    assert not any(r[3] in ("042", "043") for r in rows)
    assert (ddir / "v.classes.tsv").read_text().splitlines()[-1] == "GADGET\twidget|gizmo"
    pats = patterns.patterns()
    felic = {p.code: p for p in pats[("felicitate", "V")]}
    assert felic["0311"].cues == (frozenset({"with"}), frozenset({"widget", "gizmo"}))
    assert felic["0311"].targets == ("with",) and felic["0311"].source == "v.verbs.tsv"
    # triggers.tsv keeps its row for the same (lemma, pos, cues): urge -> 020, not the import's 023
    bare = [p for p in pats[("urge", "V")] if not p.cues]
    assert [(p.code, p.source) for p in bare] == [("020", "triggers.tsv")]
    assert ("felicitate", "V") not in patterns.patterns(extra=(), dict_dir="")
    # the user's import comes before the packaged PETRARCH rows
    assert patterns.patterns(extra=("petrarch-verbs.tsv",))[("felicitate", "V")][-1].source == "v.verbs.tsv"


def test_bad_input_is_one_line_exit_2(tmp_path, ddir, capsys):
    cases = [tmp_path / "missing.txt", write(tmp_path, "prose.txt", "Just some prose.\nNo codes here.\n")]
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02[ABC]")
    cases.append(binary)
    undecodable = tmp_path / "bad.txt"
    undecodable.write_bytes(b"FREEDONIA_ [FRD]\n+\x81\x8d\xff_\n")
    cases.append(undecodable)
    for path in cases:
        code, out, err = run(capsys, "dict", "import", path)
        assert code == 2 and out == "", path
        assert len(err.strip().splitlines()) == 1 and err.startswith("whowhom: error: "), err
    assert not ddir.exists()


def test_no_silent_overwrite_list_and_remove(tmp_path, ddir, capsys):
    src = write(tmp_path, "test.agents.txt", AGENTS)
    assert run(capsys, "dict", "import", src)[0] == 0
    code, _, err = run(capsys, "dict", "import", src)
    assert code == 2 and "--force" in err
    assert run(capsys, "dict", "import", src, "--force")[0] == 0
    assert run(capsys, "dict", "import", write(tmp_path, "v.txt", VERBS))[0] == 0
    code, out, _ = run(capsys, "dict", "list")
    assert code == 0
    assert [line.split("\t")[:2] for line in out.splitlines()] == [["test", "agents"], ["v", "verbs"]]
    code, out, _ = run(capsys, "dict", "remove", "v")
    assert code == 0 and "v.verbs.tsv" in out and "v.classes.tsv" in out
    assert sorted(p.name for p in ddir.iterdir()) == ["test.agents.tsv"]
    assert run(capsys, "dict", "remove", "v")[0] == 2


def test_windows_1252_source(tmp_path, ddir, capsys):
    src = tmp_path / "old.actors.txt"
    src.write_bytes("M\xc9DIANIE_ [MED]\n".encode("latin-1"))
    code, out, err = run(capsys, "dict", "import", src)
    assert code == 0, err
    assert "M\u00e9dianie" in (ddir / "old.actors.tsv").read_text(encoding="utf-8")


def test_dir_option(tmp_path, ddir, capsys):
    other = tmp_path / "other"
    assert run(capsys, "dict", "import", write(tmp_path, "a.txt", ACTORS), "--dir", other, "--kind", "actors")[0] == 0
    assert (other / "a.actors.tsv").is_file() and not ddir.exists()
    assert run(capsys, "dict", "list", "--dir", other)[1].startswith("a\tactors\t3 rows\t")


def test_packaged_petrarch_verbs_switch(monkeypatch):
    monkeypatch.setenv("WHOWHOM_DICT_DIR", "")
    monkeypatch.setenv("WHOWHOM_PETRARCH_VERBS", "0")
    own = patterns.patterns(dict_dir="")
    assert all(p.source == "triggers.tsv" for ps in own.values() for p in ps)
    both = patterns.patterns(extra=("petrarch-verbs.tsv",), dict_dir="")
    assert sum(map(len, both.values())) > 10 * sum(map(len, own.values()))
    for key, ps in own.items():   # every own row is kept, ahead of imported rows with as many cues
        assert [p for p in both[key] if p.source == "triggers.tsv"] == ps
        for i, p in enumerate(both[key][1:], 1):
            prev = both[key][i - 1]
            assert len(prev.cues) > len(p.cues) or prev.source == "triggers.tsv" or p.source != "triggers.tsv"
    monkeypatch.setenv("WHOWHOM_PETRARCH_VERBS", "1")
    assert patterns.patterns(dict_dir="") is both


def test_end_to_end_code_with_imports(tmp_path):
    """A subprocess codes an invented sentence with an imported actor and verb."""
    d = tmp_path / "dicts"
    env = {**os.environ, "WHOWHOM_DICT_DIR": str(d), "WHOWHOM_PETRARCH_VERBS": "1"}
    for name, text in (("a", ACTORS), ("v", VERBS)):
        subprocess.run([sys.executable, "-m", "whowhom.cli", "dict", "import", str(write(tmp_path, name, text))],
                       check=True, env=env, capture_output=True, cwd=ROOT)
    res = subprocess.run([sys.executable, "-m", "whowhom.cli", "code", "-", "--format", "jsonl"], env=env,
                         input="Freedonia felicitated Russia on Tuesday.\n", capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    events = [json.loads(line) for line in res.stdout.splitlines()]
    assert any(e["source"] == "FRD" and e["target"] == "RUS" and e["cameo"] == "057" for e in events), events


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="../shared/reference/phoenix-dictionaries not available")
def test_phoenix_agents_import(tmp_path, capsys):
    code, out, err = run(capsys, "dict", "import", PHOENIX / "Phoenix.agents.txt", "--dir", tmp_path)
    assert code == 0, err
    n = int(out.split()[1].replace(",", ""))
    assert n > 2000 and "agents" in out
    assert "MIT License" in (tmp_path / "phoenix.agents.tsv").read_text()
    assert dicts.detect(dicts.read_source(PHOENIX / "CAMEO.2.0.txt")) == "verbs"
    assert dicts.detect(dicts.read_source(PHOENIX / "Phoenix.MilNonState.actors.txt")) == "actors"


def test_a_noun_phrase_inside_a_prepositional_phrase_is_kept_whole():
    from whowhom.events import tabari
    verbs = tabari.read("--- KILL [190]\nKILL\n- * (DURING {AIR RAID}) [195]\n- * (TO {BANNED PARTIES}) [1722]\n")
    got = sorted((tuple(r.cues), r.code) for r in verbs.rows if r.code != "190")
    assert [(cues[:2], code) for cues, code in got] == [(("during", "air"), "195"), (("to", "banned"), "1722")]
