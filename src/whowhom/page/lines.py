"""Lines of a text dump as units: the text (hard-wrapped paragraphs rejoined), its length, stop-word
density, final punctuation, title case and the chrome cue it matches (data/page/cues.txt); then its prose
class, jusText style: good / near / short / bad, short and near lines taking the class of their neighbours
(a short line between two paragraphs is a paragraph too)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from whowhom.page.dates import find_date

MAX_CUE_WORDS = 20      # a cue phrase in a longer line is prose that mentions it, not chrome
WORD = re.compile(r"\w+")
END_PUNCT = tuple(".!?…:;\"”’')»")
# The Part label of a line with a chrome cue, where it is not the cue's own name.
CUE_LABEL = {"related_line": "related", "comments": "comment_meta", "comments_end": "comment_meta",
             "footer": "boilerplate"}


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
    lists, languages = _stoplists(), _languages_of()
    scores: Counter = Counter()
    for w, c in Counter(w.lower() for w in WORD.findall(text)).items():
        for lang in languages.get(w, ()):
            scores[lang] += c
    if not scores:
        return lists.get("English") or next(iter(lists.values()))
    best = max(scores.values())
    # (ties go to English)
    return lists["English"] if scores.get("English") == best else lists[max(scores, key=scores.get)]


@lru_cache(maxsize=1)
def _languages_of() -> dict[str, tuple[str, ...]]:
    """For each stop word, the languages whose list has it."""
    out: dict[str, list[str]] = {}
    for lang, words in _stoplists().items():
        for w in words:
            out.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


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


def norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))
