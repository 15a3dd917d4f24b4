"""Who did it and to whom: the source and target actors of a trigger, found through the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whowhom.actors import ActorMention
from whowhom.actors.context import SECTORS, owner_subject
from whowhom.events import attribution
from whowhom.events.attribution import is_date
from whowhom.events.joint import members
from whowhom.events.modality import telephoned
from whowhom.events.phrases import CHARGING, PRONOUNS, RELATIVE, UTTERANCES, conjuncts, np_head, someone, unresolved


MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "appos"}
# Subjects that stand for someone named elsewhere ("the ministry said it ...").
PERSONAL = {"it", "they", "he", "she", "we"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# Nouns that say something on their issuer's behalf: "a statement condemning X" is the issuer's act.
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "letter", "resolution", "report",
                   "message", "note", "appeal", "petition", "release", "document", "motion", "bill", "law",
                   "decree", "ruling", "order"}
# Verbs whose object is the means of a following act, not its doer: "used force to disperse".
MEANS_VERBS = {"use", "employ", "utilize", "utilise", "fire", "launch", "spend"}
# Passive forms whose subject is the doer: "were engaged in", "are involved in", "is committed to".
ACTIVE_PASSIVES = {"engage", "involve", "commit", "prepare", "determine", "dedicate", "devote"}
# Forces stood down by no one named stood down themselves: "the guerrillas have been demobilized", "troops
# were withdrawn from X" (a de-escalation is the side's whose forces they are).
STOOD_DOWN = {"demobilize", "demobilise", "disband", "withdraw", "redeploy"}


def speaker(verb: Token) -> Token | None:
    """In "the ministry said it opposes X", "it" is the ministry: the subject of the governing speech verb."""
    tok = verb
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in attribution.SPEECH_VERBS:
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ not in PRONOUNS:
            return subj[0]
    return None


# Plural nouns of polities whose members an apposition may name: "two Gulf states, Qatar and Kuwait"
POLITIES = {"state", "country", "nation", "government", "power", "member", "neighbour", "neighbor", "ally",
            "partner", "republic", "kingdom", "monarchy", "emirate"}


def quoted_speaker(verb: Token) -> Token | None:
    """"Xinhua quoted Erekat as saying ...": Erekat speaks; the agency only reports it."""
    if verb.lemma_.lower() != "quote":
        return None
    quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return quoted if quoted is not None and as_saying(verb) is not None else None


def as_saying(verb: Token) -> Token | None:
    """The "saying" of "quoted X as saying", if any."""
    return next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                 for p in c.children if p.dep_ == "pcomp" and p.lemma_.lower() == "say"), None)


def agent(verb: Token) -> Token | None:
    """The object of a passive verb's by-phrase: "was arrested by police" -> police; also where the parse
    hangs it on the verb's "as" phrase: "were hailed as a success by both sides"."""
    return next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None) \
        or next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                 if o.dep_ == "pobj" for b in o.children if b.dep_ == "prep" and b.lower_ == "by"
                 for p in b.children if p.dep_ == "pobj"), None)


# Nouns of attacks in whose course someone is harmed ("killed in an Israeli air strike"), and the verbs of harm
ATTACK_NOUNS = {"attack", "strike", "airstrike", "raid", "bombing", "shelling", "ambush", "assault", "offensive",
                "bombardment", "assassination", "crackdown", "incursion", "operation"}
HARMED = {"kill", "wound", "injure", "hurt", "murder", "abduct", "kidnap", "arrest", "detain", "capture", "displace"}


def attacker(verb: Token) -> Token | None:
    """The word that names whose attack a passive verb of harm with no by-phrase happened in: "were killed in
    an Israeli air strike" -> Israeli, "wounded in a Taliban attack" -> Taliban, "killed in a botched Israeli
    assassination attempt" -> Israeli (the doer as news names it; the coder reads its actor there, if any)."""
    if verb.lemma_.lower() not in HARMED:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            kinds = {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}
            if noun.dep_ == "pobj" and kinds & ATTACK_NOUNS:
                return next((c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                             and c.text[:1].isupper() and c.i < noun.i), None)
    return None


