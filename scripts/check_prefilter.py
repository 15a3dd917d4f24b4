"""Check that the ingest path (pipeline.code_articles: prefilter, nlp.pipe without NER, NER only where the
coder's trigger test passes) gives exactly the events of pipeline.code_article on the same articles, all
the pages in one call and as `whowhom code` runs it (pipeline.run, 8 pages a call).
Usage: python scripts/check_prefilter.py PATH...
Prints the number of articles whose events differ (0 expected), the first differences, and how much of
the text the two tests let through to the parser and to NER. Then the same for ingest's default
(sentences="actors": only sentences naming a known actor are parsed): how many of the events with a known
actor that every-sentence coding gives it gives too (same sentence, trigger, actors, code and modality),
and how much text it parses."""

import sys

from whowhom import pipeline, prefilter
from whowhom.io.readers import iter_inputs, read_inputs


def main(paths: list[str]) -> int:
    articles = [pipeline.extract_dated(raw) for raw in read_inputs(paths)]
    want = {a.id: [e.to_dict() for e in pipeline.code_article(a)] for a in articles}
    fast = pipeline.code_articles(articles)
    diffs = _differ(zip(articles, fast), want, "code_articles")
    print(f"articles: {len(articles)}, events (code_article): {sum(map(len, want.values()))}, "
          f"articles that differ: {diffs}")
    # `whowhom code`'s path: pipeline.run extracts the pages and codes them RUN_BATCH at a time
    coded = [(c.article, c.events) for c in pipeline.run(iter_inputs(paths)) if isinstance(c, pipeline.Coded)]
    code_diffs = _differ(coded, want, "whowhom code")
    print(f"whowhom code (pipeline.run, {pipeline.RUN_BATCH} pages a batch): articles: {len(coded)}, that differ: {code_diffs}")
    diffs += code_diffs

    model, _, coder = pipeline._stages()
    pf = prefilter.get(model, coder)
    texts = [text for a in articles for section, text in pipeline.sections(a) if section != "headline"]
    parsed = [t for t in texts if pf.wants(t)]
    ner = [d.text for d in model.pipe(parsed, disable=["ner"]) if pf.triggered(d)]
    size = sum(map(len, texts)) or 1
    print(f"texts other than headlines: {len(texts)}; parsed: {len(parsed)} "
          f"({sum(map(len, parsed)) / size:.0%} of the characters); NER: {len(ner)} ({sum(map(len, ner)) / size:.0%})")

    from collections import Counter

    def key(e):
        return (e.doc_id, e.section, e.start + e.trigger_start, e.source, e.target, e.cameo, e.modality)

    every = Counter(key(e) for got in fast for e in got if e.source or e.target)
    actors = Counter(key(e) for got in pipeline.code_articles(articles, sentences="actors") for e in got)
    pieces = sum(len(p.text) for t in texts for p, _, _ in pipeline._pieces(model, pf, t)[0])
    print(f'sentences="actors": events with a known actor: {sum(every.values())} coding every sentence, '
          f"{sum(actors.values())} coding these, {sum((every & actors).values())} the same; "
          f"parsed {pieces / size:.0%} of the characters")
    return 1 if diffs else 0


def _differ(pairs, want: dict, name: str) -> int:
    """How many (article, events) pairs differ from code_article's events; the first few said on stderr."""
    diffs = 0
    for article, got in pairs:
        if [e.to_dict() for e in got] != want[article.id]:
            diffs += 1
            if diffs <= 5:
                print(f"DIFF ({name}) {article.id}: {len(got)} vs {len(want[article.id])} events", file=sys.stderr)
    return diffs


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
