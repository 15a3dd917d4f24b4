"""What the line model (page/linemodel.py) sees of each line of a text dump: the line itself (length,
stop words, case, final punctuation, dates and times, commenter and "Name, Place" shapes, how often its
shape recurs on the page, a teaser's cut-off "..." or a paragraph alone between two title lines), what the rules made of it (prose class, chrome cue, zone, inside the rules'
body run or how far above or below it), its neighbours two lines either way, and the make-up of the
lines around it (windows of 5 and 10 lines: how many are names, dates, titles, prose)."""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from whowhom.page.dates import TIME, find_date
from whowhom.page.lines import END_PUNCT, WORD, Unit
from whowhom.page.threads import BY, SMALL_COMMENT_CHROME, comment_meta, signature

LENGTHS = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 6), (7, 12), (13, 25), (26, 50), (51, 10**9))
CUES = ("related", "related_line", "comments", "comments_end", "social", "donation", "newsletter",
        "image_credit", "navigation", "byline", "date", "boilerplate", "footer")
ZONES = ("page", "related", "comments", "after")
ABOVE = ((1, 1), (2, 3), (4, 6), (7, 12))      # lines above the rules' body run
BELOW = ((1, 1), (2, 3), (4, 10), (11, 40))    # lines below it
# Features whose share among the neighbouring lines is a feature too: runs are what make a thread or a list.
WINDOWED = ("ellipsis", "sandwiched", "metaish", "shape_few", "shape_many", "namelike", "signature", "meta", "date", "time", "titleish",
            "good", "report", "pronouns", "words_1", "words_2", "words_3", "lower", "cue_comments",
            "cue_related", "rules_body", "zone_comments")
PRONOUNS = re.compile(r"\b(i|i'm|i've|me|my|you|your|we|us|our|lol)\b", re.I)
SHAPE_WORD = re.compile(r"[^\W\d_]+")


def shape(text: str) -> str:
    """A line's shape: words as W (capitalised) or w, digits as 9, runs of like words as one.
    "Posted by: Ann Lee | Jan 3, 2008 7:06 PM" -> "W w: W | W 9, 9 9:9 W"."""
    s = SHAPE_WORD.sub(lambda m: "W" if m.group()[0].isupper() else "w", re.sub(r"\d+", "9", text))
    return re.sub(r"w( w)+", "w", re.sub(r"W( W)+", "W", s))


def _metaish(u: Unit) -> bool:
    """Short, unpunctuated, and names someone or a time: a commenter line, a byline, a dateline."""
    t = u.text
    if u.words > 12 or t.endswith("."):
        return False
    return bool("," in t or find_date(t) or TIME.search(t) or BY.match(t) or u.namelike)


def _line(u: Unit, i: int, n: int, seg: tuple[int, int], head: int | None, lead: set, repeats: Counter,
          shapes: Counter, sandwiched: bool = False) -> dict[str, float]:
    t, w = u.text, u.words
    start, end = seg
    f = {"bias": 1.0, "log_chars": math.log1p(len(t)) / 6}
    for lo, hi in LENGTHS:
        f[f"words_{lo}"] = float(lo <= w <= hi)
    meta = comment_meta(t)
    sc = shapes[shape(t)] if w <= 12 else 0
    content = [x.lower() for x in WORD.findall(t) if len(x) > 3]
    f.update({
        "stop": u.stop, "titleish": float(u.titleish), "namelike": float(u.namelike),
        "end_stop": float(t.endswith(".")), "end_question": float(t.endswith("?")),
        "end_exclaim": float(t.endswith("!")), "end_colon": float(t.endswith(":")),
        "end_punct": float(t.endswith(END_PUNCT)), "lower": float(t[:1].islower()),
        "digit_first": float(t[:1].isdigit()), "quote_first": float(t[:1] in "?\"'“‘"),
        "upper": float(t.isupper() and w >= 2), "date": float(bool(find_date(t))), "time": float(bool(TIME.search(t))),
        "meta": float(bool(meta)), "meta_author": float(bool(meta and meta[0])),
        "signature": float(bool(signature(t))), "by": float(bool(BY.match(t)) and w <= 12),
        "commas": min(t.count(","), 3) / 3, "report": float(bool(SMALL_COMMENT_CHROME.match(t))),
        "pronouns": min(len(PRONOUNS.findall(t)) / max(w, 1) * 5, 1.0),
        "exclaim": min(t.count("!") + t.count("?"), 3) / 3, "pipe": float("|" in t),
        "digits": sum(c.isdigit() for c in t) / max(len(t), 1),
        "good": float(u.cls == "good"), "repeated": float(repeats[t] > 1), "metaish": float(_metaish(u)),
        "shape_two": float(sc == 2), "shape_few": float(3 <= sc <= 5), "shape_many": float(sc > 5),
        "rules_body": float(start <= i < end and u.cls == "good" and not u.cue and u.zone == "page"),
        "rules_head": float(i == head), "before": float(i < start), "after": float(i >= end),
        "ellipsis": float(t.endswith(("...", "…"))), "sandwiched": float(sandwiched),
        "position": i / n, "lead_words": sum(x in lead for x in content) / len(content) if content else 0.0,
    })
    for c in CUES:
        f[f"cue_{c}"] = float(u.cue == c)
    for z in ZONES:
        f[f"zone_{z}"] = float(u.zone == z)
    for lo, hi in ABOVE:
        f[f"above_{lo}"] = float(lo <= start - i <= hi)
    for lo, hi in BELOW:
        f[f"below_{lo}"] = float(lo <= i - end + 1 <= hi)
    return f