# Verbs of holding someone captive: whoever held the people released is the one who released them.
HOLDING = {"hold", "kidnap", "abduct", "detain", "capture", "seize", "take", "imprison", "jail", "arrest", "keep"}


def holders(verb: Token, index) -> list[ActorMention]:
    """Who held the people a passive verb says were freed, as the phrase describing them says: "two aid
    workers who had been held by the Taliban were released", "soldiers captured by Hamas were freed"."""
    freed = [c for c in verb.children if c.dep_ == "nsubjpass"]
    freed += [g for c in freed for g in c.children if g.dep_ == "appos"]  # ("two hostages - an American ...")
    for held in (c for f in freed for c in f.children if c.dep_ in ("acl", "relcl")):
        if held.lemma_.lower() in HOLDING and (by := agent(held)) is not None:
            return actors_at(by, index)
    return []


def pronoun_owner(noun: Token, index: dict[int, ActorMention]) -> list[ActorMention]:
    """"Sarkozy was asked about his phone call to Putin", "Abbas defended their decision": an act whose
    owner is a possessive pronoun the register left to the parse is the act of its clause's subject."""
    subj = owner_subject(noun, index)
    return actors_at(subj, index) if subj is not None else []


def actors_at(tok: Token, index: dict[int, ActorMention], seen=None) -> list[ActorMention]:
    """Actors a noun phrase refers to: the mention it is part of, else actor modifiers
    ("the American system" -> USA), plus coordinated phrases ("Moscow and Beijing")."""
    seen = seen if seen is not None else set()
    if tok.i in seen:
        return []
    seen.add(tok.i)
    found: list[ActorMention] = []
    if tok.i in index:
        found.extend(members(index, tok.i))  # (several where one phrase names them: "U.S.-Russian")
    else:
        owners = []  # "Osama bin Laden's al-Qaeda network" is al-Qaeda: an owner only where nothing else
        for c in tok.children:
            if c.dep_ in MODIFIER_DEPS and c.i in index:
                # with coordinated modifiers: "Russian and Chinese warships"
                mods = members(index, c.i) + [m for g in c.children if g.dep_ == "conj" and g.i in index
                                              for m in members(index, g.i)]
                (owners if c.dep_ == "poss" else found).extend(mods)
            elif c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"):
                # "the Israeli prime minister's suggestion": the owner is the phrase's actor
                owners.extend(actors_at(c, index, seen))
            elif c.dep_ == "compound":  # "U.N. mediator Diego Cordovez": U.N. modifies "mediator"
                found.extend(index[g.i] for g in c.children if g.dep_ in MODIFIER_DEPS and g.i in index)
            elif c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ == "NOUN":
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in index:
                        found.extend(actors_at(p, index, seen))  # ("a number of Syrians, Iraqis and Afghans")
        found = found or owners
    links = [c for c in tok.children if c.dep_ == "appos"]
    if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in POLITIES \
            and (listed := [m for h in links for m in actors_at(h, index, seen)]):
        # "two Gulf states, Qatar and Kuwait, ...": the group's members named are the actors, not the region
        return list({(m.start, m.code): m for m in listed}.values())
    if tok.tag_ in ("NNS", "NNPS") and not any(m.country or m.code not in SECTORS for m in found) \
            and (listed := [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "including"
                            for p in c.children if p.dep_ == "pobj" for m in actors_at(p, index, seen)]):
        # "foreign envoys, including former Argentine President Nestor Kirchner": those named are the actors
        return list({(m.start, m.code): m for m in listed}.values())
    # coordinated phrases: of the word itself, of its apposition ("the agency Glavkosmos and X"), and of
    # the place a composed mention took its country from ("people in Somalia, Ethiopia and Kenya")
    if tok.i in index:
        links += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "from", "of")
                  for p in c.children if p.dep_ == "pobj" and p.i in index and index[tok.i].country
                  and index[p.i].country == index[tok.i].country]
    for c in list(tok.children) + [g for h in links for g in h.children]:
        if c.dep_ == "conj":
            found.extend(actors_at(c, index, seen))
    uniq = {(m.start, m.code): m for m in found}
    return list(uniq.values())


