"""The HTTP API and the dashboard: a FastAPI app over the event store, read-only.

    create_app(db="whowhom.duckdb", allowed_hosts=()) -> FastAPI

Every answer is a DuckDB query in a small pool of worker threads, each with its own read-only store
(stores.py): dyad series read their dyad's rows of the dyad table (or, if it is small, the table held in
memory, on the event loop), event lists are sorted and cut before their articles are joined (dyads.py,
store/queries.py). As the store cannot change while the server holds it open, the actors' codes are read
once and every answer is kept for the next who asks it (up to 64 MB of them).
Actors are asked for by code or by name ("CHN", "chn", "China"; names.py): the answer says the code, an
unknown one is a 404. Every error is a JSON body {"error": "...one line..."};
schema.py declares it, and every answer, in the OpenAPI document. All SQL is parameterised by the store.
Around the routes (guards.py): only the hosts the server serves are answered, request bodies are limited,
and every answer carries a Content-Security-Policy.
"""

from __future__ import annotations

import gc
import json
import logging
from contextlib import asynccontextmanager
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Iterable

import duckdb
from fastapi import FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from whowhom.api import coding, guards, names
from whowhom.api import dyads as counts
from whowhom.api.dyads import TOP, Dyads
from whowhom.api.periods import PERIODS
from whowhom.api.schema import (ERRORS, Actors, Article, CodeRequest, Coded, Day, Dyad, Events, Health, TopDyads,
                                ok)
from whowhom.api.stores import REQUEST, RequestKey, Stores
from whowhom.errors import InputError
from whowhom.events.event import MODALITIES

STATIC = Path(__file__).with_name("static")
# LAT,LON,KM: the near parameter (store/queries.py checks the ranges)
# LAT,LON,KM with latitude -90..90 and longitude -180..180 (the pattern says so: a request it admits is answered)
_LAT = r"-?(?:90(?:\.0{1,8})?|[1-8]?\d(?:\.\d{1,8})?)"
_LON = r"-?(?:180(?:\.0{1,8})?|(?:1[0-7]\d|[1-9]?\d)(?:\.\d{1,8})?)"
NEAR = rf"^{_LAT},{_LON},\d{{1,5}}(\.\d{{1,8}})?$"
log = logging.getLogger("whowhom.api")

# An actor as a user gives it: a code (RUS, rusgov) or a name ("Russian government", "Côte d'Ivoire")
ACTOR = r"^[0-9A-Za-zÀ-ž][0-9A-Za-zÀ-ž _.'’\-]{0,59}$"
ACTOR_HELP = "an actor code or name (RUS, rus, Russia, Russian government)"
Modality = Enum("Modality", {m: m for m in MODALITIES}, type=str)
DyadModality = Enum("DyadModality", {m: m for m in (*MODALITIES, "all")}, type=str)
Period = Enum("Period", {p: p for p in PERIODS}, type=str)
Section = Enum("Section", {p: p for p in ("headline", "article", "comment")}, type=str)
# the switches of what a dyad series or an actor count takes in
MinConfidence = Annotated[float | None, Query(ge=0, le=1, description="only events at least this confident "
                                                                     "(calibrated confidence, 0 to 1)")]
IncludeBackground = Annotated[bool, Query(description="also count background events (dated more than a month "
                                                      "before their article)")]
IncludeComments = Annotated[bool, Query(description="also count events in readers' comments")]
Sections = Annotated[list[Section] | None, Query(description="only events in these sections (repeat the "
                                                             "parameter); comments count if listed, whatever "
                                                             "include_comments says")]


def plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


@asynccontextmanager
async def _lifespan(app: FastAPI):
    app.state.stores.codes()  # the store's actor codes and, if it is small, its dyad table, before requests
    names.warm()  # and the actor names
    # What start-up made (modules, the app, the dyad table) lives as long as the server: out of the garbage
    # collector's sight, a full collection during a burst of requests takes ~1 ms instead of ~90.
    gc.collect()
    gc.freeze()
    yield
    app.state.stores.close()


