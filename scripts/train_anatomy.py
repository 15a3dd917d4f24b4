"""Train the line model of text dumps (page/linemodel.py) on pages whose blocks people labelled.

    .venv/bin/python scripts/train_anatomy.py [--gold GOLD] [--config training/anatomy.cfg] [--out MODEL]
    .venv/bin/python scripts/train_anatomy.py --cv [--predictions out/anatomy.cv.jsonl]

GOLD (default ../shared/extract/l3s-dev/gold.jsonl) has each page's text dump and its labelled blocks. A
line of the dump takes the class of the block it is in: headline, article_body (body), comments (comment),
related; every other line, the `supplemental` block (bylines, captions) included, is other.

Both layers are multinomial logistic regressions with an L2 penalty, and the headline ranker a conditional
logit (a softmax over each page's lines); all are fitted by full-batch Adam from zero weights for a fixed
number of steps (no randomness, nothing chosen on held-out pages). The second layer and the ranker are
fitted on what the first layer says of pages it was not trained on (inner folds), as on new pages.

--cv: for each of --folds folds (a hash of the page id) a model trained on the other pages extracts the
fold's pages; the articles go to --predictions and are scored as `whowhom eval anatomy GOLD --predictions
FILE` scores them (its report is printed, last line the JSON of the figures).
"""

from __future__ import annotations

import argparse
import configparser
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from whowhom.eval.gold import fold_of, read_gold  # noqa: E402
from whowhom.page.linefeatures import line_features  # noqa: E402
from whowhom.page.linemodel import CLASSES, HEADLINE, Layer, LineModel, second_inputs  # noqa: E402
from whowhom.page.lines import make_units  # noqa: E402
from whowhom.page.textdump import extract_text, rules  # noqa: E402

GOLD = ROOT.parent / "shared" / "extract" / "l3s-dev" / "gold.jsonl"
BLOCKS = (("article_body", "body"), ("headline", "headline"), ("comments", "comment"), ("related", "related"))


def _norm(text: str) -> str:
    return " ".join(text.split())


def line_classes(units, rec: dict) -> np.ndarray:
    """The class of each unit: that of the labelled block holding the line (a rejoined paragraph of 40
    characters and more: the block holding its text); one line of a headline block is the headline."""
    of_line, whole = {}, {}
    for key, cls in BLOCKS:
        whole[cls] = _norm(rec.get(key) or "")
        lines = [_norm(line) for line in (rec.get(key) or "").split("\n") if _norm(line)]
        if cls == "headline" and len(lines) > 1:
            # a headline block often holds a kicker, a standfirst, "Email Article": the headline is the
            # first line of three words or more that does not end as a sentence does
            lines = [next((t for t in lines if len(t.split()) >= 3 and not t.endswith(".")), lines[0])]
        for t in lines:
            of_line.setdefault(t, cls)
    out = []
    for u in units:
        t = _norm(u.text)
        cls = of_line.get(t)
        if cls is None and len(t) >= 40:
            cls = next((c for c, text in whole.items() if t in text), None)
        out.append(CLASSES.index(cls or "other"))
    return np.array(out, dtype=int)


def prepare(rec: dict) -> dict | None:
    units = make_units(rec["page_text"])
    if not units:
        return None
    start, end, head = rules(units)
    x, names = line_features(units, (start, end), head)
    return {"id": rec["id"], "units": units, "x": x, "names": names, "y": line_classes(units, rec)}


def fit(x: np.ndarray, y: np.ndarray, cfg: dict) -> Layer:
    """Multinomial logistic regression on standardised features; the standardisation is folded into the
    returned weights, so the layer reads raw features."""
    z, mean, sd = _standardised(x)
    target = np.eye(len(CLASSES), dtype=np.float32)[y]

    def grad(w, b):
        err = (Layer(w, b)(z) - target) / len(y)
        return z.T @ err + cfg["l2"] * w, err.sum(0)

    w, b = _minimise(grad, [np.zeros((x.shape[1], len(CLASSES)), np.float32), np.zeros(len(CLASSES), np.float32)], cfg)
    w, b = w.astype(float), b.astype(float)
    return Layer(w / sd[:, None], b - (mean / sd) @ w)


def fit_ranker(x: np.ndarray, starts: np.ndarray, target: np.ndarray, cfg: dict) -> np.ndarray:
    """Weights of a line score whose softmax over each page's lines (pages begin at `starts`) puts its mass
    on the page's headline (`target`: each page's share, summing to 1 over its lines)."""
    z, mean, sd = _standardised(x)
    page = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(x))))

    def grad(v):
        s = z @ v
        e = np.exp(s - np.maximum.reduceat(s, starts)[page])
        err = (e / np.add.reduceat(e, starts)[page] - target) / len(starts)
        return (z.T @ err + cfg["l2"] * v,)

    (v,) = _minimise(grad, [np.zeros(x.shape[1], np.float32)], cfg)
    return v.astype(float) / sd  # a constant shift of a page's scores changes nothing: no bias


