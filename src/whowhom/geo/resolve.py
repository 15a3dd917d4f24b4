"""Toponym resolution: which of its candidates each place mention means, read as an analyst would, from
the article as a whole.

A candidate's prior is what kind of place it is and how many people live there (a country before a
region before a town; a capital before a town of its name). The article moves it: the countries and
regions its unambiguous mentions name (a dateline counts three times), the larger place written beside a
mention ("Aydin, Turkey", "Red Deer, Alta.", "Kobani (Syria)"), a kind word ("Idlib province"), and other
places resolved close by (a second pass). A name keeps one sense throughout an article unless a larger
place beside it says otherwise. A city of a million people is meant before the region of its name ("New
York", "Lagos") unless a kind word says the region. A mention is kept as a place when NER calls it one, when it names a country
or a region, or when its best candidate's score clears THRESHOLD; a place the gazetteer does not know
("Royal Street", a village), or knows only as a small town abroad where the story never goes (stranger),
is put at the most specific place the article sets it in (feature "site").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from whowhom.geo.gazetteer import ADJECTIVE, ALTERNATE, CODE, NAME, Entry, key
from whowhom.geo.mentions import PLACE_LABELS, TITLES, Mention
from whowhom.geo.notplace import groups

PRIOR = {"continent": 14.0, "area": 12.0, "country": 14.0, "region": 8.0, "district": -0.5, "city": 1.0,
         "capital": 6.0, "landmark": 8.0}
BROAD = ("continent", "area", "country", "region", "landmark")
TOWN = ("city", "capital", "district")
THRESHOLD = 5.5
# Short words that are also a region's code ("IN", "OK", "ACT")
WORDS = set("in or me hi oh ok al la de pa ma co id as at be is it on to us so no go an am do he if my of up we "
            "act all can new ne wa sa".split())
# Words for kinds of place and building, which end names ("Royal Street") and are also some village's name
GENERIC = set("""street road avenue lane boulevard drive way square park garden gardens bridge church cathedral
chapel mosque temple synagogue university college school academy hospital clinic centre center hall court
library museum gallery station airport stadium arena market mall hotel inn tower house palace castle estate
village town city county state province region district island islands lake river mountain mountains valley
beach bay harbour harbor port canal plantation railroad railway lagoon point rock creek falls hill hills
north south east west central northern southern eastern western upper lower new old great little royal
national union federal""".split())
PEOPLE = ("PERSON",)  # NER labels of names that say nothing of where a story is
NEAR_KM = 150
NEAR_LAT = NEAR_KM / 111.0  # degrees: places further apart in latitude alone are further than NEAR_KM
GREAT = 1_000_000  # (people: a city this large is meant before the region of its name)
SMALL = 20000  # (people: a town this small abroad is not where a story is set unless it says so)
COMMA = re.compile(r"^\s*(?:,|\()\s*$")
LISTED = re.compile(r"^\s*(?:,\s*)?(?:and|or|,)\s*$")
NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")


def km(a: Entry, b: Entry) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def prior(e: Entry, kind: str) -> float:
    p = PRIOR[e.feature]
    if e.feature in TOWN:
        p += math.log10(e.population + 1)
    elif e.feature == "region":
        p += 0.25 * math.log10(e.population + 1)
    return p - (1.0 if kind == CODE else 2.5 if kind == ALTERNATE else 0.0)


def contains(big: Entry, small: Entry) -> bool:
    """Does a country or a first-level region hold this place?"""
    if small is big or small.country != big.country:
        return False
    return big.feature == "country" or big.feature == "region" and small.admin1 == big.name


def evidence(mentions: list[Mention]) -> dict[str, tuple[Counter, Counter]]:
    """For each name, the countries and (country, region) pairs the article's other unambiguous mentions
    name, by weight (a name is no evidence for itself)."""
    countries, regions, own = Counter(), Counter(), defaultdict(lambda: (Counter(), Counter()))
    for m in mentions:
        cands = [(e, k) for e, k in m.candidates if k != CODE or m.label == "GPE" or m.dateline]
        if not cands:
            continue
        w = 3 if m.dateline else 1
        nations = {e.country for e, _ in cands if e.country}
        top = max(cands, key=lambda c: prior(*c))[0]
        mine = own[key(m.text)]
        if len(nations) == 1 or top.feature in ("country", "region"):
            c = top.country if len(nations) != 1 else next(iter(nations))
            countries[c] += w
            mine[0][c] += w
        admins = {(e.country, e.admin1) for e, _ in cands if e.admin1}
        if len(admins) == 1 or top.feature == "region":
            r = (top.country, top.admin1) if len(admins) != 1 else next(iter(admins))
            regions[r] += w
            mine[1][r] += w
    return {k: (countries - c, regions - r) for k, (c, r) in own.items()}


def containers(mentions: list[Mention], text: str) -> dict[int, Mention]:
    """Mention index -> the mention of a larger place written right after it ("Aydin, Turkey"). A town's name
    that ends a person's full name is not held: "Julie Graham, Washington State Department of Health" is a
    woman and her office (an apposition), not Graham, Washington."""
    out = {}
    for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
        in_name = a.inside_run and a.surname and a.label == "PERSON"
        if COMMA.match(text[a.end:b.start]) and b.candidates and not in_name and not _qualifies(text, b.end):
            out[i] = b
    return out


def _qualifies(text: str, end: int) -> bool:
    """Whether the place's name ending at `end` qualifies an actor's noun after it ("in Russia, U.S. officials
    said"): then it is whose, not the place that holds the one before the comma."""
    from whowhom.actors.loader import load
    word = NEXT_WORD.match(text, end)
    return word is not None and (word.group(1).lower(),) in load().agents


def score_all(mentions, text, chosen=None) -> list[list[tuple[float, Entry, str]]]:
    """For each mention, its candidates scored, best first. `chosen` (a first pass's picks) adds the
    nearness of other places the article names."""
    context = evidence(mentions)
    boxes = containers(mentions, text)
    boxed = {id(b): mentions[i] for i, b in boxes.items()}  # the larger place -> what it holds
    # (the towns chosen, by mention; a degree of latitude apart is ~111 km, whatever the longitude)
    towns = sorted(((j, c) for j, c in enumerate(chosen or ()) if c is not None and c.feature in TOWN
                    and mentions[j].label not in PEOPLE), key=lambda town: town[1].lat)
    lats = [c.lat for _, c in towns]  # (sorted: only the towns within NEAR_LAT of a candidate are tried)
    peers = _listed_with(mentions, text, chosen)
    out = []
    for i, m in enumerate(mentions):
        box, held = boxes.get(i), boxed.get(id(m))
        if box is not None and _same_level(m, box):
            box = None  # ("Ohio, Indiana and Georgia": a list of states, not an Ohio County of Indiana)
        countries, regions = context.get(key(m.text), (Counter(), Counter()))
        total = sum(countries.values()) or 1
        # (a country's own name is the country before another name of its capital or a town of that name
        # nothing beside it places: "southern Mexico" in a story that also names Mexico City, "grew up in
        # Russia" in a story of Ohio)
        nation = any(e.feature == "country" and kind == NAME for e, kind in m.candidates)
        scored = []
        for e, kind in m.candidates:
            s = prior(e, kind) - (3.0 if nation and (kind == ALTERNATE or e.feature in TOWN and box is None) else 0.0)
            if e.country and e.country in countries:
                s += 2.0 + 4.0 * countries[e.country] / total
            if e.admin1 and (e.country, e.admin1) in regions:  # (a region, by the places named in it)
                s += 2.5
            if m.kind and m.kind == ("city" if e.feature == "capital" else e.feature):
                s += 3.0
            if box is not None:
                s += 8.0 if any(contains(b, e) for b, _ in box.candidates) else -2.0
            if held is not None and any(contains(e, h) for h, _ in held.candidates):
                s += 6.0  # ("Tacoma, Washington": the state that holds a Tacoma)
            if e.feature == "region" and any(c.feature == "region" and c.country == e.country for c in peers[i]):
                s += 3.0  # ("western states such as California or Washington": a state among states)
            if e.feature in TOWN:
                near = towns[bisect_left(lats, e.lat - 2 * NEAR_LAT):bisect_right(lats, e.lat + 2 * NEAR_LAT)]
                if any(c is not e and j != i and abs(c.lat - e.lat) < NEAR_LAT and km(c, e) < NEAR_KM
                       for j, c in near):
                    s += 2.0
            scored.append((s, e, kind))
        if m.kind != "region":
            scored = _great_city(scored)
        scored.sort(key=lambda x: -x[0])
        out.append(scored)
    return _one_sense(mentions, out, boxes)


def _same_level(m: Mention, box: Mention) -> bool:
    """Whether a place and the one after its comma are, as the gazetteer likeliest reads them, two first-level
    regions (or two countries) of one list rather than a place and what holds it."""
    if not m.candidates or not box.candidates:
        return False
    a, b = (max(x.candidates, key=lambda c: prior(*c))[0] for x in (m, box))
    return a.feature == b.feature and (a.feature == "country" or a.feature == "region" and a.country == b.country)


def _listed_with(mentions, text, chosen) -> list[list[Entry]]:
    """For each mention, the first pass's places of the mentions listed with it ("California or Washington",
    "Ohio, Indiana and Michigan"); none without a first pass."""
    out = [[] for _ in mentions]
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if chosen and LISTED.match(text[a.end:b.start]):
            if chosen[i + 1] is not None:
                out[i].append(chosen[i + 1])
            if chosen[i] is not None:
                out[i + 1].append(chosen[i])
    return out


def _great_city(scored):
    """A city of a million people and the region it lies in, of one name: the city is meant ("New York",
    "Lagos", "Istanbul"), unless a kind word says the region ("New York State", "Lagos State")."""
    regions = {(e.country, e.name): s for s, e, _ in scored if e.feature == "region"}
    return [(max(s, regions[(e.country, e.admin1)] + 0.5) if e.feature in ("city", "capital") and e.population
             >= GREAT and (e.country, e.admin1) in regions else s, e, kind) for s, e, kind in scored]


def _one_sense(mentions, scored, boxes):
    """Mentions of one name without a larger place beside them take the sense the article gives it most."""
    groups = defaultdict(list)
    for i, m in enumerate(mentions):
        if i not in boxes and scored[i]:
            groups[key(m.text)].append(i)
    for ids in groups.values():
        if len(ids) < 2:
            continue
        total = defaultdict(float)
        for i in ids:
            for s, e, _ in scored[i]:
                total[id(e)] += s
        for i in ids:
            scored[i].sort(key=lambda x: -total[id(x[1])])
    return scored


def keep(m: Mention, best: tuple[float, Entry, str] | None, boxed: bool, after_place: bool) -> bool:
    """Is this mention a place? NER says so, or the gazetteer does convincingly. A word that names a kind of
    place is the head of a longer name ("Royal Street", "Manila Cathedral"), not a town of that name; an
    adjective inside a place's name ("Indian Ocean", "French Quarter") says nothing of where; a town's name
    inside a person's ("Albert Smith") or further on in a run of names ("Louisiana Purchase") is not one."""
    if best is None:
        return m.label in PLACE_LABELS and not m.surname  # ("Chandrasekara": a GPE to NER, a man to the article)
    s, e, kind = best
    if m.text.lower() in GENERIC and not (m.whole and m.label == "GPE") or _named_otherwise(m, e, kind, boxed):
        return False
    if kind == ADJECTIVE and not m.whole and m.label in PLACE_LABELS:
        return False
    if kind == CODE:  # ("BC", "Calif."): after a place, in a dateline, or a code that is no word ("OK", "IN")
        return after_place or m.label == "GPE" or m.dateline or s >= PRIOR["region"] and key(m.text) not in WORDS
    if boxed or m.dateline or (m.whole and m.label in PLACE_LABELS) or (m.label == "NORP" and kind == ADJECTIVE):
        return True
    if m.label in ("PERSON", "ORG") and m.edge and kind != ADJECTIVE and e.feature in ("country", "region"):
        return True
    if m.label == "PERSON":
        return m.whole and (e.feature in ("country", "continent", "area")
                            or s >= THRESHOLD + (0 if m.locative else 3))
    if m.label in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"):
        return e.feature in BROAD and kind != ADJECTIVE
    if e.feature in BROAD or e.population >= GREAT and kind != ALTERNATE:  # ("Smart Dubai", "Baseball Toronto")
        return True
    if m.inside_run:
        return False
    return bool(m.proper or m.label) and s >= THRESHOLD


def _named_otherwise(m: Mention, e: Entry, kind: str, boxed: bool) -> bool:
    """A name that is something else where it stands: a group's (the gazetteer's landmark of "Hamas" or "the
    Taliban" says who, not where); and, for a town without a preposition of place, a larger place beside it
    or a kind word, a person's last name ("Silva" of "Mervyn Silva"), a people ("Arab", NORP to NER), a word of
    the name of a party or league ("Liberal Democratic Party", "the Arab League"), "the Council" said, or a
    word of office that NER calls nothing ("Secretary of State ..."). A town before "Minister" is a portfolio."""
    if e.feature == "landmark" and key(e.name) in groups() or m.portfolio and e.feature in TOWN:
        return True
    if e.feature not in TOWN or e.population >= GREAT or boxed or m.dateline or m.locative or m.kind:
        return False
    return (m.surname and m.whole or m.body and not m.edge
            or m.label == "NORP" and kind != ADJECTIVE and (m.whole or m.edge)
            or not m.label and m.text.lower() in TITLES)


def stranger(m: Mention, best: tuple[float, Entry, str], context) -> bool:
    """A small town abroad that the story has not been to: the gazetteer's only namesake of a local place
    it does not know ("Glenrock" in a story about New South Wales is not Glen Rock, New Jersey)."""
    s, e, kind = best
    countries = context.get(key(m.text), (Counter(), Counter()))[0]
    return (e.feature in ("city", "district") and e.population < SMALL and bool(countries)
            and e.country not in countries and not m.dateline)