# Prepositions by which a policy, a stance or ties say whom they are towards: "its policy towards X",
# "ties with X", "its war against X", "sanctions on X".
TOWARDS = {"towards", "toward", "with", "against", "on"}


def towards(doc: Doc, found: list[ActorMention], index, exclude: set[int]) -> list[ActorMention]:
    """The actors that what the found mentions own or describe is towards: "defended French policies towards
    Lebanon, Syria and Algeria" names Lebanon, Syria and Algeria besides the France whose policies they are."""
    out = []
    for m in found:
        noun = doc[m.head]
        while noun.dep_ in MODIFIER_DEPS - {"appos"} and noun.head.i != noun.i:
            noun = noun.head
        if noun.i == m.head:
            continue  # (the actor itself: "talks with Russia on X" are Russia's)
        out += [a for c in noun.children if c.dep_ == "prep" and c.lower_ in TOWARDS
                for p in c.children if p.dep_ == "pobj" for a in actors_at(p, index) if a.start not in exclude]
    return list({(a.start, a.code): a for a in out}.values())


def inner(tok: Token, index, preps=("by", "of", "from", "near", "in", "at")) -> list[ActorMention]:
    """Actors named in the prepositional phrases of a noun phrase that names none itself, nearest
    first, "by" (the agent) before the others."""
    frontier = [tok]
    for _ in range(3):
        nxt, hits = [], []
        for t in frontier:
            for prep in sorted((c for c in t.children if c.dep_ == "prep" and c.lower_ in preps),
                               key=lambda c: c.lower_ != "by"):
                for p in prep.children:
                    if p.dep_ == "pobj" and not is_date(p):
                        found = actors_at(p, index)
                        (hits.extend(found) if found else nxt.append(p))
        if hits:
            return hits
        frontier = nxt
    return []


