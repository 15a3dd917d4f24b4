"""Comment threads in a text dump: a state machine over the page's lines. A "Related articles" heading
starts a list of links, a comment counter ("3 comments") followed by a commenter line starts the comments,
"Leave a comment" ends them; each comment gets its author and time where the page shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whowhom.page.dates import find_date
from whowhom.page.lines import WORD, Unit

TIME = re.compile(r"\b\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?\b|\b\d+\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b|\b(yesterday|today)\b", re.I)
SAYS = re.compile(r"\s*(says|said|wrote|writes|commented)\s*:?\s*$", re.I)
SMALL_COMMENT_CHROME = re.compile(r"^(reply|report|like|likes|flag|quote|share|permalink|edit|delete|\d+ likes?|log in to reply|reply to this comment|\W+)$", re.I)


@dataclass
class Comment:
    author: str | None = None
    time: str | None = None
    texts: list[str] = field(default_factory=list)


def zones(units: list[Unit]) -> list[tuple[int, Comment]]:
    """Mark units as related links or comments; return the comments found, with their first unit."""
    zone = "page"
    comments: list[tuple[int, Comment]] = []
    current: Comment | None = None
    pending_author: str | None = None
    seen_prose = False  # a "Latest news" heading above the article is a menu, not the end of the article
    for i, u in enumerate(units):
        if u.cue == "comments" and zone != "after" and _meta_follows(units, i):
            zone, current = "comments", None
        elif zone == "page" and seen_prose and _comments_begin(units, i):
            zone, current = "comments", None  # commenter lines without a "N comments" heading
        elif u.cue == "comments_end" and zone == "comments":
            zone = "after"
        elif u.cue == "footer" and zone == "page" and seen_prose:
            zone = "after"  # "© 2019 ... All Rights Reserved": the page's footer; the article is above it
        elif u.cue == "related" and zone in ("page", "comments") and seen_prose:
            zone = "related"
        elif zone == "related" and u.cls == "good" and (u.words >= 50 or not (i and units[i - 1].titleish)):
            zone = "page"  # prose that is not the blurb of a link: the related box was inside the article
        u.zone = zone
        seen_prose = seen_prose or (zone == "page" and u.cls == "good")
        if zone != "comments" or u.cue == "comments":
            continue
        meta = comment_meta(u.text)
        if meta:
            author, time = meta
            if current and not current.texts and not current.time and not author:
                current.time = time  # "Name says:" then a line with the time
            else:
                current = Comment(author or pending_author, time)
                comments.append((i, current))
            pending_author = None
            u.label = "comment_meta"
        elif SMALL_COMMENT_CHROME.match(u.text) or u.cue in ("social", "related_line"):
            u.label = "comment_meta"
        elif u.namelike and i + 1 < len(units) and (m := comment_meta(units[i + 1].text)) and not m[0]:
            pending_author, u.label = u.text, "comment_meta"
        else:
            if current is None:
                current = Comment()
                comments.append((i, current))
            current.texts.append(u.text)
            u.label = "comment"
    return comments


def _comments_begin(units: list[Unit], i: int) -> bool:
    """Two commenter lines ("Name says:", "Name March 6, 2021 at 10:08 am") close together."""
    text = units[i].text
    # Without a heading, ask for a clock time or "says:"; a bare date also signs embedded tweets and quotes.
    if units[i].cue in ("byline", "date") or "(@" in text or not (TIME.search(text) or SAYS.search(text)):
        return False
    meta = comment_meta(text)
    return bool(meta and meta[0]) and _meta_follows(units, i + 1, 8)


def _meta_follows(units: list[Unit], i: int, within: int = 3) -> bool:
    return any(comment_meta(u.text) for u in units[i + 1:i + 1 + within])


def comment_meta(text: str) -> tuple[str | None, str | None] | None:
    """(author, time) when the line is a commenter's name and the time of the comment."""
    if len(WORD.findall(text)) > 14 or text.endswith("."):
        return None
    spans = [m for m in (find_date(text),) if m] + [(None, t.start(), t.end()) for t in TIME.finditer(text)]
    if spans:
        start = min(s[1] for s in spans)
        author = _clean_name(text[:start])
        time = re.sub(r"^(on|at|-|\|)\s+", "", text[start:].strip(" |•·-–—,")).strip() or None
        if author is None or len(author.split()) <= 5:
            return author, time
        return None
    if SAYS.search(text):
        author = _clean_name(SAYS.sub("", text))
        return (author, None) if author and len(author.split()) <= 5 else None
    return None


def _clean_name(text: str) -> str | None:
    text = SAYS.sub("", text)
    text = re.sub(r"\s+(on|at|posted|wrote)\s*$", "", text.strip(" |•·-–—,:"), flags=re.I).strip(" |•·-–—,:")
    return text or None
