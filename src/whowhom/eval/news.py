"""The `news` measure of ../shared/README.md: whole real pages, coded from their text dump.

Per page, the distinct (source, target, CAMEO root) triples of the system's asserted headline and article
events (comments left out) against those of the gold's asserted events, background ones included. Each
actor is cut to its first three letters, after the UN's bodies are folded into UNO and CAMEO's NATO and EU
codes into theirs. Precision, recall and F1 are micro-averaged over pages; pair F1 is the same over
(source, target) pairs; the off-body share is the share of the system's headline and article events whose
sentence is in neither the labelled headline nor the labelled article.

Beside the figures, each missed or false triple is put down to one cause, so a report says what to fix:
a gold triple is missed because the system has no event on its sentence, or has one whose source is
uncoded, whose country is another, or whose root is another; a false triple comes from chrome (its
sentence is not in the article), from a sentence the gold codes nothing on, or from a sentence the gold
codes otherwise (wrong country or root, as above)."""

from __future__ import annotations

import re
from collections import Counter

SECTIONS = ("headline", "article")
_UN = {"UN", "UNO", "UNSC", "IGOUNO", "UNGA", "UNHCR", "UNICEF", "UNDP", "UNHRC", "UNRWA", "UNESCO", "WFP"}
_FOLD = {"IGOWSTNAT": "NATO", "IGOEUREEC": "EU"}
_SPACE = re.compile(r"\s+")
_NONWORD = re.compile(r"\W+")


def actor_key(code: str | None) -> str:
    """An actor code as the measure compares it: UN bodies -> UNO, CAMEO's NATO and EU codes folded,
    then the first three letters ("" stays "")."""
    code = (code or "").strip().upper()
    if code in _UN or code.startswith("IGOUNO"):
        code = "UNO"
    code = _FOLD.get(code, code)
    return code[:3]


def cameo_root(code) -> str:
    return str(code or "")[:2]


def _norm(text: str) -> str:
    return _NONWORD.sub(" ", (text or "").lower()).strip()


def _asserted(events):
    return [e for e in events if (e.get("modality") or "asserted") == "asserted"]


def gold_triples(rec: dict) -> set[tuple[str, str, str]]:
    return {(actor_key(e.get("source")), actor_key(e.get("target")), cameo_root(e.get("cameo")))
            for e in _asserted(rec.get("events", []))}


def system_triples(events: list[dict]) -> set[tuple[str, str, str]]:
    return {(actor_key(e.get("source")), actor_key(e.get("target")), cameo_root(e.get("cameo_root") or e.get("cameo")))
            for e in _asserted(events) if e.get("section", "article") in SECTIONS}


def on_body(sentence: str, rec: dict) -> bool:
    """Whether an event's sentence lies in the labelled headline or article (words compared, so quotes,
    dashes and line breaks do not matter)."""
    s = _norm(sentence)
    return bool(s) and (s in _norm(rec.get("article_body", "")) or s in _norm(rec.get("headline", "")))


def _prf(tp: int, n_sys: int, n_gold: int) -> dict:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "system": n_sys, "gold": n_gold}


def _sentence_key(text: str) -> str:
    return _norm(text)[:200]


def _cause_missed(triple, sys_evs) -> str:
    """Why a gold triple has no system triple, judged by the system's events on its sentence."""
    src, tgt, root = triple
    if not sys_evs:
        return "no event on the sentence"
    keys = {(actor_key(e.get("source")), actor_key(e.get("target")), cameo_root(e.get("cameo"))) for e in sys_evs}
    same_root = [k for k in keys if k[2] == root]
    if same_root:
        if any(k[0] == src for k in same_root):
            return "target uncoded" if any(k[0] == src and not k[1] for k in same_root) else "wrong target"
        return "source uncoded" if any(not k[0] for k in same_root) else "wrong source"
    if any(k[:2] == (src, tgt) for k in keys):
        return "wrong root"
    return "other event on the sentence"


