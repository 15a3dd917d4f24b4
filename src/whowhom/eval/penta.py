"""Penta and role scores as ../shared/README.md defines them.

penta: a sentence's class is the penta class of its most confident asserted event, or 0 when none;
macro-F1 over the five classes, and accuracy. roles: token-level F1 for S and T, a token being a system S
(T) token when it lies inside the text span the system gives as the source (target) of any asserted event
in the sentence, whose text is the tokens joined by single spaces."""

from __future__ import annotations

from collections import Counter

from whowhom.eval.system import asserted

PENTA = (0, 1, 2, 3, 4)


def penta_of(events: list[dict]) -> int:
    evs = asserted(events)
    if not evs:
        return 0
    return int(max(evs, key=lambda e: e.get("confidence", 0.0))["penta"])


def score_penta(records: list[dict], system: dict[str, list[dict]]) -> dict:
    pairs = [(int(r["penta"]), penta_of(system.get(r["id"], []))) for r in records]
    per_class = {}
    for c in PENTA:
        tp = sum(1 for g, s in pairs if g == c and s == c)
        n_sys = sum(1 for _, s in pairs if s == c)
        n_gold = sum(1 for g, _ in pairs if g == c)
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        per_class[c] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                        "system": n_sys, "gold": n_gold}
    misses = [{"id": rec["id"], "text": rec["text"], "gold": [g], "system": [s]}
              for rec, (g, s) in zip(records, pairs) if g != s]
    return {"macro_f1": sum(v["f1"] for v in per_class.values()) / len(PENTA),
            "accuracy": sum(g == s for g, s in pairs) / len(pairs) if pairs else 0.0,
            "records": len(pairs), "per_class": per_class, "confusion": Counter(pairs), "misses": misses}


def _token_spans(tokens: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for tok in tokens:
        spans.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return spans


def _role_spans(events: list[dict], role: str) -> list[tuple[int, int]]:
    """Character spans (in the sentence text) of the events' source or target."""
    out = []
    for e in asserted(events):
        lo, hi = e.get(f"{role}_start"), e.get(f"{role}_end")
        if lo is None or hi is None:
            continue
        base = e.get("start", 0) or 0
        out.append((base + lo, base + hi))
    return out


def score_roles(records: list[dict], system: dict[str, list[dict]]) -> dict:
    counts = {r: Counter() for r in ("S", "T")}
    misses = []
    for rec in records:
        spans = _token_spans(rec["tokens"])
        evs = system.get(rec["id"], [])
        wrong = 0
        for role, field in (("S", "source"), ("T", "target")):
            sys_spans = _role_spans(evs, field)
            for (lo, hi), tag in zip(spans, rec["tags"]):
                g = tag[2:] == role
                s = any(a <= lo and hi <= b for a, b in sys_spans)
                counts[role]["tp"] += g and s
                counts[role]["fp"] += s and not g
                counts[role]["fn"] += g and not s
                wrong += g != s
        if wrong:
            gold = {r: " ".join(t for t, tag in zip(rec["tokens"], rec["tags"]) if tag[2:] == r) for r in "ST"}
            misses.append({"id": rec["id"], "text": " ".join(rec["tokens"]), "wrong": wrong,
                           "gold": [f"S={gold['S']!r} T={gold['T']!r}"],
                           "system": [f"S={e.get('source_text')!r} T={e.get('target_text')!r}" for e in asserted(evs)]})
    out = {}
    for role, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        out[role] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    misses.sort(key=lambda m: -m["wrong"])
    return {"S": out["S"], "T": out["T"], "records": len(records), "misses": misses}