def elided_passive(verb: Token) -> Token | None:
    """The patient of a headline's passive with its auxiliary left out ("11 Palestinians killed in Gaza
    violence", parsed with "killed" as the root and the Palestinians as its subject), or None."""
    # (a participle the tagger took for a past: one with a by-phrase, or of a form only participles have,
    # "Flamboyant official taken hostage by TV station")
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and (
        any(c.dep_ == "agent" for c in verb.children) or verb.lower_.endswith(("en", "wn")))
    if verb.dep_ != "ROOT" or not participle or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def subject(verb: Token) -> tuple[Token | None, str]:
    """The token that did the action of a verb, climbing xcomp/conj/pcomp chains when it has none. In a
    sentence with no verb of its own, a participle that modifies its noun (a headline's "1 NATO soldier
    killed in bomb attack") is the news, in the passive: its doer is its by-phrase, if any ("reduced":
    the noun is the patient). (Elsewhere such a participle only describes: "militiamen armed with ...")"""
    if (quoted := quoted_speaker(verb)) is not None:
        return quoted, "quoted"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
            and verb.head.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        doer = agent(verb)
        return (doer, "agent") if doer is not None else (None, "reduced")
    tok = verb
    for _ in range(6):
        kids = list(tok.children)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
            if tok.lemma_.lower() in ACTIVE_PASSIVES:
                # "X were engaged in fighting": X fought
                doer = next((c for c in kids if c.dep_ == "nsubjpass"), None)
                if doer is not None:
                    return doer, "nsubj" if tok.i == verb.i else "inherited"
            if tok.i != verb.i and not any(c.dep_ == "auxpass" for c in verb.children):
                # an active verb under a passive one: "X was indicted by the court and will resign",
                # "X was arrested for collaborating with Y": X resigns, X collaborated
                patient = next((c for c in kids if c.dep_ == "nsubjpass"), None)
                if patient is not None:
                    return patient, "inherited"
            doer = agent(tok) or attacker(tok)
            if doer is None and tok.i == verb.i and tok.lemma_.lower() in STOOD_DOWN:
                doer = next((c for c in kids if c.dep_ == "nsubjpass"), None)
                if doer is not None:
                    return doer, "nsubj"
            return (doer, "agent") if doer is not None else (None, "passive")
        # (the parser sometimes hangs the subject on the auxiliary: "X however have opposed ...")
        kids += [g for c in kids if c.dep_ == "aux" and c.i < tok.i for g in c.children]
        for c in kids:
            if c.dep_ == "nsubj":
                if c.lower_ in RELATIVE and tok.dep_ == "relcl":
                    # ("Uribe, a conservative who has clashed with Chavez": the one the apposition describes)
                    head = tok.head
                    return (head.head if head.dep_ == "appos" and head.pos_ == "NOUN" else head), "relcl"
                if c.lower_ in PERSONAL:
                    said_by = speaker(tok)
                    if said_by is not None:
                        return said_by, "speaker"
                return c, "nsubj" if tok.i == verb.i else "inherited"
        if tok.dep_ == "xcomp":
            # object control: "urged Western allies to send weapons": the allies would send them
            obj = [c for c in tok.head.children if c.dep_ in ("dobj", "dative")]
            # (tok has no subject of its own: checked above); "used tear gas to disperse them": the
            # users disperse, the tear gas is the means
            # ("called Erdogan to apologize": the caller apologized, on the telephone)
            if obj and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in MEANS_VERBS \
                    and not telephoned(tok.head, tok):
                return obj[0], "inherited"
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() == "let":
            # "Ethiopia let free 74 leaders" ("free" parsed as a clause with no subject): Ethiopia freed them
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in STATEMENT_NOUNS:
            # "issued a statement demanding that ...", "passed a law recognizing ...": the issuer acts
            # (a participle on any other noun describes it: "aircraft using missiles killed ...")
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in ("of", "for", "against", "from"):
            # "accused Minsk of hosting troops": the one who hosts is the object of "accused"
            obj = [c for c in tok.head.head.children if c.dep_ == "dobj"]
            if obj and tok.head.head.pos_ == "VERB":
                return obj[0], "inherited"
        if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp") or (tok.dep_ in ("dobj", "pobj", "attr")
                                                                        and tok.pos_ == "NOUN"):
            if tok.head.i == tok.i:
                break
            tok = tok.head
        else:
            break
    return None, "none"


# Words of time that set an act beside another: what they lead to is when, not at whom
WHEN = {"ahead", "before", "after", "during", "amid", "amidst", "following", "until", "since", "prior"}


