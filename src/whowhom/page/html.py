"""HTML pages: trafilatura finds the main text, the comments and the metadata; we only reshape them."""

from __future__ import annotations

import re

import trafilatura.metadata
from lxml import html as lxml_html
from trafilatura import bare_extraction

from whowhom.page.article import Article, Part
from whowhom.page.dates import to_iso
from whowhom.page.lines import CUE_LABEL, Unit, classify, make_units
from whowhom.page.threads import comment_meta, labelled_parts, zones


# trafilatura's metadata pass also reads categories, tags and the licence, which an Article does not keep;
# they are three fifths of its cost (about 3 ms a page), so they are switched off for this process.
if hasattr(trafilatura.metadata, "extract_catstags") and hasattr(trafilatura.metadata, "extract_license"):
    trafilatura.metadata.extract_catstags = lambda *args, **kwargs: []
    trafilatura.metadata.extract_license = lambda *args, **kwargs: None


# Pop-ups the page shows only on hover (a politician's card of related headlines after the name, a glossary
# note): hidden text inside a paragraph, which would run into the sentence around it. Exact class names of
# the pop-up itself, not of the element that has one ("has-tooltip", "tooltip-wrapper" hold the visible word).
POPUP_CLASSES = ("tooltip", "tooltiptext", "tooltip-text", "tooltip-content", "tooltip_popup", "q-tooltip",
                 "popover", "popover-content", "hovercard", "hover-card", "rollover-block")
# (a cheap test of the class first, the exact names only for the few elements that pass it; and none at all on
# a page whose markup has no such word: most have none)
POPUP_WORDS = ("tooltip", "popover", "hovercard", "hover-card", "rollover-block")
POPUPS = ("//*[" + " or ".join(f'contains(@class, "{w}")' for w in POPUP_WORDS) + "]["
          + " or ".join(f'contains(concat(" ", normalize-space(@class), " "), " {c} ")' for c in POPUP_CLASSES) + "]")


def extract_html(doc_id: str, page: str, date: str | None = None, url: str | None = None) -> Article:
    doc = None
    try:
        doc = bare_extraction(page, url=url, with_metadata=True, include_comments=True, fast=True,
                              prune_xpath=POPUPS if any(w in page for w in POPUP_WORDS) else None)
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
    units = checked(paragraphs)
    parts += labelled_parts(units)
    parts += _comments(doc, page)
    return Article(id=doc_id, title=title, date=date or to_iso(doc.date or "") or None, author=author,
                   body="\n\n".join(u.text for u in units if u.label == "body"), parts=parts, url=url or doc.url)


def checked(paragraphs: list[str]) -> list[Unit]:
    """trafilatura's paragraphs through the text-dump rules, each labelled: a short line with a chrome cue (a
    newsletter prompt, share links, "Related: ...", a byline), the links under a "Related articles" heading
    and a comment thread are not body."""
    units = make_units("\n\n".join(paragraphs))
    if not units:
        return []
    classify(units)
    zones(units)
    for u in units:
        if u.zone == "comments":
            u.label = "comment" if u.cue in (None, "byline", "date") else "comment_meta"
        elif u.zone in ("related", "after"):
            u.label = "related" if u.zone == "related" else "boilerplate"
        elif u.cue:
            u.label = CUE_LABEL.get(u.cue, u.cue)
        else:
            u.label = "body"
    return units


def _comments(doc, page: str) -> list[Part]:
    """trafilatura's comments read as a thread (page/threads.py): one `comment` part per comment, its
    headings and links ("3 comments", "Leave a reply") as `comment_meta`; author and time from the
    commenter lines, or from the markup where it names them."""
    if not (doc.comments or "").strip():
        return []
    units = make_units(doc.comments)
    for u in units:
        u.label = "comment_meta" if u.cue else "comment"
    meta = _comment_meta(page)
    parts = []
    for part in labelled_parts(units):
        if part.label == "comment" and not (part.author and part.time):
            author, time = next(((a, t) for key, a, t in meta if key and key in _norm(part.text)), (None, None))
            part.author, part.time = part.author or author, part.time or time
        parts.append(part)
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
        if author and (split := comment_meta(author)) and split[0] and split[1]:
            author, time = split[0], time or split[1]  # "Ann Lee August 8, 2018 at 3:17 pm"
        if key and (author or time):
            found.append((key, author, time))
    return found


def _clean(text: str | None) -> str | None:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text or None


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
