"""Check that the ingest path (prefilter + nlp.pipe, pipeline.code_articles) gives exactly the events of
pipeline.code_article on the same articles. Usage: python scripts/check_prefilter.py PATH...
Prints the number of articles whose events differ (0 expected) and the first differences."""

import sys

from whowhom import pipeline
from whowhom.io.readers import read_inputs


def main(paths: list[str]) -> int:
    articles = [pipeline._extract(raw) for raw in read_inputs(paths)]
    fast = pipeline.code_articles(articles)
    diffs = 0
    events = 0
    for article, got in zip(articles, fast):
        want = pipeline.code_article(article)
        events += len(want)
        if [e.to_dict() for e in got] != [e.to_dict() for e in want]:
            diffs += 1
            if diffs <= 5:
                print(f"DIFF {article.id}: {len(got)} vs {len(want)} events", file=sys.stderr)
    print(f"articles: {len(articles)}, events (code_article): {events}, articles that differ: {diffs}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