def targets(start: Token, pat, index, exclude: set[int], passive: bool,
             objects: bool = False, cues: frozenset[int] = frozenset()) -> list[ActorMention]:
    """Breadth-first from the trigger through objects and the pattern's prepositions (and through the
    object of a light verb when `objects`: "airstrikes hit Hamas targets"), six levels deep: "suspended
    part of its aid programme for Bosnia" reaches Bosnia at the sixth."""
    frontier = [start]
    for _ in range(6):
        found, nxt = [], []
        for t in frontier:
            for c in t.children:
                dep, low = c.dep_, c.lower_
                # (a participle inside the object phrase leads on: "lifted sanctions imposed on X")
                if c.i in exclude or (c.pos_ == "VERB" and dep not in ("pcomp",)
                                      and not (dep == "acl" and c.tag_ == "VBN" and t.i != start.i)):
                    continue
                obj = ((objects or "dobj" in pat.targets) and (dep == "dobj" or (passive and dep == "nsubjpass"))) \
                    or ("dative" in pat.targets and dep == "dative")
                if obj or dep in ("pobj", "attr", "oprd"):
                    hits = [m for m in actors_at(c, index) if m.start not in exclude and m.head not in cues]
                    # an actor inside the object phrase is the target ("suspended aid deliveries
                    # in Baghdad", "rejected calls by Belarus's rulers"); on the verb itself only
                    # the pattern's prepositions lead to one
                    nested = t.dep_ in ("prep", "agent") and t.head.i != start.i and t.lower_ != "according"
                    if hits and (obj or t.lower_ in pat.targets or t.i == start.i or nested):
                        found.extend(hits)
                        continue
                    nxt.append(c)
                elif dep == "prep" and low == "of" and start.lemma_.lower() in CHARGING:
                    continue  # ("accused X of attacking Y": Y is the charge's, not the accusation's)
                elif dep in ("prep", "advmod") and low in WHEN:
                    continue  # ("sealed off Ramallah ahead of Mr Bush's visit": when, not at whom)
                elif dep == "prep" and (low in pat.targets or t.i != start.i or (low == "of" and pat.pos == "N")
                                        or low in ("out", "away")):  # ("pulled out of X")
                    nxt.append(c)  # (an event noun's "of" phrase is its object: "suspension of links with X")
                elif dep in ("dobj", "nsubjpass", "pcomp", "intj", "advmod", "npadvmod", "acl"):
                    nxt.append(c)
                elif dep == "agent" and t.dep_ == "acl" and (t.head.lemma_.lower() in UTTERANCES
                                                             or pat.code[:2] in REACTIONS):
                    # the author of what is answered: "rejected a resolution proposed by X", "condemned the
                    # move announced by X"
                    nxt.append(c)
        if found:
            return _recipient(start, pat, index, exclude, found) + _others(start.doc, found, index, exclude)
        frontier = nxt
    return []


def _recipient(start: Token, pat, index, exclude: set[int], found: list[ActorMention]):
    """"Sent troops to Mali", "offered an armoured regiment to the US": when the object is only a
    sector word with no country of its own (the thing given; the story may have given it one) and the
    pattern takes a recipient, the recipient named by "to" or a dative is the target."""
    if not ({"to", "dative"} & set(pat.targets)) or any(m.country and not m.inferred or m.code[-3:] not in SECTORS
                                                         for m in found):
        return found
    for c in start.children:
        objs = [c] if c.dep_ == "dative" and c.pos_ != "ADP" else \
            [p for p in c.children if p.dep_ == "pobj"] if c.dep_ in ("prep", "dative") and c.lower_ == "to" else []
        hits = [m for o in objs for m in actors_at(o, index)
                if m.start not in exclude and (m.country and not m.inferred or m.code not in SECTORS)]
        if hits:
            return hits
    return found


def _others(doc: Doc, found: list[ActorMention], index, exclude: set[int]) -> list[ActorMention]:
    """Coordinated with the targets found, those whowhom has no code for but that name someone or people:
    "killed Abdullah and four other members of his family" (uncoded targets)."""
    out, seen = [], {m.head for m in found}
    for m in found:
        for i in sorted(conjuncts(np_head(doc[m.head]))):
            c = doc[i]
            # (a phrase already counted by an actor in it is not another: "X and 30 members of his government")
            own = {t.i for t in c.subtree} - {t.i for g in c.children if g.dep_ in ("conj", "cc") for t in g.subtree}
            if i in seen or i in exclude or any(j in index for j in range(c.left_edge.i, c.i + 1)) \
                    or any(m2.start in own for m2 in found):
                continue
            seen.add(i)
            other = unresolved(c)
            if other is not None and someone(doc[other.start:other.end], index):
                out.append(other)
    return out


# Codes of acts that answer another's act (praise, criticism, rejection): the target is its author.
REACTIONS = ("05", "11", "12")
# Verbs whose subject is on the receiving end of the event noun they take: "Israel drew criticism from
# Egypt", "the US faced Palestinian criticism", "came under pressure from X", "won praise from Y".
RECEIVING_NOUN_VERBS = {"draw", "face", "receive", "attract", "earn", "get", "incur", "encounter", "garner", "win",
                        "suffer"}
UNDER = {("come", "under"), ("meet", "with"), ("be", "under"), ("respond", "to")}