def _cause_false(ev, rec, gold_by_sentence) -> str:
    if not on_body(ev.get("sentence", ""), rec):
        return "chrome (not in the article)"
    golds = gold_by_sentence.get(_sentence_key(ev.get("sentence", "")), [])
    if not golds:
        return "no gold event on the sentence"
    src, tgt, root = actor_key(ev.get("source")), actor_key(ev.get("target")), cameo_root(ev.get("cameo"))
    keys = [(actor_key(g.get("source")), actor_key(g.get("target")), cameo_root(g.get("cameo"))) for g in golds]
    if any(k[0] == src and k[1] == tgt for k in keys):
        return "wrong root"
    if not src:
        return "source uncoded"
    if any(k[2] == root for k in keys):
        return "wrong actor"
    return "other event than the gold's"


def score(records: list[dict], system: dict[str, list[dict]]) -> dict:
    """Triple and pair figures over pages, the off-body share, per-page rows and the causes of errors."""
    tp = n_sys = n_gold = 0
    ptp = pn_sys = pn_gold = 0
    off = on = 0
    pages, missed_causes, false_causes, misses, falses = [], Counter(), Counter(), [], []
    for rec in records:
        events = [e for e in system.get(rec["id"], []) if e.get("section", "article") in SECTIONS]
        gold_t, sys_t = gold_triples(rec), system_triples(events)
        gold_p, sys_p = {t[:2] for t in gold_t}, {t[:2] for t in sys_t}
        hit = len(gold_t & sys_t)
        tp, n_sys, n_gold = tp + hit, n_sys + len(sys_t), n_gold + len(gold_t)
        ptp, pn_sys, pn_gold = ptp + len(gold_p & sys_p), pn_sys + len(sys_p), pn_gold + len(gold_p)
        body = [on_body(e.get("sentence", ""), rec) for e in _asserted(events)]
        off, on = off + body.count(False), on + body.count(True)
        pages.append({"id": rec["id"], "gold": len(gold_t), "system": len(sys_t), "tp": hit,
                      "headline": rec.get("headline", "")})
        # causes: each gold triple missed, each system triple false, judged on its sentences
        gold_by_sentence: dict[str, list[dict]] = {}
        for g in _asserted(rec.get("events", [])):
            gold_by_sentence.setdefault(_sentence_key(g.get("sentence", "")), []).append(g)
        sys_by_sentence: dict[str, list[dict]] = {}
        for e in _asserted(events):
            sys_by_sentence.setdefault(_sentence_key(e.get("sentence", "")), []).append(e)
        for t in sorted(gold_t - sys_t):
            g = next(g for g in _asserted(rec["events"]) if (actor_key(g.get("source")), actor_key(g.get("target")),
                                                             cameo_root(g.get("cameo"))) == t)
            near = [e for k, evs in sys_by_sentence.items() for e in evs if _overlap(k, _sentence_key(g["sentence"]))]
            cause = _cause_missed(t, near)
            missed_causes[cause] += 1
            misses.append({"id": rec["id"], "triple": t, "cause": cause, "sentence": g.get("sentence", ""),
                           "system": sorted({(actor_key(e.get("source")), actor_key(e.get("target")),
                                              cameo_root(e.get("cameo"))) for e in near})})
        for t in sorted(sys_t - gold_t):
            evs = [e for e in _asserted(events) if (actor_key(e.get("source")), actor_key(e.get("target")),
                                                      cameo_root(e.get("cameo"))) == t]
            cause = _cause_false(evs[0], rec, gold_by_sentence)
            false_causes[cause] += 1
            falses.append({"id": rec["id"], "triple": t, "cause": cause, "sentence": evs[0].get("sentence", ""),
                           "rule": evs[0].get("rule", "")})
    return {"pages": len(records), "triples": _prf(tp, n_sys, n_gold), "pairs": _prf(ptp, pn_sys, pn_gold),
            "off_body_share": off / (off + on) if off + on else 0.0, "events": off + on,
            "per_page": pages, "missed_causes": missed_causes, "false_causes": false_causes,
            "misses": misses, "falses": falses}


def _overlap(a: str, b: str) -> bool:
    """The same sentence, split or joined a little differently by the two sides."""
    return bool(a and b) and (a in b or b in a)
