"""Cross-validated figures of whowhom with its trained components, on the gold they are trained on.

    .venv/bin/python scripts/crossval.py [--folds 5] [--tasks penta,roles] [--work out/crossval] [--reuse]

For each fold K: scripts/train_models.py trains the penta classifier and the role tagger on the sentences
not in fold K (the same folds for both files, so no sentence of fold K was seen by either model); whowhom
then codes the fold-K sentences of each gold file with those models (WHOWHOM_MODELS=WORK/foldK). The
predictions of all folds are written to WORK/TASK.predictions.jsonl and scored by
`whowhom eval TASK GOLD --predictions WORK/TASK.predictions.jsonl`, whose report is printed (its last line
is the JSON of the figures). --reuse keeps fold models that already exist.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from whowhom.eval.gold import fold_of, read_gold, text_of  # noqa: E402

GOLD = {"penta": ROOT.parent / "shared" / "gold" / "coped-train.penta.jsonl",
        "roles": ROOT.parent / "shared" / "gold" / "coped-train.roles.jsonl"}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--tasks", default="penta,roles")
    p.add_argument("--work", type=Path, default=ROOT / "out" / "crossval")
    p.add_argument("--reuse", action="store_true", help="keep fold models that exist")
    a = p.parse_args(argv)
    tasks = a.tasks.split(",")
    for t in tasks:
        if t not in GOLD or not GOLD[t].is_file():
            sys.exit(f"crossval: no gold for {t!r} ({GOLD.get(t)})")
    from whowhom.eval.system import code_records

    records = {t: read_gold(str(GOLD[t]), t) for t in tasks}
    predictions = {t: {} for t in tasks}
    for k in range(a.folds):
        fold_dir = a.work / f"fold{k}"
        for model in ("penta", "roles"):
            if not (a.reuse and (fold_dir / model / "config.cfg").is_file()):
                subprocess.run([sys.executable, str(ROOT / "scripts" / "train_models.py"), model, "--fold", str(k),
                                "--folds", str(a.folds), "--out", str(fold_dir / model)], check=True)
        os.environ["WHOWHOM_MODELS"] = str(fold_dir)
        for t in tasks:
            held = [r for r in records[t] if fold_of(text_of(r), a.folds) == k]
            predictions[t].update(code_records(held, text_of, uncoded=True))  # (as whowhom eval reads them)
            print(f"crossval: fold {k}: {t}: coded {len(held)} held-out sentences", file=sys.stderr, flush=True)
    for t in tasks:
        path = a.work / f"{t}.predictions.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for rec in records[t]:
                f.write(json.dumps({"id": rec["id"], "events": predictions[t][rec["id"]]}) + "\n")
        print(f"\n== {t}: {a.folds}-fold cross-validation ==", flush=True)
        subprocess.run([sys.executable, "-m", "whowhom.cli", "eval", t, str(GOLD[t]), "--predictions", str(path)],
                       check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
