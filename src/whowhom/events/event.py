"""The Event record: one coded who-did-what-to-whom, with its evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass

MODALITIES = ("asserted", "negated", "hypothetical", "intended")


@dataclass
class Event:
    doc_id: str
    section: str                 # "headline", "article", "comment"
    sentence_index: int          # index of the sentence within its section
    sentence: str                # the evidence sentence
    start: int                   # character offsets of the sentence in its section's text (the body
    end: int                     # for "article", the headline for "headline", the comment for "comment")
    source: str
    source_text: str
    source_start: int            # offsets within the sentence
    source_end: int
    target: str | None
    target_text: str | None
    target_start: int | None
    target_end: int | None
    trigger: str
    trigger_start: int
    trigger_end: int
    cameo: str
    cameo_root: str
    cameo_name: str
    goldstein: float
    quad_class: int
    penta: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None
    modality: str
    reported_by: str | None
    event_date: str | None
    confidence: float
    rule: str
    background: bool = False     # dated more than a month before the article: recalled, not news (dating.py)
    # Where it happened (events/location.py): the place its sentence names, else the dateline's, else the
    # article's main place or country; precision 'city', 'region' or 'country'. None where nothing places it.
    place_name: str | None = None
    place_country: str | None = None     # ISO 3166 alpha-3
    place_admin1: str | None = None      # first-level region, by name
    place_lat: float | None = None
    place_lon: float | None = None
    place_geonames_id: int | None = None
    place_feature: str | None = None     # the geoparser's: city, district, landmark, site, region, country
    place_precision: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
