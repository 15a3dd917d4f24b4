"""Fit the confidence calibration (src/whowhom/data/models/calibration.json) on the news dev gold.

    PYTHONPATH=src python scripts/calibrate.py ../shared/gold/news-dev.events.jsonl \
        [--out src/whowhom/data/models/calibration.json] [--table reliability.md] [--dry-run]

Each page is coded as `whowhom eval news` codes it, with the coder's raw confidence (no calibration). An
asserted headline or article event is right when its (source, target, CAMEO root) triple, actors cut to
three letters, is among the page's gold triples (eval/news.py). Candidate maps from what the event says to
the probability that it is right, each cross-validated over pages (5 folds by a hash of the page id):

- isotonic: a monotone step function of the raw confidence (pool-adjacent-violators, at least 10 events a
  step);
- logistic: a small L2 logistic regression on the raw confidence and a few features of the event
  (events/calibration.py: features);
- logistic+isotonic: the same, then isotonic over its score.

The one with the lower cross-validated Brier score is fitted on all pages and written, with this command
and the date; the cross-validated reliability table (bins of calibrated confidence: events, mean
predicted, share right) is printed, and with --table written as Markdown for benchmarks/accuracy.md.
Re-fit after the coder changes by running this command again."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shlex
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whowhom" / "data" / "models" / "calibration.json"
FOLDS = 5
L2 = 1.0          # ridge penalty of the logistic regression (features are 0/1 or 0..1: no scaling needed)
MIN_STEP = 10     # events in each step of an isotonic map
KINDS = ("isotonic", "logistic", "logistic+isotonic")
BINS = np.linspace(0, 1, 11)


# ---------------------------------------------------------------------- data

def labelled_events(records: list[dict]) -> tuple[list[dict], np.ndarray, np.ndarray]:
    """The asserted headline and article events of every page with raw confidence; whether each is right;
    the fold of its page."""
    from whowhom.eval.news import actor_key, cameo_root, gold_triples
    from whowhom.eval.system import code_pages

    coded = code_pages(records)
    events, right, folds = [], [], []
    for rec in records:
        gold = gold_triples(rec)
        fold = int(hashlib.sha256(rec["id"].encode("utf-8")).hexdigest(), 16) % FOLDS
        for ev in coded.get(rec["id"], []):
            if ev["section"] not in ("headline", "article") or ev["modality"] != "asserted":
                continue
            triple = (actor_key(ev["source"]), actor_key(ev["target"]), cameo_root(ev["cameo_root"] or ev["cameo"]))
            events.append(ev)
            right.append(triple in gold)
            folds.append(fold)
    return events, np.array(right, dtype=float), np.array(folds)


def matrix(events: list[dict], names: list[str]) -> np.ndarray:
    from whowhom.events.calibration import features

    return np.array([[features(ev)[n] for n in names] for ev in events], dtype=float)


# ---------------------------------------------------------------------- the two maps

def isotonic(x: np.ndarray, y: np.ndarray) -> tuple[list[float], list[float]]:
    """Pool-adjacent-violators: the non-decreasing step function of x closest to y (least squares), as
    knots (the lowest x of each step) and the step values."""
    order = np.argsort(x, kind="stable")
    blocks: list[list[float]] = []  # [lowest x, sum of y, count]
    for xi, yi in zip(x[order], y[order]):
        if blocks and blocks[-1][0] == xi:
            blocks[-1][1] += yi
            blocks[-1][2] += 1
        else:
            blocks.append([xi, yi, 1])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            x0, s, n = blocks.pop()
            blocks[-1][1] += s
            blocks[-1][2] += n
    # a step of a few events says little (all right: 1.0): each is merged into the neighbour nearer its value
    # (the merged value lies between the two, so the steps stay in order)
    while len(blocks) > 1 and min(b[2] for b in blocks) < MIN_STEP:
        i = min(range(len(blocks)), key=lambda k: blocks[k][2])
        mean = lambda b: b[1] / b[2]  # noqa: E731
        j = i - 1 if i == len(blocks) - 1 or (i > 0 and mean(blocks[i]) - mean(blocks[i - 1])
                                                <= mean(blocks[i + 1]) - mean(blocks[i])) else i + 1
        lo, hi = min(i, j), max(i, j)
        blocks[lo:hi + 1] = [[blocks[lo][0], blocks[lo][1] + blocks[hi][1], blocks[lo][2] + blocks[hi][2]]]
    return [float(b[0]) for b in blocks], [float(b[1] / b[2]) for b in blocks]


def step(knots: list[float], values: list[float], x: np.ndarray) -> np.ndarray:
    i = np.searchsorted(np.array(knots), x, side="right") - 1
    return np.array(values)[np.clip(i, 0, len(values) - 1)]


def logistic(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method: weights and bias (the bias unpenalised)."""
    A = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(A.shape[1])
    penalty = np.diag([L2] * X.shape[1] + [0.0])
    for _ in range(50):
        p = 1 / (1 + np.exp(-A @ w))
        grad = A.T @ (p - y) + penalty @ w
        hess = A.T @ (A * (p * (1 - p))[:, None]) + penalty
        delta = np.linalg.solve(hess, grad)
        w -= delta
        if np.abs(delta).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def fit(kind: str, events: list[dict], y: np.ndarray, names: list[str]) -> dict:
    """The map's specification, as events/calibration.py reads it."""
    if kind == "isotonic":
        knots, values = isotonic(matrix(events, ["confidence"])[:, 0], y)
        return {"features": [], "weights": [], "bias": 0.0, "x": knots, "y": values}
    weights, bias = logistic(matrix(events, names), y)
    spec = {"features": names, "weights": [float(w) for w in weights], "bias": bias}
    if kind == "logistic":
        return spec
    knots, values = isotonic(predict(spec, events), y)
    return {**spec, "x": knots, "y": values}


