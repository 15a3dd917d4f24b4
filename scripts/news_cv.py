"""The news figures with the page anatomy cross-validated.

    .venv/bin/python scripts/news_cv.py [--gold ../shared/gold/news-dev.events.jsonl]
        [--anatomy-gold ../shared/extract/l3s-dev/gold.jsonl] [--models out/anatomy-folds]
        [--predictions out/news.cv.jsonl]

Most news dev pages are L3S-GN1 pages that the shipped line model of text dumps (page/linemodel.py) was
trained on, so `whowhom eval news` reads their anatomy in-sample. Here each such page is read by the line
model of its fold (`scripts/train_anatomy.py --cv --keep DIR` writes them; this script runs it when DIR
has none), which never saw it; the other pages by the shipped model. The events go to --predictions and
are scored as `whowhom eval news GOLD --predictions FILE` scores them (its report is printed, the last line
the JSON of the figures)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "news-dev.events.jsonl")
    ap.add_argument("--anatomy-gold", type=Path, default=SHARED / "extract" / "l3s-dev" / "gold.jsonl")
    ap.add_argument("--models", type=Path, default=ROOT / "out" / "anatomy-folds")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--predictions", type=Path, default=ROOT / "out" / "news.cv.jsonl")
    a = ap.parse_args(argv)
    if not all((a.models / f"fold{k}.json").is_file() for k in range(a.folds)):
        a.models.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "train_anatomy.py"), "--cv", "--gold", str(a.anatomy_gold),
                        "--folds", str(a.folds), "--keep", str(a.models),
                        "--predictions", str(a.models / "anatomy.cv.jsonl")], check=True, stdout=subprocess.DEVNULL)

    from whowhom.eval.gold import fold_of, read_gold
    from whowhom.eval.runner import run
    from whowhom.eval.system import code_pages

    trained_on = {json.loads(line)["id"] for line in a.anatomy_gold.read_text(encoding="utf-8").splitlines() if line.strip()}
    records = read_gold(str(a.gold), "news")
    by_model: dict[str, list[dict]] = {}
    for rec in records:
        where = str(a.models / f"fold{fold_of(rec['id'], a.folds)}.json") if rec["id"] in trained_on else ""
        by_model.setdefault(where, []).append(rec)
    coded: dict[str, list[dict]] = {}
    for where, recs in by_model.items():
        os.environ["WHOWHOM_PAGE_MODEL"] = where  # ("" is the shipped model)
        coded.update(code_pages(recs))
    a.predictions.parent.mkdir(parents=True, exist_ok=True)
    with open(a.predictions, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps({"id": rec["id"], "events": coded[rec["id"]]}) + "\n")
    print(f"news_cv: {sum(len(r) for w, r in by_model.items() if w)} of {len(records)} pages read by the line model "
          f"of their fold", file=sys.stderr)
    run("news", str(a.gold), str(a.predictions), worst=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
