"""Text dumps of news pages (what a crawler gives as a page's visible text): which lines are the article.

The dump has no markup, so every line is judged by what it looks like and where it sits:
  1. units (page/lines.py): lines (hard-wrapped paragraphs are rejoined), each with length, stop-word
     density, final punctuation, title-case ratio and the chrome cue it matches (data/page/cues.txt), and
     a prose class, jusText style (good / near / short / bad, short and near lines taking their neighbours');
  2. zones (page/threads.py), a state machine over the page: a "Related articles" heading starts a list of
     links, a comment heading with commenter lines below it starts the comments, and a thread without a
     heading is found by its shape (commenter lines alternating with prose);
  3. the rules' body is the run of lines with the most prose and the least chrome (maximum-sum segment),
     the headline the title-like line just above it (page/headline.py);
  4. the line model (page/linemodel.py), trained on pages people labelled, reads what the rules made of
     each line and its neighbours and has the last word on article, headline, comments and related links,
     within the rules' hard facts: a chrome cue is never article, a thread the rules found stays a thread,
     the article is one run of lines;
  5. the date is the one written near the headline or in the article's dateline; comments are grouped with
     their authors and times (page/threads.py).
"""

from __future__ import annotations

import numpy as np

from whowhom.page.article import Article
from whowhom.page.headline import byline_and_date, headline, section_label, title_anchor
from whowhom.page.linemodel import BODY, COMMENT, RELATED, LineModel, line_model
from whowhom.page.lines import CUE_LABEL, Unit, classify, make_units
from whowhom.page.threads import labelled_parts, zones

MIN_LINES = 6           # the line model reads whole pages; a record of a few paragraphs is left to the rules
NEAR_ANCHOR = 15        # the article starts within this many lines of the line repeating the <title>
MIN_HEADLINE = 0.1      # below this share of the headline choice no line of the page is its headline
SURE = 0.8              # P(article) of an article line outside the article's run that keeps it
CONTINUES = 0.4         # P(article) at which a rules' paragraph that continues the article stays article


def extract_text(doc_id: str, text: str, date: str | None = None, url: str | None = None,
                 model: LineModel | None = None) -> Article:
    """The Article of a text dump: the rules label every line, then the line model (the installed one
    unless `model` is given; none with WHOWHOM_PAGE_MODEL=off) has the last word."""
    units = make_units(text)
    if not units:
        return Article(id=doc_id, title=None, date=date, author=None, body="", url=url)
    start, end, head = rules(units)
    model = model or line_model()
    if model is not None and len(units) >= MIN_LINES:
        head = _relabel(units, *model.read(units, (start, end), head))
        start = next((i for i, u in enumerate(units) if u.label == "body"), start)
    section = section_label(units, head)
    if section is not None:
        units[section].label = "section"
    _repeats(units)
    author, page_date = byline_and_date(units, head, start)
    parts = labelled_parts(units)
    body = body_text(units)
    return Article(id=doc_id, title=units[head].text if head is not None else None,
                   date=date or page_date, author=author, body=body, parts=parts, url=url)


def body_text(units: list[Unit]) -> str:
    """The article's lines as paragraphs; a sentence that chrome cut in two ("the U.N.'s top representative
    here, Tom" / "Advertisement" / "Koenigs, said he ...") is one paragraph again."""
    paras: list[str] = []
    last = None
    for i, u in enumerate(units):
        if u.label != "body":
            continue
        # (only across the chrome: of two article lines in a row, the first may be a subhead or a caption)
        if last is not None and 2 <= i - last <= 3 and _cut(units[last].text) \
                and all(units[j].words <= CUT_GAP for j in range(last + 1, i)):
            paras[-1] += " " + u.text
        else:
            paras.append(u.text)
        last = i
    return "\n\n".join(paras)


CUT_GAP = 3  # words of a line of chrome (an ad label) inside a sentence


def _cut(text: str) -> bool:
    """A paragraph that stops mid-sentence: a long one ending in a word or a comma."""
    return len(text) >= 40 and (text[-1:].isalnum() or text.endswith(","))


def rules(units: list[Unit]) -> tuple[int, int, int | None]:
    """Label every unit by the rules; (start, end) of the body run and the headline's index."""
    classify(units)
    zones(units)
    start, end = body_segment(units)
    head = headline(units, start)
    for i, u in enumerate(units):
        u.label = _label(u, i, start, end, head)
    return start, end, head


