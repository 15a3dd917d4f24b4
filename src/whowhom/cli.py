"""Command line: `whowhom code` and `whowhom extract`. Bad input: one line on stderr, exit 2."""

from __future__ import annotations

import argparse
import json
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
    ext = sub.add_parser("extract", help="page anatomy: headline, date, body and labelled parts")
    ext.add_argument("paths", nargs="+")
    ext.add_argument("--input-format", choices=FORMATS, default="auto")
    ext.add_argument("--format", choices=("json", "jsonl"), default="jsonl")
    # --- eval and dict (issue 3) ---
    # --- ingest, dyad, events, export (issue 4) ---
    # --- serve, report (issue 5) ---
    return p


def _code(args) -> None:
    from whowhom import pipeline
    from whowhom.io import read_inputs, writers

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    first = True
    for coded in pipeline.run(read_inputs(args.paths, args.input_format)):
        if fmt == "jsonl":
            writers.write_jsonl(coded.events)
        elif fmt == "tsv":
            writers.write_tsv(coded.events, header=first)
        else:
            a = coded.article
            writers.write_table(coded.events, f"{a.id} — {a.title or '(no headline)'} ({a.date or 'undated'})")
        first = False
        sys.stdout.flush()


def _extract(args) -> None:
    from whowhom.io import read_inputs
    from whowhom.page import extract

    docs = [extract(raw).to_dict() for raw in read_inputs(args.paths, args.input_format)]
    if args.format == "json":
        print(json.dumps(docs if len(docs) != 1 else docs[0], ensure_ascii=False, indent=2))
    else:
        for d in docs:
            print(json.dumps(d, ensure_ascii=False))


COMMANDS = {
    "code": _code,
    "extract": _extract,
    # --- eval and dict handlers (issue 3) ---
    # --- ingest, dyad, events, export handlers (issue 4) ---
    # --- serve, report handlers (issue 5) ---
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        COMMANDS[args.command](args)
    except InputError as err:
        print(f"whowhom: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
