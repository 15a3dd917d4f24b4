"""Text dumps of news pages (what a crawler gives as a page's visible text): which lines are the article.

The dump has no markup, so every line is judged by what it looks like and where it sits:
  1. units: lines (hard-wrapped paragraphs are rejoined), each with length, stop-word density,
     final punctuation, title-case ratio and the chrome cue it matches (data/page/cues.txt);
  2. prose class, jusText style: good / near / short / bad, then short and near lines take the class
     of their neighbours (a short line between two paragraphs is a paragraph too);
  3. zones, a state machine over the page: a "Related articles" heading starts a list of links, a comment
     counter ("3 comments") followed by a commenter line starts the comments, "Leave a comment" ends them;
  4. the body is the run of lines with the most prose and the least chrome (maximum-sum segment),
     the headline is the title-like line just above it, the date the one written near the headline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from whowhom.page.article import Article, Part
from whowhom.page.dates import find_date

NEAR_ANCHOR = 15        # the article starts within this many lines of the line repeating the <title>
MAX_CUE_WORDS = 20      # a cue phrase in a longer line is prose that mentions it, not chrome
WORD = re.compile(r"\w+")
END_PUNCT = tuple(".!?…:;\"”’')»")
TIME = re.compile(r"\b\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?\b|\b\d+\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b|\b(yesterday|today)\b", re.I)
SAYS = re.compile(r"\s*(says|said|wrote|writes|commented)\s*:?\s*$", re.I)
SMALL_COMMENT_CHROME = re.compile(r"^(reply|report|like|likes|flag|quote|share|permalink|edit|delete|\d+ likes?|log in to reply|reply to this comment|\W+)$", re.I)


@dataclass
class Unit:
    text: str
    words: int
    stop: float            # share of words that are stop words of the page's language
    titleish: bool         # looks like a headline or a link: capitalised words, no full stop
    namelike: bool         # 1-4 capitalised words: a person or an outlet
    cue: str | None        # chrome label from cues.txt
    cls: str = "bad"       # good / near / short / bad
    zone: str = "page"     # page / related / comments / after
    label: str | None = None


@dataclass
class Comment:
    author: str | None = None
    time: str | None = None
    texts: list[str] = field(default_factory=list)


def extract_text(doc_id: str, text: str, date: str | None = None, url: str | None = None) -> Article:
    units = make_units(text)
    if not units:
        return Article(id=doc_id, title=None, date=date, author=None, body="", url=url)
    classify(units)
    comments = zones(units)
    start, end = body_segment(units)
    head = headline(units, start)
    section = _section(units, head)
    for i, u in enumerate(units):
        u.label = "section" if i == section else _label(u, i, start, end, head)
    _repeats(units)
    author, page_date = _byline_and_date(units, head, start)
    parts = _parts(units, comments)
    body = "\n\n".join(u.text for u in units if u.label == "body")
    return Article(id=doc_id, title=units[head].text if head is not None else None,
                   date=date or page_date, author=author, body=body, parts=parts, url=url)


# --- 1. units -----------------------------------------------------------------------------------

def make_units(text: str) -> list[Unit]:
    lines = [re.sub(r"[ \t\u00a0\u200b\u2009\u202f]+", " ", ln).strip() for ln in text.replace("\r", "").split("\n")]
    joined: list[str] = []
    prev_blank = True
    for ln in lines:
        if not ln:
            prev_blank = True
            continue
        # A hard-wrapped paragraph: the line before stops mid-sentence and this one goes on in lower case.
        if joined and not prev_blank and len(joined[-1]) >= 40 and not joined[-1].endswith(END_PUNCT) and ln[:1].islower():
            joined[-1] += " " + ln
        else:
            joined.append(ln)
        prev_blank = False
    stops = stoplist_for(" ".join(joined))
    return [_unit(t, stops) for t in joined]


def _unit(text: str, stops: frozenset) -> Unit:
    words = WORD.findall(text)
    n = len(words)
    stop = sum(1 for w in words if w.lower() in stops) / n if n else 0.0
    content = [w for w in words if w.lower() not in stops and not w.isdigit()]
    caps = sum(1 for w in content if w[:1].isupper()) / len(content) if content else 0.0
    ends = text.endswith(tuple(".!:;…"))
    titleish = 2 <= n <= 30 and not ends and caps >= 0.6
    namelike = 1 <= n <= 4 and not ends and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)
    return Unit(text=text, words=n, stop=stop, titleish=titleish, namelike=namelike, cue=cue_of(text, n))


@lru_cache(maxsize=1)
def _cues() -> list[tuple[str, bool, re.Pattern]]:
    out = []
    data = resources.files("whowhom").joinpath("data", "page", "cues.txt").read_text(encoding="utf-8")
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, rx = line.split("\t", 1)
        out.append((label.rstrip("!"), label.endswith("!"), re.compile(rx, re.I)))
    return out


def cue_of(text: str, words: int) -> str | None:
    for label, anywhere, rx in _cues():
        if (anywhere or words <= MAX_CUE_WORDS) and rx.search(text):
            if label == "byline" and not _byline_ok(text):
                continue
            return label
    if words <= 8 and (d := find_date(text)) and d[2] - d[1] >= len(text) * 0.5:
        return "date"
    return None


def _byline_ok(text: str) -> bool:
    # "By John Smith" yes, "By contrast the talks failed" no: the name after "by" is capitalised.
    rest = re.sub(r"^\W*(\w+\s+){0,1}by\b\s*:?\s*|^\w+\s*:\s*", "", text, flags=re.I)
    return bool(rest) and rest[:1].isupper() or bool(find_date(text))


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset]:
    try:
        import justext  # a trafilatura dependency; its stop-word lists cover about 100 languages
        return {lang: frozenset(justext.get_stoplist(lang)) for lang in justext.get_stoplists()}
    except Exception:
        words = resources.files("whowhom").joinpath("data", "page", "stopwords-en.txt").read_text(encoding="utf-8")
        return {"English": frozenset(w for w in words.split() if not w.startswith("#"))}


def stoplist_for(text: str) -> frozenset:
    """The stop-word list that covers most of the page's words: the page's language, in effect."""
    counts = Counter(w.lower() for w in WORD.findall(text))
    lists = _stoplists()
    if "English" in lists:
        lists = {"English": lists["English"], **lists}  # ties go to English
    return max(lists.values(), key=lambda sl: sum(c for w, c in counts.items() if w in sl))


# --- 2. prose classes ---------------------------------------------------------------------------

def classify(units: list[Unit]) -> None:
    for u in units:
        chars = len(u.text)
        if u.cue:
            u.cls = "bad"
        elif chars < 70 or u.words < 6:
            u.cls = "short"
        elif u.titleish and chars < 160:
            u.cls = "bad"  # a headline of another story, a menu entry
        elif u.stop >= 0.32 and chars >= 120:
            u.cls = "good"
        elif u.stop >= 0.25 or (u.stop >= 0.12 and chars >= 100 and u.words >= 15 and u.text.endswith(END_PUNCT)):
            # Dense news prose full of names (actors, places) has few stop words but reads as sentences.
            u.cls = "near"
        else:
            u.cls = "bad"
    first = [u.cls for u in units]
    for i, u in enumerate(units):
        if first[i] == "near":
            u.cls = "bad" if _neighbour(first, i, -1) == "bad" and _neighbour(first, i, 1) == "bad" else "good"
    second = [u.cls for u in units]
    for i, u in enumerate(units):
        if second[i] == "short":
            before, after = _neighbour(second, i, -1), _neighbour(second, i, 1)
            # A short line inside the text (a one-line paragraph, a subheading) is text; among links it is not.
            ok = before == after == "good" and not u.namelike and u.words >= 3
            ok = ok or (before == "good" and after == "good" and u.text.endswith(END_PUNCT))
            u.cls = "good" if ok else "bad"


def _neighbour(classes: list[str], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(classes):
        if classes[j] != "short":
            return "bad" if classes[j] == "bad" else "good"
        j += step
    return "bad"


# --- 3. zones: related links, comments ----------------------------------------------------------

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


# --- 4. body, headline, byline, date ------------------------------------------------------------

def body_segment(units: list[Unit]) -> tuple[int, int]:
    """The run of units [start, end) with the most prose weight; chrome and links weigh against it.

    Dumps often open with the page's <title>; the article starts below the line repeating it, so a run
    found there is preferred to a longer one elsewhere (a footer full of legal prose, say).
    """
    weights = [_weight(u) for u in units]
    span, score = _max_run(weights, 0)
    anchor = title_anchor(units)
    if anchor is not None and not (anchor < span[0] <= anchor + NEAR_ANCHOR):
        near, near_score = _max_run(weights, anchor + 1, anchor + 1 + NEAR_ANCHOR)
        if near_score >= 0.3 * score:
            span, score = near, near_score
    if score <= 0:
        # No prose at all (a table of results, a list): take the longest run of plain lines instead.
        span, score = _max_run([_weight(u, plain=True) for u in units], (anchor or -1) + 1)
        for u in units[span[0]:span[1]]:
            if _weight(u, plain=True) > 0:
                u.cls = "good"
    return span


def _weight(u: Unit, plain: bool = False) -> float:
    if u.zone in ("comments", "after"):
        return -1e9  # never cross into the comments
    if u.cls == "good" and not u.cue and u.zone == "page":
        return len(u.text)
    if plain and not u.cue and u.zone == "page" and u.words >= 3:
        return len(u.text)
    return -(len(u.text) * 0.5 + 25)


def _max_run(weights: list[float], lo: int, last_start: int | None = None) -> tuple[tuple[int, int], float]:
    """Maximum-sum run of weights[lo:], starting no later than last_start when given."""
    best, span, total, start = 0.0, (lo, lo), 0.0, lo
    for i in range(lo, len(weights)):
        if total <= 0:
            if last_start is not None and i > last_start:
                break
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, span = total, (start, i + 1)
    return span, best


def title_anchor(units: list[Unit]) -> int | None:
    """The first line after the top that repeats the dump's first line (the page's <title>), if any."""
    first = _norm(units[0].text) if units else ""
    for i in range(1, len(units) // 2 + 1):
        t = _norm(units[i].text)
        if units[i].words >= 3 and t in first and len(t) >= 0.4 * len(first) and not units[i].cue:
            return i
    return None


def headline(units: list[Unit], start: int) -> int | None:
    if start <= 0:
        return None
    # The page's <title> often opens a dump ("Headline | Site"); the line repeating it is the headline.
    first = _norm(units[0].text)
    for i in range(start - 1, 0, -1):
        t = _norm(units[i].text)
        if units[i].words >= 3 and t and t in first and not units[i].cue:
            return i
    for i in range(start - 1, max(-1, start - 12), -1):
        u = units[i]
        if u.cue or u.text.endswith((".", "…")) or u.words < 3 or u.namelike or u.zone != "page":
            continue
        if u.words <= 30:
            return i
    return None


def _label(u: Unit, i: int, start: int, end: int, head: int | None) -> str:
    if u.label:  # set by the comment reader
        return u.label
    if i == head:
        return "headline"
    if start <= i < end and u.cls == "good" and not u.cue and u.zone == "page":
        return "body"
    cue = {"related_line": "related", "comments": "comment_meta", "comments_end": "comment_meta",
           "footer": "boilerplate"}.get(u.cue, u.cue)
    if cue:
        return cue
    if u.zone == "related":
        return "related"
    if u.zone in ("comments", "after"):
        return "comment_meta" if u.zone == "comments" else "boilerplate"
    if head is not None and i < head or head is None and i < start:
        return "navigation"
    return "boilerplate"


def _repeats(units: list[Unit]) -> None:
    """A body unit that repeats the body above it, a paragraph again or two and more paragraphs run together
    (dumps of pages that carry the text twice), is not body. (A short line may recur in an article: "See it
    now: Amazon" under each product of a list.)"""
    seen: list[str] = []  # the paragraphs above
    for u in units:
        if u.label != "body" or u.words < 15:
            continue
        text = " ".join(u.text.split())
        if text in seen or sum(p in text for p in seen) >= 2:
            u.label = "boilerplate"
        else:
            seen.append(text)


def _section(units: list[Unit], head: int | None) -> int | None:
    """A short label just above the headline ("Eastern Europe", "World News"), dates and bylines between."""
    i = (head or 0) - 1
    while i >= 0 and units[i].cue in ("date", "byline"):
        i -= 1
    if head is not None and i >= 0 and not units[i].cue and units[i].words <= 3 and (units[i].titleish or units[i].namelike):
        return i
    return None


def _byline_and_date(units: list[Unit], head: int | None, start: int) -> tuple[str | None, str | None]:
    lo = max(0, (head if head is not None else start) - 3)
    author = date = None
    for i in range(lo, min(len(units), start + 3)):
        u = units[i]
        if u.label in ("body", "comment", "comment_meta") and u.words > 20:
            continue
        if u.zone != "page" or (u.label == "body" and u.words > 20):
            continue
        if date is None and (found := find_date(u.text)):
            date = found[0]
            if u.label in ("boilerplate", "navigation", "section"):
                u.label = "date"
        if author is None and u.cue == "byline":
            author = _author_from(u.text)
        if u.label == "byline" and not _author_from(u.text) and find_date(u.text):
            u.label = "date"  # "Published 6 March 2021": a date line, no name in it
    return author, date


def _author_from(text: str) -> str | None:
    m = re.search(r"(?:^|\b)(?:author\s*:|by\b\s*:?)\s*(.+)$", text, re.I)
    if not m or not m.group(1)[:1].isupper():
        return None
    name = re.split(r"\s+[|•·–—-]\s+|,\s*|\s+(?:on|at|in|for)\s+|\s+(?=\d)", m.group(1))[0]
    date = find_date(name)
    name = name[:date[1]] if date else name
    return name.strip(" |•·-–—,") or None


def _parts(units: list[Unit], comments: list[tuple[int, Comment]]) -> list[Part]:
    parts: list[Part] = []
    first_of = {i: c for i, c in comments}
    for i, u in enumerate(units):
        if u.label == "comment":  # a comment's text lines become one part, at its first line
            if i in first_of:
                c = first_of[i]
                parts.append(Part("comment", "\n\n".join(c.texts), author=c.author, time=c.time))
            continue
        if u.label == "comment_meta" and i in first_of:
            c = first_of[i]
            parts.append(Part("comment_meta", u.text, author=c.author, time=c.time))
            if c.texts:
                parts.append(Part("comment", "\n\n".join(c.texts), author=c.author, time=c.time))
            continue
        if u.label != "body":
            parts.append(Part(u.label or "boilerplate", u.text))
    return parts


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))
