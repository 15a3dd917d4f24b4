"""Load the committed actor data files (src/whowhom/data/actors/*.tsv) into look-up tables, once."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

_TRANS = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"})


@lru_cache(maxsize=1 << 18)  # (a page repeats its words, and the gazetteer normalises every token)
def norm(text: str) -> str:
    """Case-folded, accent-free, quote-normalised form of one token's text."""
    t = text.translate(_TRANS).lower()
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return t


@dataclass(slots=True)
class Entry:
    """One gazetteer entry: pattern surface form (for case checks) and what it denotes."""
    kind: str                      # country, demonym, capital, city, metonym, combining, org, media, group, armed, leader, discard
    code: str                      # readable code (RUS, RUSGOV, NATO, WST) or "" for leaders (see roles)
    country: str | None
    sector: str | None
    cameo: str
    surface: tuple[str, ...]       # pattern tokens as written
    roles: tuple = ()              # leaders: ((code, start, end), ...) dates as YYYYMMDD ints; 0 = open
    default: str | None = None     # leaders: undated fallback role
    curated: bool = True           # leaders: from whowhom's own list (False: Phoenix)
    others: tuple = ()             # leaders: other leaders with the same pattern ("President Bush")


@dataclass
class ActorData:
    gaz: dict = field(default_factory=dict)        # tuple(norm tokens) -> Entry
    gaz_lens: dict = field(default_factory=dict)   # first norm token -> sorted lengths (desc)
    agents: dict = field(default_factory=dict)     # tuple(lower tokens) -> (sector, cameo)
    agent_lens: dict = field(default_factory=dict)
    countries: set = field(default_factory=set)
    orgs: set = field(default_factory=set)         # readable org/group codes (no country)
    names: dict = field(default_factory=dict)      # code -> readable name; "~GOV" -> sector name
    person_words: set = field(default_factory=set)  # norm words of people's names ("george", "kennedy")
    # a country's name that is also another country's region: name -> (region's country, what says so)
    shared_regions: dict = field(default_factory=dict)  # ("georgia",) -> ("USA", {("atlanta",), ("ga.",)})


