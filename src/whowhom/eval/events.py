"""Event scores as ../shared/README.md defines them (events by PLOVER type, or by CAMEO code).

Only asserted events count. An actor code matches a gold code when their first three letters agree;
whowhom's readable organisation codes (NATO) are also compared by their CAMEO code (IGOWSTNAT -> IGO).
A system event matches a gold event when the types agree, a source code matches one of the gold source
codes and, where the gold has a target, a target code matches one of the gold target codes. Precision,
recall and F1 are micro-averaged over events, as the README defines them: precision is the share of system
events that match a gold event of their record, recall the share of gold events that some system event
matches. So "al-Qaeda threatened the US and Israel", one gold event with two targets, is matched by both
of the system's dyadic events (AQ -> USA, AQ -> ISR). Also given, as `strict_*`: the one-to-one figures,
where each event matches at most once (the second dyadic event is then a false positive)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from whowhom.eval.system import asserted


@lru_cache(maxsize=1)
def _org_cameo() -> dict[str, str]:
    from whowhom.actors.loader import DATA_DIR, _rows
    return {row[0]: row[1] for row in _rows(DATA_DIR / "organisations.tsv") if row[1]}


def prefixes(code: str | None) -> set[str]:
    if not code:
        return set()
    out = {code[:3]}
    if code in _org_cameo():
        out.add(_org_cameo()[code][:3])
    return out


def gold_codes(actors) -> set[str]:
    """Gold actors are a code, a list of codes, or a list of {"code": ...}."""
    if actors is None:
        return set()
    if isinstance(actors, str):
        actors = [actors]
    codes = [a.get("code") if isinstance(a, dict) else a for a in actors]
    return {c[:3] for c in codes if c}


def _matches(sys_ev: dict, gold_ev: dict, kind: str) -> bool:
    if kind == "plover":
        if sys_ev.get("plover") != gold_ev.get("plover"):
            return False
    elif str(sys_ev.get("cameo")) != str(gold_ev.get("cameo")):
        return False
    if not prefixes(sys_ev.get("source")) & gold_codes(gold_ev.get("source")):
        return False
    gt = gold_codes(gold_ev.get("target"))
    return not gt or bool(prefixes(sys_ev.get("target")) & gt)


def _prf(sys_ok: int, n_sys: int, gold_found: int, n_gold: int) -> dict:
    """Precision over system events, recall over gold events, each with its own count of matches."""
    p = sys_ok / n_sys if n_sys else 0.0
    r = gold_found / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "system": n_sys, "gold": n_gold}


def score(records: list[dict], system: dict[str, list[dict]], kind: str = "plover") -> dict:
    """kind "plover" (events gold) or "cameo" (gold events carry a `cameo` code)."""
    key = "plover" if kind == "plover" else "cameo"
    tp = n_sys = n_gold = 0
    sys_ok = gold_found = 0  # the README's measure: matches of any event, not one-to-one
    type_hits = 0
    type_pairs = type_pairs_ok = 0
    per_type: dict[str, Counter] = {}
    confusion: Counter = Counter()
    misses = []
    for rec in records:
        sys_evs = [e for e in asserted(system.get(rec["id"], [])) if e.get(key)]
        gold_evs = rec["events"]
        n_sys += len(sys_evs)
        n_gold += len(gold_evs)
        used: set[int] = set()
        missed = False
        for g in gold_evs:
            hit = next((i for i, s in enumerate(sys_evs) if i not in used and _matches(s, g, kind)), None)
            found = any(_matches(s, g, kind) for s in sys_evs)
            gold_found += found
            missed = missed or not found
            per_type.setdefault(str(g[key]), Counter())["gold"] += 1
            per_type[str(g[key])]["found"] += found
            if hit is not None:
                used.add(hit)
                tp += 1
        for s in sys_evs:
            ok = any(_matches(s, g, kind) for g in gold_evs)
            sys_ok += ok
            per_type.setdefault(str(s[key]), Counter())["system"] += 1
            per_type[str(s[key])]["ok"] += ok
        sys_types = {str(s[key]) for s in sys_evs}
        gold_types = {str(g[key]) for g in gold_evs}
        if gold_types and gold_types <= sys_types:
            type_hits += 1
        type_pairs += len(sys_types)
        type_pairs_ok += len(sys_types & gold_types)
        for g in gold_types:
            confusion[(g, " ".join(sorted(sys_types)) or "-")] += 1
        if missed:
            misses.append({"id": rec["id"], "text": rec["text"], "gold": sorted(gold_types),
                           "system": [f"{s.get('source')} {s[key]} {s.get('target') or '-'}" for s in sys_evs]})
    result = _prf(sys_ok, n_sys, gold_found, n_gold)
    result["tp"] = tp
    strict = _prf(tp, n_sys, tp, n_gold)
    result.update({f"strict_{k}": strict[k] for k in ("precision", "recall", "f1")})
    result["type_accuracy"] = type_hits / len(records) if records else 0.0
    result["type_precision"] = type_pairs_ok / type_pairs if type_pairs else 0.0
    result["records"] = len(records)
    result["per_type"] = {t: _prf(c["ok"], c["system"], c["found"], c["gold"]) for t, c in sorted(per_type.items())}
    result["confusion"] = confusion
    result["misses"] = misses
    return result
