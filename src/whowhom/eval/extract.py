"""Article-extraction score of the Zyte benchmark: 4-word shingles, precision and recall averaged per page.

    python -m whowhom.eval.extract GOLD.jsonl --mode html|text

GOLD.jsonl records carry `article_body` (gold), `page_text` (the page's visible text, used in text mode)
and `html_file` (path of the page's HTML, relative to the gold file, used in html mode).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    words = WORD.findall(text or "")
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def page_prf(system: str, gold: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the side it divides by is empty."""
    sys_sh, gold_sh = shingles(system), shingles(gold)
    tp = sum((sys_sh & gold_sh).values())
    p = tp / sum(sys_sh.values()) if sys_sh else None
    r = tp / sum(gold_sh.values()) if gold_sh else None
    return p, r


def shingle_prf(pairs: Iterable[tuple[str, str]]) -> dict:
    """pairs of (system text, gold text) -> {"precision", "recall", "f1", "pages"}."""
    ps, rs, pages = [], [], 0
    for system, gold in pairs:
        pages += 1
        p, r = page_prf(system, gold)
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": pages}


def system_body(record: dict, mode: str, base: Path) -> str:
    from whowhom.io.readers import RawDoc, decode
    from whowhom.page.extract import extract
    if mode == "text":
        raw = RawDoc(id=record["id"], content=record["page_text"], kind="text")
    else:
        import gzip
        data = (base / record["html_file"]).read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        raw = RawDoc(id=record["id"], content=decode(data, record["html_file"]), kind="html", url=record.get("url"))
    return extract(raw).body


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m whowhom.eval.extract", description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="gold JSON Lines (article_body, page_text, html_file)")
    ap.add_argument("--mode", choices=("html", "text", "page_text"), default="html",
                    help="html: extract from the HTML; text: from page_text; page_text: page_text as is (baseline)")
    ap.add_argument("--worst", type=int, default=0, help="also list the N pages with the lowest F1")
    args = ap.parse_args(argv)
    gold_path = Path(args.gold)
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = []
    for rec in records:
        body = rec["page_text"] if args.mode == "page_text" else system_body(rec, args.mode, gold_path.parent)
        pairs.append((body, rec["article_body"]))
    score = shingle_prf(pairs)
    print(f"{args.mode}: pages={score['pages']} P={score['precision']:.3f} R={score['recall']:.3f} F1={score['f1']:.3f}")
    if args.worst:
        rows = []
        for rec, (body, gold) in zip(records, pairs):
            p, r = page_prf(body, gold)
            p, r = p or 0.0, r or 0.0
            rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, rec["id"][:12], rec.get("url", "")[:70]))
        for f, p, r, rid, url in sorted(rows)[:args.worst]:
            print(f"  F1={f:.2f} P={p:.2f} R={r:.2f} {rid} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
