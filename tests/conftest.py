import os
from pathlib import Path

import pytest

# The rule tests pin what the rules code; the trained components (events/models.py) are retrained as their
# data grows, so they are tested on their own (test_models.py, and the canonical page with them).
os.environ.setdefault("WHOWHOM_MODELS", "off")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def codes(events, modality="asserted"):
    """(source country, CAMEO code, target country) of the events of a modality: what the rule tests of
    events/ (speech, reaction, mediation) compare."""
    return {(e.source[:3], e.cameo, (e.target or "")[:3]) for e in events if e.modality == modality}


@pytest.fixture(scope="session")
def code_text():
    """Code a plain text as one article; returns its events."""
    from whowhom.io.readers import RawDoc
    from whowhom.page import extract
    from whowhom.pipeline import code_article

    def run(text: str, date: str | None = "2024-01-15"):
        article = extract(RawDoc(id="t", content=text, kind="text", date=date))
        return code_article(article)

    return run


@pytest.fixture(scope="session")
def code_sentence():
    """Code one sentence as an article body (no page anatomy)."""
    from whowhom.page import Article
    from whowhom.pipeline import code_article

    def run(sentence: str, date: str | None = "2024-01-15"):
        return code_article(Article(id="s", title=None, date=date, author=None, body=sentence))

    return run
