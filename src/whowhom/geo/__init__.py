"""Where it happened: offline geolocation of the places a news text names.

    places(text or Doc, doc_id=None) -> list[Place]     every place mention, resolved, in text order
    place_in(places, start, end, text) -> Place | None  the place a stretch of text (an event's sentence)
                                                        sets things in: "in Aleppo", else the most specific
    focus(places, by_country=False) -> Place | None     the place the article is mostly about
    gazetteer.load() -> Gazetteer                       the names (GeoNames; data/geo/README.md)

Offsets are character offsets in the text given (the Doc's text). Nothing is fetched at run time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass

from spacy.tokens import Doc

from whowhom.actors.voices import SAYING
from whowhom.geo import gazetteer, mentions, notplace, resolve
from whowhom.geo.gazetteer import ADJECTIVE, Entry
from whowhom.nlp import text_of

FIELDS = ("doc_id", "start", "end", "text", "name", "country", "admin1", "lat", "lon", "geonames_id", "feature")
SPECIFIC = {"site": 0, "landmark": 1, "city": 2, "district": 3, "region": 4, "country": 5, "area": 6, "continent": 7}
LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across|around|on|throughout|within|into|of)\s+(?:the\s+)?$",
                      re.I)

CAPS_AFTER = re.compile(r"\s*(?:,|\(|[-–—]\s)")


@dataclass
class Place:
    start: int
    end: int
    text: str
    name: str                  # the place's own name ("Turkey" for "Turkish")
    country: str               # ISO 3166 alpha-3; "" for a continent or an area of several countries
    admin1: str                # the first-level region (state, province) by name; "" where none
    lat: float
    lon: float
    geonames_id: int | None    # None for a site placed by its context and for whowhom's own areas
    feature: str               # continent, area, country, region, district, city, landmark, site
    doc_id: str | None = None
    adjective: bool = False    # named by an adjective or demonym ("Turkish troops")
    # a town's name that NER reads as a person's or an organisation's ("Nixon", "Toyota", "the Tribune"), with
    # nothing beside it that says place ("in", "Monroe, La.", a dateline, "Omar County"): kept as a toponym,
    # but it does not say where a story or an event is set
    named_otherwise: bool = False

    def to_dict(self) -> dict:
        d = asdict(self)
        return {k: d[k] for k in FIELDS}


def places(text: str | Doc, doc_id: str | None = None, nlp=None) -> list[Place]:
    """The places a text names, resolved with the whole text as context (module docstring of resolve.py)."""
    if isinstance(text, Doc):
        doc = text
    else:
        from whowhom import nlp as whowhom_nlp
        doc = (nlp or whowhom_nlp.load())(text)
    from whowhom.page.dateline import datelines
    gaz = gazetteer.load()
    found = mentions.find(doc, gaz)
    doc_text = text_of(doc)
    # (the place of a dateline, not its news agency: "BAGHDAD, Jan. 13 (Xinhua) --")
    lines = [(a, a + doc_text[a:b].find("(")) if "(" in doc_text[a:b] else (a, b) for a, b in datelines(doc_text)]

    for m in found:
        m.dateline = any(a <= m.start < b for a, b in lines) or _caps_line(m, doc_text)
    first = resolve.score_all(found, doc_text)
    scored = resolve.score_all(found, doc_text, [s[0][1] if s else None for s in first])
    boxes, context = resolve.containers(found, doc_text), resolve.evidence(found)
    boxed_by = {id(b) for b in boxes.values()}
    kept = []
    for i, m in enumerate(found):
        best = scored[i][0] if scored[i] else None
        if i not in boxes and notplace.short_sea(m.text, best[1] if best else None, doc_text[m.end:m.end + 12]):
            kept.append((i, m, None))  # (then placed as the sea: _own_point)
            continue
        if resolve.keep(m, best, i in boxes, id(m) in boxed_by):
            if best is not None and i not in boxes and resolve.stranger(m, best, context):
                best = None  # (then placed as a site, where the story is)
            kept.append((i, m, best))
    out = [_place(m, best[1], best[2] == ADJECTIVE, doc_id,
                  _named_otherwise(doc, i, m, best[1], boxes, boxed_by, doc_text))
           for i, m, best in kept if best is not None]
    sites = [(i, m) for i, m, best in kept if best is None] + mentions.uncovered(doc, out, found)
    sites += mentions.after_preposition(doc, out, [m for _, m in sites])
    sites += mentions.roads(doc, out, [m for _, m in sites])
    # (what the story is about: the town of its dateline, where it was filed, else the town it names most)
    filed = [p for p in out if any(a <= p.start < b for a, b in lines) and SPECIFIC[p.feature] <= 3]
    # (a site no place in its sentence holds is placed in the country the story is about: all its places
    # count, not its one most named town, which may be a person's name read as a town)
    centre, inner = filed[0] if filed else focus(out, by_country=True), set()
    people = notplace.surnames(doc)
    for i, m in sites:
        if notplace.is_person(m.text, people):
            continue  # (a man's name that NER or a preposition took for a place: "assaulting Chandrasekara")
        site = _own_point(m, gaz, doc_id)
        # (a sea the table does not know is nowhere rather than in the story's country)
        if site is None and not notplace.water(m.text):
            where = _setting(i, m, boxes, out, doc_text) or centre
            site = where and Place(m.start, m.end, m.text, m.text, where.country, where.admin1, where.lat,
                                   where.lon, None, "site", doc_id)
        if site is not None:
            out.append(site)
            inner.update(id(p) for p in out[:-1] if m.start <= p.start and p.end <= m.end)
    # (a place within a site's name, Dubai of "Dubai World Trade Centre", is where the site is, not a place of its own)
    return sorted((p for p in out if id(p) not in inner), key=lambda p: p.start)


def _own_point(m, gaz, doc_id) -> Place | None:
    """A place the gazetteer has no entry for that still has a point of its own, not the story's: a sea (no
    country), a land named by its parts (Darfur, of North and South Darfur: their country, their middle)."""
    if notplace.water(m.text):
        point = notplace.sea(m.text)
        return point and Place(m.start, m.end, m.text, m.text, "", "", *point, None, "site", doc_id)
    parts = notplace.by_parts(gaz, m.text)
    if not parts:
        return None
    lat, lon = sum(e.lat for e in parts) / len(parts), sum(e.lon for e in parts) / len(parts)
    return Place(m.start, m.end, m.text, m.text, parts[0].country, "", lat, lon, None, "region", doc_id)


def _caps_line(m, text: str) -> bool:
    """A name in capitals that opens a line, then a comma, a bracket or a dash ("SOUTH WAZIRISTAN, April 5
    (APP):"): a dateline, whatever its form after the name."""
    line = text.rfind("\n", 0, m.start) + 1
    return (m.text.isupper() and sum(c.isalpha() for c in m.text) >= 4 and not text[line:m.start].strip()
            and CAPS_AFTER.match(text, m.end) is not None)


def _place(m, e: Entry, adjective: bool, doc_id, named_otherwise: bool = False) -> Place:
    feature = "city" if e.feature == "capital" else e.feature
    admin1 = "" if feature in ("country", "continent", "area") else e.admin1
    return Place(m.start, m.end, m.text, e.name, e.country, admin1, e.lat, e.lon, e.id, feature, doc_id, adjective,
                 named_otherwise)


# NER labels of names that are not places' names
NOT_PLACE_LABELS = ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")


def _named_otherwise(doc: Doc, i: int, m, e: Entry, boxes, boxed_by, text: str) -> bool:
    """Place.named_otherwise: a town (not a capital, not a city of a million) whose name NER gives a person
    or a body, or that speaks (the subject of "said"), with no preposition of place before it ("near the
    Suwalki Gap"), no larger place beside it, no kind word and no dateline. (A capital that acts stands for
    its government: "Vilnius accused Minsk" is done there.)"""
    if e.feature not in ("city", "district") or e.population >= resolve.GREAT:
        return False
    if m.locative or m.dateline or m.kind or i in boxes or id(m) in boxed_by \
            or LOCATIVE.search(text[max(0, m.start - 20):m.start]):
        return False
    return m.label in NOT_PLACE_LABELS or _speaks(doc, m)


def _speaks(doc: Doc, m) -> bool:
    """The mention is the subject of a verb of saying (the quotation rules' list: actors/voices.py)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in SAYING


def _setting(i, m, boxes, resolved: list[Place], text: str) -> Place | None:
    """Where a place the gazetteer does not know lies: a place its own name holds ("Dubai World Trade
    Centre"), the larger place written beside it, the nearest place up to a region's size named before it in
    its sentence; else (the caller's) the place the article is mostly about."""
    within = [p for p in resolved if m.start <= p.start and p.end <= m.end and not p.adjective]
    if within:
        return min(within, key=lambda p: SPECIFIC[p.feature])
    box = boxes.get(i)
    if box is not None:
        hit = next((p for p in resolved if p.start == box.start), None)
        if hit is not None:
            return hit
    sent = [p for p in resolved if m.sent <= p.start < m.start and SPECIFIC[p.feature] <= 4 and not p.adjective]
    return sent[-1] if sent else None


# A country's own name says less of where a story is than its towns and regions do (stories name foreign
# countries often, and a town's story its own country seldom)
COUNTRY_WEIGHT = 0.5


def focus(found: list[Place], by_country: bool = False) -> Place | None:
    """The place an article is mostly about: its most named town, else region, else country; `by_country`:
    of the country the article names most (by all the places it names in it, a name that is also a
    person's not counted), its most named town, else region, else the country."""
    if by_country:
        countries: Counter = Counter()
        for p in found:
            if p.country and not p.adjective and not p.named_otherwise:
                countries[p.country] += COUNTRY_WEIGHT if p.feature == "country" else 1
        if countries:
            top = countries.most_common(1)[0][0]
            found = [p for p in found if p.country == top]
    for level in (("city", "district", "landmark"), ("region",), ("country",)):
        named = Counter((p.name, p.country) for p in found if p.feature in level and not p.adjective)
        if named:
            top = named.most_common(1)[0][0]
            return next(p for p in found if (p.name, p.country) == top)
    return None


def place_in(found: list[Place], start: int, end: int, text: str) -> Place | None:
    """The place a stretch of text (an event's sentence, offsets as the places') sets things in: of the
    places named in it, one after "in", "at", "near", ... first, then the most specific; an adjective
    ("Turkish troops") says whose, not where, and is taken last."""
    inside = [p for p in found if start <= p.start and p.end <= end]
    if not inside:
        return None
    return min(inside, key=lambda p: (p.adjective, not LOCATIVE.search(text[max(0, p.start - 20):p.start]),
                                      SPECIFIC[p.feature], p.start))
