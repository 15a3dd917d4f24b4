"""extract(raw) -> Article: HTML goes to trafilatura (page/html.py), text dumps to our classifier (page/textdump.py)."""

from __future__ import annotations

from whowhom.io.readers import RawDoc
from whowhom.page.article import Article
from whowhom.page.html import extract_html
from whowhom.page.repair import repair
from whowhom.page.textdump import extract_text


def extract(raw: RawDoc) -> Article:
    if raw.kind == "html":
        return extract_html(raw.id, raw.content, date=raw.date, url=raw.url)
    return extract_text(raw.id, repair(raw.content), date=raw.date, url=raw.url)
