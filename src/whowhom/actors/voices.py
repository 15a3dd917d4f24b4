"""Who speaks in quoted words: "I" and "we" inside a quotation stand for the one quoted.

"'We will defend ourselves,' Hamas said": we is Hamas. News runs a quotation over several sentences with
the attribution in one of them ('"S1. S2," X said', 'X said: "S1. S2."'), and goes on quoting the same
speaker in the next sentences and paragraphs with no attribution at all ('"S1," he said. "S2."'; a
quotation of several paragraphs opens each with a quotation mark and closes only the last). A reader takes
every first person there for the speaker; so does this, as long as nothing but quotations comes between.
The speaker is the coded subject of a verb of saying outside the quotation marks, in a sentence the
quotation runs through."""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span, Token

from whowhom.actors.mention import ActorMention
from whowhom.nlp import words_of

OPENING = {"“", "«", "``"}
CLOSING = {"”", "»", "''"}
EITHER = {'"'}  # a straight mark opens or closes by turns
# Only the subject: "we" acted. ("Asked Wen to play with me", "imposed on us": the speaker is rarely the
# other side of an act the quotation reports.)
FIRST_PERSON = {"i", "we"}
# Verbs of saying whose object is the one spoken to, whom "you" in the quotation stands for.
ADDRESSING = {"tell", "ask", "urge", "warn", "assure", "answer"}
SAYING = {"say", "tell", "add", "state", "declare", "insist", "stress", "explain", "argue", "write", "tweet",
          "warn", "vow", "pledge", "promise", "reply", "respond", "answer", "continue", "ask", "urge",
          "announce", "claim", "note", "comment", "acknowledge", "admit", "recall", "assert", "quote",
          "emphasize", "emphasise", "maintain", "predict", "complain", "charge", "accuse", "deny"}


def quoted(doc: Doc) -> dict[int, int]:
    """Each token inside quotation marks, with the number of its quotation (0, 1, ...). A quotation ends
    at its closing mark or at the end of its paragraph."""
    out: dict[int, int] = {}
    inside, n = False, -1
    space = doc.to_array(IS_SPACE).tolist()
    for i, word in enumerate(words_of(doc)):
        if space[i] and "\n" in word:
            inside = False
        elif word in OPENING or (word in EITHER and not inside):
            inside, n = True, n + 1
        elif word in CLOSING or word in EITHER:
            inside = False
        elif inside:
            out[i] = n
    return out


def _speaker(sent: Span, inside: dict[int, int], at: dict[int, ActorMention]) -> tuple | None:
    """The coded subject of a verb of saying outside the quotation marks ("..., Watson told AAP"; "Japanese
    officials quoted Fukuda as saying": Fukuda), with whom it was told to where named ("he told Abbas"):
    the "you" of the quotation."""
    for verb in sent:
        if verb.i in inside or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in SAYING:
            continue
        if verb.lemma_.lower() == "quote" and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            who = next((c for c in verb.children if c.dep_ == "dobj"), None)
        else:
            who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        m = at.get(who.i) if who is not None and who.i not in inside else None
        if m is not None and m.code:
            told = next((at.get(c.i) for c in verb.children if c.dep_ in ("dobj", "dative") and c.i not in inside
                         and verb.lemma_.lower() in ADDRESSING), None)
            return m, (told if told is not None and told.code and told.code != m.code else None)
    return None


def _speakers(doc: Doc, inside: dict[int, int], at: dict[int, ActorMention]) -> tuple[list, dict[int, tuple]]:
    """The sentences with the quotations each runs through, and each quotation's (speaker, addressee): those
    a sentence it runs through names, else those of the quotation before, where only quotations came
    between."""
    sents = [(sent, sorted({inside[i] for i in range(sent.start, sent.end) if i in inside})) for sent in doc.sents]
    own: dict[int, tuple] = {}
    for sent, runs in sents:
        who = _speaker(sent, inside, at) if runs else None
        for q in runs:
            if who is not None:
                own.setdefault(q, who)
    speakers: dict[int, tuple] = {}
    previous = None
    for sent, runs in sents:
        for q in runs:
            if q not in speakers and (found := own.get(q, previous)) is not None:
                speakers[q] = found
        # (narrative between two quotations: the second needs its own speaker)
        if any(t.is_alpha for t in sent):
            previous = speakers.get(runs[-1]) if runs else None
    return sents, speakers


def _read(doc: Doc, mentions: list[ActorMention], inside: dict[int, int] | None = None):
    """(quoted tokens, mentions by token, sentences with their quotations, speakers), or None where nothing
    is quoted; `inside` if the caller has read the quotation marks already (quoted())."""
    inside = quoted(doc) if inside is None else inside
    if not inside:
        return None
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    return (inside, at) + _speakers(doc, inside, at)


def resolve(doc: Doc, mentions: list[ActorMention], inside: dict[int, int] | None = None) -> list[ActorMention]:
    """The mentions with a mention added for "I" or "we" as a subject in a quotation whose speaker is known,
    and for "you" where the quotation was told to someone named (a quotation is read within the text
    given: a piece of a section starts afresh)."""
    read = _read(doc, mentions, inside)
    if read is None:
        return mentions
    inside, at, _, speakers = read
    added = []
    for tok in doc:
        q = inside.get(tok.i)
        if q is None or tok.i in at or tok.tag_ != "PRP" or q not in speakers:
            continue
        if tok.lower_ in FIRST_PERSON and tok.dep_.startswith("nsubj"):
            m = speakers[q][0]
        elif tok.lower_ == "you":
            m = speakers[q][1]
        else:
            continue
        if m is not None:
            added.append(replace(m, start=tok.i, end=tok.i + 1, start_char=tok.idx, end_char=tok.idx + len(tok),
                                 text=tok.text, head=tok.i, kind="voice"))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start_char, m.end_char))


def continued(doc: Doc, mentions: list[ActorMention]) -> dict[int, ActorMention]:
    """The sentences all in quotation marks, with no attribution of their own, whose speaker is known (by the
    index of their first token): what they say, that speaker says ('"S1," he said. "S2."')."""
    read = _read(doc, mentions)
    if read is None:
        return {}
    inside, _, sents, speakers = read
    out = {}
    for sent, runs in sents:
        words = [t for t in sent if t.is_alpha]
        if len(runs) == 1 and runs[0] in speakers and words and all(t.i in inside for t in words):
            out[sent.start] = speakers[runs[0]][0]
    return out


# The most words a headline's closing attribution takes ("Extremists must not kill democracy: UK's Brown")
TAIL_WORDS = 5


def headline_speaker(doc: Doc, mentions: list[ActorMention]) -> tuple[int, ActorMention] | None:
    """A headline that ends with a colon and the one who said it ("Iran will not bow to pressure: Ahmadinejad",
    "Impeachment sham debunked: White House") is that one's word, as '"...," X said' is: (the colon's token
    index, the speaker), or None. The words after the colon must all be coded names (one of them the speaker,
    the last: "UK's Brown"), and something must come before it."""
    colon = next((t.i for t in reversed(doc) if t.text == ":"), None)
    if colon is None or colon < 2:
        return None
    tail = [t for t in doc[colon + 1:] if not t.is_punct and not t.is_space and t.tag_ != "POS"]
    if not tail or len(tail) > TAIL_WORDS or any(t.is_alpha and t.is_lower for t in tail):
        return None
    named = [m for m in mentions if m.start > colon and m.code]
    covered = {i for m in named for i in range(m.start, m.end)}
    if not named or any(t.i not in covered for t in tail):
        return None
    return colon, max(named, key=lambda m: m.end)
