"""Command line: `whowhom code` and `whowhom extract`. Bad input: one line on stderr, exit 2."""

from __future__ import annotations

import argparse
import json
import os
import sys

from whowhom.errors import InputError

FORMATS = ("auto", "text", "html", "jsonl")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="whowhom", description="Who did what to whom: event data from news.")
    sub = p.add_subparsers(dest="command", required=True)
    code = sub.add_parser("code", help="code pages into events")
    code.add_argument("paths", nargs="+", help="files, directories, or - for stdin")
    code.add_argument("--input-format", choices=FORMATS, default="auto")
    code.add_argument("--format", choices=("jsonl", "tsv", "table"), default=None,
                      help="output format (default: table on a terminal, else jsonl)")
    code.add_argument("--uncoded", action="store_true",
                      help="also events with no political actor on either side (\"a car bomb killed two\")")
    _batch_switches(code)
    ext = sub.add_parser("extract", help="page anatomy: headline, date, body and labelled parts")
    ext.add_argument("paths", nargs="+")
    ext.add_argument("--input-format", choices=FORMATS, default="auto")
    ext.add_argument("--format", choices=("json", "jsonl"), default="jsonl")
    _batch_switches(ext)
    # --- eval and dict (issue 3) ---
    ev = sub.add_parser("eval", help="score whowhom against gold (events, cameo, penta, roles, extract, news, anatomy, geo)")
    ev.add_argument("task", choices=("events", "cameo", "penta", "roles", "extract", "news", "anatomy", "geo"))
    ev.add_argument("gold", help="gold JSON Lines (formats in ../shared/README.md)")
    ev.add_argument("--predictions", help="score these predictions (JSONL) instead of coding the gold texts")
    ev.add_argument("--mode", choices=("html", "text"), default="html", help="extract: code the HTML or the page text")
    ev.add_argument("--worst", type=int, default=10, help="list this many of the worst misses")
    dic = sub.add_parser("dict", help="import TABARI/PETRARCH dictionaries; list or remove imported ones")
    dsub = dic.add_subparsers(dest="dict_command", required=True)
    imp = dsub.add_parser("import", help="convert a PETRARCH actor, agent or verb dictionary")
    imp.add_argument("file")
    imp.add_argument("--kind", choices=("auto", "actors", "agents", "verbs"), default="auto")
    imp.add_argument("--dir", help="dictionary directory (default: $WHOWHOM_DICT_DIR, else "
                                   "~/.local/share/whowhom/dicts)")
    imp.add_argument("--name", help="name of the imported dictionary (default: from the file name)")
    imp.add_argument("--force", action="store_true", help="replace an imported dictionary of the same name")
    dsub.add_parser("list", help="the imported dictionaries").add_argument("--dir")
    rm = dsub.add_parser("remove", help="remove an imported dictionary")
    rm.add_argument("name")
    rm.add_argument("--dir")
    # --- ingest, dyad, events, export (issue 4) ---
    __import__("whowhom.store.commands").store.commands.add_parsers(sub, FORMATS)
    # --- places (issue 18) ---
    __import__("whowhom.geo.command").geo.command.add_parser(sub, FORMATS, _batch_switches)
    # --- serve, report (issue 5) ---
    srv = sub.add_parser("serve", help="HTTP API and dashboard over the event store (read-only)")
    srv.add_argument("--db", default="whowhom.duckdb", help="event store (default: whowhom.duckdb)")
    srv.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--workers", type=int, default=None,
                     help="server processes (default: one per CPU, at most 4)")
    rep = sub.add_parser("report", help="the dyad view of two actors as one self-contained HTML file")
    rep.add_argument("source")
    rep.add_argument("target")
    rep.add_argument("--out", default="report.html", help="HTML file to write (default: report.html)")
    rep.add_argument("--db", default="whowhom.duckdb")
    rep.add_argument("--by", choices=("day", "week", "month", "year"), default="month")
    rep.add_argument("--modality", choices=("asserted", "negated", "hypothetical", "intended", "all"),
                     default="asserted")
    __import__("whowhom.store.commands").store.commands.add_count_switches(rep)
    return p


def _batch_switches(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true",
                   help="stop at the first input that cannot be read or coded (default: skip it, say why "
                        "on stderr, go on)")
    add_page_limit(p)


def add_page_limit(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-page-mb", type=float, metavar="MB",
                   help="skip a page or record bigger than this, raw or decompressed (default 8, or "
                        "$WHOWHOM_MAX_PAGE_BYTES)")


def _page_limit(args) -> None:
    """--max-page-mb, for the readers here and in any worker process started from here."""
    mb = getattr(args, "max_page_mb", None)
    if mb is None:
        return
    if not 0 < mb <= 1024:
        raise InputError(f"--max-page-mb {mb:g}: from 0 to 1024")
    os.environ["WHOWHOM_MAX_PAGE_BYTES"] = str(int(mb * 2**20))


