"""Names the gazetteer knows that are not places where they stand: a group that acts, a person the article
names, a common word in capitals; and what a place the gazetteer does not know may still be (a sea; a land
named only by its parts, "Darfur" of North and South Darfur)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from whowhom.geo.gazetteer import Gazetteer, key

# Actors whose name is also a seat (the White House, the Kremlin, the Duma): the government, its
# legislature and courts sit at the capital. An armed group, a party, a force or an agency ("Hamas", "the
# Taliban", "Fatah", "Mossad") is not somewhere by its name: the gazetteer's landmark of it says who.
SEATS = {"GOV", "LEG", "JUD"}
# The last word of a body of water's name: a sea has no country, not the article's
WATERS = {"ocean", "sea", "gulf", "strait", "straits"}  # (not "bay": Safety Bay is a town)
# Where the seas most named in news lie (the gazetteer has no seas): the oceans and the Mediterranean at
# GeoNames' points for them (ids 1545739, 2363254, 3373405, 363196), as every other place is; the others
# approximate centres, from general knowledge
SEAS = {key(n): (lat, lon) for n, lat, lon in (
    ("Indian Ocean", -10.0, 70.0), ("Pacific Ocean", 3.51342, -132.1875), ("Atlantic Ocean", 10.0, -25.0),
    ("Arctic Ocean", 85.0, 0.0), ("Southern Ocean", -65.0, 0.0), ("Mediterranean Sea", 35.0, 20.0),
    ("Red Sea", 20.0, 38.5), ("Black Sea", 43.0, 35.0), ("Caspian Sea", 41.5, 50.5), ("Baltic Sea", 58.0, 20.0),
    ("North Sea", 56.0, 3.0), ("Aegean Sea", 38.5, 25.0), ("Adriatic Sea", 43.0, 15.5), ("Arabian Sea", 15.0, 65.0),
    ("South China Sea", 12.0, 114.0), ("East China Sea", 29.0, 125.0), ("Yellow Sea", 36.0, 123.0),
    ("Sea of Japan", 40.0, 135.0), ("Caribbean Sea", 15.0, -75.0), ("Gulf of Mexico", 25.0, -90.0),
    ("Persian Gulf", 27.0, 51.0), ("Gulf of Aden", 12.5, 48.0), ("Gulf of Oman", 24.5, 58.5),
    ("Strait of Hormuz", 26.5, 56.3), ("Taiwan Strait", 24.5, 119.5), ("English Channel", 50.2, -1.0),
    ("Bay of Bengal", 15.0, 88.0), ("Sea of Azov", 46.0, 36.5), ("Gulf of Guinea", 2.0, 3.0))}
# Seas named by their adjective alone ("across the tropical Atlantic", "Below Deck Mediterranean"): the sea,
# unless the gazetteer's town of that name has at least SEA_TOWN people or the text boxes it ("Atlantic, Iowa")
SHORT_SEAS = {"atlantic": "atlanticocean", "pacific": "pacificocean", "mediterranean": "mediterraneansea"}
SEA_TOWN = 20_000
LONGER_NAME = re.compile(r"[-\s]*(?:[A-Z]|time\b)")  # (what goes on after a sea's adjective in another name)
COMPASS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper",
           "lower"}


@lru_cache(maxsize=1)
def groups() -> frozenset[str]:
    """Keys of the names of groups in the actor tables: metonyms of a group rather than a seat of government,
    and organisations and armed groups ("Arab League"; not the media, whose name may be a town's: "The
    Washington Post" is of Washington)."""
    actors = resources.files("whowhom.data").joinpath("actors")
    out = set()
    for line in actors.joinpath("countries.tsv").read_text(encoding="utf-8").splitlines():
        code, kind, pattern = (line.split("\t") + ["", ""])[:3]
        if kind == "metonym" and code[3:6] not in SEATS:
            out.add(key(pattern))
    for line in actors.joinpath("organisations.tsv").read_text(encoding="utf-8").splitlines():
        row = line.split("\t")
        if len(row) == 6 and row[4] != "media" and not line.startswith("#"):
            out.add(key(row[5]))
    return frozenset(out)


def surnames(doc) -> set[str]:
    """The people the article names: last name -> their full names ("silva" -> {"mervynsilva"}), and the
    names that stand alone as a person ("Mbeki said"). Alone ("Silva said"), as part of a word ("Selebi" read
    as Selebi-Phikwe) or after a first name NER took for a place ("Thabo Mbeki"), they are that person."""
    full, alone = {}, set()
    for e in doc.ents:
        words = [t for t in e if t.is_alpha and t.text[:1].isupper()]
        if e.label_ == "PERSON" and len(words) >= 2:
            full.setdefault(key(words[-1].text), set()).add(key(" ".join(t.text for t in words)))
        elif e.label_ == "PERSON" and words:
            alone.add(key(words[0].text))
    return full, alone


def is_person(text: str, people) -> bool:
    """Is this name one of the article's people (surnames() gives `people`): the last name of someone it names
    in full, or a first name and a last name that stands alone elsewhere ("Thabo Mbeki" ... "Mbeki said")
    or is another's ("Marks Tey", a PERSON to NER, is not a person for being one)."""
    full, alone = people
    names = text.split()
    if len(names) == 1:
        return key(text) in full
    return len(names) == 2 and (key(names[1]) in alone or bool(full.get(key(names[1]), set()) - {key(text)}))


def water(text: str) -> bool:
    words = text.lower().split()
    return len(words) >= 2 and words[-1] in WATERS or len(words) >= 3 and words[0] in WATERS and words[1] == "of" \
        or key(text) in SHORT_SEAS


def sea(text: str) -> tuple[float, float] | None:
    """The point of a sea the table knows, or None."""
    return SEAS.get(SHORT_SEAS.get(key(text), key(text)))


def short_sea(text: str, town, after: str) -> bool:
    """A sea's adjective alone ("the Atlantic") that is not the small town of that name the gazetteer offers,
    nor part of a longer name (`after`, the text that follows: "Pacific Fleet", "Atlantic Council", "Pacific
    Time")."""
    return key(text) in SHORT_SEAS and (town is None or town.population < SEA_TOWN) \
        and not LONGER_NAME.match(after)


def by_parts(gaz: Gazetteer, text: str) -> list:
    """The regions named by the name and a compass word ("Darfur": North, South, West ... Darfur), as the
    name alone is written for the land they share; empty where there are none or they lie in two countries."""
    parts = _parts(gaz).get(key(text), [])
    return parts if len({e.country for e in parts}) == 1 else []


@lru_cache(maxsize=2)
def _parts(gaz: Gazetteer) -> dict[str, list]:
    out: dict[str, list] = {}
    for i, row in enumerate(gaz.rows):
        if "\tregion\t" not in row:
            continue
        words = row.rsplit("\t", 1)[1].split("|", 1)[0].split()
        if len(words) >= 2 and words[0].lower() in COMPASS:
            out.setdefault(key(" ".join(words[1:])), []).append(gaz.entry(i))
    return out
