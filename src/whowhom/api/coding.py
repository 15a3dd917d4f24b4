"""POST /api/code: code a posted text or HTML page with the pipeline; nothing is stored."""

from __future__ import annotations

import threading

from fastapi import HTTPException

MAX_CHARS = 100_000      # characters of text or HTML coded per request
MAX_BYTES = 1_000_000    # request body size (guards.BodyLimit: nothing beyond it is read)
# What a blank text (refused) is made of: ASCII white space, which Python, JSON Schema and JavaScript agree on
BLANK = " \t\n\r\f\v"
NOT_BLANK = r"[^ \t\n\r\f\v]"  # a character not in BLANK, for the OpenAPI document
_lock = threading.Lock()  # one parse at a time: spaCy pipelines are not made for concurrent calls


def code(text: str | None, html: str | None, day: str | None) -> dict:
    from whowhom.io.readers import RawDoc
    from whowhom.page import extract
    from whowhom.pipeline import code_article

    if (text is None) == (html is None):
        raise HTTPException(422, "give either text or html")
    content = text if text is not None else html
    if len(content) > MAX_CHARS:
        raise HTTPException(413, f"{'text' if text is not None else 'html'} over {MAX_CHARS} characters")
    if not content.strip(BLANK):
        raise HTTPException(422, "nothing to code: the text is empty")
    raw = RawDoc(id="posted", content=content, kind="text" if text is not None else "html", date=day)
    with _lock:
        article = extract(raw)
        events = code_article(article)
    return {"article": article.to_dict(), "events": [dict(e.to_dict(), event_id=i) for i, e in enumerate(events)]}