def _rows(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def split_code(code: str, countries: set, orgs: set) -> tuple[str, str | None, str | None]:
    """'USAGOVJUD' -> ('USAGOV', 'USA', 'GOV'); 'NATO' -> ('NATO', None, None)."""
    if code in orgs:
        return code, None, None
    if code[:3] in countries:
        sec = code[3:6] or None
        return code[:3] + (sec or ""), code[:3], sec
    return code, None, None


def _date(s: str) -> int:
    return int(s) if s else 0


def _roles(spec: str):
    roles, default = [], None
    for r in spec.split():
        if "@" not in r:
            default = default or r
            continue
        code, rng = r.split("@", 1)
        if rng.startswith(">"):
            roles.append((code, _date(rng[1:]), 0))
        elif rng.startswith("<"):
            roles.append((code, 0, _date(rng[1:])))
        else:
            a, b = rng.split("-", 1)
            roles.append((code, _date(a), _date(b)))
    return tuple(roles), default


def _index(table: dict) -> dict:
    lens: dict[str, set] = {}
    for key in table:
        lens.setdefault(key[0], set()).add(len(key))
    return {k: sorted(v, reverse=True) for k, v in lens.items()}


def load(data_dir: str | None = None, dict_dir: str | None = None) -> ActorData:
    """The packaged actor data (or that of data_dir) merged with the user's imported dictionaries
    (dict_dir, default whowhom.dicts.user_dir(): NAME.actors.tsv, NAME.agents.tsv)."""
    from whowhom import dicts

    dd = str(dict_dir) if dict_dir is not None else str(dicts.user_dir())
    return _load(data_dir, dd, dicts.dir_key(dd))


def _imported(dict_dir: str, kind: str, width: int):
    """Rows (width fields) of the imported NAME.<kind>.tsv files (whowhom dict import)."""
    from whowhom import dicts

    for path in dicts.files(dict_dir, kind):
        for _, row in dicts.rows(path):
            if len(row) >= width:
                yield row[:width]


def _add_imported_actors(data: ActorData, put, dict_dir: str) -> None:
    """Imported actors add patterns to the gazetteer; a pattern the package already has keeps its
    packaged meaning (put() never replaces).  Dated roles make a leader entry, a bare code a country
    (RUS) or an organisation/sector code (IGOUNO, AFGMIL)."""
    for name, spec, pats in _imported(dict_dir, "actors", 3):
        roles, default = _roles(spec)
        for pat in pats.split("|"):
            surface = tuple(pat.split(" "))
            if roles:
                put(pat, Entry("leader", "", None, None, name, surface, roles, default, False))
            elif default:
                c, country, sector = split_code(default, data.countries, data.orgs)
                kind = "country" if c == country else "org"
                put(pat, Entry(kind, c, country, sector, default, surface))


@lru_cache(maxsize=4)
def _load(data_dir: str | None, dict_dir: str, _files: tuple) -> ActorData:
    # _files (dicts.dir_key) is only part of the cache key: a new import means a new load
    d = Path(data_dir) if data_dir else DATA_DIR
    data = ActorData()
    for code, name in _rows(d / "names.tsv"):
        data.names[code] = name
    cc: set[str] = set()
    country_rows = list(_rows(d / "countries.tsv"))
    for code, kind, pat in country_rows:
        if kind in ("country",) and len(code) == 3:
            cc.add(code)
    data.countries = cc
    org_rows = list(_rows(d / "organisations.tsv"))
    data.orgs = {r[0] for r in org_rows if not r[2] and r[0][:3] not in cc}
    gaz = data.gaz

    def put(pat: str, entry: Entry):
        key = tuple(norm(w) for w in pat.split(" "))
        if key not in gaz:
            gaz[key] = entry
        elif entry.kind == "leader" and gaz[key].kind == "leader" and gaz[key].cameo != entry.cameo:
            gaz[key].others += (entry,)  # the date decides which one is meant

    for code, kind, pat in country_rows:
        surface = tuple(pat.split(" "))
        if kind == "discard":
            put(pat, Entry("discard", "", None, None, "", surface))
            continue
        c, country, sector = split_code(code, cc, data.orgs)
        put(pat, Entry(kind, c, country, sector, code, surface))
    for code, cameo, country, sector, kind, pat in org_rows:
        put(pat, Entry(kind, code, country or None, sector or None, cameo, tuple(pat.split(" "))))
    for name, spec, pats, src in _rows(d / "leaders.tsv"):
        roles, default = _roles(spec)
        kind = "leader" if roles else "org"
        if kind == "org" and default:
            c, country, sector = split_code(default, cc, data.orgs)
            for pat in pats.split("|"):
                put(pat, Entry("org", c, country, sector, default, tuple(pat.split(" "))))
            continue
        for pat in pats.split("|"):
            put(pat, Entry("leader", "", None, None, name, tuple(pat.split(" ")), roles, default, src == "own"))
            data.person_words.update(norm(w) for w in pat.split(" ") if len(w) >= 3 and w[:1].isupper())
    _add_imported_actors(data, put, dict_dir)
    # cities, states and provinces are places: the country of what happens in them ("police in Karachi") and
    # of an office or a force they qualify ("Texas Gov. Greg Abbott"); a name that is also a person's or an
    # organisation's stays theirs, a region's name wins over a city's of the same spelling ("Ontario")
    for name in ("regions.tsv", "cities.tsv"):
        if (d / name).is_file():
            for code, pat in _rows(d / name):
                if code in cc:
                    key = tuple(norm(w) for w in pat.split(" "))
                    if key in gaz and gaz[key].kind == "discard" and name == "regions.tsv":
                        del gaz[key]  # ("New Mexico" is discarded as no Mexico's, and is a US state)
                    put(pat, Entry("city", code, code, None, code, tuple(pat.split(" "))))
    if (d / "shared_regions.tsv").is_file():
        for code, name, signals in _rows(d / "shared_regions.tsv"):
            data.shared_regions[tuple(norm(w) for w in name.split(" "))] = (
                code, {tuple(norm(w) for w in s.split(" ")) for s in signals.split("|")})
    data.gaz_lens = _index(gaz)
    for sector, cameo, pat in chain(_rows(d / "agents.tsv"), _imported(dict_dir, "agents", 3)):
        key = tuple(norm(w) for w in pat.split(" "))
        val = (sector or None, cameo)
        data.agents.setdefault(key, val)
        # derived plural of the last word (Phoenix lists singular forms only)
        last = key[-1]
        if last.endswith("y") and not last.endswith(("ay", "ey", "oy")):
            pl = last[:-1] + "ies"
        elif last.endswith(("s", "x", "ch", "sh")):
            pl = last + "es"
        elif last.endswith("man"):
            pl = last[:-3] + "men"
        else:
            pl = last + "s"
        data.agents.setdefault(key[:-1] + (pl,), val)
    data.agent_lens = _index(data.agents)
    return data


load.cache_clear = _load.cache_clear  # callers (tests) clear the cache through load
