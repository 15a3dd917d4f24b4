"""The line model of text dumps: which lines are the headline, the article, reader comments, related links
or other chrome, learned from pages whose blocks people labelled (scripts/train_anatomy.py,
training/anatomy.cfg; data/page/linemodel.json).

Two logistic regressions, stacked. The first reads each line's features (page/linefeatures.py: the line,
what the rules made of it, its neighbours). The second reads the same line features plus the first's
probabilities around the line: for its neighbours, the means over 5 and 15 lines either way, how much of
the page's article mass lies above and below, whether a comment was likely anywhere above, how far the
line is from the article's first line and how many of its words the article uses. A thread or a list of
links is a run, and this second look sees the run. A ranker over the same inputs scores the lines as the
page's one headline (a softmax over the page's lines); the headline is the line where the ranker and the
second layer's headline class agree best (the product of the two).

WHOWHOM_PAGE_MODEL=off leaves text dumps to the rules alone; WHOWHOM_PAGE_MODEL=FILE loads another model."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from whowhom.page.lines import WORD, Unit
from whowhom.page.linefeatures import line_features, shift, window_mean

CLASSES = ("other", "headline", "body", "comment", "related")
OTHER, HEADLINE, BODY, COMMENT, RELATED = range(len(CLASSES))


@dataclass
class Layer:
    weights: np.ndarray    # features x classes, the features' standardisation folded in
    bias: np.ndarray

    def __call__(self, x: np.ndarray) -> np.ndarray:
        s = x @ self.weights + self.bias
        s -= s.max(1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(1, keepdims=True)


@dataclass
class LineModel:
    names: list[str]       # the line features it was trained on, in order
    own: int               # how many of them are the line's own (the first ones)
    first: Layer
    second: Layer
    ranker: np.ndarray     # weights of the headline score over the second layer's inputs
    meta: dict = field(default_factory=dict)

    def read(self, units: list[Unit], seg: tuple[int, int], head: int | None) -> tuple[np.ndarray, np.ndarray]:
        """(P(class) of each line (n x CLASSES), P(the line is the headline) of each line, summing to 1)."""
        x, names = line_features(units, seg, head)
        if names != self.names:
            raise ValueError("the line model was trained on other features; retrain it (scripts/train_anatomy.py)")
        x2 = second_inputs(x[:, :self.own], self.first(x), units)
        p = self.second(x2)
        # the ranker and the second layer's headline class are two views of one choice: their product
        score = x2 @ self.ranker + np.log(p[:, HEADLINE] + 1e-9)
        e = np.exp(score - score.max())
        return p, e / e.sum()

    def probs(self, units: list[Unit], seg: tuple[int, int], head: int | None) -> np.ndarray:
        return self.read(units, seg, head)[0]

    def to_json(self) -> dict:
        return {"classes": list(CLASSES), "names": self.names, "own": self.own, "meta": self.meta,
                "ranker": np.round(self.ranker, 5).tolist(),
                **{k: {"weights": np.round(layer.weights, 5).tolist(), "bias": np.round(layer.bias, 5).tolist()}
                   for k, layer in (("first", self.first), ("second", self.second))}}

    @classmethod
    def from_json(cls, d: dict) -> "LineModel":
        if tuple(d["classes"]) != CLASSES:
            raise ValueError("the line model has other classes")
        layers = {k: Layer(np.array(d[k]["weights"]), np.array(d[k]["bias"])) for k in ("first", "second")}
        return cls(d["names"], d["own"], layers["first"], layers["second"], np.array(d["ranker"]), d.get("meta", {}))


def second_inputs(own: np.ndarray, q: np.ndarray, units: list[Unit]) -> np.ndarray:
    """The second model's inputs: the line's own features and the first model's probabilities q around it."""
    n = len(q)
    shifted = [shift(q, k) for k in (1, -1, 2, -2)]
    windows = [window_mean(q, lo, hi) for lo, hi in ((-5, 0), (1, 6), (-15, 0), (1, 16))]
    mass = q[:, BODY] * np.log1p([len(u.text) for u in units])
    total = mass.sum() + 1e-9
    above = np.concatenate([[0.0], np.cumsum(mass)[:-1]]) / total
    below = 1 - above - mass / total
    comment_above = np.maximum.accumulate(np.concatenate([[0.0], q[:-1, COMMENT]]))
    related_near = np.array([q[max(0, i - 5):i, RELATED].max() if i else 0.0 for i in range(n)])
    d = np.arange(n) - int(q[:, HEADLINE].argmax())
    head = np.stack([d < 0, d == 0, (d > 0) & (d <= 3), (d > 3) & (d <= 10), d > 10], 1).astype(float)
    extra = np.stack([above, below, above > 0.95, below > 0.95, comment_above, related_near], 1).astype(float)
    return np.hstack([own, q, *shifted, *windows, extra, head, _to_body(q, units)])


def _to_body(q: np.ndarray, units: list[Unit]) -> np.ndarray:
    """Where a line sits from the article's first line as the first model sees it, and how many of its words
    the article uses: the headline is just above the article and speaks of what it says."""
    body = q[:, BODY] >= 0.5
    first = int(body.argmax()) if body.any() else int(q[:, BODY].argmax())
    d = np.arange(len(q)) - first
    bins = np.stack([d <= -11, (d >= -10) & (d <= -6), (d >= -5) & (d <= -3), d == -2, d == -1, d == 0,
                     (d >= 1) & (d <= 3), d > 3], 1).astype(float)
    words = {w for u, b in zip(units, body) if b for w in _content(u.text)}
    lead = {w for u in [u for u, b in zip(units, body) if b][:2] for w in _content(u.text)}
    shares = np.array([[sum(w in words for w in c) / len(c), sum(w in lead for w in c) / len(c)] if c else [0.0, 0.0]
                       for c in (_content(u.text) for u in units)])
    return np.hstack([bins, shares.reshape(len(q), 2)])


def _content(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text) if len(w) > 3]


def load(path: str | Path | None = None) -> LineModel:
    if path is None:
        text = resources.files("whowhom").joinpath("data", "page", "linemodel.json").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return LineModel.from_json(json.loads(text))


@lru_cache(maxsize=2)
def _cached(where: str) -> LineModel | None:
    try:
        return load(None if where == "" else where)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        print(f"whowhom: line model {where or 'linemodel.json'} unreadable ({err}); text dumps read by the rules alone",
              file=sys.stderr)
        return None


def line_model() -> LineModel | None:
    """The installed line model, another (WHOWHOM_PAGE_MODEL=FILE) or none (WHOWHOM_PAGE_MODEL=off)."""
    where = os.environ.get("WHOWHOM_PAGE_MODEL", "")
    if where.lower() in ("off", "0", "none"):
        return None
    return _cached(where)