def at_behest(noun: Token) -> bool:
    """"Did X at the request (invitation, urging) of Y": Y's act, done before and to the doer of X."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "at" and noun.head.head.pos_ in ("VERB", "AUX")


def received(noun: Token, index) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """The doers and the receiver of an event noun the receiver's verb takes ("Israel drew sharp
    criticism from Egypt": Egypt criticises Israel), or None: doers are the noun's actor modifiers
    ("Palestinian criticism") and its or the verb's "from"/"by" phrase; the receiver is the verb's subject."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING_NOUN_VERBS:
        verb = noun.head
    elif noun.dep_ == "pobj" and (noun.head.head.lemma_.lower(), noun.head.lower_) in UNDER:
        verb = noun.head.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "response" \
            and noun.head.head.head.dep_ == "prep" and noun.head.head.head.lower_ == "in":
        verb = noun.head.head.head.head  # "sent troops in response to a NATO request": NATO asked of them
    elif at_behest(noun):
        verb = noun.head.head  # "trains Iraqi pilots at the request of Iraq's government"
    else:
        return None
    # (with coordinated modifiers: "international and Palestinian criticism")
    mods = [c for c in noun.children if c.dep_ in MODIFIER_DEPS]
    mods += [g for c in mods for g in c.children if g.dep_ == "conj"]
    doers = [index[c.i] for c in mods if c.i in index]
    doers += [m for h in (noun, verb) for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
              for p in c.children if p.dep_ == "pobj" for m in actors_at(p, index)]
    if noun.head.lower_ == "at":  # ("at the request of X")
        doers += [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for m in actors_at(p, index)]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
        # "X test-fired a missile, drawing condemnation from Y": the participle's subject is the clause's
        subj, how = subject(verb)
        subj = subj if how in ("nsubj", "inherited") else None
    receivers = actors_at(subj, index) if subj is not None else []
    return (doers, receivers) if doers and receivers else None


def left(heads: list[Token], index, exclude: set[int]) -> list[ActorMention]:
    """The actors a "from" phrase of these words names: the place left."""
    return [m for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children if p.dep_ == "pobj" for m in actors_at(p, index) if m.start not in exclude]


def place_in(verb: Token, index, exclude: set[int], named: bool = False) -> list[ActorMention]:
    """The country or capital an "in" phrase of the verb or of its object names, looking inside the
    phrase ("in the town of Cizre in southeastern Turkey"); with `named`, else the first named place
    whowhom has no code for ("in the province of Alta Verapaz"), uncoded."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    frontier = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "in"]
    first = None
    for _ in range(3):
        nxt = []
        for prep in frontier:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                places = [m for m in actors_at(obj, index) if m.start not in exclude
                          and m.kind in ("country", "capital", "city")]
                if places:
                    return places
                if first is None and any(t.ent_type_ in PLACE_ENTS for t in obj.subtree):
                    first = unresolved(obj)
                nxt += [p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("in", "of")]
        frontier = nxt
    return [first] if named and first is not None and first.start not in exclude else []


def object_of(tok, anchor, pat, cue_tokens, exclude, passive) -> Token | None:
    """The phrase an event was done to when it names no known actor: the direct object, unless the
    object belongs to the predicate ("launched an offensive against X", "imposed a curfew on X"),
    then the object of a target preposition of either, else that predicate object itself."""
    heads = [anchor] if anchor.i == tok.i else [anchor, tok]
    fallback = None
    for h in list(heads):
        for c in h.children:
            if c.i in exclude or c.i == tok.i:
                continue
            if c.dep_ in ("dobj", "dative") or (passive and c.dep_ == "nsubjpass"):
                if c.i not in cue_tokens and c.lemma_.lower() not in pat.cue_spec:
                    return c
                heads.append(c)
                fallback = fallback or c
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in pat.targets and c.lower_ != "of":
                obj = next((p for p in c.children if p.dep_ == "pobj" and p.i not in exclude
                            and not is_date(p)), None)
                if obj is not None:
                    return obj
    return fallback