class _Skips:
    """A batch command's skipped inputs, each said on stderr (from the first input that was read on; before
    that they wait, so that a single bad input is a single line). Nothing read at all is an error."""

    def __init__(self, strict: bool):
        self.strict, self.skips, self.done = strict, [], 0

    def __call__(self, items):
        from whowhom.io.readers import Skip
        for item in items:
            if isinstance(item, Skip):
                if self.strict:
                    raise InputError(_said(item))
                self.skips.append(item)
                if self.done:
                    self._say(item)
                continue
            if not self.done:
                for waiting in self.skips:
                    self._say(waiting)
            self.done += 1
            yield item

    def finish(self) -> None:
        if self.done == 0 and len(self.skips) == 1:
            raise InputError(_said(self.skips[0]))
        if self.done == 0 and self.skips:
            for s in self.skips:
                self._say(s)
            raise InputError(f"nothing could be read ({len(self.skips)} inputs skipped)")
        if self.skips:
            print(f"whowhom: {self.done} read, {len(self.skips)} skipped", file=sys.stderr)

    @staticmethod
    def _say(skip) -> None:
        print(f"whowhom: skipped {_said(skip)}", file=sys.stderr, flush=True)


def _said(skip) -> str:
    return skip.reason if skip.reason.startswith(skip.id) else f"{skip.id}: {skip.reason}"


def _inputs(args):
    from whowhom.io.readers import iter_inputs
    return iter_inputs(args.paths, args.input_format)


def _warmed_up(inputs):
    """The inputs, the pipeline warmed up as ingest's workers are (models loaded, the collector set for a long
    run) once the first is read: a path that cannot be read fails before the models load."""
    from whowhom import pipeline
    for n, item in enumerate(inputs):
        if n == 0:
            pipeline.warm_up()
        yield item


def _code(args) -> None:
    from whowhom import pipeline
    from whowhom.io import writers

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    first = True
    skips = _Skips(args.strict)
    for coded in skips(pipeline.run(_warmed_up(_inputs(args)), uncoded=args.uncoded)):
        if fmt == "jsonl":
            writers.write_jsonl(coded.events)
        elif fmt == "tsv":
            writers.write_tsv(coded.events, header=first)
        else:
            a = coded.article
            writers.write_table(coded.events, f"{a.id} — {a.title or '(no headline)'} ({a.date or 'undated'})")
        first = False
        sys.stdout.flush()
    skips.finish()


def _extract(args) -> None:
    from whowhom.io.readers import Skip
    from whowhom.pipeline import fit_for_parser
    from whowhom.page import extract

    def pages():
        for raw in _inputs(args):
            if isinstance(raw, Skip):
                yield raw
                continue
            try:
                yield fit_for_parser(extract(raw)).to_dict()
            except Exception as e:  # noqa: BLE001 -- one broken page must not stop a batch
                yield Skip(raw.id, f"extraction failed ({type(e).__name__})")

    skips = _Skips(args.strict)
    if args.format == "json":
        docs = list(skips(pages()))
        if docs:
            print(json.dumps(docs if len(docs) != 1 else docs[0], ensure_ascii=False, indent=2))
    else:
        for d in skips(pages()):
            print(json.dumps(d, ensure_ascii=False), flush=True)
    skips.finish()


COMMANDS = {
    "code": _code,
    "extract": _extract,
    # --- eval and dict handlers (issue 3) ---
    "eval": lambda args: __import__("whowhom.eval.runner").eval.runner.run(
        args.task, args.gold, args.predictions, args.mode, args.worst),
    "dict": lambda args: __import__("whowhom.dicts").dicts.cli(args),
    # --- ingest, dyad, events, export handlers (issue 4) ---
    "ingest": lambda args: __import__("whowhom.store.commands").store.commands.ingest(args),
    "dyad": lambda args: __import__("whowhom.store.commands").store.commands.dyad(args),
    "events": lambda args: __import__("whowhom.store.commands").store.commands.events(args),
    "export": lambda args: __import__("whowhom.store.commands").store.commands.export(args),
    # --- places handler (issue 18) ---
    "places": lambda args: __import__("whowhom.geo.command").geo.command.run(args),
    # --- serve, report handlers (issue 5) ---
    "serve": lambda args: __import__("whowhom.api.server").api.server.serve(args.db, args.host, args.port,
                                                                            args.workers),
    "report": lambda args: __import__("whowhom.api.report").api.report.write_report(
        args.db, args.source, args.target, args.out, args.by, args.modality,
        **__import__("whowhom.store.commands").store.commands.count_switches(args)),
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _page_limit(args)
        COMMANDS[args.command](args)
    except InputError as err:
        print(f"whowhom: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # noqa: BLE001 -- a full disk, a locked store: one line, not a traceback
        if os.environ.get("WHOWHOM_DEBUG"):
            raise
        print(f"whowhom: error: {_root_cause(err)}", file=sys.stderr)
        return 1
    return 0


def _root_cause(err: BaseException) -> str:
    """The first line of the innermost error of a chain ("No space left on device" under a store's
    commit error), with its type."""
    while (err.__cause__ or err.__context__) is not None:
        err = err.__cause__ or err.__context__
    text = (str(err).strip().splitlines() or [""])[0]
    if isinstance(err, OSError) and err.strerror:
        text = f"{err.strerror}" + (f": {err.filename}" if err.filename else "")
    return f"{type(err).__name__}: {text}"[:300]


if __name__ == "__main__":
    sys.exit(main())
