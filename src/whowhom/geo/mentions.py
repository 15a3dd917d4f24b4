"""Place mentions in a parsed text: every capitalised run of words the gazetteer knows ("Aydin", "New South
Wales", "Turkish", "B.C."), including those inside a longer name ("Kentucky State Police", "the Pakistan
Army"), and the places the model's NER finds that the gazetteer does not know ("Kasba Bonli", "Royal
Street"), each with its candidates. Which candidate is meant, and whether a mention is a place at all, is
resolve.py's question; what a mention's words and entity label say is gathered here for it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from whowhom.geo.gazetteer import ADJECTIVE, Entry, Gazetteer, key
from whowhom.geo.notplace import groups, is_person, surnames
from whowhom.nlp import text_of

MAX_WORDS = 6
PLACE_LABELS = ("GPE", "LOC", "FAC")
# Words that may stand inside a place's name in lower case ("Bosnia and Herzegovina", "Rio de Janeiro")
JOINERS = {"and", "of", "de", "del", "da", "do", "dos", "la", "le", "les", "el", "al", "upon", "on", "the", "du",
           "des", "am", "an", "der", "y", "-", "'s", "’s"}
# A generic word that may follow (or open) the name of a place ("Idlib province", "the city of Homs"): the
# name alone is looked up; the word says what kind of place is meant.
KIND_WORDS = {"province": "region", "state": "region", "region": "region", "governorate": "region",
              "oblast": "region", "prefecture": "region", "territory": "region", "county": "district",
              "district": "district", "city": "city", "town": "city", "village": "city", "municipality": "city"}
LOCATIVE = {"in", "at", "near", "from", "to", "outside", "inside", "into", "across", "around", "via", "toward",
            "towards", "through", "throughout"}
# The last word of a building's or a street's name: such a name is a place whatever NER calls it
FACILITY = set("""street st. road avenue ave. lane boulevard square park bridge church cathedral chapel mosque
temple synagogue university college school academy hospital clinic centre center hall library museum
gallery station airport stadium arena market mall hotel inn tower palace castle estate plantation canal
racecourse embassy consulate prison""".split())
# A governor's title after a place's name: the place is a state or a province ("Former New York Gov. Mario Cuomo")
GOVERNED = {"gov", "governor", "lt"}
# Words of office and of public bodies that NER runs into a place's name ("US Rep. Smith", "Toronto Police")
TITLES = set("""president president-elect vice rep sen senator gov governor secretary minister ambassador mayor
attorney general prime premier chancellor police fire army navy coast guard department embassy court""".split())
# The last word of the name of a party or a league, which is of people, not of a place ("Liberal Democratic
# Party"; a court or a commission is often named for where it sits: "Venice Commission")
BODIES = {"party", "league", "front", "movement", "alliance", "democrats", "republicans"}
# Words of national office after which a capitalised word is a portfolio ("Justice Minister"; a town's
# offices are local: "Toronto Mayor", "Glasgow Police")
PORTFOLIO = {"minister", "ministry", "secretary", "department"}
LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass
class Mention:
    start: int                 # character offsets in the Doc's text
    end: int
    text: str
    candidates: list[tuple[Entry, str]]   # (entry, kind of name: gazetteer.NAME, ADJECTIVE, CODE, ...)
    label: str = ""            # the NER label of the entity it lies in ("" for none)
    whole: bool = False        # the mention is that entity, not a part of it
    proper: bool = False       # its words are tagged as proper nouns
    kind: str = ""             # what a generic word beside it says it is ("region" for "Idlib province")
    sent: int = 0              # the start of its sentence (characters)
    locative: bool = False     # "in", "at", "near", ... stands before it
    inside_run: bool = False   # a capitalised word of the same name stands right before it ("Louisiana Purchase")
    edge: bool = False         # it opens or closes a longer entity beside a title, a code or a dash ("US Rep.
                               # Smith", "New Brunswick RCMP", "Trump - Wisconsin"), or is in capitals ("Lazenby US")
    dateline: bool = False     # it lies in a dateline ("KABUL, Afghanistan (AP) -"): where the story was filed
    portfolio: bool = False    # a word of national office follows it ("Justice Minister")
    surname: bool = False      # it is the last name of a person the article names in full ("Silva" of "Mervyn Silva")
    body: bool = False         # it lies in the name of a group ("Liberal Democratic Party", "the Arab League"), or
                               # is a body's name after "the", no noun after it ("the Council said")


def find(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    ents = {}
    for e in doc.ents:
        for t in e:
            ents[t.i] = e
    out, taken = [], set()
    toks = list(doc)
    text = text_of(doc)
    i = 0
    while i < len(toks):
        m = _match_at(doc, text, toks, i, gaz, ents)
        if m is None:
            i += 1
            continue
        out.append(m[0])
        taken.update(range(i, m[1]))
        i = m[1]
    for e in doc.ents:  # the places NER finds that the gazetteer does not know
        if e.label_ in PLACE_LABELS and not any(t.i in taken for t in e):
            out.append(_unknown(e, gaz))
    people = surnames(doc)
    for m in out:
        m.surname = is_person(m.text, people)
    return sorted(out, key=lambda m: m.start)


def _capital(tok) -> bool:
    return tok.text[:1].isupper()


def _abbreviating(tok) -> bool:
    """The full stop of an abbreviation in capitals, which the tokenizer splits off ("ST. LOUIS", "FT. WORTH";
    "St." is one token)."""
    return tok.text == "." and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and tok.doc[tok.i - 1].is_upper \
        and len(tok.doc[tok.i - 1]) <= 3


def _match_at(doc, text, toks, i, gaz, ents):
    """The longest gazetteer name that starts at token i, as (Mention, end token)."""
    first = toks[i]
    if not _capital(first):
        return None
    top = min(len(toks), i + MAX_WORDS)
    for j in range(top, i, -1):
        last = toks[j - 1]
        if j - 1 > i and (not _capital(last) or last.is_sent_start
                          or any(t.is_space or t.is_sent_start or not (_capital(t) or t.lower_ in JOINERS
                                                                         or _abbreviating(t))
                                 for t in toks[i + 1:j - 1])):
            continue
        start, end = first.idx, last.idx + len(last.text)
        cands = gaz.lookup(text[start:end])
        if not cands and j == i + 1 and "-" in first.text[1:]:
            end = start + first.text.index("-", 1)  # "Turkish-backed", "U.S.-led"
            cands = gaz.lookup(text[start:end])
        if cands:
            m = _mention(doc, text, toks[i:j], start, end, cands, ents)
            if m.label == "NORP" and any(k == ADJECTIVE for _, k in cands):
                m.candidates = [(e, k) for e, k in cands if k == ADJECTIVE]  # "Canadian", not Canadian, Texas
            return m, j
    return None


def _mention(doc, text, toks, start, end, cands, ents) -> Mention:
    e = ents.get(toks[0].i)
    label = e.label_ if e is not None else ""
    m = Mention(start, end, text[start:end], cands, label, sent=doc[toks[0].i].sent.start_char)
    if e is not None:
        m.whole = LEADING.sub("", e.text) == m.text or e.text == m.text
    before = doc[toks[0].i - 1] if toks[0].i else None
    m.locative = before is not None and before.lower_ in LOCATIVE
    caps = sum(c.isalpha() for c in m.text) >= 2 and m.text.isupper()
    m.inside_run = (before is not None and _capital(before) and before.is_alpha and not before.is_sent_start
                    and before.whitespace_ == " " and not before.is_upper and before.lower_ not in ("the", "a", "an")
                    and not (caps and len(m.text) > 3))  # ("Associated Press WASHINGTON": a dateline after a byline)
    if e is not None and not m.whole:
        inner = [t for t in e if t.i < toks[0].i or t.i > toks[-1].i]
        side = (doc[toks[-1].i + 1] if toks[-1].i + 1 < e.end else None) if toks[0].i == e.start else \
            (doc[toks[0].i - 1] if toks[-1].i + 1 == e.end else None)
        m.edge = bool(inner) and (caps or side is not None and (
            side.lower_.rstrip(".") in TITLES or side.lower_ in KIND_WORDS or side.is_punct
            or side.is_upper and len(side.text) >= 2))
    m.proper = all(t.tag_ in ("NNP", "NNPS") or not t.is_alpha for t in toks)
    after = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    m.body = e is not None and e.label_ in ("ORG", "NORP") and (
        not m.whole and (e[-1].lower_ in BODIES or key(LEADING.sub("", e.text)) in groups())
        or m.whole and e.label_ == "ORG" and before is not None and before.lower_ == "the"
        and not (after is not None and after.tag_.startswith("NN")))  # (not "the Delft police station")
    m.portfolio = after is not None and after.lower_ in PORTFOLIO
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    prev = doc[toks[0].i - 2: toks[0].i] if toks[0].i >= 2 else None
    if nxt is not None and nxt.lower_ in KIND_WORDS:
        m.kind = KIND_WORDS[nxt.lower_]
    elif nxt is not None and nxt.lower_.rstrip(".") in GOVERNED:
        m.kind = "region"  # ("New York Gov. Andrew Cuomo": the state's governor, not the city's)
    elif prev is not None and prev[1].lower_ == "of" and prev[0].lower_ in KIND_WORDS:
        m.kind = KIND_WORDS[prev[0].lower_]
    return m


def _unknown(e, gaz) -> Mention:
    """An NER place the gazetteer has no name for as it stands; its name without a leading "the" and a
    trailing kind word ("Oaxaca State", "the Idlib countryside") may still be one."""
    text = LEADING.sub("", e.text)
    start = e.end_char - len(text)
    words = text.split()
    kind, cands = "", []
    if len(words) > 1 and words[-1].lower() in KIND_WORDS:
        kind = KIND_WORDS[words[-1].lower()]
        cands = gaz.lookup(" ".join(words[:-1]))
    m = Mention(start, e.end_char, text, cands, e.label_, whole=True, kind=kind, sent=e.sent.start_char)
    m.proper = any(t.tag_ in ("NNP", "NNPS") for t in e)
    return m


def uncovered(doc: Doc, kept, found: list[Mention]) -> list[tuple[int, Mention]]:
    """The places NER finds whose names the kept places do not cover ("Royal Street", of which only a
    village called Royal was a candidate; "Dubai World Trade Centre"), as mentions without candidates
    (index -1: no larger place written beside them)."""
    covered = {c for p in kept for c in range(p.start, p.end)}
    known = {(m.start, m.end) for m in found}
    out = []
    for e in doc.ents:
        text = LEADING.sub("", e.text)
        start = e.end_char - len(text)
        building = len(e) > 1 and e[-1].lower_ in FACILITY  # ("MetroHealth Medical Center", an ORG to NER)
        if (e.label_ in PLACE_LABELS or building) and (start, e.end_char) not in known and any(
                t.idx not in covered and t.text[:1].isupper() for t in e if t.idx >= start):
            out.append((-1, Mention(start, e.end_char, text, [], e.label_, whole=True, sent=e.sent.start_char)))
    return out


# Prepositions of place, and of motion (after which a name is a place less surely: "a letter from Smith")
SPATIAL = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within"}
MOTION = {"from", "to", "into", "via", "toward", "towards", "through", "of"}
# Words of a part of a land, in lower case before its name ("eastern Ghouta", "southern Idlib")
COMPASS = set("""north south east west northern southern eastern western central northeastern northwestern
southeastern southwestern north-eastern north-western south-eastern south-western midtown downtown""".split())
NOT_PLACES = {"PERSON", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE",
              "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}


def after_preposition(doc: Doc, kept, found: list[Mention]) -> list[tuple[int, Mention]]:
    """Names written where a place is ("at Eva's Village", "in Madinaty", "from Umemger village") that
    neither the gazetteer nor NER took for one: a run of proper nouns after a preposition of place (after
    one of motion only where NER calls it nothing else), not a person's possessive ("in Trump's ...")."""
    covered = {c for p in kept for c in range(p.start, p.end)} | {c for m in found for c in range(m.start, m.end)}
    out, i = [], 0
    while i < len(doc):
        t = doc[i]
        compass = t.text in COMPASS and i + 1 < len(doc) and _capital(doc[i + 1])  # ("of eastern Ghouta")
        if t.lower_ not in SPATIAL | MOTION and not compass or i + 1 >= len(doc):
            i += 1
            continue
        j = i + 1 + (doc[i + 1].lower_ == "the")
        j += j + 1 < len(doc) and doc[j].text in COMPASS  # ("in eastern Ghouta")
        k = j
        while k < len(doc) and (doc[k].tag_ in ("NNP", "NNPS") and _capital(doc[k])
                                or k > j and doc[k].lower_ in ("of", "and", "'s", "’s") and k + 1 < len(doc)
                                and doc[k + 1].tag_ in ("NNP", "NNPS")):
            k += 1
        if k == j or doc[k - 1].lower_ in ("'s", "’s") or (k < len(doc) and doc[k].lower_ in ("'s", "’s")):
            i = max(k, i + 1)
            continue
        span = doc[j:k]
        labels = {x.ent_type_ for x in span}
        if t.lower_ in SPATIAL or compass:  # (not "northern Democrats")
            ok = not labels & (NOT_PLACES | {"NORP"} if compass else NOT_PLACES)
        else:
            ok = labels <= {"", "GPE", "LOC", "FAC"}
        if ok and not any(c in covered for c in range(span.start_char, span.end_char)):
            out.append((-1, Mention(span.start_char, span.end_char, span.text, [], "", whole=True,
                                    sent=span.sent.start_char)))
        i = k
    return out


