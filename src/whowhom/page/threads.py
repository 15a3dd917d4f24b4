"""Comment threads and link lists in a text dump, seen as runs with a structure rather than single lines.

zones() walks the page as a state machine: a "Related articles" heading starts a list of links; a comment
heading ("Comments (5)", "3 comments") with commenter lines after it starts the comments, "Leave a
comment" ends them; and a thread without a heading is found by its shape, short commenter lines ("By
Ann", "Posted by Ann | Jan 3, 2008 7:06 PM", "Ann Lee, Leeds, UK") alternating with prose at least three
times. group() turns the lines of a thread into comments, each with its author and time where the page
shows them, whether the page signs a comment above its text or below it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whowhom.page.article import Part
from whowhom.page.dates import TIME, find_date
from whowhom.page.lines import WORD, Unit

SAYS = re.compile(r"\s*(says|said|wrote|writes|commented)\s*:?\s*$", re.I)
BY = re.compile(r"^\W*(?:posted|written|submitted|sent|comment(?:ed)?)?\s*by\s*:?\s*(?=\w)", re.I)
SMALL_COMMENT_CHROME = re.compile(
    r"^(reply|report|like|likes|flag|quote|share|permalink|edit|delete|recommend|\d+ likes?|log in to reply"
    r"|reply to this comment|report (this post|this comment|abuse)|link to this|\d+\.?|\W+"
    r"|in reply to\b.*|(show|hide)( new| all)? (comments?|replies)\b.*)"
    r"(\s*[|/•·]\s*(reply|report|quote|recommend|report (this post|this comment|abuse)|link to this|permalink))*$", re.I)
DATELINE = re.compile(r"\b(published|updated|posted|modified|created|date|story)\b", re.I)  # not a commenter
MAX_GAP = 8        # lines of one comment between two commenter lines


@dataclass
class Comment:
    author: str | None = None
    time: str | None = None
    texts: list[str] = field(default_factory=list)


def zones(units: list[Unit]) -> None:
    """Set each unit's zone: page, related (a list of links), comments, after (below the comments)."""
    zone = "page"
    runs = {start: end for start, end in signature_runs(units)}
    run_end = -1
    seen_prose = False  # a "Latest news" heading above the article is a menu, not the end of the article
    for i, u in enumerate(units):
        if u.cue == "comments" and zone != "after" and seen_prose and _meta_follows(units, i, 12, by=True):
            zone = "comments"
        elif zone == "page" and seen_prose and i in runs:
            zone, run_end = "comments", runs[i]  # a thread found by its shape, without a heading
        elif zone == "comments" and i == run_end:
            zone = "after"
        elif zone == "page" and seen_prose and _comments_begin(units, i):
            zone = "comments"  # commenter lines without a "N comments" heading
        elif u.cue == "comments_end" and zone == "comments":
            zone = "after"
        elif u.cue == "footer" and zone == "page" and seen_prose:
            zone = "after"  # "© 2019 ... All Rights Reserved": the page's footer; the article is above it
        elif u.cue == "related" and zone in ("page", "comments") and seen_prose:
            zone = "related"
        elif zone == "related" and u.cls == "good" and (u.words >= 50 or not _link_title(units[i - 1])) \
                and not u.text.endswith(("...", "…")) and units[i - 1].cue != "related":
            zone = "page"  # prose that is not the blurb of a link: the related box was inside the article
        u.zone = zone
        seen_prose = seen_prose or (zone == "page" and u.cls == "good")


def _link_title(u: Unit) -> bool:
    """A line that reads as the title of a link: short, not a sentence."""
    return u.titleish or u.words <= 12 and not u.text.endswith((".", ":", ";"))


def signature(text: str) -> tuple[str | None, str | None] | None:
    """(author, time) when the line signs a comment: a commenter line with a time, "By Ann", "Ann Lee,
    Leeds, UK". A line of the last kind alone could be anything; signature_runs() asks for several."""
    meta = comment_meta(text)
    if meta:
        return meta
    words = WORD.findall(text)
    if not words or len(words) > 8 or text.endswith((".", "?", "!", ":", ";")) or any(c.isdigit() for c in text):
        return None
    if BY.match(text):
        return _clean_name(text), None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if 2 <= len(parts) <= 4 and all(len(p.split()) <= 4 for p in parts) and parts[0][:1].isalpha():
        return parts[0], None
    return None