def line_features(units: list[Unit], seg: tuple[int, int], head: int | None) -> tuple[np.ndarray, list[str]]:
    """(matrix of n lines x features, feature names) of a page the rules have been over."""
    n = len(units)
    start, end = seg
    lead = {x.lower() for u in units[start:min(end, start + 3)] for x in WORD.findall(u.text) if len(x) > 3}
    repeats = Counter(u.text for u in units)
    shapes = Counter(shape(u.text) for u in units if u.words <= 12)
    short = [u.words <= 12 and not u.text.endswith(".") for u in units] + [False]
    rows = [_line(u, i, n, seg, head, lead, repeats, shapes, u.words >= 10 and short[i - 1] and short[i + 1] and i > 0)
            for i, u in enumerate(units)]
    names = list(rows[0]) if rows else list(_line(Unit("x", 1, 0, False, False, None), 0, 1, (0, 0), None,
                                                   set(), Counter(), Counter()))
    own = np.array([[r[k] for k in names] for r in rows], dtype=float).reshape(n, len(names))
    blocks, block_names = [own], list(names)
    for step in (1, -1, 2, -2):
        blocks.append(shift(own, step))
        block_names += [f"{k}@{step:+d}" for k in names]
    cols = [names.index(k) for k in WINDOWED]
    for lo, hi, tag in ((-5, 0, "5above"), (1, 6, "5below"), (-10, 11, "10around")):
        blocks.append(window_mean(own[:, cols], lo, hi))
        block_names += [f"{k}%{tag}" for k in WINDOWED]
    blocks.append(_cues_above(units, start))
    block_names += ["comments_cue_above", "comments_cue_near", "related_cue_above", "related_cue_near"]
    return np.hstack(blocks), block_names


def shift(a: np.ndarray, step: int) -> np.ndarray:
    """Row i of the result is row i - step of a (zeros past the page's ends): the line above for step 1."""
    out = np.zeros_like(a)
    if 0 < step < len(a):
        out[step:] = a[:-step]
    elif 0 < -step < len(a):
        out[:step] = a[-step:]
    return out


def window_mean(a: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """Row i of the result is the mean of rows [i + lo, i + hi) of a, clipped to the page."""
    n = len(a)
    sums = np.vstack([np.zeros((1, a.shape[1])), np.cumsum(a, 0)])
    idx = np.arange(n)
    first, last = np.clip(idx + lo, 0, n), np.clip(idx + hi, 0, n)
    return (sums[last] - sums[first]) / np.maximum(last - first, 1)[:, None]


def _cues_above(units: list[Unit], start: int) -> np.ndarray:
    """A comment heading (a related-links heading) somewhere above the line since the body began, and near it."""
    out = np.zeros((len(units), 4))
    comments = related = -10**6
    for i, u in enumerate(units):
        out[i] = (comments > -10**6, i - comments <= 20, related > -10**6, i - related <= 8)
        if u.cue == "comments" and i >= start - 1:
            comments = i
        if u.cue in ("related", "related_line") and i >= start:
            related = i
    return out
