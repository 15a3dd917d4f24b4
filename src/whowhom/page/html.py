"""HTML pages: trafilatura finds the main text, the comments and the metadata; we only reshape them."""

from __future__ import annotations

import re

import trafilatura.metadata
from lxml import html as lxml_html
from trafilatura import bare_extraction

from whowhom.page.article import Article, Part
from whowhom.page.dates import to_iso


# trafilatura's metadata pass also reads categories, tags and the licence, which an Article does not keep;
# they are three fifths of its cost (about 3 ms a page), so they are switched off for this process.
if hasattr(trafilatura.metadata, "extract_catstags") and hasattr(trafilatura.metadata, "extract_license"):
    trafilatura.metadata.extract_catstags = lambda *args, **kwargs: []
    trafilatura.metadata.extract_license = lambda *args, **kwargs: None


def extract_html(doc_id: str, page: str, date: str | None = None, url: str | None = None) -> Article:
    doc = None
    try:
        doc = bare_extraction(page, url=url, with_metadata=True, include_comments=True, fast=True)
    except Exception:  # trafilatura raises assorted lxml errors on broken markup; a page is then empty
        doc = None
    if doc is None:
        return Article(id=doc_id, title=None, date=date, author=None, body="", url=url)
    title = _clean(doc.title)
    paragraphs = [p.strip() for p in (doc.text or "").split("\n") if p.strip()]
    # trafilatura keeps the <h1> as the first line of the text; the headline is not body.
    if paragraphs and title and _norm(paragraphs[0]) == _norm(title):
        paragraphs = paragraphs[1:]
    parts: list[Part] = []
    if title:
        parts.append(Part("headline", title))
    author = _clean(doc.author)
    if author:
        parts.append(Part("byline", author))
    parts += _comments(doc, page)
    return Article(id=doc_id, title=title, date=date or to_iso(doc.date or "") or None,
                   author=author, body="\n\n".join(paragraphs), parts=parts, url=url or doc.url)


def _comments(doc, page: str) -> list[Part]:
    """One `comment` part per comment paragraph; author and time when the markup names them."""
    texts = [t.strip() for t in (doc.comments or "").split("\n") if t.strip()]
    if not texts:
        return []
    meta = _comment_meta(page)
    parts = []
    for text in texts:
        author, time = next(((a, t) for key, a, t in meta if key and key in _norm(text)), (None, None))
        if author and _norm(text) == _norm(author):
            continue  # a line trafilatura kept that is only the commenter's name
        parts.append(Part("comment", text, author=author, time=time))
    return parts


# Comment markup of WordPress and its look-alikes: <li class="comment"> with an author and a <time>.
_COMMENT_XPATH = ('//*[contains(concat(" ", normalize-space(@class), " "), " comment ") or '
                  'contains(@class, "comment-body") or starts-with(@id, "comment-")]')


def _comment_meta(page: str) -> list[tuple[str, str | None, str | None]]:
    try:
        tree = lxml_html.fromstring(page)
    except Exception:
        return []
    found = []
    for node in tree.xpath(_COMMENT_XPATH):
        # The first name and time inside the comment are its own; later ones belong to nested replies.
        who = node.xpath('.//*[contains(concat(" ", normalize-space(@class), " "), " fn ")]'
                         ' | .//*[contains(@class, "comment-author")]')
        when = node.xpath('.//time | .//*[contains(@class, "comment-date") or contains(@class, "comment-metadata")]')
        said = node.xpath('.//p//text()')
        key = _norm(" ".join(said))[:40]
        author = _clean(re.sub(r"\s*(says|said|wrote)\s*:?\s*$", "", who[0].text_content(), flags=re.I)) if who else None
        time = (_clean(when[0].text_content()) or _clean(when[0].get("datetime"))) if when else None
        if key and (author or time):
            found.append((key, author, time))
    return found


def _clean(text: str | None) -> str | None:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text or None


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
