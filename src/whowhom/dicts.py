"""`whowhom dict import|list|remove`: bring TABARI/PETRARCH dictionaries into whowhom.

An imported dictionary is converted once into whowhom's own TSV formats and written to the user
dictionary directory ($WHOWHOM_DICT_DIR, else $XDG_DATA_HOME/whowhom/dicts, else
~/.local/share/whowhom/dicts):

    NAME.actors.tsv    name, roles, patterns, source   (the columns of data/actors/leaders.tsv)
    NAME.agents.tsv    sector, cameo, pattern          (data/actors/agents.tsv)
    NAME.verbs.tsv     lemma, pos, cues, code, targets, flags   (data/events/triggers.tsv)
    NAME.classes.tsv   class, words                    (the verbs' synonym sets, data/events/classes.tsv)

The actor loader and the event patterns merge these files with the packaged data at load time; the
packaged data wins where both have the same pattern.  The package data itself is never touched.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from functools import lru_cache
from pathlib import Path

from whowhom.errors import InputError

KINDS = ("actors", "agents", "verbs")
SUFFIXES = (".actors.tsv", ".agents.tsv", ".verbs.tsv", ".classes.tsv")


def user_dir() -> Path:
    if os.environ.get("WHOWHOM_DICT_DIR"):
        return Path(os.environ["WHOWHOM_DICT_DIR"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "whowhom" / "dicts"


def dir_key(d: str | Path | None) -> tuple:
    """What the loaders' caches key on besides the directory: its files, sizes and times, so an import
    or a removal is seen by the next load in the same process."""
    try:
        return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size)
                            for e in os.scandir(d) if e.name.endswith(SUFFIXES)))
    except (OSError, TypeError):
        return ()


def fingerprint(d: str | Path | None = None) -> str:
    """What the coders will load, in a few hex digits: whowhom's version and the imported dictionaries'
    names and contents (a Dask worker with other dictionaries than its client would code differently).
    Read once per process while the directory's files stay as they are (dir_key, as the loaders cache)."""
    d = str(user_dir() if d is None else d)
    return _fingerprint(d, dir_key(d))


@lru_cache(maxsize=4)
def _fingerprint(d: str, key: tuple) -> str:
    import hashlib

    from whowhom import __version__
    h = hashlib.sha256(__version__.encode())
    for kind in (*KINDS, "classes"):
        for p in files(d, kind):
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def files(d: str | Path | None, kind: str) -> list[Path]:
    """The imported files of one kind ("actors", "agents", "verbs"), in name order."""
    if not d or not Path(d).is_dir():
        return []
    return sorted(Path(d).glob(f"*.{kind}.tsv"))


def rows(path: Path):
    """(line number, fields) of a TSV data file, comments and blank lines skipped."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip() and not line.startswith("#"):
                yield n, line.rstrip("\n").split("\t")


# ---------------------------------------------------------------------------------------- reading
# The largest PETRARCH dictionary (Phoenix.Countries.actors.txt) is 1.5 MB; every later run loads what is
# imported, so a file far beyond that (a 100 MB one doubled every run's time and memory) is refused.
MAX_SOURCE_BYTES = 20_000_000


def read_source(path: str | Path) -> str:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    size = p.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise InputError(f"{path}: {size / 1e6:.0f} MB, over the {MAX_SOURCE_BYTES / 1e6:.0f} MB a dictionary "
                         "may have (every later run loads it)")
    data = p.read_bytes()
    if b"\0" in data:
        raise InputError(f"{path}: binary file, not a TABARI dictionary")
    for enc in ("utf-8", "cp1252"):   # old TABARI files are often Windows-1252
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: cannot decode (neither UTF-8 nor Windows-1252)")


def detect(text: str) -> str | None:
    """'verbs', 'agents', 'actors' or None, from the shape of the lines."""
    from whowhom.events import tabari as vt

    if vt.is_verb_dictionary(text):
        return "verbs"
    if re.search(r"^\s*<ISSUE\b", text, re.M):
        return None  # PETRARCH's issue coding: topics of a story, not actors
    lines = [ln.split("#", 1)[0] for ln in text.splitlines()]
    agents = sum(1 for ln in lines if re.search(r"\[~[A-Z]+\]|\[[A-Z]+~\]", ln))
    # CAMEO actor codes are three-letter parts: USA, USAGOV, IGOWSTNAT
    actors = sum(1 for ln in lines if re.search(r"\[(?:[A-Z0-9]{3}){1,5}(\s+[<>]?[0-9-]+)?\s*\]", ln))
    if agents == 0 and actors == 0:
        return None
    return "agents" if agents >= actors else "actors"


def default_name(path: str | Path) -> str:
    """'Phoenix.Countries.actors.txt' -> 'phoenix-countries'."""
    stem = Path(path).name
    stem = re.sub(r"\.(txt|dict|dic)$", "", stem, flags=re.I)
    stem = re.sub(r"\.(actors|agents|verbs)$", "", stem, flags=re.I)
    return re.sub(r"[^a-z0-9_]+", "-", stem.lower()).strip("-") or "dict"


def _licence(text: str) -> list[str]:
    """The source's MIT notice (derived files must keep it), as comment lines."""
    lines = [ln.lstrip("#").strip() for ln in text.splitlines()[:200] if ln.startswith("#")]
    start = next((i for i, ln in enumerate(lines) if "MIT License" in ln), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(lines)) if lines[i].endswith("THE SOFTWARE.")), start)
    return lines[start:end + 1]


