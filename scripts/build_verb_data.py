#!/usr/bin/env python3
"""Build src/whowhom/data/events/petrarch-verbs.tsv (+ petrarch-classes.tsv, PHOENIX-LICENSE) from
PETRARCH-2's CAMEO.2.0.txt verb dictionary in ../shared, with the converter `whowhom dict import` uses
(whowhom.events.tabari).

Run from the repository root:  .venv/bin/python scripts/build_verb_data.py [--shared ../shared] [--out DIR]
The outputs are committed.  patterns.patterns(extra=...) or WHOWHOM_PETRARCH_VERBS=0/1 decides whether
they are loaded; rows of triggers.tsv and the user's imports keep precedence.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from whowhom import dicts

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whowhom" / "data" / "events"
NOTE = ("PETRARCH-2 verb dictionary CAMEO.2.0.txt (Open Event Data Alliance, MIT licence, see PHOENIX-LICENSE), "
        "converted by scripts/build_verb_data.py (whowhom.events.tabari)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(OUT), help="output directory (default: the packaged data)")
    args = ap.parse_args()
    phx = Path(args.shared) / "reference" / "phoenix-dictionaries"
    if not (phx / "CAMEO.2.0.txt").is_file():
        sys.exit(f"no CAMEO.2.0.txt in {phx}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(phx / "LICENSE", out / "PHOENIX-LICENSE")
    skips: list = []
    rows, classes, counts = dicts.convert_verbs(dicts.read_source(phx / "CAMEO.2.0.txt"), skips)
    summary = dicts._summary("verbs", counts, skips)
    head = ("# PETRARCH-2 verb patterns as whowhom trigger rows (WHOWHOM_PETRARCH_VERBS=0 leaves them out); "
            "triggers.tsv wins.\n"
            f"# Source: {NOTE}.\n"
            "# Each pattern of a verb block is applied to every verb of the block, as PETRARCH does; cues are\n"
            "# the words after the verb (any order), @NAME the synonym sets in petrarch-classes.tsv.\n"
            f"# Counts: {summary}\n"
            f"# Columns: {dicts.COLUMNS['verbs']}\n")
    with open(out / "petrarch-verbs.tsv", "w", encoding="utf-8") as f:
        f.write(head)
        f.writelines(rows)
    with open(out / "petrarch-classes.tsv", "w", encoding="utf-8") as f:
        f.write("# Synonym sets (&NAME) of PETRARCH-2's CAMEO.2.0.txt, for the @NAME cues of petrarch-verbs.tsv.\n"
                f"# Source: {NOTE}.\n# Columns: {dicts.COLUMNS['classes']}\n")
        f.writelines(classes)
    print(summary)


if __name__ == "__main__":
    main()