# A road's number ("the A417", "I-95") where a road is written: after "on", "via", ..., or before a word of roads
ROAD = re.compile(r"^(?:[AMB]\d{1,4}|I-\d{1,3})$")
ROAD_BEFORE = {"on", "onto", "off", "along", "via", "and", ","}
ROAD_AFTER = {"road", "motorway", "highway", "interstate", "southbound", "northbound", "eastbound", "westbound",
              "carriageway", "junction", "slip", "between", "heading", "near", "roundabout"}


def roads(doc: Doc, kept, found: list[Mention]) -> list[tuple[int, Mention]]:
    """Roads by their numbers ("a crash on the A120", "the A417 southbound"), as sites: the gazetteer has
    no roads, and NER calls them products or numbers."""
    covered = {c for p in kept for c in range(p.start, p.end)} | {c for m in found for c in range(m.start, m.end)}
    out, last = [], -9
    for t in doc:
        if not ROAD.match(t.text) or t.idx in covered:
            continue
        before = doc[t.i - 1].lower_ if t.i else ""
        before = doc[t.i - 2].lower_ if before == "the" and t.i >= 2 else before
        after = {x.lower_ for x in doc[t.i + 1:t.i + 3]}
        if before in ROAD_BEFORE and (before not in ("and", ",") or last >= t.i - 3) or after & ROAD_AFTER:
            out.append((-1, Mention(t.idx, t.idx + len(t), t.text, [], "", whole=True, sent=t.sent.start_char)))
            last = t.i
    return out
