"""The bodies of the API's requests and answers, as the OpenAPI document (/openapi.json) declares them.

The answer models only document: the routes hand over JSON they wrote themselves (most of it written by
DuckDB), which is not validated again on the way out. Event fields the models do not name are there too
(an answer may hold more than its model says, never less). tests/test_api_schema.py holds the answers to
these models.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from whowhom.api import coding


def _iso_day(value):
    # pydantic alone also takes a number for a date, as Unix time: until=0 would be 1970-01-01
    if isinstance(value, dt.date) or isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise PydanticCustomError("date_format", "a date is YYYY-MM-DD")


Day = Annotated[dt.date, BeforeValidator(_iso_day)]


# ---- requests ---------------------------------------------------------------------------------------

def _only(field: str, other: str) -> dict:
    return {"required": [field], "properties": {field: {"type": "string", "pattern": coding.NOT_BLANK},
                                                other: {"type": "null"}}}


class CodeRequest(BaseModel):
    # what coding.code() asks of a request, told to the OpenAPI document: either text or html, not blank
    model_config = ConfigDict(json_schema_extra={"oneOf": [_only("text", "html"), _only("html", "text")]})

    text: str | None = Field(None, description=f"plain text of a page or an article (at most {coding.MAX_CHARS} "
                                               "characters)")
    html: str | None = Field(None, description="HTML of a page (instead of text)")
    date: Day | None = Field(None, description="the page's date, YYYY-MM-DD (for leaders by date)")

    @field_validator("text", "html")
    @classmethod
    def _unicode(cls, value: str | None) -> str | None:
        # JSON can carry a lone surrogate ("\ud800"), which no UTF-8 text (nor the answer) can hold
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as e:
                raise PydanticCustomError("unicode", "not valid Unicode: a lone surrogate at character {at}",
                                          {"at": e.start}) from None
        return value


# ---- errors -----------------------------------------------------------------------------------------

class Problem(BaseModel):
    loc: list[str | int] = Field(description="where: query, path or body, then the parameter or field")
    msg: str


class Error(BaseModel):
    """The body of every 4xx and 5xx answer."""
    error: str = Field(description="what was wrong, in one line")
    detail: list[Problem] | None = Field(None, description="for invalid parameters (422): each problem")


ERRORS = {"4XX": {"model": Error, "description": "A bad request: invalid parameters (422), no such article or "
                                                 "route (404), a body too large (413), an unknown Host (400)"},
          "5XX": {"model": Error, "description": "An internal error, or a store that cannot be opened (503)"}}


def ok(model: type[BaseModel], description: str) -> dict:
    """A route's documented 200 answer."""
    return {200: {"model": model, "description": description}}


# ---- answers ----------------------------------------------------------------------------------------

class Health(BaseModel):
    status: str
    db: str = Field(description="the store's file name")
    read_only: bool
    events: int


class ActorCount(BaseModel):
    actor: str
    name: str | None = Field(description="its readable name, if whowhom has one")
    events: int
    as_source: int
    as_target: int


class Actors(BaseModel):
    actors: list[ActorCount]


class Kinds(BaseModel):
    """A period's events by kind: news (headline and article) by modality, and readers' comments apart."""
    asserted: int
    negated: int
    hypothetical: int
    intended: int
    comment: int = Field(description="events in readers' comments, of any modality")


class SeriesRow(BaseModel):
    period: str = Field(description="the period's first day")
    since: str = Field(description="the period's first day, YYYY-MM-DD")
    until: str = Field(description="the period's last day, YYYY-MM-DD")
    source: str
    target: str
    events: int
    goldstein_mean: float | None
    q1: int = Field(description="events of QuadClass 1, verbal cooperation (q2..q4 likewise)")
    q2: int
    q3: int
    q4: int
    kinds: Kinds


class Dyad(BaseModel):
    a: str = Field(description="the first actor's code (a name asked for gives its code)")
    b: str
    a_name: str | None = Field(description="readable names, if whowhom has them")
    b_name: str | None
    by: str
    modality: str
    series: list[SeriesRow]


class TopDyad(BaseModel):
    a: str = Field(description="the actor of the busier direction")
    b: str
    a_name: str | None
    b_name: str | None
    events: int = Field(description="events either way")
    a_to_b: int
    b_to_a: int


class TopDyads(BaseModel):
    modality: str
    dyads: list[TopDyad]


class Event(BaseModel):
    """An event and its evidence: the sentence, where it is in its section's text, and where in the
    sentence its source, target and trigger are."""
    event_id: str | int = Field(description="article_id:n for a stored event; its position for a posted text")
    section: str = Field(description="headline, article or comment")
    sentence: str
    start: int
    end: int
    source: str
    source_start: int | None = Field(description="offsets within the sentence; none if the source is not in it")
    source_end: int | None
    target: str | None
    target_start: int | None
    target_end: int | None
    trigger_start: int | None
    trigger_end: int | None
    cameo: str
    cameo_name: str
    goldstein: float | None
    quad_class: int | None
    plover: str | None
    modality: str
    reported_by: str | None
    event_date: str | None
    confidence: float | None
    rule: str
    background: bool
    place_name: str | None = Field(None, description="where it happened: its sentence's place, else the "
                                   "dateline's, else the article's (the gazetteer's name)")
    place_country: str | None = Field(None, description="ISO 3166 alpha-3")
    place_admin1: str | None = Field(None, description="first-level region (state, province), by name")
    place_lat: float | None = None
    place_lon: float | None = None
    place_geonames_id: int | None = None
    place_feature: str | None = Field(None, description="city, district, landmark, site, region or country")
    place_precision: str | None = Field(None, description="city, region or country")


class StoredEvent(Event):
    article_id: str
    date: str | None = Field(description="the date the event is counted on")
    title: str | None = Field(description="its article's headline")
    url: str | None = Field(description="its article's URL, as the input gave it: not necessarily http(s)")


class Events(BaseModel):
    total: int | None = Field(description="events matching, over all pages: counted when `count` is true, else "
                                          "given only when this page reaches the end of them (null otherwise)")
    limit: int
    offset: int
    resolved: dict[str, str] = Field(description="the code each actor parameter given (actor, source, target) "
                                                 "named, e.g. {\"source\": \"CHN\"} for source=China")
    events: list[StoredEvent]


class Part(BaseModel):
    label: str = Field(description="headline, byline, comment, ...")
    text: str
    author: str | None
    time: str | None


class Page(BaseModel):
    id: str
    title: str | None
    date: str | None
    author: str | None
    url: str | None = Field(description="as the input gave it: not necessarily http(s)")
    body: str | None
    parts: list[Part]


class Article(Page):
    events: list[StoredEvent]


class Coded(BaseModel):
    article: Page
    events: list[Event]
