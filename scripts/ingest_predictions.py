"""Predictions of ingest's default path (pipeline.code_articles with sentences="actors") on a gold events
file, for `whowhom eval events GOLD --predictions FILE`: shows what parsing only the sentences that name a
known actor, and storing no event without one, does to the event figures.
Usage: python scripts/ingest_predictions.py GOLD.jsonl OUT.jsonl"""

import json
import sys

from whowhom import pipeline
from whowhom.eval.gold import read_jsonl
from whowhom.page import Article


def main(gold: str, out: str) -> int:
    records = [rec for _, rec in read_jsonl(gold, "gold")]
    articles = [Article(id=r["id"], title=None, date=r.get("date"), author=None, body=r["text"]) for r in records]
    with open(out, "w", encoding="utf-8") as f:
        for article, events in zip(articles, pipeline.code_articles(articles, sentences="actors")):
            f.write(json.dumps({"id": article.id, "events": [e.to_dict() for e in events]}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
