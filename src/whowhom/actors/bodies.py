"""Short references to an organisation, a group or a state body named earlier in the article, as a reader
resolves them: "the Council" after "the UN Security Council", "the Tigers" after "Tamil Tiger fighters", "the
ministry" after "Russia's foreign ministry", "the NPA" after "the National Prosecuting Authority", and "the
group" for the group named last. A person's surname is actors/article.py's business; this is the same for
bodies. Only backwards: a reference takes the latest body named before it in the article."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from whowhom.actors.context import SECTORS
from whowhom.actors.groups import named_as_subject
from whowhom.actors.mention import ActorMention

KINDS = {"org", "group", "armed", "sector", "media"}
GROUP_SECTORS = {"REB", "UAF", "NGO", "OPP", "PTY", "IGO"}
# Words that stand for the group or organisation named last, whatever it is called.
GENERIC = {"group", "organisation", "organization", "movement", "militia", "faction"}
GENERIC_REACH = 3  # sentences back
DETERMINERS = {"the", "this", "that"}


@dataclass
class Body:
    mention: ActorMention
    names: frozenset[str]  # lemmas a short reference may use: the head noun's, the last capitalised word's
    initials: str          # "NPA" for "National Prosecuting Authority"
    words: tuple[str, ...]  # its name's capitalised words, lower-cased ("sea", "shepherd", "conservation", ...)
    sentence: int
    subject: bool          # named as a clause's subject (whom "the group" most likely means)


def _capitalised(doc: Doc, m: ActorMention) -> list[Token]:
    """The capitalised words of a mention's phrase up to its head ("Tamil Tiger fighters": Tamil, Tiger)."""
    head = doc[m.head]
    lo = min(m.start, head.left_edge.i)
    return [t for t in doc[lo:max(m.end, head.i + 1)] if t.is_alpha and t.text[:1].isupper()
            and t.lower_ not in DETERMINERS and t.i != t.sent.start]


def _word(tok: Token) -> str:
    """A word as a reference may repeat it, in the singular ("the Tigers" for "Tiger")."""
    w = tok.lemma_.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _body(doc: Doc, m: ActorMention, sentence: int) -> Body | None:
    """A coded body of an earlier sentence, with the words that may name it again; None for countries,
    people and bare sectors (which have no name to be called by)."""
    if not m.code or m.kind not in KINDS:
        return None
    caps = _capitalised(doc, m)
    initials = "".join(t.text[0] for t in caps) if len(caps) > 1 else ""
    if (m.code in SECTORS or m.inferred) and not initials:
        return None  # ("officials": no name to be called by; "the National Prosecuting Authority" has one)
    names = {_word(doc[m.head])} | ({_word(caps[-1])} if caps else set())
    return Body(m, frozenset(names), initials, tuple(t.lower_ for t in caps), sentence, named_as_subject(doc[m.head]))


def _reference(tok: Token) -> str | None:
    """How a word may refer back to a body: "head" ("the Council", "the ministry"), "acronym" ("the NPA",
    "NPA"), "generic" ("the group"), "short" (the first words of its name: "Sea Shepherd" after "the Sea
    Shepherd Conservation Society"); None where it is no such reference."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
        return None
    if len(_short_name(tok)) >= 2:
        return "short"
    det = [c for c in tok.children if c.dep_ == "det"]
    definite = len(det) == 1 and det[0].lower_ in DETERMINERS and det[0].i == tok.i - 1
    if tok.is_upper and len(tok.text) >= 2 and tok.is_alpha:
        return "acronym"
    if not definite or any(c.dep_ in ("amod", "compound", "poss", "nummod") or c.dep_ == "prep" and c.lower_ == "of"
                           for c in tok.children):
        return None  # ("the Afghan government", "the two groups", "the president of X": a phrase of its own)
    return "generic" if tok.lemma_.lower() in GENERIC and tok.tag_ == "NN" else "head"


def resolve(doc: Doc, mentions: list[ActorMention], register: list[Body], first_sentence: int = 0) -> list[ActorMention]:
    """The mentions with the short references of each sentence resolved to the bodies named before (a bare
    sector replaced, an uncoded phrase added); the sentence's own bodies then join the `register`."""
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    replaced: dict[int, ActorMention] = {}
    added: list[ActorMention] = []
    for n, sent in enumerate(doc.sents, first_sentence):
        for tok in sent:
            m = at.get(tok.i)
            if m is not None and not (m.head == tok.i and m.end - m.start <= 2 and (m.code in SECTORS or m.inferred)):
                continue  # (named already; only a bare sector, "the ministry", is read again)
            how = _reference(tok)
            body = _find(tok, how, register, n) if how else None
            if body is None:
                continue
            b = body.mention
            if m is not None:
                if b.sector != m.sector:
                    continue
                replaced[m.start] = replace(m, code=b.code, country=b.country, cameo=b.cameo, name=b.name,
                                            inferred=b.inferred)
            else:
                start = _short_name(tok)[0].i if how == "short" else \
                    tok.i - 1 if how != "acronym" or (tok.i and doc[tok.i - 1].lower_ in DETERMINERS) else tok.i
                span = doc[start:tok.i + 1]
                added.append(ActorMention(start, tok.i + 1, span.start_char, span.end_char, span.text, b.code,
                                          b.country, b.sector, b.kind, tok.i, b.cameo, b.name))
        for m in mentions:
            if m.head in range(sent.start, sent.end) and (body := _body(doc, replaced.get(m.start, m), n)):
                register.append(body)
    if not replaced and not added:
        return mentions
    out = [replaced.get(m.start, m) for m in mentions] + added
    return sorted(out, key=lambda m: (m.start_char, m.end_char))


def _short_name(tok: Token) -> list[Token]:
    """A proper name ending at tok: its capitalised compounds and tok ("Sea Shepherd")."""
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in words) \
            or words[0].i + len(words) - 1 != tok.i:
        return []
    return words


def _find(tok: Token, how: str, register: list[Body], sentence: int) -> Body | None:
    word = _word(tok)
    if how == "short":
        short = tuple(t.lower_ for t in _short_name(tok))
        # (an organisation's: "Home Depot" is not the union named "Home Depot ... Union")
        return next((b for b in reversed(register) if len(b.words) > len(short) and b.words[:len(short)] == short
                     and b.mention.kind in ("org", "group", "armed")), None)
    if how == "generic":  # (the group that acted last, else the one named last)
        register = sorted(register, key=lambda b: b.subject)
    for body in reversed(register):
        if how == "acronym" and body.initials == tok.text:
            return body
        if how == "head" and word in body.names and (tok.text[:1].isupper() or body.mention.sector):
            return body  # (a capitalised name, "the Council"; or a state body, "the ministry")
        if how == "generic" and 0 <= sentence - body.sentence <= GENERIC_REACH \
                and (body.mention.kind in ("org", "group", "armed") or body.mention.sector in GROUP_SECTORS):
            return body
    return None
