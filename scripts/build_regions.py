"""States and provinces as places (src/whowhom/data/actors/regions.tsv), from whowhom's own geo gazetteer.

    .venv/bin/python scripts/build_regions.py [--min-population 100000] [--out src/whowhom/data/actors]

A state or a province names whose an office or a force is ("Texas Gov. Greg Abbott", "Helmand police",
"Sindh government") and where something happens, as a city does (scripts/build_cities.py): the actor coder
reads both as places of a country. First-level regions of at least --min-population people, under their
name and the spellings of it in Latin letters, from src/whowhom/data/geo/places.tsv.gz (GeoNames, CC BY 4.0;
data/geo/README.md), which is committed: nothing is fetched. Left out: a name two countries' regions share
("Punjab") or a large town of another country has (Valencia), a name the actor tables have for a country or an
organisation ("Georgia"), names with a word of direction or kind ("Central", "Northern Cape", "Capital"), and names that
are also ordinary words or first names (build_cities.DROP). A region's name wins over a city's of the same
spelling (the loader reads regions.tsv first: "Ontario" is the province). Run after scripts/build_actor_data.py."""

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
valley mountain mountains highlands plateau border new""".split())
# (and names that are a wider area's, a company's, a newspaper's or people's: "the Sahel", "Meta", "Granma")
DROP_MORE = {"Victoria", "Alberta", "Georgia", "Santa", "Amazonas", "Mexico", "Washington", "Distrito", "Sahel",
             "Volta", "Meta", "Diana", "Acre", "Valle", "Mono", "Duarte", "Hidalgo", "Cesar", "Lori", "Bender",
             "Pest", "Saga", "Nara", "Mascara", "Fier", "Donga", "Cortes", "Granma", "Lapland", "Galicia"}


def build(min_population: int, known: set[str]) -> list[tuple[str, str]]:
    lines = gzip.decompress(PLACES.read_bytes()).decode("utf-8").split("\n")
    by_name: dict[str, set[str]] = {}
    people: dict[str, int] = {}
    for line in lines:
        cols = line.split("\t")
        if len(cols) != 8 or cols[1] != "region" or not cols[6].isdigit() or int(cols[6]) < min_population:
            continue
        people[cols[7].split("|")[0]] = int(cols[6])
        names = [plain(n) for n in cols[7].split("|")]
        main = names[0]
        for name in {main, *(n for n in names[1:] if n[:3] == main[:3])}:
            words = name.replace("-", " ").lower().split()
            if NAME.match(name) and len(name) >= 4 and name not in DROP | DROP_MORE \
                    and not GENERIC & set(words) and name.replace(" ", "").lower() not in known:
                by_name.setdefault(name, set()).add(cols[2])
                people[name] = max(people.get(name, 0), int(cols[6]))
    # (a name also some other region's, of any size, is no one's)
    sizes = {}
    for line in lines:
        cols = line.split("\t")
        if len(cols) == 8 and cols[1] == "region":
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    rows = build(a.min_population, known_names(OUT))
    write_places(a.out / "regions.tsv", f"first-level regions (states, provinces) of at least {a.min_population} "
                 "people, by their names", "GeoNames (geonames.org, CC BY 4.0) through whowhom's geo gazetteer "
                 "(data/geo/places.tsv.gz)", rows)
    print(f"regions: {len(rows)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
