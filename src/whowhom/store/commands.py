"""CLI commands over the store: ingest, dyad, events, export. Imports are lazy so `whowhom --help` and
the other commands do not pay for DuckDB, pandas or spaCy."""

from __future__ import annotations

import sys

from whowhom.errors import InputError

MODALITIES = ("asserted", "negated", "hypothetical", "intended", "all")
SECTIONS = ("headline", "article", "comment")


def add_min_confidence(parser) -> None:
    parser.add_argument("--min-confidence", metavar="X",
                        help="only events whose (calibrated) confidence is at least X, 0 to 1")


def add_count_switches(parser) -> None:
    """The switches of what a dyad series (and the GDELT export) counts: background events and reader
    comments are left out unless asked for."""
    parser.add_argument("--include-background", action="store_true",
                        help="also count background events (dated more than a month before their article)")
    parser.add_argument("--include-comments", action="store_true", help="also count events in readers' comments")
    add_min_confidence(parser)


def add_parsers(sub, input_formats) -> None:
    ing = sub.add_parser("ingest", help="code pages into an event store (DuckDB), resumable and deduplicated")
    ing.add_argument("paths", nargs="+", help="files, directories (recursive), WARC files, or - for stdin")
    ing.add_argument("--db", default="whowhom.duckdb", help="event store (default: whowhom.duckdb)")
    ing.add_argument("--input-format", choices=input_formats, default="auto")
    ing.add_argument("--workers", type=int, default=1, help="worker processes (default 1: in-process)")
    ing.add_argument("--executor", choices=("local", "dask"), default="local")
    ing.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster of --workers)")
    ing.add_argument("--parts-dir", help="Dask: directory for the Parquet parts (shared by all workers)")
    ing.add_argument("--batch-size", type=int, default=32,
                     help="pages per batch; each batch is committed in one transaction (default 32)")
    ing.add_argument("--sentences", choices=("actors", "all"), default="actors",
                     help="actors (default): parse only sentences that name a known actor, and store no event "
                          "whose source and target are both unknown; all: code every sentence as `whowhom code`")
    __import__("whowhom.cli").cli.add_page_limit(ing)
    ing.add_argument("--no-progress", action="store_true", help="no progress bar")
    ing.add_argument("--verbose", action="store_true", help="a line on stderr after each committed batch")

    dy = sub.add_parser("dyad", help="time series of events from one actor to another")
    dy.add_argument("source", help="actor code; a prefix matches (CHN matches CHNGOV)")
    dy.add_argument("target")
    dy.add_argument("--db", default="whowhom.duckdb")
    dy.add_argument("--by", choices=("day", "week", "month", "year"), default="month")
    dy.add_argument("--both-directions", action="store_true", help="also events from target to source")
    dy.add_argument("--modality", choices=MODALITIES, default="asserted")
    dy.add_argument("--format", choices=("table", "tsv", "jsonl"), default="table")
    add_count_switches(dy)
    dy.add_argument("--section", choices=SECTIONS, action="append",
                    help="count only events of this section (repeat for several; default: headline and "
                         "article, and comments with --include-comments)")

    ev = sub.add_parser("events", help="stored events, filtered")
    ev.add_argument("--db", default="whowhom.duckdb")
    ev.add_argument("--actor", help="source or target (prefix)")
    ev.add_argument("--source")
    ev.add_argument("--target")
    ev.add_argument("--code", help="CAMEO code prefix (e.g. 12, 1212)")
    ev.add_argument("--plover")
    ev.add_argument("--since", help="from this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    ev.add_argument("--until", help="up to this date")
    ev.add_argument("--modality", choices=MODALITIES, default=None)
    ev.add_argument("--text", help="words in the evidence sentence or headline")
    ev.add_argument("--place", help="where it happened: a country code (SYR) or a place or region name (Aleppo)")
    ev.add_argument("--near", metavar="LAT,LON,KM", help="where it happened: within KM kilometres of a point")
    ev.add_argument("--background", choices=("yes", "no"),
                    help="only background events (yes) or only news of the article's days (no); default both")
    ev.add_argument("--section", choices=SECTIONS, action="append",
                    help="only events of this section (repeat for several; default: all)")
    add_min_confidence(ev)
    ev.add_argument("--limit", type=int, default=50)
    ev.add_argument("--offset", type=int, default=0)
    ev.add_argument("--format", choices=("table", "jsonl", "tsv"), default=None,
                    help="default: table on a terminal, else jsonl")

    ex = sub.add_parser("export", help="write the stored events as Parquet, JSON Lines, CSV or GDELT 2.0 tables")
    ex.add_argument("--db", default="whowhom.duckdb")
    ex.add_argument("--format", choices=("parquet", "jsonl", "csv", "gdelt", "gdelt-mentions"), required=True)
    ex.add_argument("--out", required=True,
                    help="output file; gdelt writes one row per clustered event (date, source, target, code, "
                         "story) and whowhom's extras to OUT.extras.tsv; gdelt-mentions one row per mention")
    add_count_switches(ex)
    ex.add_argument("--include", action="append", default=[],
                    choices=("negated", "hypothetical", "intended", "comments", "background"),
                    help="gdelt tables: also these events (repeat for several)")
    ex.description = ("parquet, jsonl and csv hold every event (with its section, modality and background mark); "
                      "the gdelt tables hold asserted events of the article and headline, leaving out negated, "
                      "hypothetical and intended events, readers' comments and background events unless "
                      "--include names them. --min-confidence applies to every format.")


def _check_positive(value: int, name: str) -> None:
    if value < 1:
        raise InputError(f"{name} must be at least 1")


def ingest(args) -> None:
    from whowhom.store.ingest import ingest as run

    _check_positive(args.workers, "--workers")
    _check_positive(args.batch_size, "--batch-size")
    summary = run(args.paths, args.db, workers=args.workers, executor=args.executor, scheduler=args.scheduler,
                  batch_size=args.batch_size, input_format=args.input_format, parts_dir=args.parts_dir,
                  sentences=args.sentences, progress=False if args.no_progress else None,
                  log=(lambda line: print(line, file=sys.stderr, flush=True)) if args.verbose else None)
    for line in summary.lines():
        print(line, file=sys.stderr)


def _open(db: str, **kw):
    import os

    from whowhom.store import Store
    if not os.path.exists(db):
        raise InputError(f"{db}: no such store (run `whowhom ingest PATH --db {db}` first)")
    return Store(db, read_only=True, **kw)


def _modality(value):
    return None if value in (None, "all") else value


def min_confidence(value: str | None) -> float | None:
    """--min-confidence as a number from 0 to 1 (None when not given); a bad value is a one-line error."""
    if value is None:
        return None
    try:
        x = float(value)
    except ValueError:
        x = -1.0
    if not 0.0 <= x <= 1.0:
        raise InputError(f"--min-confidence: not a number from 0 to 1: {value!r}")
    return x


def count_switches(args) -> dict:
    """The keyword arguments of Store.dyad() (and the GDELT export) from add_count_switches' options."""
    return {"include_background": args.include_background, "include_comments": args.include_comments,
            "min_confidence": min_confidence(args.min_confidence)}


def _print(df, fmt: str, title: str) -> None:
    if fmt == "jsonl":
        from whowhom.store.db import _records
        import json
        for rec in _records(df):
            print(json.dumps(rec, ensure_ascii=False, default=str))
    elif fmt == "tsv":
        df.to_csv(sys.stdout, sep="\t", index=False, lineterminator="\n")
    else:
        for col in df.columns:  # a day as 2024-05-01, not 2024-05-01 00:00:00
            if str(df[col].dtype).startswith("datetime64") and (df[col].dropna().dt.normalize() == df[col].dropna()).all():
                df = df.assign(**{col: df[col].dt.strftime("%Y-%m-%d")})
        from rich.console import Console
        from rich.table import Table
        table = Table(title=title)
        for col in df.columns:
            table.add_column(str(col), overflow="fold")
        for row in df.astype(object).itertuples(index=False):
            table.add_row(*["" if v is None or v != v else str(v) for v in row])
        Console(width=max(120, Console().width)).print(table)


def _actor(st, text: str | None, what: str) -> str | None:
    """A code or a name as the user typed it ("chn", "China") -> the code; an unknown one is an error."""
    from whowhom.actors.lookup import actor_code

    if text is None:
        return None
    code = actor_code(text, in_store=st.has_actor)
    if code is None:
        raise InputError(f"{what} {text!r}: not an actor code or name whowhom knows, nor one in the store")
    return code


def dyad(args) -> None:
    with _open(args.db) as st:
        args.source, args.target = _actor(st, args.source, "source"), _actor(st, args.target, "target")
        df = st.dyad(args.source, args.target, by=args.by, both_directions=args.both_directions,
                     modality=_modality(args.modality), section=args.section, **count_switches(args))
    arrow = "↔" if args.both_directions else "→"
    if df.empty and args.format == "table":
        kind = "" if args.modality == "all" else f"{args.modality} "
        left_out = [what for what, on in (("background events", args.include_background),
                                          ("readers' comments", args.include_comments)) if not on]
        print(f"no {kind}events {args.source} {arrow} {args.target} in {args.db}"
              + (f" ({' and '.join(left_out)} left out)" if left_out else ""))
        return
    _print(df, args.format, f"{args.source} {arrow} {args.target} by {args.by} ({args.modality} events)")


EVENT_TABLE = ["date", "source", "cameo", "cameo_name", "target", "modality", "reported_by", "background", "confidence",
               "place_name", "sentence"]


def events(args) -> None:
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if args.limit < 0 or args.offset < 0:
        raise InputError(f"--{'limit' if args.limit < 0 else 'offset'}: at least 0")
    with _open(args.db) as st:
        filters = dict(actor=_actor(st, args.actor, "--actor"), source=_actor(st, args.source, "--source"),
                       target=_actor(st, args.target, "--target"), code=args.code, plover=args.plover,
                       modality=_modality(args.modality), since=args.since, until=args.until, text=args.text,
                       background=None if args.background is None else args.background == "yes",
                       section=args.section, min_confidence=min_confidence(args.min_confidence),
                       place=args.place, near=args.near)
        df = st.events(limit=args.limit, offset=args.offset, **filters)
        # a list cut at its limit says so, and how many there are
        total = st.count_events(**filters) if len(df) == args.limit else args.offset + len(df)
    if fmt == "table":
        df = df[EVENT_TABLE]
    _print(df, fmt, f"events in {args.db}")
    if total > args.offset + len(df):
        print(f"whowhom: showing {args.offset + 1 if len(df) else args.offset}-{args.offset + len(df)} of {total} "
              "events (--limit and --offset for more)", file=sys.stderr)


def export(args) -> None:
    from whowhom.io import export as exp
    from whowhom.store.db import EXPORT_MEMORY
    with _open(args.db, memory=EXPORT_MEMORY) as st:
        n = exp.export(st, args.format, args.out, include=tuple(args.include), **count_switches(args))
    print(f"wrote {n} events to {args.out}", file=sys.stderr)
