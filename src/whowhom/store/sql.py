"""The SQL text the store's queries share: the event columns, the clustered-event (GDELT) and dyad-count
queries, and what a dyad series counts. Only fixed names and clauses are put together here; every value
from a caller is a bound parameter."""

from __future__ import annotations

# Where an event happened (events/location.py), with their DuckDB types (an older store gets them NULL)
PLACE_TYPES = {"place_name": "VARCHAR", "place_country": "VARCHAR", "place_admin1": "VARCHAR", "place_lat": "DOUBLE",
               "place_lon": "DOUBLE", "place_geonames_id": "BIGINT", "place_feature": "VARCHAR",
               "place_precision": "VARCHAR"}
PLACE_FIELDS = tuple(PLACE_TYPES)
EVENT_FIELDS = ("section", "sentence_index", "sentence", "start", "end", "source", "source_text",
                "source_start", "source_end", "target", "target_text", "target_start", "target_end",
                "trigger", "trigger_start", "trigger_end", "cameo", "cameo_root", "cameo_name", "goldstein",
                "quad_class", "penta", "plover", "plover_mode", "plover_context", "modality", "reported_by",
                "event_date", "confidence", "rule", "background") + PLACE_FIELDS
EVENT_COLUMNS = ("event_id", "article_id", "n", "date", "day") + EVENT_FIELDS
# What events() returns: the event, its date as a day (a real date column: the first day of a year or
# month) with that date's precision, then a few columns of its article.
EVENT_SELECT = ", ".join(f'e."{c}"' for c in EVENT_COLUMNS if c not in ("n", "day")) + \
    ", e.day, CASE length(e.date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END AS \"precision\", " \
    "a.story_id, a.title, a.url, a.site, a.date_source"
# The same as a DuckDB struct (a JSON object) over the columns of a subquery `p`
EVENT_STRUCT = "{" + ", ".join(f"'{c}': p.\"{c}\"" for c in EVENT_COLUMNS if c not in ("n", "day")) + \
    ", 'day': p.day, 'precision': CASE length(p.date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END, " \
    "'story_id': p.story_id, 'title': p.title, 'url': p.url, 'site': p.site, 'date_source': p.date_source}"
EVENT_ORDER = "day NULLS LAST, seq, n"


def counted(include_background: bool = False, include_comments: bool = False,
            min_confidence: float | None = None, alias: str = "e") -> tuple[str, list]:
    """The condition on events (table alias `alias`) that dyad series, actor counts and the GDELT export
    count: by default no background event and no reader comment; with min_confidence, only events at least
    that confident. (SQL, parameters)."""
    clauses, params = [], []
    if not include_background:
        clauses.append(f"NOT coalesce({alias}.background, false)")
    if not include_comments:
        clauses.append(f"coalesce({alias}.section, '') <> 'comment'")
    if min_confidence is not None:
        clauses.append(f"{alias}.confidence >= ?")
        params.append(float(min_confidence))
    return " AND ".join(clauses) or "true", params


def clustered(where: str = "true", held: bool = False) -> str:
    """One event per (day, source, target, code, story) with GDELT's counts, over the events that meet
    `where`; event_id is the first mention, added the first ingest time. A missing actor is '' (NULL and ''
    alike), so that it does not split a cluster.

    held: the GDELT export's form, for a run of days at a time (io/gdelt.py): each cluster's first article url,
    and its distinct sources and articles counted in lists held in memory (list_unique: a third of the time
    count(DISTINCT) adds, but DuckDB cannot spill them to disk)."""
    distinct = "list_unique(list({}))" if held else "count(DISTINCT {})"
    return f"""
SELECT e.day, coalesce(e.source, '') AS source, coalesce(e.target, '') AS target, e.cameo, a.story_id,
       min(e.event_id) AS event_id,
       min(a.added) AS added,
       any_value(e.cameo_root) AS cameo_root,
       any_value(e.goldstein) AS goldstein,
       any_value(e.quad_class) AS quad_class,
       bool_or(e.section = 'headline' OR (e.section = 'article' AND e.sentence_index = 0)) AS is_root,
       count(*) AS num_mentions,
       {distinct.format("coalesce(a.site, a.article_id)")} AS num_sources,
       {distinct.format("e.article_id")} AS num_articles{", arg_min(a.url, e.event_id) AS url" if held else ""}
FROM events e JOIN articles a USING (article_id)
WHERE {where}
GROUP BY e.day, coalesce(e.source, ''), coalesce(e.target, ''), e.cameo, a.story_id"""


# The store's clustered_events view: what the GDELT export writes by default (asserted events of the
# article and headline, not background).
CLUSTERED = clustered(counted()[0] + " AND e.modality = 'asserted'")
# dyad_days is keyed by these event columns, then by whether the event is a reader comment.
DYAD_KEY = ("source", "target", "day", "modality", "quad_class", "background")


# The precision of an event's date string ("2014", "2014-03", "2014-03-05").
PRECISION = "CASE length(date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END"
# The date precisions a series by each period can place: a month series takes events dated to a month or a
# day, not those dated only to a year.
PLACED = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def dyad_days(where: str = "true") -> str:
    """The dyad_days counts computed from the events that meet `where` (commit() adds the same counts
    batch by batch)."""
    return f"""
SELECT source, target, day, modality, quad_class, coalesce(background, false) AS background,
       coalesce(section = 'comment', false) AS comment, {PRECISION} AS "precision",
       count(*) AS events, count(goldstein) AS scored,
       sum(CAST(goldstein AS DECIMAL(18, 3))) AS goldstein_sum
FROM events e WHERE {where} GROUP BY ALL"""


DYAD_DAYS = dyad_days()
# The condition on dyad_days rows (alias d) for the include_background and include_comments switches.
DYAD_INCLUDED = "(? OR NOT d.background) AND (? OR NOT d.comment)"
