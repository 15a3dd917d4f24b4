"""Context of the actor mentions of a sentence: a bare sector ("police", "the president") takes the country
the sentence gives it."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from whowhom.actors.mention import ActorMention


# CAMEO sector codes: a mention coded with one of them alone has no country yet. The faiths are sectors
# too: "Sunnis" in a story of Iraq are Iraq's, "Christians" with no country are no actor of their own.
SECTORS = {"GOV", "MIL", "COP", "SPY", "REB", "OPP", "CVL", "JUD", "MED", "EDU", "BUS", "LEG", "ELI", "LAB",
           "REF", "HLH", "CRM", "UAF", "IGO", "NGO", "AGR", "REL", "MOD", "RAD", "PTY", "MUS", "CHR", "JEW"}

STATE = {"GOV", "MIL", "COP", "SPY"}
# the sectors of private people and bodies (an expert, a firm, the press, a hospital)
PRIVATE = {"EDU", "BUS", "MED", "CVL", "HLH", "AGR"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
OWNERS = {"his", "her", "its", "their"}
# Kinds of mention that take no country from their sentence or story: an organisation of its own ("the Sea
# Shepherd Conservation Society"), forces called foreign ("coalition forces").
OWN_KIND = ("org", "foreign")


def placed(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """A sector with no country takes the country of its owner ("Abbas' government" -> PSEGOV once Abbas is
    known), or the one it is placed in, comes from, or is of: "police in Kabul" -> AFGCOP, "officials from the Russian foreign ministry" -> RUSGOV, "the president of Armenia" ->
    ARMGOV, "leaders of Romania's new government" -> ROUGOV."""
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        if m.country is None and m.code in SECTORS and m.kind != "foreign":
            # "Abbas' government", "his ministers": the owner's country (a person found in the article)
            owner = next((at[c.i] for c in doc[m.head].children if c.dep_ == "poss" and c.i in at
                          and at[c.i].country and at[c.i].kind in ("person", "pronoun", "leader", "country")), None) \
                or _owning_subject(doc, m, at)
            if owner is not None:
                out.append(replace(m, code=owner.country + m.code, country=owner.country,
                                   cameo=owner.country + m.code))
                continue
            # "Israeli tanks and helicopters": the modifier qualifies every state force of the coordination
            first = at.get(doc[m.head].head.i) if doc[m.head].dep_ == "conj" else None
            if first is not None and first.country and first.sector in STATE and m.code in STATE \
                    and first.start < doc[m.head].head.i:
                out.append(replace(m, code=first.country + m.code, country=first.country,
                                   cameo=first.country + m.code))
                continue
            # "a spokesman for the firm", "a spokeswoman for the ministry": whose voice they are
            body = next((at[p.i] for c in doc[m.head].children if c.dep_ == "prep" and c.lower_ == "for"
                         and doc[m.head].lemma_.lower() in SPOKESPEOPLE
                         for p in c.children if p.dep_ == "pobj" and p.i in at and at[p.i].code), None)
            if body is not None:
                out.append(replace(m, code=body.code, country=body.country, sector=body.sector, cameo=body.cameo))
                continue
            for prep in doc[m.head].children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
                    place = next((at[c.i] for c in prep.children if c.dep_ == "pobj" and c.i in at
                                  and at[c.i].country and (prep.lower_ in ("of", "from")
                                                           or at[c.i].kind in ("country", "capital", "city"))), None)
                    if place is None and prep.lower_ in ("from", "of"):
                        # "doctors from two American aid groups": the group's nationality
                        place = next((at[g.i] for c in prep.children if c.dep_ == "pobj" and c.i not in at
                                      for g in c.children if g.dep_ in ("amod", "compound") and g.i in at
                                      and at[g.i].country and at[g.i].kind in ("country", "demonym")), None)
                    if place is None and prep.lower_ == "of":
                        # "the president of Hamas' political bureau": the owner of the body named
                        place = next((at[g.i] for c in prep.children if c.dep_ == "pobj" and c.i not in at
                                      for g in c.children if g.dep_ == "poss" and g.i in at and at[g.i].country),
                                     None)
                    if place is not None and prep.lower_ == "of" and m.code == "GOV" and place.sector \
                            and place.sector != "GOV":
                        # "the leadership of the Police Service", "officials of the army": the body's people
                        m = replace(m, code=place.code, country=place.country, cameo=place.cameo,
                                    sector=place.sector)
                        break
                    if place is not None:
                        m = replace(m, code=place.country + m.code, country=place.country,
                                    cameo=place.country + m.code)
                        break
        out.append(m)
    return out


def _owning_subject(doc: Doc, m: ActorMention, at: dict[int, ActorMention]) -> ActorMention | None:
    """"Olmert sent a letter to his cabinet ministers": a possessive pronoun with no mention of its own (the
    register leaves a sentence's own pronouns to its parse) stands for the subject of its clause."""
    subj = owner_subject(doc[m.head], at)
    owner = at.get(subj.i) if subj is not None and subj.dep_ == "nsubj" else None
    return owner if owner is not None and owner is not m and owner.country else None


def owner_subject(head: Token, named) -> Token | None:
    """The subject of the clause of a phrase owned by a possessive pronoun that names no one itself (not in
    `named`, the tokens with mentions): whom "his", "its" or "their" stands for, as the parse reads it."""
    if not any(c.dep_ == "poss" and c.lower_ in OWNERS and c.i not in named for c in head.children):
        return None
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None


def domestic(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """In a sentence that names one country only, a sector with no country is that country's ("Kenya's
    anti-corruption body pressed the vice-president" -> the vice-president is KENGOV), as a human coder
    reads it."""
    out = []
    sents = list(doc.sents)
    for sent in sents:
        ms = [m for m in mentions if sent.start <= m.start < sent.end]
        # (a news agency says who reports, not whose the others are: "a lawmaker ... told Xinhua"; nor does
        # any private person or body: a Canadian expert makes no prosecutor Canadian)
        # (nor does a country only guessed for another: "aircraft fired at the gunmen")
        countries = {m.country for m in ms if m.country and m.sector not in PRIVATE and m.kind != "media"
                     and not m.inferred}
        for m in ms:
            if m.country is None and m.code in SECTORS and m.kind not in OWN_KIND and len(countries) == 1:
                c = next(iter(countries))
                m = replace(m, code=c + m.code, country=c, cameo=c + m.code, inferred=True)
            out.append(m)
    out += [m for m in mentions if not any(s.start <= m.start < s.end for s in sents)]
    return out


PLACE_KINDS = ("country", "capital", "city")
# A people named as those of a place: "the Albanian population of the province", "the Serb minority in Kosovo"
PEOPLE_OF = {"population", "minority", "community"}
IN = ("in", "inside")


def residents(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """A people called "ethnic", or named as a place's population or minority, is of the country it lives in,
    as CAMEO codes minorities ("Bosnian Serbs" are BIH's): "ethnic Albanian guerrillas operating in Macedonia"
    are MKDREB, "Serb forces killed three ethnic Albanians in southern Serbia" SRB's civilians, "the Serb
    minority in Kosovo" KSV's. Where they live: the place the sentence puts them "in",
    else the other country it names most (the first, of as many). With neither, they stay their people's."""
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        resident = m.start > 0 and doc[m.start - 1].lower_ == "ethnic" or doc[m.start].lower_ == "ethnic" \
            or _people_of(doc[m.head])  # ("the Albanian population", "the Serb minority in Kosovo")
        home = _residence(doc, m, at, mentions) if resident and m.country else None
        if home is not None:
            sector = m.sector or "CVL"
            m = replace(m, code=home + sector, country=home, sector=sector, cameo=home + sector)
        out.append(m)
    return out


def _people_of(tok: Token) -> bool:
    """The word is, or qualifies, a population, a minority or a community."""
    return tok.lemma_.lower() in PEOPLE_OF or tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in PEOPLE_OF


def _residence(doc: Doc, m: ActorMention, at: dict, mentions: list[ActorMention]) -> str | None:
    head = doc[m.head]
    if head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in PEOPLE_OF:
        head = head.head  # (the people the demonym qualifies: "the Serb minority in Kosovo")
    holders = [head] + [c for c in head.children if c.dep_ == "acl"]
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and head.head.pos_ in ("VERB", "AUX"):
        holders.append(head.head)
    elif head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):  # ("engaged in ... against the X")
        holders.append(head.head.head)
    for h in holders:
        frontier = [h]
        for _ in range(3):  # ("killed three ethnic Albanians in a gunbattle in southeastern Serbia")
            pobjs = [p for t in frontier for c in t.children if c.dep_ == "prep" and c.lower_ in IN
                     for p in c.children if p.dep_ == "pobj"]
            for p in pobjs:
                for t in p.subtree:
                    place = at.get(t.i)
                    if place is not None and place.kind in PLACE_KINDS and place.country != m.country:
                        return place.country
            frontier = pobjs
    sent = head.sent
    named = [o.country for o in mentions if sent.start <= o.start < sent.end and o.country and o is not m
             and o.country != m.country and not o.inferred and o.kind in PLACE_KINDS + ("demonym", "sector")]
    if not named:
        return None
    counts = {c: named.count(c) for c in named}
    top = max(counts.values())
    return next(c for c in named if counts[c] == top)
