"""Pronouns that stand for a country, an organisation or a group named in an earlier sentence: "Israel
sealed the crossing. It said ...", "The rebels denied the charge. They said ...". The antecedent is the
latest such actor that was the subject of a clause in the two sentences before, agreeing in number: "it"
for a country, an organisation or a singular body ("the ministry"), "they" for a plural one ("rebels",
"the Tigers") or for two actors joined by "and". Within its own sentence the coder reads a pronoun from
the parse ("Israel said it would ...")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from whowhom.actors.mention import ActorMention

GROUP_KINDS = {"country", "capital", "metonym", "org", "group", "armed", "media", "sector", "demonym"}
SINGULAR = {"it"}
PLURAL = {"they"}
POSSESSIVE = {"its": "singular", "their": "plural"}
REACH = 2  # sentences back
# Verbs with which "it" is only a placeholder: "it is clear that", "it remains to be seen", "it took".
EMPTY = {"be", "seem", "appear", "remain", "take", "matter", "happen", "rain", "mean", "make"}


def resolve(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions with one added for each "it" or "they", as a clause's subject, that stands for a
    country, organisation or group named as a clause's subject shortly before (as an object, "it" is
    mostly a thing: "withholding it")."""
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    sent_of = {i: n for n, s in enumerate(doc.sents) for i in range(s.start, s.end)}
    subjects = [(sent_of[m.head], m) for m in mentions if m.code and m.kind in GROUP_KINDS and m.head in sent_of
                and named_as_subject(doc[m.head])]
    added = []
    for tok in doc:
        low = tok.lower_
        if tok.i in at or tok.dep_ not in ("nsubj", "nsubjpass") or low not in SINGULAR | PLURAL or _placeholder(tok):
            continue
        n = sent_of.get(tok.i)
        if any(s == n and m.head < tok.i for s, m in subjects) or _person_subject_before(doc, tok):
            continue  # ("The EU reiterated it ...", "Erekat said they ...": the coder reads its own sentence)
        # (in its own sentence the coder reads it from the parse: "Israel said it would ...")
        before = [m for s, m in subjects if m.head < tok.i and 0 < n - s <= REACH
                  and _number(doc, m) == ("plural" if low in PLURAL else "singular")]
        if before:
            m = before[-1]
            added.append(ActorMention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, m.code,
                                      m.country, m.sector, "pronoun", tok.i, m.cameo, m.name))
    mentions = _owned(doc, mentions, subjects, sent_of)
    return sorted(mentions + added, key=lambda m: (m.start_char, m.end_char)) if added else mentions


def _owned(doc: Doc, mentions: list[ActorMention], subjects, sent_of) -> list[ActorMention]:
    """"China rejected the idea. Its spokesperson said ...": a sector that "its" or "their" owns, which
    its own words give no country, is of the country the pronoun stands for (the latest subject of the
    number before it, in its sentence or the two before), not of the one the story is set in."""
    out = []
    for m in mentions:
        head = doc[m.head]
        own = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE), None)
        if own is not None and m.sector and (m.country is None or m.inferred) and m.code[-3:] == m.sector:
            n = sent_of.get(own.i)
            before = [a for s, a in subjects if a.head < own.i and 0 <= n - s <= REACH and a.country
                      and _number(doc, a) == POSSESSIVE[own.lower_]]
            if before and before[-1].country != m.country:
                country = before[-1].country
                m = replace(m, code=country + m.sector, country=country, cameo=country + m.sector, inferred=True)
        out.append(m)
    return out


def named_as_subject(tok: Token) -> bool:
    """Whether a mention's word is (in) the subject of a clause, or one of coordinated subjects."""
    while tok.dep_ in ("compound", "amod", "flat", "poss") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass")


def _number(doc: Doc, m: ActorMention) -> str:
    head = doc[m.head]
    if head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children) or head.dep_ == "conj":
        return "plural"
    return "singular"


def _placeholder(tok: Token) -> bool:
    """"It is clear that ...", "it was agreed": an "it" that stands for nothing."""
    head = tok.head
    return tok.lower_ == "it" and (head.lemma_.lower() in EMPTY or any(c.dep_ == "auxpass" for c in head.children)
                                   or any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i
                                          for c in head.children if head.pos_ == "AUX"))


def _person_subject_before(doc: Doc, tok: Token) -> bool:
    """Whether the pronoun's sentence has a subject naming someone before it (the speaker whose side
    "they" may be)."""
    sent = tok.sent
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.i < tok.i and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN")
               for t in sent)
