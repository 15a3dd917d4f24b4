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

from whowhom.page.article import Article
from whowhom.page.headline import byline_and_date, headline, section_label, title_anchor
from whowhom.page.linemodel import BODY, COMMENT, HEADLINE, RELATED, LineModel, line_model
from whowhom.page.lines import CUE_LABEL, Unit, classify, make_units
from whowhom.page.threads import labelled_parts, zones

NEAR_ANCHOR = 15        # the article starts within this many lines of the line repeating the <title>
MIN_HEADLINE = 0.1      # below this probability no line of the page is its headline


def extract_text(doc_id: str, text: str, date: str | None = None, url: str | None = None,
                 model: LineModel | None = None) -> Article:
    """The Article of a text dump: the rules label every line, then the line model (the installed one
    unless `model` is given; none with WHOWHOM_PAGE_MODEL=off) has the last word."""
    units = make_units(text)
    if not units:
        return Article(id=doc_id, title=None, date=date, author=None, body="", url=url)
    start, end, head = rules(units)
    model = model or line_model()
    if model is not None:
        head = _relabel(units, model.probs(units, (start, end), head), head)
        start = next((i for i, u in enumerate(units) if u.label == "body"), start)
    section = section_label(units, head)
    if section is not None:
        units[section].label = "section"
    _repeats(units)
    author, page_date = byline_and_date(units, head, start)
    parts = labelled_parts(units)
    body = "\n\n".join(u.text for u in units if u.label == "body")
    return Article(id=doc_id, title=units[head].text if head is not None else None,
                   date=date or page_date, author=author, body=body, parts=parts, url=url)


def rules(units: list[Unit]) -> tuple[int, int, int | None]:
    """Label every unit by the rules; (start, end) of the body run and the headline's index."""
    classify(units)
    zones(units)
    start, end = body_segment(units)
    head = headline(units, start)
    for i, u in enumerate(units):
        u.label = _label(u, i, start, end, head)
    return start, end, head


def _relabel(units: list[Unit], p, head: int | None) -> int | None:
    """The line model's classes over the rules' labels; returns the headline's index."""
    best = int(p[:, HEADLINE].argmax())
    for i, (u, c) in enumerate(zip(units, p.argmax(1))):
        if c == BODY and i != best:
            u.label = "body"
        elif c == COMMENT:
            u.label = "comment"
        elif c == RELATED:
            u.label = "related"
        elif u.label in ("body", "comment", "headline"):
            u.label = "boilerplate"  # the rules took it for article or comment, the model does not
    if p[best, HEADLINE] < MIN_HEADLINE:
        return None
    units[best].label = "headline"
    return best


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