def app_from_env() -> FastAPI:
    """The app of one of several server processes (`whowhom serve --workers N`)."""
    import os
    return create_app(os.environ["WHOWHOM_SERVE_DB"], [os.environ.get("WHOWHOM_SERVE_HOST", "")])


def create_app(db: str | Path = "whowhom.duckdb", allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The app over the store `db`. It answers requests for the loopback names (localhost, 127.0.0.1, [::1]),
    for `allowed_hosts` (such as the address it is bound to) and for those in $WHOWHOM_ALLOWED_HOSTS."""
    app = FastAPI(
        lifespan=_lifespan,
        docs_url=None,  # Swagger UI and ReDoc load their JavaScript from a CDN; the schema is at /openapi.json
        redoc_url=None,
        title="whowhom",
        version="0.1.0",
        description="Who did what to whom: political events coded from news, with their evidence. "
                    "Read-only over a whowhom event store.",
        responses=ERRORS,  # what the error handlers below answer, for every route
    )
    db = str(db)
    app.state.stores = stores = Stores(db)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errs = exc.errors()
        first = errs[0] if errs else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:]) or "request"
        msg = f"{where}: {first.get('msg', 'invalid request')}"
        return JSONResponse({"error": msg, "detail": _plain(errs)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)  # also unknown routes, wrong methods (with their Allow)
    async def _http(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(names.UnknownActor)
    async def _unknown_actor(request: Request, exc: names.UnknownActor):
        return JSONResponse({"error": str(exc)}, status_code=404)

    @app.exception_handler(InputError)
    @app.exception_handler(ValueError)
    @app.exception_handler(duckdb.ConversionException)  # a value the store could not use as given
    @app.exception_handler(duckdb.InvalidInputException)
    async def _bad(request: Request, exc: Exception):
        return JSONResponse({"error": str(exc).splitlines()[0] if str(exc) else "bad request"},
                            status_code=400)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        # A safety net: a one-line JSON error, never a traceback page.
        log.exception("internal error on %s", request.url.path)
        # answered outside the middleware, hence the headers SecurityHeaders would have added
        return JSONResponse({"error": f"internal error ({type(exc).__name__})"}, status_code=500,
                            headers=guards.HEADERS)

    # the last added is the outermost: the headers go on every answer, refusals included
    app.add_middleware(guards.BodyLimit, limit=coding.MAX_BYTES)
    app.add_middleware(guards.HostCheck, hosts=guards.allowed_hosts(allowed_hosts))
    app.add_middleware(guards.SecurityHeaders)
    app.add_middleware(RequestKey)

    async def answer(query) -> Response:
        """Run query(store) in a worker thread and hand back its JSON, encoded there too (unless the query
        gives bytes already): a second trip to a thread (FastAPI serialising a returned dict) would queue
        behind every request that arrived meanwhile, and under load all answers would leave together."""
        def run(st) -> bytes:
            out = query(st)
            return out if isinstance(out, bytes) else as_json(out)
        # the same request, the same answer: the store cannot change while the server holds it
        return JSONBytes(await stores.kept(REQUEST.get(), run))

    @lru_cache(maxsize=4096)  # the store cannot change while the server runs; an unknown actor is not kept
    def _code(text: str, what: str) -> str:
        return names.code(text, what, stores.has_actor)

    def resolve(text: str | None, what: str) -> str | None:
        """An actor parameter as the user gave it (a code or a name) -> its code; unknown: UnknownActor (404)."""
        return None if text is None else _code(text, what)

    # ---- API ---------------------------------------------------------------------------------------

    @app.get("/api/health", summary="Is the server up, and how many events does the store hold",
             responses=ok(Health, "The store's file name and its number of events"))
    async def health():
        # the store's file name only: where it lives on the server's disk is no client's business
        return await answer(lambda st: {"status": "ok", "db": Path(db).name, "read_only": True,
                                        "events": int(st.count_events())})

    @app.get("/api/events", summary="Events, filtered and paged, oldest first",
             responses=ok(Events, "One page of the events matching"))
    async def events(
        actor: Annotated[str | None, Query(pattern=ACTOR, description=f"as source or target: {ACTOR_HELP}")] = None,
        source: Annotated[str | None, Query(pattern=ACTOR, description=f"source: {ACTOR_HELP}")] = None,
        target: Annotated[str | None, Query(pattern=ACTOR, description=f"target: {ACTOR_HELP}")] = None,
        code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code, e.g. 1212")] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root code, e.g. 12")] = None,
        plover: Annotated[str | None, Query(pattern=r"^[A-Za-z\-]{2,20}$", description="PLOVER type, e.g. REJECT")] = None,
        modality: Annotated[Modality | None, Query(description="asserted, negated, hypothetical or intended")] = None,
        since: Annotated[Day | None, Query(description="first date, YYYY-MM-DD (inclusive)")] = None,
        until: Annotated[Day | None, Query(description="last date, YYYY-MM-DD (inclusive)")] = None,
        text: Annotated[str | None, Query(min_length=1, max_length=200, description="words in the evidence sentence")] = None,
        background: Annotated[bool | None, Query(description="true: only background events; false: none")] = None,
        section: Annotated[list[Section] | None, Query(description="only these sections (repeat the parameter); "
                                                                  "all by default")] = None,
        min_confidence: MinConfidence = None,
        place: Annotated[str | None, Query(min_length=1, max_length=100, description="where it happened: a country "
                                           "code (SYR) or a place or region name (Aleppo), any case")] = None,
        near: Annotated[str | None, Query(pattern=NEAR, description="where it happened: within KM kilometres of a "
                                          "point, LAT,LON,KM (e.g. 36.2,37.2,50)")] = None,
        limit: Annotated[int, Query(ge=1, le=1000, description="page size, 1 to 1000")] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")] = 0,
        count: Annotated[bool, Query(description="count every match (total), which takes a pass over the "
                                                 "store; otherwise total is known only on the last page")] = False,
    ):
        if since and until and since > until:
            raise HTTPException(422, "since is after until")
        # the codes the actor parameters name, which the answer repeats
        resolved = {what: resolve(text, what) for what, text in (("actor", actor), ("source", source),
                                                                 ("target", target)) if text is not None}
        filters = dict(actor=resolved.get("actor"), source=resolved.get("source"), target=resolved.get("target"),
                       code=code, root=root,
                       plover=plover.upper() if plover else None,
                       modality=modality.value if modality else None,
                       since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                       text=text, background=background, section=[x.value for x in section] if section else None,
                       min_confidence=min_confidence, place=place, near=near)
        def page(st) -> bytes:
            events, n = st.events_page_json(**filters, limit=limit, offset=offset)  # JSON written by DuckDB
            if count:
                total = int(st.count_events(**filters))
            else:  # a page short of the limit (not empty past the end) says where the matches end
                total = offset + n if n < limit and (n or not offset) else "null"
            return (f'{{"total":{total},"limit":{limit},"offset":{offset},"resolved":'.encode()
                    + as_json(resolved) + f',"events":{events}}}'.encode())
        return await answer(page)

    @app.get("/api/dyads", summary="The most active dyads: pairs of actors with the most events either way",
             responses=ok(TopDyads, "Pairs of actors, most events first; in each, a is the busier source"))
    async def top_dyads(
        limit: Annotated[int, Query(ge=1, le=TOP, description=f"how many, 1 to {TOP}")] = 10,
        modality: Annotated[DyadModality, Query(description="modality counted, or all")] = DyadModality.asserted,
        include_background: IncludeBackground = False,
        include_comments: IncludeComments = False,
        min_confidence: MinConfidence = None,
        section: Sections = None,
    ):
        mod = None if modality.value == "all" else modality.value
        switches, sections = _counted(include_background, include_comments, section)

        def named(rows: list[dict]) -> dict:
            return {"modality": modality.value, "dyads": [{**r, "a_name": names.name(r["a"]),
                                                           "b_name": names.name(r["b"])} for r in rows]}
        def query(st) -> bytes:
            return as_json(named(counts.top(st, limit, mod, **switches, min_confidence=min_confidence,
                                            sections=sections)))
        return await answer(query)

    @app.get("/api/dyads/{a}/{b}", summary="How a and b treat each other over time",
             responses=ok(Dyad, "Events per period and direction, by QuadClass and by kind, with their mean "
                                "Goldstein score"))
    async def dyad(
        a: Annotated[str, PathParam(pattern=ACTOR, description=f"first actor: {ACTOR_HELP}")],
        b: Annotated[str, PathParam(pattern=ACTOR, description=f"second actor: {ACTOR_HELP}")],
        by: Annotated[Period, Query(description="period: " + ", ".join(PERIODS))] = Period.month,
        modality: Annotated[DyadModality, Query(description="modality counted, or all")] = DyadModality.asserted,
        both_directions: Annotated[bool, Query(description="also b towards a")] = True,
        include_background: IncludeBackground = False,
        include_comments: IncludeComments = False,
        min_confidence: MinConfidence = None,
        section: Sections = None,
    ):
        a, b = resolve(a, "actor"), resolve(b, "actor")
        mod = None if modality.value == "all" else modality.value
        head = {"a": a, "b": b, "a_name": names.name(a), "b_name": names.name(b), "by": by.value,
                "modality": modality.value}
        switches, sections = _counted(include_background, include_comments, section)
        held = stores.dyads()
        if held is not None and min_confidence is None and sections is None:  # on the event loop: < 1 ms
            return JSONBytes(as_json({**head, "series": held.series(a, b, by.value, both_directions, mod,
                                                                    **switches)}))
        # the rows of this dyad only (with a floor or sections, counted from its events)
        return await answer(lambda st: {**head, "series": Dyads(st, min_confidence, sections, dyad=(a, b)).series(
            a, b, by.value, both_directions, mod, **switches)})

    @app.get("/api/actors", summary="The most active actors, with their readable names and event counts",
             responses=ok(Actors, "Actors, most events first"))
    async def actors(limit: Annotated[int, Query(ge=1, le=1000, description="how many")] = 50,
                     include_background: IncludeBackground = False, include_comments: IncludeComments = False,
                     min_confidence: MinConfidence = None, section: Sections = None):
        switches, sections = _counted(include_background, include_comments, section)

        def named(rows: list[dict]) -> dict:
            return {"actors": [{**r, "name": names.name(r["actor"])} for r in rows]}
        def query(st) -> bytes:
            return as_json(named(counts.actors(st, limit, **switches, min_confidence=min_confidence,
                                               sections=sections)))
        return await answer(query)

    @app.get("/api/articles/{article_id:path}", summary="One article: its anatomy and its events with spans",
             responses=ok(Article, "The article's text, parts and events"))
    async def article(article_id: Annotated[str, PathParam(max_length=2000, description="article id")]):
        def one(st) -> bytes:
            found = st.article_json(article_id)
            if found is None:
                raise HTTPException(404, f"no article {article_id!r}")
            return found.encode()
        return await answer(one)

    @app.post("/api/code", summary="Code a posted text or HTML page; nothing is stored",
              responses=ok(Coded, "The page as read, and its events"))
    def code(req: CodeRequest) -> dict:
        return coding.code(req.text, req.html, req.date.isoformat() if req.date else None)

    # ---- dashboard ---------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly():
        return FileResponse(plotly_js(), media_type="text/javascript")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


class JSONBytes(Response):
    media_type = "application/json"


def as_json(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _counted(include_background: bool, include_comments: bool, section: list | None) -> tuple[dict, list | None]:
    """The switches of a count and its sections: sections, when given, say whether comments count."""
    sections = [x.value for x in section] if section else None
    if sections is not None:
        include_comments = "comment" in sections
    return dict(include_background=include_background, include_comments=include_comments), sections


def _plain(errs: list) -> list:
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in errs]
