"""GDELT 2.0's geography fields (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID) of an
event's place and of its actors.

Types as the codebook has them: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (a first-level
region); 0 and empty fields where nothing places it. Country codes are FIPS 10-4, as GDELT's are; ADM1Code is
the FIPS country code and the region's GeoNames admin1 code where known, else the FIPS country code alone
(data/geo/fips.tsv, scripts/build_fips.py). FeatureID is the GeoNames id, or for a country its FIPS code."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

NONE = [0, "", "", "", "", "", "", ""]


@lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(ISO3 -> FIPS country code, (ISO3, region name) -> GeoNames admin1 code)."""
    fips, admin1 = {}, {}
    for line in resources.files("whowhom.data").joinpath("geo", "fips.tsv").read_text("utf-8").splitlines():
        row = line.split("\t")
        if row[0] == "country":
            fips[row[1]] = row[2]
        elif row[0] == "admin1":
            admin1[(row[1], row[2])] = row[3]
    return fips, admin1


@lru_cache(maxsize=1)
def _countries() -> dict:
    """ISO3 -> the gazetteer's country entry (as Gazetteer.country finds it). Read from a gazetteer dropped
    afterwards: an export does not keep the whole gazetteer (~200 MB) in memory for a few hundred entries."""
    from whowhom.geo import gazetteer
    return gazetteer.read().countries()


def _country_name(iso3: str) -> str:
    e = _countries().get(iso3)
    return e.name if e is not None else iso3


def place_fields(name, country, admin1, lat, lon, geonames_id, precision) -> list:
    """The eight fields of a place (an event's place_* columns)."""
    if not precision or not country or lat is None:
        return list(NONE)
    fips, codes = _codes()
    cc = fips.get(country, "")
    adm1 = cc + codes.get((country, admin1 or ""), "") if cc else ""
    us = country == "USA"
    if precision == "country":
        return [1, _country_name(country), cc, cc, "", lat, lon, cc or geonames_id or ""]
    if precision == "region":
        full = ", ".join(x for x in (admin1 or name, _country_name(country)) if x)
        return [2 if us else 5, full, cc, adm1, "", lat, lon, geonames_id or adm1]
    full = ", ".join(x for x in (name, admin1 if admin1 != name else "", _country_name(country)) if x)
    return [3 if us else 4, full, cc, adm1, "", lat, lon, "" if geonames_id is None else geonames_id]


def actor_fields(country: str, action: dict) -> list:
    """An actor's place: the event's own place where it lies in the actor's country (the actor acted there),
    else the actor's country (CountryCode of its code), else none."""
    if not country:
        return list(NONE)
    if action.get("place_country") == country:
        return event_fields(action)
    e = _countries().get(country)
    if e is None:
        return list(NONE)
    return place_fields(e.name, country, "", round(e.lat, 4), round(e.lon, 4), e.id, "country")


def event_fields(r: dict) -> list:
    """ActionGeo_*: the fields of an event row's place."""
    return place_fields(r.get("place_name"), r.get("place_country"), r.get("place_admin1"), r.get("place_lat"),
                        r.get("place_lon"), r.get("place_geonames_id"), r.get("place_precision"))
