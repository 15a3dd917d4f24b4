"""`whowhom eval TASK GOLD.jsonl [--predictions FILE]`: code the gold texts (or read predictions), score
them, print a readable report and, as the last line, one JSON object of the headline figures."""

from __future__ import annotations

import json
from pathlib import Path

from whowhom.errors import InputError
from whowhom.eval import events as ev
from whowhom.eval import penta as pr
from whowhom.eval.gold import read_gold
from whowhom.eval.system import code_pages, code_records, read_predictions

TASKS = ("events", "cameo", "penta", "roles", "extract", "news", "anatomy", "geo")


def _system(task, records, predictions):
    if predictions:
        return read_predictions(predictions)
    # penta and roles score the event a sentence reports, whoever its actors: every event is read, also
    # those with no political actor whowhom can code (as `whowhom code --uncoded` gives them)
    if task == "roles":
        return code_records(records, lambda r: " ".join(r["tokens"]), uncoded=True)
    if task == "penta":
        return code_records(records, uncoded=True)
    if task == "news":
        return code_pages(records)
    return code_records(records)


def _prf_line(name, d) -> str:
    return f"  {name:<12} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}"


def _misses(misses, worst):
    if not misses or not worst:
        return
    print(f"\nworst misses ({min(worst, len(misses))} of {len(misses)}):")
    for m in misses[:worst]:
        print(f"  {m['id']}: gold {', '.join(map(str, m['gold']))} | system {'; '.join(map(str, m['system'])) or '-'}")
        print(f"      {m['text'][:220]}")


def _report_events(task, r, worst) -> dict:
    print(f"{task}: {r['records']} records, {r['gold']} gold events, {r['system']} asserted system events")
    print(_prf_line("events", r))
    print(f"  (one-to-one, each event matched at most once: P {r['strict_precision']:.3f}  R {r['strict_recall']:.3f}"
          f"  F1 {r['strict_f1']:.3f})")
    print(f"  type accuracy {r['type_accuracy']:.3f}  type precision {r['type_precision']:.3f}")
    print("\nper type (an event counts for a type when types, source and target match):")
    for t, d in r["per_type"].items():
        print(_prf_line(t, d) + f"   gold {d['gold']:>3}  system {d['system']:>3}")
    print("\nconfusion (gold type -> system types of the record), most frequent errors:")
    errs = [(n, g, s) for (g, s), n in r["confusion"].items() if g not in s.split()]
    for n, g, s in sorted(errs, reverse=True)[:15]:
        print(f"  {n:>3}  {g} -> {s}")
    _misses(r["misses"], worst)
    return {"task": task, "records": r["records"], "precision": round(r["precision"], 4),
            "recall": round(r["recall"], 4), "f1": round(r["f1"], 4),
            "type_accuracy": round(r["type_accuracy"], 4), "type_precision": round(r["type_precision"], 4),
            "strict_f1": round(r["strict_f1"], 4)}


def _report_penta(r, worst) -> dict:
    print(f"penta: {r['records']} sentences  macro-F1 {r['macro_f1']:.3f}  accuracy {r['accuracy']:.3f}")
    for c, d in r["per_class"].items():
        print(_prf_line(f"class {c}", d) + f"   gold {d['gold']:>4}  system {d['system']:>4}")
    print("\nconfusion (rows gold, columns system):")
    print("        " + "".join(f"{c:>6}" for c in pr.PENTA))
    for g in pr.PENTA:
        print(f"  {g:>4}  " + "".join(f"{r['confusion'][(g, s)]:>6}" for s in pr.PENTA))
    _misses(r["misses"], worst)
    return {"task": "penta", "records": r["records"], "macro_f1": round(r["macro_f1"], 4),
            "accuracy": round(r["accuracy"], 4)}


def _report_roles(r, worst) -> dict:
    print(f"roles: {r['records']} sentences (token-level)")
    print(_prf_line("source S", r["S"]))
    print(_prf_line("target T", r["T"]))
    _misses(r["misses"], worst)
    return {"task": "roles", "records": r["records"], "S_f1": round(r["S"]["f1"], 4),
            "T_f1": round(r["T"]["f1"], 4), "S_precision": round(r["S"]["precision"], 4),
            "S_recall": round(r["S"]["recall"], 4), "T_precision": round(r["T"]["precision"], 4),
            "T_recall": round(r["T"]["recall"], 4)}


def _report_extract(records, gold_path, mode, predictions, worst) -> dict:
    from whowhom.eval import extract as ex
    if predictions:
        bodies = {k: (v[0].get("body") or v[0].get("article_body") or "") if v else ""
                  for k, v in read_predictions(predictions).items()}
    else:
        base = Path(gold_path).parent
        bodies = {}
        for rec in records:
            if mode == "text" and "page_text" not in rec or mode == "html" and "html_file" not in rec:
                raise InputError(f"{gold_path}: record {rec['id']} has no {'page_text' if mode == 'text' else 'html_file'}")
            try:
                bodies[rec["id"]] = ex.system_body(rec, mode, base)
            except OSError as err:
                raise InputError(f"{rec.get('html_file')}: {err.strerror}") from None
    pairs = [(bodies.get(rec["id"], ""), rec["article_body"]) for rec in records]
    s = ex.shingle_prf(pairs)
    print(f"extract ({mode}): {s['pages']} pages  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    rows = []
    for rec, (body, gold) in zip(records, pairs):
        p, r = ex.page_prf(body, gold)
        p, r = p or 0.0, r or 0.0
        rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, rec["id"], rec.get("url", "")))
    if worst:
        print(f"\nworst pages ({min(worst, len(rows))}):")
        for f, p, r, rid, url in sorted(rows)[:worst]:
            print(f"  F1 {f:.2f}  P {p:.2f}  R {r:.2f}  {rid[:16]}  {url[:80]}")
    return {"task": "extract", "mode": mode, "pages": s["pages"], "precision": round(s["precision"], 4),
            "recall": round(s["recall"], 4), "f1": round(s["f1"], 4)}