def signature_runs(units: list[Unit]) -> list[tuple[int, int]]:
    """Comment threads found by their shape: [start, end) of each run where commenter lines alternate with
    prose at least three times. Whether a comment is signed above or below its text decides the ends."""
    blocks: list[list[int]] = []  # [first, last] line of each signature (a name line, then a date line)
    for i, u in enumerate(units):
        if u.cue in ("related", "footer", "comments_end") or not signature(u.text):
            continue
        if blocks and i - blocks[-1][1] == 1:
            blocks[-1][1] = i
        else:
            blocks.append([i, i])
    runs, run = [], []
    for b in blocks + [None]:
        if b and run and b[0] - run[-1][1] <= MAX_GAP and _prose_between(units, run[-1][1] + 1, b[0]):
            run.append(b)
            continue
        if len(run) >= 3:
            runs.append(_run_span(units, run))
        run = [b] if b else []
    return runs


def _prose_between(units: list[Unit], lo: int, hi: int) -> bool:
    return any(units[j].words >= 4 and not units[j].cue for j in range(lo, hi))


def _run_span(units: list[Unit], run: list[list[int]]) -> tuple[int, int]:
    gap = max(b[0] - a[1] - 1 for a, b in zip(run, run[1:]))
    after = run[-1][1] + 1
    texts_after = 0
    while after + texts_after < len(units) and texts_after < gap and _comment_text(units[after + texts_after]):
        texts_after += 1
    if texts_after:  # signed above the text: the thread ends after the last comment's text
        return run[0][0], after + texts_after
    start = run[0][0]  # signed below the text: the first comment's text is above its signature
    while start > 0 and run[0][0] - start < gap and _comment_text(units[start - 1]):
        start -= 1
    return start, after


def _comment_text(u: Unit) -> bool:
    """Prose that may be a comment ("Have your say", a form's heading, is not)."""
    return (u.words >= 4 or u.text.endswith(tuple(".!?"))) and not u.cue and not signature(u.text)


def _comments_begin(units: list[Unit], i: int) -> bool:
    """Two commenter lines ("Name says:", "Name March 6, 2021 at 10:08 am") close together."""
    text = units[i].text
    # Without a heading, ask for a clock time or "says:"; a bare date also signs embedded tweets and quotes.
    if units[i].cue in ("byline", "date") or "(@" in text or not (TIME.search(text) or SAYS.search(text)):
        return False
    meta = comment_meta(text)
    return bool(meta and meta[0]) and _meta_follows(units, i + 1, 8)


def _meta_follows(units: list[Unit], i: int, within: int = 3, by: bool = False) -> bool:
    """A commenter line within the next lines; "By Ann" counts under a comment heading only (else it is
    the article's byline)."""
    return any(comment_meta(u.text) or by and BY.match(u.text) and signature(u.text) for u in units[i + 1:i + 1 + within])


def comment_meta(text: str) -> tuple[str | None, str | None] | None:
    """(author, time) when the line is a commenter's name and the time of the comment."""
    if len(WORD.findall(text)) > 14 or text.endswith("."):
        return None
    spans = [m for m in (find_date(text),) if m] + [(None, t.start(), t.end()) for t in TIME.finditer(text)]
    if spans:
        start = min(s[1] for s in spans)
        author = _clean_name(text[:start])
        time = re.sub(r"^(on|at|-|\|)\s+", "", text[start:].strip(" |•·-–—,")).strip() or None
        if time:
            time = re.sub(r"\s*\|.*$", "", time)  # "Dec 30, 2007 7:06 PM | Link to this"
        if author is None or len(author.split()) <= 5 and not DATELINE.search(author):
            return author, time
        return None
    if SAYS.search(text):
        author = _clean_name(SAYS.sub("", text))
        return (author, None) if author and len(author.split()) <= 5 else None
    return None