def _standardised(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean, sd = x.mean(0), x.std(0)
    sd[sd < 1e-6] = 1.0
    return ((x - mean) / sd).astype(np.float32), mean, sd  # single precision: twice as fast, as good here


def _minimise(grad, params: list[np.ndarray], cfg: dict) -> list[np.ndarray]:
    """Full-batch Adam from the given start for cfg["iterations"] steps."""
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for step in range(1, cfg["iterations"] + 1):
        for j, g in enumerate(grad(*params)):
            m[j] = 0.9 * m[j] + 0.1 * g
            v[j] = 0.999 * v[j] + 0.001 * g * g
            params[j] -= cfg["learning_rate"] * (m[j] / (1 - 0.9 ** step)) / (np.sqrt(v[j] / (1 - 0.999 ** step)) + 1e-8)
    return params


def train(pages: list[dict], cfg: dict, meta: dict | None = None) -> LineModel:
    names = pages[0]["names"]
    own = next(i for i, k in enumerate(names) if "@" in k)
    y = np.concatenate([p["y"] for p in pages])
    inner = cfg["inner_folds"]
    seconds = {}
    for k in range(inner):
        held = [p for p in pages if fold_of("inner" + p["id"], inner) == k]
        rest = [p for p in pages if fold_of("inner" + p["id"], inner) != k]
        first = fit(np.vstack([p["x"] for p in rest]), np.concatenate([p["y"] for p in rest]), cfg)
        for p in held:
            seconds[p["id"]] = second_inputs(p["x"][:, :own], first(p["x"]), p["units"])
    first = fit(np.vstack([p["x"] for p in pages]), y, cfg)
    second = fit(np.vstack([seconds[p["id"]] for p in pages]), y, cfg)
    headed = [p for p in pages if (p["y"] == HEADLINE).any()]
    starts = np.cumsum([0] + [len(p["y"]) for p in headed[:-1]])
    target = np.concatenate([(p["y"] == HEADLINE) / (p["y"] == HEADLINE).sum() for p in headed])
    ranker = fit_ranker(np.vstack([seconds[p["id"]] for p in headed]), starts, target, cfg)
    return LineModel(names, own, first, second, ranker, meta or {})


def _config(path: Path) -> dict:
    cp = configparser.ConfigParser()
    if not cp.read(path):
        sys.exit(f"train_anatomy: cannot read {path}")
    t = cp["train"]
    return {"l2": t.getfloat("l2"), "iterations": t.getint("iterations"),
            "learning_rate": t.getfloat("learning_rate"), "inner_folds": t.getint("inner_folds")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--config", type=Path, default=ROOT / "training" / "anatomy.cfg")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "whowhom" / "data" / "page" / "linemodel.json")
    ap.add_argument("--cv", action="store_true", help="cross-validate instead of training the shipped model")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--predictions", type=Path, default=ROOT / "out" / "anatomy.cv.jsonl")
    ap.add_argument("--keep", type=Path, help="--cv: also write each fold's model to KEEP/foldK.json")
    a = ap.parse_args(argv)
    if not a.gold.is_file():
        sys.exit(f"train_anatomy: no gold file {a.gold}")
    cfg = _config(a.config)
    records = read_gold(str(a.gold), "anatomy")
    t0 = time.time()
    pages = [p for p in map(prepare, records) if p is not None]
    print(f"train_anatomy: {len(pages)} pages, {sum(len(p['y']) for p in pages)} lines, "
          f"{pages[0]['x'].shape[1]} features ({time.time() - t0:.0f} s)", file=sys.stderr)
    if not a.cv:
        digest = hashlib.sha256(a.gold.read_bytes()).hexdigest()
        meta = {"gold": a.gold.name, "gold_dir": a.gold.parent.name, "sha256": digest, "pages": len(pages),
                "config": cfg}
        model = train(pages, cfg, meta)
        a.out.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"train_anatomy: wrote {a.out} ({a.out.stat().st_size // 1024} KB, {time.time() - t0:.0f} s)",
              file=sys.stderr)
        return 0
    texts = {r["id"]: r["page_text"] for r in records}
    a.predictions.parent.mkdir(parents=True, exist_ok=True)
    with open(a.predictions, "w", encoding="utf-8") as f:
        for k in range(a.folds):
            model = train([p for p in pages if fold_of(p["id"], a.folds) != k], cfg)
            if a.keep:
                a.keep.mkdir(parents=True, exist_ok=True)
                (a.keep / f"fold{k}.json").write_text(json.dumps(model.to_json()), encoding="utf-8")
            for rec in records:
                if fold_of(rec["id"], a.folds) == k:
                    art = extract_text(rec["id"], texts[rec["id"]], model=model)
                    f.write(json.dumps({"id": rec["id"], "title": art.title, "body": art.body}) + "\n")
            print(f"train_anatomy: fold {k} done ({time.time() - t0:.0f} s)", file=sys.stderr)
    from whowhom.eval.runner import run
    run("anatomy", str(a.gold), str(a.predictions), worst=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
