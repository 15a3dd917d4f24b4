"""The offline gazetteer: GeoNames places (continents, countries, first- and second-level regions, cities,
a few multi-country areas and seats of government) under their names, alternate names, adjectives and
codes. Read once per process from data/geo/places.tsv.gz, which scripts/build_geo_data.py makes; nothing is
fetched at run time.

Names are looked up by key(): letters and digits only, accents dropped, lower case, so "Sao Paulo",
"São Paulo" and "SAO PAULO" meet, and "B.C." is "bc". Whether a capitalised span of text is a place at all
is the resolver's question (resolve.py), not this module's.
"""

from __future__ import annotations

import gzip
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA = "places.tsv.gz"
# Kinds of name an entry is known by: its own name or an alternate spelling, an adjective or demonym
# ("Turkish"), a short code ("BC", "NSW") and an alternate that is only a variant in another language.
NAME, ADJECTIVE, CODE, ALTERNATE = "name", "adjective", "code", "alternate"
# A second-level region's entry is only as good as the places it holds; so is a multi-country area's.
FEATURES = ("continent", "area", "country", "region", "district", "city", "landmark")


@dataclass(frozen=True, slots=True)
class Entry:
    id: int | None      # GeoNames id (None for whowhom's own areas and landmarks)
    name: str
    feature: str        # one of FEATURES
    country: str        # ISO 3166 alpha-3 ("" for continents and areas)
    admin1: str         # the first-level region it lies in, by name ("" where none or unknown)
    lat: float
    lon: float
    population: int


def key(text: str) -> str:
    """The look-up key of a name: letters and digits, accents dropped, lower case."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isalnum()).lower()


class Gazetteer:
    """The file holds the rows, then the sorted look-up keys, then for each key its rows (row * 4 + kind);
    a key is found by bisection and a row made an Entry when first asked for, so loading is reading."""

    def __init__(self, rows: list[str], keys: list[str], codes: list[str]):
        self.rows, self.keys, self.codes = rows, keys, codes
        self.entries: list[Entry | None] = [None] * len(rows)
        self._countries: dict[str, int] | None = None
        self._admin1: dict[tuple[str, str], int] = {}

    def entry(self, i: int) -> Entry:
        e = self.entries[i]
        if e is None:
            gid, feature, country, admin1, lat, lon, pop, names = self.rows[i].split("\t")
            e = self.entries[i] = Entry(int(gid) if gid else None, names.split("|", 1)[0], feature, country,
                                        admin1, float(lat), float(lon), int(pop or 0))
        return e

    def names(self, i: int) -> list[str]:
        return self.rows[i].split("\t")[7].split("|")

    def lookup(self, text: str) -> list[tuple[Entry, str]]:
        """Every entry known by this name, each with the kind of name it has it as (NAME, ADJECTIVE, ...);
        an entry known by it in two ways once, its best way first."""
        k = key(text)
        if k in UNIONS:  # ("the EU's policy": Europe, where GeoNames and geoparsers place the Union)
            return [(e, ALTERNATE) for e, _ in self.lookup(UNIONS[k])][:1]
        at = bisect_left(self.keys, k)
        if not k or at == len(self.keys) or self.keys[at] != k:
            return []
        # (a short name in capitals is an abbreviation: "US" is not Us, France, nor "EU" Eu)
        letters = [c for c in text if c.isalpha()]
        caps = len(letters) <= 4 and all(c.isupper() for c in letters)
        seen, out = set(), []
        for code in sorted(map(int, self.codes[at].split()), key=lambda c: c % 4):
            if caps and not any(key(n) == k and n.replace(".", "").isupper() for n in self.names(code // 4)):
                continue
            if code // 4 not in seen:
                seen.add(code // 4)
                out.append((self.entry(code // 4), _KINDS[code % 4]))
        return out

    def country(self, iso3: str) -> Entry | None:
        i = self._index().get(iso3)
        return self.entry(i) if i is not None else None

    def countries(self) -> dict[str, Entry]:
        """Each country's entry, by ISO 3166 alpha-3 code (as country() finds it)."""
        return {iso3: self.entry(i) for iso3, i in self._index().items()}

    def admin1(self, iso3: str, name: str) -> Entry | None:
        self._index()
        i = self._admin1.get((iso3, name))
        return self.entry(i) if i is not None else None

    def _index(self) -> dict[str, int]:
        """Countries (ISO3 -> row) and first-level regions ((ISO3, name) -> row), indexed on first use."""
        if self._countries is None:
            self._countries = {}
            for i, row in enumerate(self.rows):
                if "\tcountry\t" in row or "\tregion\t" in row:
                    e = self.entry(i)
                    if e.feature == "country":
                        self._countries.setdefault(e.country, i)
                    else:
                        self._admin1.setdefault((e.country, e.name), i)
        return self._countries


_KINDS = (NAME, ADJECTIVE, CODE, ALTERNATE)
UNIONS = {"eu": "Europe", "europeanunion": "Europe"}
MARKS = {"~": 1, "#": 2, "+": 3}
SECTION = "\n%%\n"


def read(path=None) -> Gazetteer:
    """The data file: comment lines (#), the rows, and after a line %% the keys and after another their rows."""
    source = path or resources.files("whowhom.data").joinpath("geo", DATA)
    with source.open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    rows, keys, codes = text.split(SECTION)
    rows = rows.split("\n")
    while rows and rows[0].startswith("#"):
        rows.pop(0)
    return Gazetteer(rows, keys.split("\n"), codes.rstrip("\n").split("\n"))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The packaged gazetteer, read once per process."""
    return read()