def _clean_name(text: str) -> str | None:
    text = BY.sub("", SAYS.sub("", text))
    text = re.sub(r"\s+(on|at|posted|wrote)\s*$", "", text.strip(" |•·-–—,:?"), flags=re.I).strip(" |•·-–—,:?")
    return text or None


def group(units: list[Unit], lines: list[int]) -> list[tuple[Comment, list[int], list[int]]]:
    """The comments of a thread's lines: (comment, its text lines, its signature lines). A page signs its
    comments above their text or below it: a signature before the first text, or text after the last
    signature (the last comment's), says above; else below. Lines that are neither (a "Reply" link, a
    stray "2007") belong to no comment."""
    kind = {i: _kind(units[i].text) for i in lines}
    signs = [i for i in lines if kind[i] not in (None, "text")]
    texts = [i for i in lines if kind[i] == "text"]
    signed = bool(signs)
    above = signed and (not texts or signs[0] < texts[0] or texts[-1] > signs[-1])
    out: list[tuple[Comment, list[int], list[int]]] = []
    current: tuple[Comment, list[int], list[int]] | None = None
    pending: list[int] = []
    last_sign = False
    for i in lines:
        k = kind[i]
        if k is None:
            continue
        if k == "text":
            last_sign = False
            if above and current:
                current[1].append(i)
            elif above or not signed:
                current = (Comment(), [i], [])
                out.append(current)
            else:
                pending.append(i)
            continue
        author, time = k
        if current and last_sign:  # a name line, then a date line: one signature
            current[0].author, current[0].time = current[0].author or author, current[0].time or time
            current[2].append(i)
        elif above and current and current[1] and author and not time and not current[0].author:
            current[0].author = author  # "Posted by Ann" under a comment signed above with its time
            current[2].append(i)
            current = None
        else:
            current = (Comment(author, time), [] if above else pending, [i])
            out.append(current)
            pending = []
        last_sign = current is not None
    if pending:
        out.append((Comment(), pending, []))
    for c, texts, _ in out:
        c.texts = [units[i].text for i in texts]
    return out


def _kind(text: str):
    """A thread line's kind: its (author, time) for a signature, "text", or None for the thread's chrome."""
    if SMALL_COMMENT_CHROME.match(text):
        return None
    if sig := signature(text):
        return sig
    words = WORD.findall(text)
    if 1 <= len(words) <= 4 and not text.endswith(tuple(".!?:*")) and all(w[:1].isupper() for w in words) \
            and not any(c.isdigit() for c in text):
        return text.strip(" |•·-–—,"), None  # a commenter's name on a line of its own ("Name:" is a form's)
    if len(words) <= 3 and not text.endswith(tuple(".!?")) and (any(c.isdigit() for c in text) or
                                                                  all(w[:1].isupper() for w in words)):
        return None  # "December 27th," then "2007": pieces of a date spread over lines
    return "text"


def labelled_parts(units: list[Unit]) -> list[Part]:
    """Every unit that is not body, as a labelled part in page order; the lines of a comment thread become
    one `comment` part per comment (at its first line) and a `comment_meta` part per signature line."""
    thread = [i for i, u in enumerate(units) if u.label == "comment"]
    at: dict[int, list[Part]] = {}
    for c, texts, signs in group(units, thread):
        for i in signs:
            at[i] = [Part("comment_meta", units[i].text, author=c.author, time=c.time)]
        if texts:
            at.setdefault(texts[0], []).append(Part("comment", "\n\n".join(c.texts), author=c.author, time=c.time))
            for i in texts[1:]:
                at[i] = []
    parts: list[Part] = []
    for i, u in enumerate(units):
        if i in at:
            parts += at[i]
        elif u.label == "comment":
            parts.append(Part("comment_meta", u.text))  # a "Reply" link, a date spread over lines
        elif u.label != "body":
            parts.append(Part(u.label or "boilerplate", u.text))
    return parts
