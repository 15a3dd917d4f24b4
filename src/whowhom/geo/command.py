"""`whowhom places PATH...`: every place each input names, one line a mention.

A plain-text input (a text file, a JSON Lines record with "text") is read as given, so offsets are in its
text (section "text"); an HTML page, or any input with --article, goes through the page anatomy first and
its headline and article body are read apart (sections "headline" and "article", offsets in each), as
`whowhom code` reads them. Bad inputs are skipped with their reason on stderr (--strict stops)."""

from __future__ import annotations

import json
import sys

FIELDS = ("doc_id", "section", "start", "end", "text", "name", "country", "admin1", "lat", "lon", "geonames_id",
          "feature")


def add_parser(sub, formats, batch_switches) -> None:
    p = sub.add_parser("places", help="the places each input names, resolved offline (GeoNames gazetteer)")
    p.add_argument("paths", nargs="+", help="files, directories, or - for stdin")
    p.add_argument("--input-format", choices=formats, default="auto")
    p.add_argument("--format", choices=("jsonl", "tsv"), default="jsonl")
    p.add_argument("--article", action="store_true",
                   help="read plain text through the page anatomy too (headline and article body apart)")
    batch_switches(p)


def _texts(args):
    """(doc id, [(section, text)]) of each input, or its Skip."""
    from whowhom.io.readers import Skip, iter_inputs
    from whowhom.pipeline import MAX_TEXT_CHARS, extract_dated
    for raw in iter_inputs(args.paths, args.input_format):
        if isinstance(raw, Skip):
            yield raw
        elif raw.kind == "text" and not args.article:
            yield raw.id, [("text", raw.content[:MAX_TEXT_CHARS])]
        else:
            try:
                a = extract_dated(raw)
            except Exception as e:  # noqa: BLE001 -- one broken page must not stop a batch
                yield Skip(raw.id, f"extraction failed ({type(e).__name__})")
                continue
            yield raw.id, [(s, t) for s, t in (("headline", a.title), ("article", a.body)) if t]


def run(args) -> None:
    from whowhom import nlp
    from whowhom.cli import _Skips
    from whowhom.geo import places
    model, skips, first = nlp.load(), _Skips(args.strict), True
    for doc_id, parts in skips(_texts(args)):
        for section, text in parts:
            for p in places(model(text), doc_id):
                row = {**p.to_dict(), "section": section}
                if args.format == "jsonl":
                    print(json.dumps({k: row[k] for k in FIELDS}, ensure_ascii=False))
                else:
                    if first:
                        print("\t".join(FIELDS))
                        first = False
                    print("\t".join("" if row[k] is None else str(row[k]).replace("\t", " ") for k in FIELDS))
        sys.stdout.flush()
    skips.finish()