def _report_news(r, worst) -> dict:
    t, p = r["triples"], r["pairs"]
    print(f"news: {r['pages']} pages, {t['gold']} gold triples, {t['system']} system triples "
          f"({r['events']} asserted headline and article events)")
    print(_prf_line("triples", t) + f"   (matched {t['tp']})")
    print(_prf_line("pairs", p) + f"   (matched {p['tp']} of {p['gold']} gold, {p['system']} system)")
    print(f"  off-body share {r['off_body_share']:.3f} (events whose sentence is not in the labelled article)")
    print("\nmissed gold triples by cause:")
    for cause, n in r["missed_causes"].most_common():
        print(f"  {n:>4}  {cause}")
    print("false system triples by cause:")
    for cause, n in r["false_causes"].most_common():
        print(f"  {n:>4}  {cause}")
    print("\nper page (gold / system / matched triples):")
    for pg in sorted(r["per_page"], key=lambda x: x["id"]):
        print(f"  {pg['gold']:>3} {pg['system']:>3} {pg['tp']:>3}  {pg['id'][:16]}  {pg['headline'][:70]}")
    if worst:
        for name, rows in (("missed", r["misses"]), ("false", r["falses"])):
            print(f"\n{name} triples ({min(worst, len(rows))} of {len(rows)}):")
            for m in rows[:worst]:
                print(f"  {m['id'][:12]} {'/'.join(m['triple'])}  [{m['cause']}]  {m.get('system', m.get('rule', ''))}")
                print(f"      {m['sentence'][:200]}")
    return {"task": "news", "pages": r["pages"], "precision": round(t["precision"], 4),
            "recall": round(t["recall"], 4), "f1": round(t["f1"], 4), "pair_precision": round(p["precision"], 4),
            "pair_recall": round(p["recall"], 4), "pair_f1": round(p["f1"], 4),
            "off_body_share": round(r["off_body_share"], 4)}


def _report_anatomy(records, gold, predictions, worst) -> dict:
    from types import SimpleNamespace

    from whowhom.eval import anatomy
    from whowhom.eval.gold import read_jsonl
    if predictions:  # Articles as `whowhom extract --format jsonl` writes them
        articles = {str(rec.get("id")): SimpleNamespace(title=rec.get("title"), body=rec.get("body") or "")
                    for _, rec in read_jsonl(predictions, "predictions")}
    else:
        articles = anatomy.extract_pages(records)
    head = anatomy.report(anatomy.score(records, articles), worst)
    if not predictions and (seen := anatomy.trained_on(gold)):
        print(f"\nnote: the line model of text dumps was trained on this file ({seen}), so these figures are "
              "in-sample; scripts/train_anatomy.py --cv gives cross-validated ones (WHOWHOM_PAGE_MODEL=off: rules only)")
        head["trained_on_gold"] = ["linemodel"]
    return head


def run(task: str, gold: str, predictions: str | None = None, mode: str = "html", worst: int = 10) -> dict:
    if task not in TASKS:
        raise InputError(f"unknown task {task!r} (one of {', '.join(TASKS)})")
    if task == "geo":  # toponym resolution (whowhom.geo): its own gold reader, scorer and report
        from whowhom.eval import geo
        head = geo.run(gold, predictions, worst)
        head["gold"] = str(gold)
        print(json.dumps(head))
        return head
    records = read_gold(gold, task)
    if task == "extract":
        head = _report_extract(records, gold, mode, predictions, worst)
    elif task == "anatomy":
        head = _report_anatomy(records, gold, predictions, worst)
    else:
        system = _system(task, records, predictions)
        if task in ("events", "cameo"):
            head = _report_events(task, ev.score(records, system, "plover" if task == "events" else "cameo"), worst)
        elif task == "news":
            from whowhom.eval import news
            head = _report_news(news.score(records, system), worst)
        elif task == "penta":
            head = _report_penta(pr.score_penta(records, system), worst)
        else:
            head = _report_roles(pr.score_roles(records, system), worst)
    head["gold"] = str(gold)
    if not predictions and task not in ("extract", "anatomy"):
        from whowhom.events.models import trained_on
        if seen := trained_on(gold):
            # say so: a model scored on its own training sentences is not a dev figure
            print(f"\nnote: the trained components {', '.join(seen)} were trained on this file, so these figures "
                  "are not held-out; scripts/crossval.py gives cross-validated ones (WHOWHOM_MODELS=off: rules only)")
            head["trained_on_gold"] = seen
    print(json.dumps(head))
    return head
