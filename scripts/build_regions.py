"""States and provinces as places (src/whowhom/data/actors/regions.tsv), from whowhom's own geo gazetteer.

    .venv/bin/python scripts/build_regions.py [--min-population 100000] [--out src/whowhom/data/actors]

A state or a province names whose an office or a force is ("Texas Gov. Greg Abbott", "Helmand police",
"Sindh government") and where something happens, as a city does (scripts/build_cities.py): the actor coder
reads both as places of a country. First-level regions of at least --min-population people, under their
name and the spellings of it in Latin letters, from src/whowhom/data/geo/places.tsv.gz (GeoNames, CC BY 4.0;
data/geo/README.md), which is committed: nothing is fetched. Left out: a name two countries' regions share
("Punjab") or a large town of another country has (Valencia), a name the actor tables have for a country or an
organisation ("Georgia"; one they only discard, "New Mexico", stays), names made only of words of direction or
kind ("Central", "Far North", "Capital"; "North Carolina" and "Helmand Province" stay), and names that are also
ordinary words or first names (build_cities.DROP). A region's name wins over a city's of the same spelling (the
loader reads regions.tsv first: "Ontario" is the province). Run after scripts/build_actor_data.py.

It also writes shared_regions.tsv: a country's name that is also a first-level region of another country
("Georgia", the US state; "Niger", the Nigerian state), with what says the region is meant: its abbreviation
("Ga.") and its towns of 50,000 people or more whose name no larger town and no other country's city has
("Atlanta", "Minna"). The actor coder reads the name as the region in a story that names these (actors/article.py)."""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_cities import DROP, NAME, known_names, plain, write_places  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whowhom" / "data" / "actors"
PLACES = ROOT / "src" / "whowhom" / "data" / "geo" / "places.tsv.gz"
# Words that make a region's name a direction or a kind of place, which news uses for other things
GENERIC = set("""central north northern south southern east eastern west western northeast northeastern northwest
northwestern southeast southeastern southwest southwestern capital coast coastal upper lower greater middle
federal national special autonomous territory region province district city island islands lake lakes river
valley mountain mountains highlands plateau border new division department far bank area state governorate
municipality county part""".split())
# (and names that are a wider area's, a company's, a newspaper's or people's: "the Sahel", "Meta", "Granma")
DROP_MORE = {"Victoria", "Alberta", "Georgia", "Santa", "Amazonas", "Mexico", "Washington", "Distrito", "Sahel",
             "Volta", "Meta", "Diana", "Acre", "Valle", "Mono", "Duarte", "Hidalgo", "Cesar", "Lori", "Bender",
             "Pest", "Saga", "Nara", "Mascara", "Fier", "Donga", "Cortes", "Granma", "Lapland", "Galicia"}


def places() -> list[list[str]]:
    """The rows of the geo gazetteer that have a population (geonames id, feature, country, admin1, lat, lon,
    population, names)."""
    rows = (line.split("\t") for line in gzip.decompress(PLACES.read_bytes()).decode("utf-8").split("\n"))
    return [c for c in rows if len(c) == 8 and c[6].isdigit()]


def build(rows: list[list[str]], min_population: int, known: set[str]) -> list[tuple[str, str]]:
    by_name: dict[str, set[str]] = {}
    people: dict[str, int] = {}
    for cols in rows:
        if cols[1] != "region" or int(cols[6]) < min_population:
            continue
        people[cols[7].split("|")[0]] = int(cols[6])
        names = [plain(n) for n in cols[7].split("|")]
        main = names[0]
        for name in {main, *(n for n in names[1:] if n[:3] == main[:3])}:
            words = name.replace("-", " ").lower().split()
            if NAME.match(name) and len(name) >= 4 and name not in DROP | DROP_MORE \
                    and not set(words) <= GENERIC and name.replace(" ", "").lower() not in known:
                by_name.setdefault(name, set()).add(cols[2])
                people[name] = max(people.get(name, 0), int(cols[6]))
    # (a name also some other region's, of any size, is no one's)
    sizes = {}
    for cols in rows:
        if cols[1] == "region":
            for n in cols[7].split("|"):
                sizes.setdefault(plain(n), set()).add(cols[2])
    # (a region's name, not its people's adjective: "Scottish", "English")
    from whowhom.geo import gazetteer
    gaz = gazetteer.load()
    named = set()
    for name, cs in by_name.items():
        found = gaz.lookup(name)
        # (nor a name a town of another country has that is a third of the region's size or more: Ontario is the
        # province, Valencia of Venezuela keeps its name)
        if any(kind == gazetteer.NAME and e.feature == "region" for e, kind in found) and not any(
                e.feature in ("city", "capital") and e.country not in cs and 3 * e.population >= people[name]
                for e, _ in found):
            named.add(name)
    return sorted((next(iter(cs)), name) for name, cs in by_name.items()
                  if len(cs) == 1 and sizes.get(name, cs) <= cs and name in named)


SIGNAL_TOWN = 50_000


def shared(rows: list[list[str]], min_population: int, out: Path,
           country_rows: list[list[str]]) -> list[tuple[str, str, list[str]]]:
    """(region's country, name, signals) for each country name that is also another country's region."""
    countries = {r[2]: r[0] for r in country_rows if len(r) == 3 and r[1] == "country"}
    cities: dict[str, set[str]] = {}
    for code, name in _table(out / "cities.tsv"):
        cities.setdefault(name, set()).add(code)
    largest: dict[str, int] = {}
    for c in rows:
        if c[1] in ("city", "capital"):
            for n in c[7].split("|"):
                largest[plain(n)] = max(largest.get(plain(n), 0), int(c[6]))
    out_rows = []
    for c in rows:
        name = c[7].split("|")[0]
        if c[1] != "region" or int(c[6]) < min_population or countries.get(name, c[2]) == c[2]:
            continue
        towns = sorted({plain(d[7].split("|")[0]) for d in rows
                        if d[1] == "city" and d[2] == c[2] and d[3] == c[3] and int(d[6]) >= SIGNAL_TOWN
                        and largest[plain(d[7].split("|")[0])] == int(d[6])})
        towns = [t for t in towns if NAME.match(t) and t not in DROP and t not in countries
                 and cities.get(t, {c[2]}) == {c[2]}]
        out_rows.append((c[2], name, [n for n in c[7].split("|") if n.endswith(".")] + towns))
    return sorted(out_rows)


def _table(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    # (a region's name the actor tables only discard, so that its last word is no country's, is the region's:
    # "New Mexico", "Western Cape"; the loader lets a region replace a discard)
    country_rows = _table(a.out / "countries.tsv")
    discarded = {r[2].replace(" ", "").lower() for r in country_rows if len(r) == 3 and r[1] == "discard"}
    gazetteer_rows = places()
    rows = build(gazetteer_rows, a.min_population, known_names(a.out) - discarded)
    source = "GeoNames (geonames.org, CC BY 4.0) through whowhom's geo gazetteer (data/geo/places.tsv.gz)"
    write_places(a.out / "regions.tsv", f"first-level regions (states, provinces) of at least {a.min_population} "
                 "people, by their names", source, rows)
    print(f"regions: {len(rows)} names")
    both = shared(gazetteer_rows, a.min_population, a.out, country_rows)
    write_places(a.out / "shared_regions.tsv", "country names that are also a first-level region of another "
                 "country, and what says the region is meant", source, both,
                 columns="region's country<TAB>name<TAB>abbreviations and towns of the region (|, spaCy tokens "
                 "joined by spaces)")
    print(f"shared names: {len(both)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
