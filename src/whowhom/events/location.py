"""Where each event happened (issue 18): the place its sentence sets it in ("shelled positions near Kobani"),
else the place the story was filed from (its dateline), else the place the article is mostly about, else the
country the story is set in (the actors' home, actors/article.py), with how precise that is.

The places are read from the Docs the coder already parsed (NER included), and only from those that gave
events; a piece of text that gave none is never geoparsed. A dateline outside every parsed piece is parsed on
its own (a few words). An adjective ("Turkish troops") says whose, not where: it never places an event, nor
does a continent or an area of several countries."""

from __future__ import annotations

from whowhom.events.event import Event
from whowhom.nlp import text_of

# How precise an event's place is, by the geoparser's feature of it
PRECISION = {"city": "city", "district": "city", "landmark": "city", "site": "city", "region": "region",
             "country": "country"}


class Pieces:
    """The parsed texts of one article, as the coder read them: (section, offset of the piece in its
    section's text, Doc). Their places are found when an event asks for them, once."""

    def __init__(self):
        self.parsed: list[tuple[str, int, object]] = []
        self._places: dict[int, list] = {}

    def add(self, section: str, offset: int, doc) -> None:
        self.parsed.append((section, offset, doc))

    def of(self, e: Event) -> tuple[int, str, list] | None:
        """(offset, text, places) of the piece an event's sentence lies in."""
        hits = [k for k, (section, at, _) in enumerate(self.parsed)
                if section == e.section and at <= e.start and e.end <= at + len(self.text(k))]
        if len(hits) > 1:  # (several comments: the one whose text is the sentence)
            hits = [k for k in hits if self.text(k)[e.start - self.parsed[k][1]:e.end - self.parsed[k][1]]
                    == e.sentence] or hits
        if not hits:
            return None
        return self.parsed[hits[0]][1], self.text(hits[0]), self.places(hits[0])

    def text(self, k: int) -> str:
        return text_of(self.parsed[k][2])

    def places(self, k: int) -> list:
        """The piece's places that can set an event (sets_events)."""
        if k not in self._places:
            from whowhom.geo import places
            self._places[k] = [p for p in places(self.parsed[k][2]) if sets_events(p)]
        return self._places[k]


def sets_events(p) -> bool:
    """A place an event can be set in: one of a precision an event's place has, and not a town's name the
    article gives a person or a body ("Nixon", "Toyota": geo.Place.named_otherwise), which the geoparser
    keeps as a toponym."""
    return p.feature in PRECISION and not p.named_otherwise


def locate(events: list[Event], body: str | None, pieces: Pieces | None, home: str | None = None) -> None:
    """Set each event's place (the place_* fields), as the module docstring says."""
    if not events:
        return
    from whowhom.geo import focus, place_in

    own = {}
    for i, e in enumerate(events):
        hit = pieces.of(e) if pieces is not None else None
        if hit is not None:
            at, text, found = hit
            actors = _actor_spans(e, e.start - at)
            own[i] = place_in([p for p in found if not p.adjective and not _is_actor(p, actors)],
                              e.start - at, e.end - at, text)
    if all(own.get(i) is not None for i in range(len(events))):
        fallback = None
    else:
        read = [p for k in (pieces._places if pieces else {}) for p in pieces._places[k]
                if pieces.parsed[k][0] != "comment"]
        fallback = _dateline(body) or focus(read) or _country(home)
    for i, e in enumerate(events):
        p = own.get(i) or fallback
        if p is not None:
            set_place(e, p)


def _actor_spans(e: Event, at: int) -> list[tuple[int, int]]:
    """The event's source and target as spans of its piece's text (`at`: where its sentence starts)."""
    return [(at + a, at + b) for a, b in ((e.source_start, e.source_end), (e.target_start, e.target_end))
            if a is not None and b is not None]


def _is_actor(p, actors: list[tuple[int, int]]) -> bool:
    """A country named as the event's source or target acts or is acted on as a polity ("criticised the
    United States"): it says who, not where. (A town named so, "shelled Kobani", is where it happened.)"""
    return p.feature == "country" and any(a < p.end and p.start < b for a, b in actors)


def set_place(e: Event, p) -> None:
    e.place_name, e.place_country, e.place_admin1 = p.name, p.country or None, p.admin1 or None
    e.place_lat, e.place_lon = round(p.lat, 4), round(p.lon, 4)
    e.place_geonames_id, e.place_feature, e.place_precision = p.geonames_id, p.feature, PRECISION[p.feature]


def _dateline(body: str | None):
    """The most specific place of the body's first dateline ("KIRKUK, Iraq (Reuters) -"), or None."""
    from whowhom.page.dateline import datelines
    lines = datelines(body) if body else []
    if not lines:
        return None
    from whowhom import nlp
    from whowhom.geo import place_in, places
    a, b = lines[0]
    text = body[a:b]
    found = [p for p in places(nlp.load()(text)) if sets_events(p) and not p.adjective]
    return place_in(found, 0, len(text), text)


def _country(code: str | None):
    """The country of an actor code ("IRQ", "IRQGOV") as a place, or None."""
    from whowhom.geo import Place, gazetteer
    e = gazetteer.load().country(code[:3]) if code else None
    if e is None:
        return None
    return Place(0, 0, e.name, e.name, e.country, "", e.lat, e.lon, e.id, "country")