# ---------------------------------------------------------------------------------------- converting
def _tokenizer():
    import spacy
    return spacy.blank("en").tokenizer


def convert_actors(text: str, skips: list) -> tuple[list[str], dict]:
    from whowhom.actors import tabari

    tok = _tokenizer()
    out, n_pats = [], 0
    for b in tabari.actor_blocks(text, skips):
        roles = []
        for spec in b.roles:
            r = tabari.role(spec)
            if r:
                roles.append(r)
            else:
                skips.append((b.line, "unreadable code or date", f"[{spec}]"))
        if not roles:
            continue
        pats = list(dict.fromkeys(" ".join(t.text for t in tok(tabari.titlecase(n))) for n in b.names))
        out.append(f"{tabari.titlecase(b.names[0])}\t{' '.join(roles)}\t{'|'.join(pats)}\timport\n")
        n_pats += len(pats)
    return out, {"actors": len(out), "patterns": n_pats}


def convert_agents(text: str, skips: list) -> tuple[list[str], dict]:
    from whowhom.actors import tabari

    tok = _tokenizer()
    out, seen, n = [], set(), 0
    for a in tabari.agents(text, skips):
        n += 1
        for phrase in a.texts + a.plurals:
            if not phrase or "!" in phrase:
                skips.append((a.line, "unresolved substitution set", phrase))
                continue
            p = " ".join(t.text for t in tok(phrase))
            if p not in seen:
                seen.add(p)
                out.append(f"{tabari.agent_sector(a.code)}\t{a.code}\t{p}\n")
    return out, {"agents": n, "patterns": len(out)}


def convert_verbs(text: str, skips: list):
    from whowhom.events import tabari

    v = tabari.read(text)
    skips.extend(v.skips)
    rows = [r.tsv() + "\n" for r in v.rows]
    classes = [f"{k}\t{'|'.join(dict.fromkeys(w for f in words for w in f.split('|')))}\n"
               for k, words in v.classes.items()]
    counts = {"patterns": v.patterns, "verbs": v.verbs, "rows": len(v.rows), "classes": len(classes),
              "dropped": dict(v.dropped)}
    return rows, classes, counts


COLUMNS = {
    "actors": "name<TAB>roles (CODE@YYYYMMDD-YYYYMMDD, CODE@>D, CODE@<D, bare CODE)<TAB>patterns (|-separated, "
              "spaCy tokens)<TAB>source",
    "agents": "sector<TAB>cameo<TAB>pattern (lower case, spaCy tokens; plurals derived at load)",
    "verbs": "lemma<TAB>pos<TAB>cues<TAB>code<TAB>targets<TAB>flags (as data/events/triggers.tsv; "
             "@NAME cues are classes in the .classes.tsv file of the same name)",
    "classes": "class<TAB>words (| separated)",
}


def header(kind: str, name: str, source: str, summary: str, licence: list[str], note: str = "") -> str:
    lines = [f"whowhom imported {kind} dictionary '{name}'{note}",
             f"Source: {source}, imported {_dt.date.today().isoformat()} by `whowhom dict import`",
             f"Counts: {summary}", f"Columns: {COLUMNS[kind]}"]
    if licence:
        lines += ["Licence of the source (kept with the derived data):"] + licence
    return "".join(f"# {ln}\n" if ln else "#\n" for ln in lines)


