"""How well whowhom dates events and marks background ones, against the news dev gold.

    PYTHONPATH=src python scripts/measure_dating.py ../shared/gold/news-dev.events.jsonl

Each page is coded as `whowhom eval news` codes it (its text dump, dated by the page or the record). A
system event (headline or article) is paired with a gold event of the same sentence: the one with the
same (source, target, CAMEO root) triple if there is one ("triple" pairs), else the first with the same
root or source, else the sentence's first ("sentence" pairs). A gold event without `event_date` is dated
by its article, as a system event whose date is its article's. Figures, for both kinds of pairs:

- background marks: precision and recall of the system's `background` against the gold's, and the recall
  on the gold's background events that the gold dates more than a month before the article (the others
  the article recalls without a date: "had previously been accused");
- dates: the share of pairs whose dates agree, and among gold events the article dates otherwise than by
  its own date, the share the system dates exactly."""

from __future__ import annotations

import argparse
import json
import sys

from whowhom.eval.news import _norm, actor_key, cameo_root
from whowhom.events.dating import is_background
from whowhom.io.readers import RawDoc
from whowhom.pipeline import code_article, extract_dated


def key(e: dict) -> tuple[str, str, str]:
    return actor_key(e.get("source")), actor_key(e.get("target")), cameo_root(e.get("cameo_root") or e.get("cameo"))


def same_sentence(a: str, b: str) -> bool:
    a, b = _norm(a)[:200], _norm(b)[:200]
    return bool(a and b) and (a in b or b in a)


def pairs(records: list[dict]) -> list[tuple[str, dict, dict, str, str]]:
    """(kind, system event, gold event, system article date, gold article date) for each paired event."""
    out = []
    for rec in records:
        article = extract_dated(RawDoc(id=rec["id"], content=rec["page_text"], kind="text",
                                       fallback_date=rec.get("date")))
        for ev in (e.to_dict() for e in code_article(article)):
            if ev["section"] not in ("headline", "article"):
                continue
            golds = [g for g in rec["events"] if same_sentence(g.get("sentence", ""), ev["sentence"])]
            if not golds:
                continue
            k = key(ev)
            exact = [g for g in golds if key(g) == k]
            near = [g for g in golds if key(g)[2] == k[2] or key(g)[0] == k[0]]
            g = (exact or near or golds)[0]
            out.append(("triple" if exact else "sentence", ev, g, article.date, rec.get("date")))
    return out


def figures(rows) -> dict:
    tp = fp = fn = agree = dated = dated_right = false_dates = undated = old = old_marked = 0
    for _, ev, g, sys_day, gold_day in rows:
        sys_bg, gold_bg = bool(ev.get("background")), bool(g.get("background"))
        tp, fp, fn = tp + (sys_bg and gold_bg), fp + (sys_bg and not gold_bg), fn + (gold_bg and not sys_bg)
        if gold_bg and is_background(g.get("event_date"), gold_day):  # background the gold dates, too
            old, old_marked = old + 1, old_marked + sys_bg
        mine = None if ev.get("event_date") in (None, sys_day) else ev["event_date"]
        theirs = g.get("event_date") if g.get("event_date") not in (None, gold_day) else None
        agree += mine == theirs
        if theirs:
            dated += 1
            dated_right += mine == theirs
        else:
            undated += 1
            false_dates += mine is not None
    return {"pairs": len(rows), "background_gold": tp + fn, "background_system": tp + fp, "background_tp": tp,
            "background_precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "background_recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "background_gold_dated": old, "background_gold_dated_marked": old_marked,
            "date_agreement": round(agree / len(rows), 3) if rows else None,
            "gold_dated": dated, "gold_dated_right": dated_right, "gold_undated": undated,
            "system_dates_on_gold_undated": false_dates}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="news gold (news-dev.events.jsonl)")
    ap.add_argument("--show", action="store_true", help="list the pairs whose background or date disagree")
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    rows = pairs(records)
    for name, subset in (("triple pairs", [r for r in rows if r[0] == "triple"]), ("all sentence pairs", rows)):
        print(f"{name}: " + json.dumps(figures(subset)))
    if args.show:
        for _, ev, g, sys_day, gold_day in rows:
            mine = ev.get("event_date")
            theirs = g.get("event_date") or gold_day
            if bool(ev.get("background")) != bool(g.get("background")) or (mine or sys_day) != theirs:
                print(f"sys {mine} bg={ev.get('background')} gold {theirs} bg={bool(g.get('background'))} "
                      f"[{ev['trigger']}] {ev['sentence'][:160]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
