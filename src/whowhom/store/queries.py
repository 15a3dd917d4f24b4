"""The store's queries, shared by the CLI and the web API: events filtered and paged, dyad series, actor
counts, one article, clustered events. Every value from a caller reaches SQL as a bound parameter."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from whowhom.errors import InputError
from whowhom.events.dating import first_day
from whowhom.store.sql import (DYAD_INCLUDED, PLACED, EVENT_ORDER, EVENT_SELECT, EVENT_STRUCT, clustered, counted,
                               dyad_days as dyad_days_sql)

if TYPE_CHECKING:  # pandas loads when a query returns a DataFrame, not when ingest starts
    import pandas as pd

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}
SERIES_SECTIONS = ("headline", "article")  # readers' comments enter a series only when asked for


def counted_filters(include_background: bool = False, include_comments: bool = False) -> dict:
    """The events() filters that select the events a dyad series counts with these switches."""
    return {"background": None if include_background else False,
            "section": None if include_comments else SERIES_SECTIONS}


# Great-circle distance (km) from an event's place to a point given as parameters (lat, lat, lon)
KM = ("2 * 6371.0 * asin(least(1.0, sqrt(pow(sin(radians(e.place_lat - ?) / 2), 2) + cos(radians(?)) "
      "* cos(radians(e.place_lat)) * pow(sin(radians(e.place_lon - ?) / 2), 2))))")


def place_terms(value: str) -> list:
    """The place filter's parameters: the countries and the place names (lower case, no accents) a country
    code or a place name stands for; a name the gazetteer knows stands for its places' own names too
    ("Kobani" for ‘Ayn al ‘Arab, "Syria" for every event in SYR)."""
    import unicodedata
    from whowhom.geo import gazetteer

    def plain(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()

    value = str(value).strip()
    gaz = gazetteer.load()
    countries = [value.upper()] if gaz.country(value.upper()) is not None else []
    names = {plain(value)}
    for e, kind in gaz.lookup(value) if len(value) <= 200 else []:
        if kind != gazetteer.ADJECTIVE and e.feature == "country":
            countries.append(e.country)
        elif kind != gazetteer.ADJECTIVE:
            names.add(plain(e.name))
    names = sorted(names)
    return [countries, names, names]


def near_args(value) -> list:
    """--near LAT,LON,KM as the parameters of the distance condition."""
    try:
        lat, lon, km = (float(x) for x in (value.split(",") if isinstance(value, str) else value))
    except (TypeError, ValueError):
        raise InputError(f"near: expected LAT,LON,KM (degrees and kilometres), not {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 360 and km >= 0):
        raise InputError(f"near: {value!r} is not a point and a distance (latitude -90..90, longitude "
                         "-180..180, km >= 0)")
    return [lat, lat, lon, km]


class Queries:
    """Read queries over `self.con` (a DuckDB connection); `self.dyad_days` is what dyad counts read; `late`
    says events is a table (with rowids), not a view."""
    late = True

    def _where(self, actor=None, source=None, target=None, code=None, root=None, plover=None, modality=None,
               since=None, until=None, text=None, background=None, section=None,
               min_confidence=None, place=None, near=None) -> tuple[str, list]:
        like = "%" + str(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sections = [section] if isinstance(section, str) else list(section or ())
        checks = [  # (given, condition, its parameters when given)
            (background is not None, "coalesce(e.background, false) = ?", lambda: [bool(background)]),
            (sections, "e.section IN (SELECT unnest(?))", lambda: [sections]),
            (min_confidence is not None, "e.confidence >= ?", lambda: [float(min_confidence)]),
            (actor, "(starts_with(e.source, ?) OR starts_with(coalesce(e.target, ''), ?))", lambda: [actor, actor]),
            (source, "starts_with(e.source, ?)", lambda: [source]),
            (target, "starts_with(coalesce(e.target, ''), ?)", lambda: [target]),
            (code, "starts_with(e.cameo, ?)", lambda: [code]),
            (root, "e.cameo_root = ?", lambda: [str(root).zfill(2)]),
            (plover, "upper(e.plover) = upper(?)", lambda: [plover]),
            (modality, "e.modality = ?", lambda: [modality]),
            (since, "e.day >= ?", lambda: [self._date_arg(since, "since")]),
            (until, "e.day <= ?", lambda: [self._date_arg(until, "until")]),
            # (the title through the seq of the articles it matches: events are filtered before any join,
            # and a number is quicker to look up than an id)
            (text, "(e.sentence ILIKE ? ESCAPE '\\' OR e.seq IN "
                   "(SELECT seq FROM articles WHERE title ILIKE ? ESCAPE '\\'))", lambda: [like, like]),
            (place, "(e.place_country IN (SELECT unnest(?)) OR lower(strip_accents(e.place_name)) IN "
                    "(SELECT unnest(?)) OR lower(strip_accents(e.place_admin1)) IN (SELECT unnest(?)))",
             lambda: place_terms(place)),
            (near, f"{KM} <= ?", lambda: near_args(near)),
        ]
        clauses, params = [], []
        for given, condition, values in checks:
            if given:
                clauses.append(condition)
                params += values()
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    @staticmethod
    def _date_arg(value, name: str) -> dt.date:
        if isinstance(value, dt.date):
            return value
        d = first_day(str(value))
        if d is None:
            raise InputError(f"--{name}: not a date: {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
        return d

    def events(self, limit: int | None = 100, offset: int = 0, **filters) -> pd.DataFrame:
        """Events with their article's story, title, url and site, filtered by _where's keywords (actor,
        source, target, code, root, plover, modality, since, until, text, background, section,
        min_confidence, place, near), oldest first."""
        sql, params = self._events_sql(EVENT_SELECT, limit=limit, offset=offset, **filters)
        return self.con.execute(sql, params).df()

    def events_json(self, limit: int | None = 100, offset: int = 0, **filters) -> str:
        """events() as a JSON array of objects, written by DuckDB: the web API's answer, with no Python
        object per row (which would hold the GIL the server's event loop needs)."""
        return self.events_page_json(limit, offset, **filters)[0]

    def events_page_json(self, limit: int | None = 100, offset: int = 0, **filters) -> tuple[str, int]:
        """events_json() and the number of events in it."""
        page, params = self._events_sql("e.*, a.story_id, a.title, a.url, a.site, a.date_source", **filters,
                                        limit=limit, offset=offset)
        sql = f"SELECT coalesce(to_json(list({EVENT_STRUCT} ORDER BY {EVENT_ORDER})), '[]'), count(*) FROM ({page}) p"
        return tuple(self.con.execute(sql, params).fetchall()[0])

    def _events_sql(self, columns: str, limit: int | None, offset: int, **filters) -> tuple[str, list]:
        """The page of events, sorted and cut before their articles are joined (a join of every matching
        event would cost as much as the store is large)."""
        where, params = self._where(**filters)
        order = "ORDER BY e.day NULLS LAST, e.seq, e.n"
        if limit is None:
            page = f"SELECT * FROM events e{where}"
        elif self.late:  # the page's rows found by their sort keys alone, then read whole (the outer LIMIT
            # tells the planner the page is small: it then joins the articles to it, not it to the articles)
            page = f"SELECT * FROM events WHERE rowid IN (SELECT rowid FROM events e{where} {order} LIMIT ? OFFSET ?) " \
                   "LIMIT ?"
            params += [int(limit), int(offset), int(limit)]
        else:
            page = f"SELECT * FROM events e{where} {order} LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        # (joined on seq: the page's range of seq tells DuckDB which blocks of articles to read, as articles
        # are stored in the order of their seq)
        return f"SELECT {columns} FROM ({page}) e JOIN articles a ON a.seq = e.seq {order}", params

    def has_actor(self, code: str) -> bool:
        """Whether any stored event has an actor whose code starts with `code`."""
        return bool(self.con.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {self.dyad_days} d WHERE starts_with(d.source, ?) "
            "OR starts_with(coalesce(d.target, ''), ?) LIMIT 1)", [code, code]).fetchone()[0])

    def count_events(self, **filters) -> int:
        where, params = self._where(**filters)
        return self.con.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]

    def dyad(self, a: str, b: str, by: str = "month", both_directions: bool = False,
             modality: str | None = "asserted", include_background: bool = False, include_comments: bool = False,
             min_confidence: float | None = None, section: str | list[str] | None = None) -> pd.DataFrame:
        """Events from a to b (prefixes) per period, with Goldstein sum and mean and counts per QuadClass;
        background events and reader comments only when asked for; `section` ("headline", "article",
        "comment", or a list) counts only those sections (comments then count when named)."""
        if by not in PERIODS:
            raise InputError(f"unknown period {by!r} (expected day, week, month or year)")
        days, day_params = self.counts_table(min_confidence, section)
        include_comments = include_comments or section is not None
        pairs = [(a, b), (b, a)] if both_directions and a != b else [(a, b)]
        parts, params = [], []
        for s, t in pairs:
            # the period name is from the fixed PERIODS table, never from the caller
            parts.append(f"SELECT CAST(date_trunc('{PERIODS[by]}', d.day) AS DATE) AS period, ? AS source, "
                         f"? AS target, d.events, d.scored, d.goldstein_sum, d.quad_class FROM {days} d "
                         "WHERE starts_with(d.source, ?) AND starts_with(coalesce(d.target, ''), ?) "
                         f"AND d.day IS NOT NULL AND (? IS NULL OR d.modality = ?) AND {DYAD_INCLUDED} "
                         "AND coalesce(d.precision, 'day') IN (SELECT unnest(?))")
            params += [s, t, *day_params, s, t, modality, modality, include_background, include_comments,
                       list(PLACED[by])]
        quads = ", ".join(f"coalesce(sum(events) FILTER (WHERE quad_class = {q}), 0)::BIGINT AS q{q}"
                          for q in range(1, 5))
        sql = ("SELECT period, source, target, sum(events)::BIGINT AS events, "
               "round(sum(goldstein_sum), 2)::DOUBLE AS goldstein_sum, "
               f"round(sum(goldstein_sum)::DOUBLE / nullif(sum(scored), 0), 2) AS goldstein_mean, {quads} "
               f"FROM ({' UNION ALL '.join(parts)}) GROUP BY ALL ORDER BY period, source, target")
        return self.con.execute(sql, params).df()

    def counts_table(self, min_confidence: float | None, section: str | list[str] | None = None) -> tuple[str, list]:
        """What dyad series and actor counts read: the dyad_days table, or with a confidence floor or a
        choice of sections the same counts over the events that meet them. (SQL, parameters)."""
        if min_confidence is None and section is None:
            return self.dyad_days, []
        clauses, params = [], []
        if min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(float(min_confidence))
        if section is not None:
            clauses.append("e.section IN (SELECT unnest(?))")
            params.append([section] if isinstance(section, str) else list(section))
        return f"({dyad_days_sql(' AND '.join(clauses))})", params

    def actors(self, limit: int = 50, include_background: bool = False, include_comments: bool = False,
               min_confidence: float | None = None) -> pd.DataFrame:
        return self.con.execute(*self.actors_query(limit, include_background, include_comments, min_confidence)).df()

    def actors_query(self, limit: int = 50, include_background: bool = False, include_comments: bool = False,
                     min_confidence: float | None = None, section: str | list[str] | None = None) -> tuple[str, list]:
        """The most active actors, with their events as source and as target: SQL and its parameters."""
        days, params = self.counts_table(min_confidence, section)
        included = f"FROM {days} d WHERE {DYAD_INCLUDED}"
        sql = ("SELECT actor, sum(s)::BIGINT AS as_source, sum(t)::BIGINT AS as_target, "
               f"sum(s + t)::BIGINT AS events FROM (SELECT source AS actor, events AS s, 0 AS t {included} "
               f"UNION ALL SELECT target, 0, events {included} AND target IS NOT NULL) "
               "GROUP BY actor ORDER BY events DESC, actor LIMIT ?")
        flags = [include_background, include_comments]
        return sql, [*params, *flags, *params, *flags, int(limit)]

    def article(self, article_id: str) -> dict | None:
        found = self.article_json(article_id)
        return None if found is None else json.loads(found)

    def article_json(self, article_id: str) -> str | None:
        """One article (anatomy, parts, events with their spans) as a JSON object, written by DuckDB."""
        row = self.con.execute("SELECT to_json({'id': article_id, 'title': title, 'date': date, "
                               "'date_source': date_source, 'url': url, "
                               "'author': author, 'body': body, 'story_id': story_id, 'doc_id': doc_id}) "
                               "FROM articles WHERE article_id = ?", [article_id]).fetchone()
        if row is None:
            return None
        parts = self.con.execute("SELECT coalesce(to_json(list({'label': label, 'text': text, 'author': author, "
                                 "'time': time} ORDER BY idx)), '[]') FROM parts WHERE article_id = ?",
                                 [article_id]).fetchone()[0]
        events = self.con.execute(  # the one article row joins each of its events
            f"SELECT coalesce(to_json(list({EVENT_STRUCT} ORDER BY p.n)), '[]') FROM (SELECT e.*, a.story_id, "
            "a.title, a.url, a.site, a.date_source FROM events e, (SELECT * FROM articles WHERE article_id = ?) a "
            "WHERE e.article_id = ?) p", [article_id, article_id]).fetchone()[0]
        return f'{row[0][:-1]},"parts":{parts},"events":{events}}}'

    def stats(self) -> dict:
        one = lambda sql: self.con.execute(sql).fetchall()[0][0]  # noqa: E731
        articles, duplicates = self.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE duplicate IS NOT NULL) FROM articles").fetchall()[0]
        # every story is its first article and the articles that duplicate it: as many stories as articles
        # that duplicate none (counted so, not by a distinct count of every story id, which costs a second
        # at millions of articles)
        return {"articles": articles, "events": one("SELECT count(*) FROM events"),
                "stories": articles - duplicates, "duplicates": duplicates,
                "skipped": one("SELECT count(*) FROM inputs WHERE skipped IS NOT NULL")}

    def skipped(self) -> pd.DataFrame:
        return self.con.execute("SELECT skipped AS reason, count(*) AS inputs FROM inputs "
                                "WHERE skipped IS NOT NULL GROUP BY ALL ORDER BY inputs DESC, reason").df()

    def clustered_events(self, limit: int | None = None, **counted_filters) -> pd.DataFrame:
        """GDELT's clustered events; counted_filters as sql.counted takes them (by default no background
        event and no reader comment)."""
        where, params = counted(**counted_filters)
        sql = f"SELECT * FROM ({clustered(where)}) ORDER BY day NULLS LAST, source, target, cameo, story_id"
        if limit is not None:
            return self.con.execute(sql + " LIMIT ?", [*params, int(limit)]).df()
        return self.con.execute(sql, params).df()
