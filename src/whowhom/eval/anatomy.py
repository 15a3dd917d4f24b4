"""Page anatomy on text dumps with labelled blocks (L3S-GN1): is the body the article, do comments and
related links stay out of it, is the headline the headline.

Gold records carry `page_text` (the input) and the blocks assessors labelled: `headline`, `article_body`,
`comments`, `related` (and `supplemental`, not scored). Per page and overall:
  - body F1: the extraction measure (4-word shingles, eval/extract.py) of the body against `article_body`;
  - comment leak, related leak: of the distinct shingles of the labelled comments (related links) that are
    not also in the article, the share found in the body; overall, summed over pages before dividing;
  - headline accuracy: over the pages with a labelled headline, the share whose title equals it after
    whitespace normalisation, or shares >= 80% of the words of both (so a title that is the headline plus
    a paragraph, or a fragment of it, does not count); where the label spans several lines (a kicker, the
    headline, a standfirst), matching one of them is enough.
"""

from __future__ import annotations

import re
from collections import Counter

from whowhom.eval.extract import page_prf, shingle_prf, shingles

WORD = re.compile(r"\w+")
LEAKS = ("comments", "related")


def leak(block: str, article: str, body: str) -> tuple[int, int]:
    """(leaked, total): the block's distinct shingles that are not in the article, and how many are in the body."""
    own = set(shingles(block)) - set(shingles(article))
    if not own:
        return 0, 0
    return len(own & set(shingles(body))), len(own)


def headline_ok(title: str | None, gold: str) -> bool:
    """The title is the labelled headline: the same text, or >= 80% of the words of both shared. Assessors
    often label a headline block (kicker, headline, standfirst); a title matching one of its lines counts."""
    title = " ".join((title or "").split())
    if not title:
        return False
    candidates = [gold] + (gold.strip().split("\n") if "\n" in gold.strip() else [])
    return any(_same(title, " ".join(c.split())) for c in candidates)


def _same(title: str, gold: str) -> bool:
    if title == gold:
        return True
    t, g = Counter(w.lower() for w in WORD.findall(title)), Counter(w.lower() for w in WORD.findall(gold))
    return bool(g) and sum((t & g).values()) >= 0.8 * max(sum(t.values()), sum(g.values()))


def score(records: list[dict], articles: dict) -> dict:
    """records: gold; articles: id -> Article (title, body). Per page rows and overall figures."""
    rows, pairs = [], []
    totals = {k: [0, 0] for k in LEAKS}
    heads = [0, 0]
    for rec in records:
        a = articles.get(rec["id"])
        body, title = (a.body, a.title) if a is not None else ("", None)
        pairs.append((body, rec.get("article_body") or ""))
        p, r = page_prf(body, rec.get("article_body") or "")
        p, r = p or 0.0, r or 0.0
        row = {"id": rec["id"], "f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r,
               "title": title, "headline": rec.get("headline") or ""}
        for k in LEAKS:
            n, total = leak(rec.get(k) or "", rec.get("article_body") or "", body)
            totals[k][0] += n
            totals[k][1] += total
            row[k] = (n, total)
        if row["headline"].strip():
            row["headline_ok"] = headline_ok(title, row["headline"])
            heads[0] += row["headline_ok"]
            heads[1] += 1
        rows.append(row)
    s = shingle_prf(pairs)
    return {"pages": len(records), "precision": s["precision"], "recall": s["recall"], "f1": s["f1"],
            "comment_leak": totals["comments"][0] / totals["comments"][1] if totals["comments"][1] else 0.0,
            "related_leak": totals["related"][0] / totals["related"][1] if totals["related"][1] else 0.0,
            "comment_pages": sum(1 for r in rows if r["comments"][1]),
            "comment_pages_mostly_in_body": sum(1 for r in rows if r["comments"][1] and r["comments"][0] > r["comments"][1] / 2),
            "related_pages": sum(1 for r in rows if r["related"][1]),
            "headline_accuracy": heads[0] / heads[1] if heads[1] else 0.0, "headlines": heads[1],
            "headlines_found": heads[0], "rows": rows}


def report(r: dict, worst: int) -> dict:
    print(f"anatomy: {r['pages']} pages  body P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")
    print(f"  comment leak {r['comment_leak']:.3f} ({r['comment_pages']} pages with comments, "
          f"{r['comment_pages_mostly_in_body']} put most of them into the body)")
    print(f"  related leak {r['related_leak']:.3f} ({r['related_pages']} pages with related links)")
    print(f"  headline accuracy {r['headline_accuracy']:.3f} ({r['headlines_found']} of {r['headlines']})")
    rows = r["rows"]
    if worst:
        print(f"\nworst bodies ({min(worst, len(rows))}):")
        for row in sorted(rows, key=lambda x: x["f1"])[:worst]:
            print(f"  F1 {row['f1']:.2f}  P {row['precision']:.2f}  R {row['recall']:.2f}  {row['id'][:16]}")
        for k in LEAKS:
            leaky = sorted((row for row in rows if row[k][0]), key=lambda x: -x[k][0])[:worst]
            print(f"\n{k} in the body ({len(leaky)} worst pages: leaked / labelled shingles):")
            for row in leaky:
                print(f"  {row[k][0]:>5} / {row[k][1]:<5} {row['id'][:16]}")
        missed = [row for row in rows if row.get("headline_ok") is False]
        print(f"\nheadlines missed ({min(worst, len(missed))} of {len(missed)}):")
        for row in missed[:worst]:
            print(f"  {row['id'][:12]}  gold {row['headline'][:70]!r}\n{'':16}system {(row['title'] or '-')[:70]!r}")
    return {"task": "anatomy", "pages": r["pages"], "precision": round(r["precision"], 4),
            "recall": round(r["recall"], 4), "f1": round(r["f1"], 4), "comment_leak": round(r["comment_leak"], 4),
            "related_leak": round(r["related_leak"], 4), "headline_accuracy": round(r["headline_accuracy"], 4)}


def extract_pages(records: list[dict]) -> dict:
    """Each record's page_text through the text-dump extractor."""
    from whowhom.io.readers import RawDoc
    from whowhom.page.extract import extract
    return {rec["id"]: extract(RawDoc(id=rec["id"], content=rec["page_text"], kind="text")) for rec in records}


def trained_on(path: str) -> str | None:
    """The installed line model's training file, when it is this very file (by its sha256)."""
    import hashlib
    from pathlib import Path

    from whowhom.page.linemodel import line_model
    model = line_model()
    if model is None:
        return None
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
    return model.meta.get("gold") if model.meta.get("sha256") == digest else None