def _relabel(units: list[Unit], p, headline_p) -> int | None:
    """The line model's classes over the rules' labels; returns the headline's index."""
    headline_p = np.where(p.argmax(1) == BODY, 0.0, headline_p)  # a line of the article is not its headline
    best = int(headline_p.argmax())
    confidence = headline_p[best] / headline_p.sum() if headline_p.sum() > 0 else 0.0
    last = None  # the label of the last line above without a chrome cue
    for i, (u, c) in enumerate(zip(units, p.argmax(1))):
        if u.zone == "comments" and i != best:
            continue  # a thread the rules found (a heading and commenter lines, or its shape) stays as they read it
        # An article paragraph by the rules that goes on from the article past an advertisement or a "story
        # continues below" line stays article unless the model is fairly sure it is not.
        continues = u.label == "body" and last == "body" and p[i, BODY] >= CONTINUES
        if (c == BODY or continues) and i != best and not u.cue and u.zone != "after":
            u.label = "body"  # (a chrome cue, or a line below the page's footer, is never article)
        elif c == COMMENT and i != best and u.cue in (None, "byline", "date"):
            u.label = "comment"  # (a commenter's line looks like a byline; "Add your comment" is chrome)
        elif c == RELATED:
            u.label = "related"
        elif u.label in ("body", "comment", "headline"):
            u.label = "boilerplate"  # the rules took it for article or comment, the model does not
        if not u.cue:
            last = u.label
    _one_run(units, p)
    if confidence < MIN_HEADLINE:
        return None
    units[best].label = "headline"
    return best


def _one_run(units: list[Unit], p) -> None:
    """An article is one run of lines: article lines outside the run with the most article weight (a slogan
    in an ad box, a teaser further down) are not article unless the model is sure of them."""
    weights = [max(p[i, BODY] - 0.5, 0.1) * len(u.text) if u.label == "body" else -10.0 if u.cue
               else -(len(u.text) * 0.5 + 25) for i, u in enumerate(units)]
    (start, end), _ = _max_run(weights, 0)
    for i, u in enumerate(units):
        if u.label == "body" and not start <= i < end and p[i, BODY] < SURE:
            u.label = "boilerplate"


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


def _label(u: Unit, i: int, start: int, end: int, head: int | None) -> str:
    if i == head:
        return "headline"
    if start <= i < end and u.cls == "good" and not u.cue and u.zone == "page":
        return "body"
    if u.zone == "comments" and u.cue in (None, "byline", "date", "image_credit"):
        return "comment"  # a commenter's name and time look like a byline
    cue = CUE_LABEL.get(u.cue, u.cue)
    if cue:
        return cue
    if u.zone == "related":
        return "related"
    if u.zone in ("comments", "after"):
        return "comment" if u.zone == "comments" else "boilerplate"
    if head is not None and i < head or head is None and i < start:
        return "navigation"
    return "boilerplate"


def _repeats(units: list[Unit]) -> None:
    """A body unit that repeats the body above it, a paragraph again or two and more paragraphs run together
    (dumps of pages that carry the text twice), is not body. (A short line may recur in an article: "See it
    now: Amazon" under each product of a list.)

    Linear in the page's size: each paragraph above is indexed by its first words, and a unit is scanned
    once, word by word, for paragraphs that start there (testing every paragraph above against every unit
    took hours on a 100 MB dump)."""
    seen: set[tuple[str, ...]] = set()  # the paragraphs above, as words
    starting: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # their first words -> them
    for u in units:
        if u.label != "body" or u.words < 15:
            continue
        words = tuple(u.text.split())
        if words in seen or _holds_two(words, starting):
            u.label = "boilerplate"
        else:
            seen.add(words)
            starting.setdefault(words[:_KEY], []).append(words)


_KEY = 8  # words a paragraph is indexed by (units checked have 15 and more)


def _holds_two(words: tuple[str, ...], starting: dict) -> bool:
    """Whether two or more of the indexed paragraphs occur in `words`."""
    found: set[tuple[str, ...]] = set()
    for i in range(len(words) - _KEY + 1):
        for para in starting.get(words[i:i + _KEY], ()):
            if para not in found and words[i:i + len(para)] == para:
                found.add(para)
                if len(found) >= 2:
                    return True
    return False