def _summary(kind: str, counts: dict, skips: list) -> str:
    if kind == "verbs":
        s = (f"imported {counts['patterns']:,} verb patterns of {counts['verbs']:,} verbs "
             f"({counts['rows']:,} trigger rows, {counts['classes']:,} classes)")
    else:
        s = f"imported {counts[kind]:,} {kind} ({counts['patterns']:,} patterns)"
    s += f", {len(skips):,} skipped lines"
    if skips:
        line, why, what = sorted(skips)[0]
        s += f" (first: line {line}: {why}: {what[:60]})"
    if counts.get("dropped"):
        s += "; dropped: " + ", ".join(f"{k} {v:,}" for k, v in sorted(counts["dropped"].items(),
                                                                      key=lambda kv: -kv[1]))
    return s


def import_file(path: str, kind: str = "auto", directory: str | None = None, name: str | None = None,
                force: bool = False) -> str:
    """Convert one TABARI/PETRARCH dictionary into the user dictionary directory; returns the summary."""
    text = read_source(path)
    found = detect(text)
    if kind == "auto":
        if found is None:
            raise InputError(f"{path}: not a TABARI/PETRARCH dictionary "
                             "(no [CODE], [~AGENT] or --- VERB --- lines)")
        kind = found
    elif found is None:
        raise InputError(f"{path}: not a TABARI/PETRARCH {kind} dictionary")
    name = name or default_name(path)
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise InputError(f"bad dictionary name {name!r}: use letters, digits, - and _")
    d = Path(directory).expanduser() if directory else user_dir()
    # (a link counts as there even when it points nowhere)
    existing = [p for p in (d / f"{name}{s}" for s in SUFFIXES) if p.exists() or p.is_symlink()]
    if existing and not force:
        raise InputError(f"a dictionary named {name!r} exists in {d} (use --force to replace it, or --name)")
    skips: list = []
    classes: list[str] = []
    if kind == "actors":
        rows, counts = convert_actors(text, skips)
    elif kind == "agents":
        rows, counts = convert_agents(text, skips)
    else:
        rows, classes, counts = convert_verbs(text, skips)
    if not rows:
        raise InputError(f"{path}: nothing to import as {kind} ({len(skips)} lines could not be read)")
    summary = _summary(kind, counts, skips)
    src, lic = str(Path(path).resolve()), _licence(text)
    out = {f"{name}.{kind}.tsv": header(kind, name, src, summary, lic) + "".join(rows)}
    if classes:
        out[f"{name}.classes.tsv"] = (header("classes", name, src, f"{len(classes)} synonym sets", lic,
                                             " (verb classes)") + "".join(classes))
    try:
        d.mkdir(parents=True, exist_ok=True)
        for p in existing:
            p.unlink()
        for file_name, content in out.items():
            _write_new(d / file_name, content)
    except OSError as err:
        raise InputError(f"cannot write to {d}: {err.strerror or err}") from None
    return summary


def _write_new(path: Path, content: str) -> None:
    """Write a file whole, under its name in its directory only: written beside it, then renamed over
    the name, so that a link planted there (pointing anywhere) is replaced, never written through, and a
    failed write leaves no half file."""
    import tempfile
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def list_dicts(directory: str | None = None) -> list[dict]:
    d = Path(directory).expanduser() if directory else user_dir()
    out = []
    for kind in KINDS:
        for p in files(d, kind):
            info = {"name": p.name[: -len(f".{kind}.tsv")], "kind": kind, "file": str(p), "source": "",
                    "rows": 0}
            with open(p, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("# Source: "):
                        info["source"] = line[10:].split(", imported")[0].strip()
                    elif line.strip() and not line.startswith("#"):
                        info["rows"] += 1
            out.append(info)
    return sorted(out, key=lambda i: (i["name"], i["kind"]))


def remove(name: str, directory: str | None = None) -> list[Path]:
    d = Path(directory).expanduser() if directory else user_dir()
    gone = [p for p in (d / f"{name}{s}" for s in SUFFIXES) if p.is_file()]
    if not gone or not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise InputError(f"no dictionary named {name!r} in {d}")
    for p in gone:
        p.unlink()
    return gone


def cli(args) -> None:
    """`whowhom dict import|list|remove` (whowhom.cli)."""
    if args.dict_command == "import":
        print(import_file(args.file, args.kind, args.dir, args.name, args.force))
    elif args.dict_command == "list":
        found = list_dicts(args.dir)
        if not found:
            print(f"no imported dictionaries in {Path(args.dir).expanduser() if args.dir else user_dir()}")
        for i in found:
            print(f"{i['name']}\t{i['kind']}\t{i['rows']:,} rows\t{i['source']}")
    else:
        for p in remove(args.name, args.dir):
            print(f"removed {p}")
