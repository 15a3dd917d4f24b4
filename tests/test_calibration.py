"""Confidence calibration: the shipped map, its application as a post-pass, and the fitting of
scripts/calibrate.py (pool-adjacent-violators, logistic regression) on data made up here."""

import importlib.util
import json

import numpy as np
import pytest

from api_store import ROOT
from test_store import event
from whowhom.events import calibration


@pytest.fixture()
def script():
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "scripts" / "calibrate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def with_models(monkeypatch):
    """Calibration as the shipped pipeline applies it (the tests otherwise run the rules alone)."""
    monkeypatch.delenv("WHOWHOM_MODELS", raising=False)
    monkeypatch.delenv("WHOWHOM_CALIBRATION", raising=False)
    load = calibration.load
    load.cache_clear()
    yield
    load.cache_clear()


def test_the_shipped_map_gives_probabilities_that_rise_with_confidence(with_models):
    cal = calibration.load()
    if cal is None:
        pytest.skip("no calibration.json shipped")
    spec = json.loads((ROOT / "src" / "whowhom" / "data" / "models" / "calibration.json").read_text())
    assert spec["command"].startswith("PYTHONPATH=src python scripts/calibrate.py") and spec["date"]
    for e in (event("CHN", "RUS"), event("CHN", None), event("", "RUS", section="headline")):
        probs = []
        for c in np.linspace(0.05, 1, 20):
            e.confidence = float(c)
            probs.append(cal(calibration.features(vars(e))))
        assert all(0 <= p <= 1 for p in probs) and probs == sorted(probs)


def test_the_post_pass_sets_calibrated_confidence(with_models, monkeypatch):
    monkeypatch.setattr(calibration, "load", lambda: calibration.Calibration({"x": [0.0, 0.5], "y": [0.1, 0.8]}))
    evs = [event("CHN", "RUS", confidence=0.3), event("CHN", "RUS", confidence=0.9)]
    calibration.calibrate(evs)
    assert [e.confidence for e in evs] == [0.1, 0.8]


def test_no_map_leaves_confidence_alone(with_models, monkeypatch, tmp_path):
    monkeypatch.setattr(calibration.resources, "files", lambda _: tmp_path)   # no calibration.json there
    assert calibration.load() is None
    evs = [event("CHN", "RUS", confidence=0.37)]
    calibration.calibrate(evs)
    assert evs[0].confidence == 0.37
    calibration.load.cache_clear()
    monkeypatch.setenv("WHOWHOM_CALIBRATION", "off")
    assert calibration.load() is None


def test_a_logistic_map_reads_the_features():
    cal = calibration.Calibration({"features": ["confidence", "target_coded"], "weights": [2.0, 3.0], "bias": -3.0})
    with_target = cal(calibration.features(vars(event("CHN", "RUS", confidence=0.5))))
    without = cal(calibration.features(vars(event("CHN", None, confidence=0.5))))
    assert without == pytest.approx(1 / (1 + np.exp(2.0))) and with_target == pytest.approx(1 / (1 + np.exp(-1.0)))


def test_pool_adjacent_violators(script, monkeypatch):
    monkeypatch.setattr(script, "MIN_STEP", 1)
    knots, values = script.isotonic(np.array([0.1, 0.2, 0.3, 0.4, 0.5]), np.array([0, 1, 0, 1, 1.0]))
    assert knots == [0.1, 0.2, 0.4] and values == [0.0, 0.5, 1.0]      # 1 then 0 pooled into 0.5
    assert list(script.step(knots, values, np.array([0.0, 0.25, 0.45, 0.9]))) == [0.0, 0.5, 1.0, 1.0]
    monkeypatch.setattr(script, "MIN_STEP", 2)
    knots, values = script.isotonic(np.array([0.1, 0.2, 0.3, 0.4, 0.5]), np.array([0, 1, 0, 1, 1.0]))
    assert values == sorted(values) and len(values) == 2                # no step of one event
    rng = np.random.default_rng(0)
    x = rng.random(500)
    _, values = script.isotonic(x, (rng.random(500) < x).astype(float))
    assert values == sorted(values)


def test_logistic_regression_finds_the_effect(script):
    rng = np.random.default_rng(1)
    X = rng.integers(0, 2, size=(2000, 2)).astype(float)
    y = (rng.random(2000) < 1 / (1 + np.exp(-(-1.0 + 2.0 * X[:, 0])))).astype(float)
    weights, bias = script.logistic(X, y)
    assert weights[0] == pytest.approx(2.0, abs=0.3) and abs(weights[1]) < 0.3 and bias == pytest.approx(-1.0, abs=0.3)
