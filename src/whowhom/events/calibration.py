"""Calibrated confidence: the coder's raw confidence mapped to the probability that the event is right.

The map is fitted by scripts/calibrate.py on the news dev pages (an event is right when its source,
target and CAMEO root are among the page's gold triples) and stored in data/models/calibration.json:

    {"features": [...], "weights": [...], "bias": b,     # a logistic score (absent: the raw confidence)
     "x": [...], "y": [...],                            # isotonic steps over that score (absent: the score)
     "command": "...", "date": "...", ...}

It is fitted on the confidences of the coder with its trained components (which scale them): without the
file, with WHOWHOM_MODELS=off, or with WHOWHOM_CALIBRATION=off, confidence stays the coder's own."""

from __future__ import annotations

import json
import math
import os
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

FILE = "calibration.json"


def features(ev: dict) -> dict[str, float]:
    """What the map may read of an event (Event.to_dict()) besides its raw confidence; the same for fitting
    and for use."""
    rule = ev.get("rule") or ""
    return {
        "confidence": float(ev["confidence"]),
        "source_coded": float(bool(ev.get("source"))),
        "target_coded": float(bool(ev.get("target"))),
        "headline": float(ev.get("section") == "headline"),
        "noun_trigger": float(rule.startswith("N:")),
        "petrarch_rule": float("petrarch-" in rule),     # a pattern of PETRARCH's verb dictionary, not whowhom's
        "speech": float((ev.get("cameo_root") or "") in ("01", "02")),
    }


class Calibration:
    def __init__(self, spec: dict):
        self.features = spec.get("features") or []
        self.weights = spec.get("weights") or []
        self.bias = float(spec.get("bias", 0.0))
        self.x = [float(v) for v in spec.get("x") or []]
        self.y = [float(v) for v in spec.get("y") or []]

    def score(self, feats: dict[str, float]) -> float:
        if not self.features:
            return feats["confidence"]
        z = self.bias + sum(w * feats[f] for f, w in zip(self.features, self.weights))
        return 1 / (1 + math.exp(-z))

    def __call__(self, feats: dict[str, float]) -> float:
        """The isotonic step at the score: the fitted probability of the highest knot at or below it."""
        score = self.score(feats)
        if not self.x:
            return score
        return self.y[max(bisect_right(self.x, score) - 1, 0)]


@lru_cache(maxsize=1)
def load() -> Calibration | None:
    if "off" in (os.environ.get("WHOWHOM_CALIBRATION", "").lower(), os.environ.get("WHOWHOM_MODELS", "").lower()):
        return None
    path = resources.files("whowhom.data").joinpath("models", FILE)
    if not path.is_file():
        return None
    return Calibration(json.loads(path.read_text("utf-8")))


def calibrate(events: list) -> None:
    """Set each event's confidence to its calibrated probability of being right (a pipeline post-pass;
    nothing changes without a calibration file)."""
    cal = load()
    if cal is None:
        return
    for ev in events:
        ev.confidence = round(cal(features(vars(ev))), 3)
