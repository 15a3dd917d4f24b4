"""Where Multi-CoPED's roles gold marks no targets: target F1 inside and outside those stretches of the file.

    .venv/bin/python scripts/roles_gold_stretches.py [PREDICTIONS]

PREDICTIONS defaults to out/crossval/roles.predictions.jsonl (scripts/crossval.py writes it). A sentence lies
in a stretch without targets when fewer than half of the 51 sentences around it (in file order) have a
target span. There the annotators appear to have marked sources only: one run of 50 sentences has no
target at all, though they tell of killings, releases and refusals with plain objects. This is a
diagnostic for reading the roles figure; whowhom eval scores every sentence, as ../shared/README.md says.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from whowhom.eval.penta import score_roles  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold" / "coped-train.roles.jsonl"


def main(argv: list[str]) -> int:
    predictions = Path(argv[0]) if argv else ROOT / "out" / "crossval" / "roles.predictions.jsonl"
    if not GOLD.is_file() or not predictions.is_file():
        sys.exit(f"roles_gold_stretches: need {GOLD} and {predictions} (run scripts/crossval.py first)")
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    system = {r["id"]: r["events"] for r in map(json.loads, predictions.read_text(encoding="utf-8").splitlines())}
    has_t = [any(t.endswith("-T") for t in r["tags"]) for r in records]

    def sparse(i: int, window: int = 25) -> bool:
        lo, hi = max(0, i - window), min(len(records), i + window + 1)
        return sum(has_t[lo:hi]) < (hi - lo) / 2

    print("sentences with a target, per 50 of the file:", [sum(has_t[i:i + 50]) for i in range(0, len(records), 50)])
    for name, keep in (("all sentences", lambda i: True), ("outside the stretches", lambda i: not sparse(i)),
                       ("inside the stretches", sparse)):
        chosen = [i for i in range(len(records)) if keep(i)]
        t = score_roles([records[i] for i in chosen], system)["T"]
        print(f"{name}: {len(chosen)} sentences, {sum(has_t[i] for i in chosen)} with a "
              f"target; T precision {t['precision']:.3f} recall {t['recall']:.3f} F1 {t['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