def predict(spec: dict, events: list[dict]) -> np.ndarray:
    from whowhom.events.calibration import Calibration, features

    cal = Calibration(spec)
    return np.array([cal(features(ev)) for ev in events])


def cross_validated(kind: str, events: list[dict], y: np.ndarray, folds: np.ndarray, names: list[str]) -> np.ndarray:
    out = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        train = [ev for ev, t in zip(events, test) if not t]
        spec = fit(kind, train, y[~test], names)
        out[test] = predict(spec, [ev for ev, t in zip(events, test) if t])
    return out


# ---------------------------------------------------------------------- report

def reliability(p: np.ndarray, y: np.ndarray) -> list[tuple[str, int, float, float]]:
    """(bin, events, mean predicted, share right) for each non-empty bin of predicted probability."""
    rows = []
    which = np.clip(np.digitize(p, BINS[1:-1]), 0, len(BINS) - 2)
    for b in range(len(BINS) - 1):
        mask = which == b
        if mask.any():
            rows.append((f"{BINS[b]:.1f}-{BINS[b + 1]:.1f}", int(mask.sum()), float(p[mask].mean()), float(y[mask].mean())))
    return rows


def markdown(title: str, rows, brier: float) -> str:
    lines = [f"**{title}** (Brier {brier:.3f})", "", "| confidence | events | mean predicted | share right |",
             "|---|---:|---:|---:|"]
    lines += [f"| {b} | {n} | {m:.2f} | {r:.2f} |" for b, n, m, r in rows]
    return "\n".join(lines) + "\n"


def brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="news gold, JSON Lines (../shared/gold/news-dev.events.jsonl)")
    ap.add_argument("--out", default=str(OUT), help=f"where to write the map (default: {OUT.relative_to(ROOT)})")
    ap.add_argument("--table", help="also write the reliability tables as Markdown to this file")
    ap.add_argument("--dry-run", action="store_true", help="measure only; write no map")
    ap.add_argument("--confidence-only", action="store_true",
                    help="a map of the raw confidence alone: it keeps the order of a sentence's events, so "
                         "whatever picks a sentence's most confident event (eval penta) picks the same one")
    args = ap.parse_args(argv)
    os.environ["WHOWHOM_CALIBRATION"] = "off"  # fit on the coder's own confidence, not on an older map's

    from whowhom.events.calibration import features

    records = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    events, y, folds = labelled_events(records)
    if not events or y.min() == y.max():
        print("calibrate: need right and wrong events to fit a map", file=sys.stderr)
        return 2
    names = ["confidence"] if args.confidence_only else list(features(events[0]))
    raw = matrix(events, ["confidence"])[:, 0]
    # (a map of the confidence alone keeps the order of events only if it is strictly increasing: logistic)
    cv = {kind: cross_validated(kind, events, y, folds, names) for kind in
          (("logistic",) if args.confidence_only else KINDS)}
    scores = {kind: brier(p, y) for kind, p in cv.items()}
    best = min(scores, key=scores.get)
    summary = (f"{len(events)} asserted headline and article events on {len(records)} pages, {int(y.sum())} right "
               f"({y.mean():.3f}); Brier raw {brier(raw, y):.4f}, "
               + ", ".join(f"{k} (CV) {v:.4f}" for k, v in scores.items()) + f" -> {best}")
    tables = markdown("Raw confidence (before calibration)", reliability(raw, y), brier(raw, y)) + "\n" + \
        markdown(f"Calibrated confidence ({best}{' of the confidence alone' if args.confidence_only else ''}, "
                 f"cross-validated by page, {FOLDS} folds)", reliability(cv[best], y), scores[best])
    if args.table:
        Path(args.table).write_text(tables, encoding="utf-8")
    if not args.dry_run:
        spec = fit(best, events, y, names)
        command = "PYTHONPATH=src python " + " ".join(
            shlex.quote(a) for a in [str(Path(sys.argv[0])), *(argv if argv is not None else sys.argv[1:])])
        spec = {"model": best, **spec, "command": command, "date": dt.date.today().isoformat(),
                "trained_on": {"gold": Path(args.gold).name, "pages": len(records), "events": len(events),
                               "right": int(y.sum())},
                "brier_cv": {k: round(v, 4) for k, v in scores.items()}, "brier_raw": round(brier(raw, y), 4)}
        Path(args.out).write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
        summary += f"\nwrote {args.out}"
    print(summary + "\n\n" + tables)
    return 0

if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # (output piped to head)
        sys.exit(0)
