"""The event coder: per sentence, find trigger words (data/events/triggers.tsv), link them through the
dependency parse to a source and a target actor, and code the event in CAMEO and PLOVER with its
modality, attribution, date, evidence and confidence."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from whowhom.actors import ActorMention
from whowhom.events import attribution, cameo, models, patterns, plover
from whowhom.events.attribution import date_phrase, is_date
from whowhom.events.event import Event
from whowhom.events.modality import modality, telephoned

# Dependents searched for cues, never crossing into another clause.
CUE_DEPS = {"dobj", "prep", "pobj", "prt", "dative", "attr", "acomp", "oprd", "amod", "compound", "det",
            "nummod", "advmod", "intj", "npadvmod", "conj", "nmod", "appos", "poss", "pcomp"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "appos"}
RELATIVE = {"who", "which", "that", "whom"}
SECTORS = {"GOV", "MIL", "COP", "SPY", "REB", "OPP", "CVL", "JUD", "MED", "EDU", "BUS", "LEG", "ELI", "LAB",
           "REF", "HLH", "CRM", "UAF", "IGO", "NGO", "AGR", "REL", "MOD", "RAD"}
# Subjects that stand for someone named elsewhere ("the ministry said it ...").
PERSONAL = {"it", "they", "he", "she", "we"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "this", "these", "those", "one"}


def _scope(tok: Token, depth: int = 4) -> list[Token]:
    """Dependents of the trigger within its own clause (for cues and code refinement)."""
    out: list[Token] = []
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                # (a date phrase is no cue: "On Monday, X called Y" is no "call on")
                # (an adjective with no subject of its own completes the verb: "let free", "set free")
                small = c.dep_ == "ccomp" and c.pos_ == "ADJ" and not any(g.dep_ == "nsubj" for g in c.children)
                if (c.dep_ in CUE_DEPS or small) and not (c.pos_ == "VERB" and c.dep_ != "pcomp") \
                        and not date_phrase(c):
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    return out


def _speaker(verb: Token) -> Token | None:
    """In "the ministry said it opposes X", "it" is the ministry: the subject of the governing speech verb."""
    tok = verb
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in attribution.SPEECH_VERBS:
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ not in PRONOUNS:
            return subj[0]
    return None


PHRASE_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "flat", "predet"}


def _unresolved(tok: Token) -> ActorMention | None:
    """A noun phrase that did or suffered an event but names no actor whowhom knows ("a car bomb",
    "the villagers"): kept with an empty code, as GDELT keeps events with one blank actor."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in RELATIVE or tok.lower_ in PRONOUNS or is_date(tok):
        return None
    toks = [tok]
    frontier = [tok]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ in PHRASE_DEPS]
        toks += frontier
    lo, hi = min(t.i for t in toks), max(t.i for t in toks) + 1
    doc = tok.doc
    span = doc[lo:hi]
    return ActorMention(lo, hi, span.start_char, span.end_char, span.text, "", None, None, "unresolved", tok.i)


ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
PLACED_ACTS = ("08", "172", "15", "0356")  # acts whose place is whom they are aimed at (_code_trigger)


def _named(span: Span) -> bool:
    """Whether a phrase names someone or somewhere (a named entity), so it can stand as an actor
    whowhom has no code for; "a statement", "the curfew" cannot."""
    return any(t.ent_type_ in ACTOR_ENTS for t in span)


def _blank(tok: Token) -> ActorMention:
    """The unnamed doer of a passive event ("X was arrested"): no code, no span."""
    return ActorMention(tok.i, tok.i, tok.idx, tok.idx, "", "", None, None, "blank", tok.i)


TRIGGER_WORDS = "whowhom_trigger_words"  # Doc.user_data key of EventCoder.trigger_words()
NP_SKIP = {"npadvmod", "relcl", "acl", "advcl", "cc", "conj", "punct", "mark", "ccomp", "xcomp", "parataxis", "aux",
           "auxpass", "neg", "nsubj", "nsubjpass", "dobj", "dative", "agent"}
CLIMB_NP = {"amod", "compound", "poss", "nmod", "flat", "nummod"}


def _phrase(m: ActorMention, sent: Span, trigger: Token, target: bool = False) -> tuple[int, int]:
    """Character extent of the whole noun phrase an actor mention stands in ("the Russian space agency
    Roscosmos" for "Russian", "Human Rights Watch in New York"): the evidence span of a role. A target also
    takes in what annotators count as its name: the noun it stands in apposition to ("X, an aid worker"
    for "worker"), the quantity of a partitive ("dozens of X") and a hyphened modifier ("US-backed"); not
    a relative clause ("troops who shelled the town"), which annotators mostly leave out (9 in 10 on the
    Multi-CoPED roles dev set)."""
    doc = sent.doc
    tok, owner = doc[m.head], None
    climb = CLIMB_NP | {"appos"} if target else CLIMB_NP
    while True:
        tok = _np_head(tok, climb, trigger)
        if target and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != trigger.i \
                and _quantity(tok.head.head):
            tok = tok.head.head
        elif target and (owned := _owned(tok, trigger)) is not None:
            owner, tok = tok, owned  # (the owner's own phrase stays whole: "lodged by the branch of X")
        else:
            break
    toks, frontier = [tok], [tok] + ([owner] if owner is not None else [])
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ not in NP_SKIP and c.i != trigger.i
                    and not (c.pos_ in ("VERB", "AUX") and c.dep_ not in ("amod", "compound"))
                    and not date_phrase(c)
                    and not (target and (_about_event(c) or _charge(c, trigger)))
                    # ("US-backed forces": the first part of a hyphened modifier hangs from the second)
                    or target and c.dep_ == "npadvmod" and c.i + 2 == t.i and doc[c.i + 1].text == "-"]
        toks += frontier
    lo = max(min(min(t.i for t in toks), m.start), sent.start)
    hi = min(max(max(t.i for t in toks) + 1, m.end), sent.end)
    # (nor does a target end in a dangling "of", "and" or "the")
    while hi - 1 > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in (")", ".")
                           or target and doc[hi - 1].pos_ in ("ADP", "CCONJ", "DET")):
        hi -= 1
    hi = _closed(doc, lo, hi, sent.end)  # ("the Indian Space Research Organization (ISRO)")
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


INSTRUMENTS = ("with", "using")
MOVED = {"mobilize", "mobilise", "deploy", "dispatch", "station", "amass", "mass", "muster"}
OWNER_PREPS = ("of", "from", "by")
# what one side says or asks for, that another accepts, rejects or answers ("rejected a request by X")
UTTERANCES = {"request", "call", "appeal", "proposal", "offer", "demand", "plea", "suggestion", "plan", "bid",
              "initiative", "resolution", "motion", "allegation", "accusation", "claim", "invitation", "ultimatum",
              "decision", "order", "warning", "criticism", "statement", "remark", "comment", "proposition",
              "petition", "complaint", "deal", "draft", "condition", "recommendation", "overture", "protest"}
CHARGING = {"accuse", "charge", "convict", "suspect", "acquit", "clear", "warn", "inform", "remind", "rob",
            "deprive", "strip", "absolve"}  # verbs whose "of" phrase is the charge, not part of the target


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset().union(*(patterns.classes()[k] for k in ("TROOPS", "PEOPLE", "PRISONER")))


def _instrument(tok: Token) -> bool:
    """What an act is done with ("with mortars and drones"), not with whom ("clashed with troops")."""
    return tok.head.lower_ in INSTRUMENTS and tok.lemma_.lower() not in _people() and tok.lower_ not in _people() \
        and tok.ent_type_ not in ACTOR_ENTS


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    return frozenset(lemma for lemma, pos in patterns.patterns() if pos == "N")


def _about_event(c: Token) -> bool:
    """An apposition or prepositional phrase that is about an event, not the actor: "an army camp,
    the seventh major attack this month", "suspects in the attack" (an "of" phrase is the actor's own:
    "people in need of assistance")."""
    def event(t: Token) -> bool:
        return t.pos_ == "NOUN" and t.lemma_.lower() in _event_nouns()
    if c.dep_ == "appos":
        return event(c)
    return c.dep_ == "prep" and c.lower_ != "of" and any(p.dep_ == "pobj" and event(p) for p in c.children)


def _charge(c: Token, trigger: Token) -> bool:
    """The "of" phrase of "accused X of Y": the charge, not part of the target."""
    return c.dep_ == "prep" and c.lower_ == "of" and trigger.lemma_.lower() in CHARGING


def _np_head(tok: Token, climb=CLIMB_NP, trigger: Token | None = None) -> Token:
    """The noun a modifier belongs to: "UN" -> "mission" in "the UN peacekeeping mission" (not climbing
    into the trigger)."""
    while tok.dep_ in climb and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i \
            and (trigger is None or tok.head.i != trigger.i):
        tok = tok.head
    return tok


def _owned(tok: Token, trigger: Token) -> Token | None:
    """The thing the event was done to, where the actor is only its owner or author: "rejected the call
    of the European Parliament", "refused a request from X", "vetoed a resolution proposed by X". The
    target phrase is then the whole object, as annotators mark it (its code stays the owner's)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in OWNER_PREPS:
        return None
    prep = tok.head
    owner = prep.head.head if prep.dep_ == "agent" and prep.head.dep_ == "acl" else prep.head
    if prep.dep_ not in ("prep", "agent") or owner.lemma_.lower() not in UTTERANCES or owner.i == trigger.i:
        return None
    on_trigger = owner.head.i == trigger.i and owner.dep_ in ("dobj", "nsubjpass") \
        or owner.dep_ == "pobj" and owner.head.dep_ == "prep" and owner.head.head.i == trigger.i
    return owner if on_trigger else None


QUANTITIES = {"dozen", "hundred", "thousand", "million", "billion", "number", "group", "handful", "score", "lot",
              "some", "many", "all", "most", "several", "each", "both", "none", "few", "more", "any"}


def _quantity(tok: Token) -> bool:
    """The head of a partitive ("dozens of X", "three of the X", "some of X"), not a sum ("$5 billion of X")."""
    return (tok.like_num or tok.pos_ == "NUM" or tok.lemma_.lower() in QUANTITIES) \
        and tok.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")


FUNCTION_CUES = {"to", "on", "in", "at", "for", "with", "from", "by", "of", "up", "down", "off", "out", "over",
                 "into", "against", "about", "upon", "the", "a", "an", "that", "as", "back", "away"}


def _specificity(pat) -> tuple:
    """Rows whose cues name content words ("call off a strike") before rows whose cues are only
    prepositions ("demand ... on"), which match by chance; whowhom's own rows before imported ones."""
    content = sum(1 for cue in pat.cues if not cue <= FUNCTION_CUES)
    return (-content, pat.source != "triggers.tsv", -len(pat.cues))


def _placed(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """A sector with no country takes the country it is placed in, comes from, or is of: "police in Kabul"
    -> AFGCOP, "officials from the Russian foreign ministry" -> RUSGOV, "the president of Armenia" ->
    ARMGOV, "leaders of Romania's new government" -> ROUGOV."""
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        if m.country is None and m.code in SECTORS:
            for prep in doc[m.head].children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
                    place = next((at[c.i] for c in prep.children if c.dep_ == "pobj" and c.i in at
                                  and at[c.i].country and (prep.lower_ in ("of", "from")
                                                           or at[c.i].kind in ("country", "capital"))), None)
                    if place is None and prep.lower_ in ("from", "of"):
                        # "doctors from two American aid groups": the group's nationality
                        place = next((at[g.i] for c in prep.children if c.dep_ == "pobj" and c.i not in at
                                      for g in c.children if g.dep_ in ("amod", "compound") and g.i in at
                                      and at[g.i].country and at[g.i].kind in ("country", "demonym")), None)
                    if place is not None:
                        m = replace(m, code=place.country + m.code, country=place.country,
                                    cameo=place.country + m.code)
                        break
        out.append(m)
    return out


def _domestic(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """In a sentence that names one country only, a sector with no country is that country's ("Kenya's
    anti-corruption body pressed the vice-president" -> the vice-president is KENGOV), as a human coder
    reads it."""
    out = []
    for sent in doc.sents:
        ms = [m for m in mentions if sent.start <= m.start < sent.end]
        countries = {m.country for m in ms if m.country}
        for m in ms:
            if m.country is None and m.code in SECTORS and len(countries) == 1:
                c = next(iter(countries))
                m = replace(m, code=c + m.code, country=c, cameo=c + m.code)
            out.append(m)
    out += [m for m in mentions if not any(s.start <= m.start < s.end for s in doc.sents)]
    return out


OBLIGATION = {"must", "should", "ought", "need"}
# Nouns that say something on their issuer's behalf: "a statement condemning X" is the issuer's act.
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "letter", "resolution", "report",
                   "message", "note", "appeal", "petition", "release", "document", "motion", "bill", "law",
                   "decree", "ruling", "order"}
# Verbs whose object is the means of a following act, not its doer: "used force to disperse".
MEANS_VERBS = {"use", "employ", "utilize", "utilise", "fire", "launch", "spend"}
# Verbs whose "from" names the giver, not a place left: "received aid from X".
RECEIVING = {"receive", "get", "obtain", "buy", "import", "accept", "seek", "request", "demand", "ask", "take",
             "win", "gain", "borrow", "hear", "learn", "purchase", "inherit", "collect"}
# Passive forms whose subject is the doer: "were engaged in", "are involved in", "is committed to".
ACTIVE_PASSIVES = {"engage", "involve", "commit", "prepare", "determine", "dedicate", "devote"}


def _words(tokens) -> list[tuple[str, str, int]]:
    """(lemma, lower-case form, index) of each token, as _cues_found reads them."""
    return [(t.lemma_.lower(), t.lower_, t.i) for t in tokens]


def _cues_found(pat, words: list[tuple[str, str, int]]) -> set[int] | None:
    """The tokens (of the trigger's scope: lemma, lower-case form, index) that meet each cue of the
    pattern, or None when a cue is not met."""
    used: set[int] = set()
    for cue in pat.cues:
        hit = next((i for lemma, lower, i in words if lemma in cue or lower in cue), None)
        if hit is None:
            return None
        used.add(hit)
    return used


def _obliged(tok: Token) -> Token | None:
    """The verb of a trigger when it carries an obligation ("Y must withdraw", "Y should pay"), else None."""
    def aux(verb: Token, words) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)

    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    # "must ensure security to allow supplies in": the purpose clause shares the obligation
    while not aux(verb, OBLIGATION) and verb.head.i != verb.i and (
            verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and aux(verb, ("to",)))):
        verb = verb.head
    return verb if aux(verb, OBLIGATION) else None


def _conditions(tok: Token) -> list[Token]:
    """The if/unless clauses of a trigger or of the verbs it governs ("threatened to stop talks if ...")."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    heads += [g for h in heads[1:] for g in h.children if g.dep_ == "xcomp"]
    return [c for h in heads for c in h.children if _condition(c, ("if", "unless"))]


def _conditioned(tok: Token) -> bool:
    return any(_condition(c, ("unless",)) for c in tok.children)


def _condition(clause: Token, marks) -> bool:
    """An adverbial clause opened by one of `marks` ("unless Y withdraws")."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def _distinct(a: ActorMention, b: ActorMention) -> bool:
    if a.code and b.code:
        return a.code != b.code
    return (a.start, a.end) != (b.start, b.end)


def _describes(tok: Token) -> bool:
    """A simple-present relative clause describes an actor, it reports no event: "Hamas, which
    advocates X", "the faction that controls Y"."""
    return tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass")
                                                                         for c in tok.children)


def _drop_subsumed(events: list[Event], sent: Span) -> list[Event]:
    """Drop a vaguer event of the same source and root as another in the sentence: "refused to join the
    alliance" gives "reject" (120, no target) and "reject military cooperation with X" (1212); keep 1212.
    Likewise a verb that announces an act of its own kind: "threatened to ban X" is the threat to ban
    (132), not also a bare threat (130); "agreed to open its borders" is 0351, not also 030; "vowed to attack
    X" is the threat to attack (138), not also a bare promise (030)."""
    at = {t.idx - sent.start_char: t for t in sent}

    def governs(b: Event, a: Event) -> bool:
        t, head = at.get(a.trigger_start), at.get(b.trigger_start)
        if t is None or head is None or t.i == head.i:
            return False
        for _ in range(4):
            if t.head.i == t.i:
                return False
            t = t.head
            if t.i == head.i:
                return True
        return False

    def better(a: Event, b: Event) -> bool:
        if a is b or a.source != b.source or a.cameo_root != b.cameo_root or a.modality != b.modality:
            return False
        if b.target is None and (a.target is not None or len(a.cameo) > len(b.cameo)):
            return True
        return (b.target is None or a.target == b.target) and governs(b, a)

    def announced(a: Event, b: Event) -> bool:
        # "vowed to attack X" is the threat to attack (138), not also a bare promise (030)
        return (a is not b and a.source == b.source and b.cameo in ("030", "130") and "+intent" in a.rule
                and (b.target is None or a.target == b.target) and governs(b, a))

    return [b for b in events if not any(better(a, b) or announced(a, b) for a in events)]


def _drop_light(events: list[Event], sent: Span, cues: dict[int, set[int]]) -> list[Event]:
    """"held talks with X" is one meeting: where a verb's pattern word is itself an event noun coded with
    the same source and kind ("talks"), the noun's event stands for both."""
    at = {t.idx - sent.start_char: t.i for t in sent}
    nouns = {(at[e.trigger_start], e.source, e.cameo_root) for e in events}
    return [e for e in events if not any((c, e.source, e.cameo_root) in nouns
                                         for c in cues.get(at[e.trigger_start], ()) if c != at[e.trigger_start])]


def weigh_all(pending: list[tuple[list[tuple[Span, list[Event]]], dict[int, ActorMention], list[Event]]]) -> None:
    """The trained components (events/models.py), where installed, over the sentences that gave events
    (code_doc's (sentence, events) pairs and actor index, of one doc or of many: all in one batch). The
    penta classifier's belief in an event's class scales its confidence: of two readings of a sentence, the
    one the classifier finds likelier ranks first. A role span of the tagger that overlaps an event's
    source (target) becomes that role's evidence span (tidied: _tidy): the whole phrase the sentence gives
    the actor, as annotators mark it. An event whose source is the tagger's source and that has no target
    span takes the tagger's target, coded by the actor named in it; so does, where no asserted event of the
    sentence has a target span, the asserted event whose trigger governs the tagger's target (or the first
    one). (A target coded from the place of the event, "went on strike in Peru", has a code but no span: it
    keeps its code unless the tagger's span names another actor.) Coordinated recipients the tagger marks
    get the event too (_coordinated_targets): those new events join the doc's list of events (the third
    item of each pending entry, as code_doc returned it)."""
    flat = [(sent, events, index, sink) for coded, index, sink in pending for sent, events in coded]
    if not flat:
        return
    probs = models.penta_probs([sent.text for sent, *_ in flat])
    spans = models.role_spans([sent for sent, *_ in flat])
    for k, (sent, events, index, sink) in enumerate(flat):
        marked = spans[k] if spans else []
        _weigh_sentence(sent, events, index, probs[k] if probs else None, marked)
        sink += _coordinated_targets(sent, events, index, marked)


PREMODIFIERS = ("compound", "amod", "nummod", "poss", "det", "case", "cc")


def _closed(doc: Doc, a: int, b: int, end: int) -> int:
    """The end of span a..b, taking in the bracket that closes one it opened ("Lesotho Defence Force (LDF)")."""
    words = [t.text for t in doc[a:b]]
    return b + 1 if b < end and doc[b].text == ")" and words.count("(") > words.count(")") else b


def _tidy(doc: Doc, a: int, b: int, trigger: Token) -> tuple[int, int]:
    """A role span of the tagger, tidied into a whole phrase: it reaches the noun its last modifier belongs
    to ("all UN" -> "all UN sanctions") and takes the article and modifiers of its head ("the Croatian
    government", "in eastern Lebanon" -> "eastern Lebanon"); it
    ends before the trigger, a date ("X in recent years", "X for another three months") or a gerund clause
    ("X saying ...", "X warning of ..."), which belong to the event, not the actor; never on a dangling
    comma, "of", "and" or "the"; and keeps its closing bracket ("Lesotho Defence Force (LDF)")."""
    while b < len(doc) and doc[b - 1].dep_ in PREMODIFIERS and b <= doc[b - 1].head.i < b + 4 \
            and doc[b - 1].head.pos_ in ("NOUN", "PROPN"):
        b = doc[b - 1].head.i + 1
    for head in [t for t in doc[a:b] if not a <= t.head.i < b]:
        while any(c.i == a - 1 and c.dep_ in ("det", "predet", "poss", "nummod", "amod", "compound") for c in head.lefts):
            a -= 1
    if a < trigger.i < b:
        b = trigger.i
    b = min([t.i for t in doc[a + 1:b] if date_phrase(t) or t.tag_ == "VBG" and t.dep_ in ("acl", "advcl")]
            + [max(t.left_edge.i, a + 1) for t in doc[a + 1:b]
               if t.head.i < t.i and (_about_event(t) or _charge(t, trigger))] + [b])
    while b - 1 > a and (doc[b - 1].is_punct and doc[b - 1].text != ")" or doc[b - 1].pos_ in ("ADP", "CCONJ", "DET")):
        b -= 1
    b = _closed(doc, a, b, len(doc))
    return a, b


def _chars(sent: Span, a: int, b: int) -> tuple[int, int]:
    """Character offsets within the sentence of the doc's tokens a..b."""
    doc = sent.doc
    return doc[a].idx - sent.start_char, doc[b - 1].idx + len(doc[b - 1]) - sent.start_char


def _weigh_sentence(sent: Span, events: list[Event], index: dict[int, ActorMention], probs, spans) -> None:
    doc = sent.doc
    at = {t.idx - sent.start_char: t for t in sent}  # an event's trigger, by its offset
    placed = [(a, b, lab, *_chars(sent, a, b)) for a, b, lab in spans]  # with character offsets
    target = next(((a, b) for a, b, lab in spans if lab == "T"), None)
    for e in events:
        if probs:
            e.confidence = round(e.confidence * (0.5 + 0.5 * probs.get(e.penta, 0.0)), 2)
        main = False
        trigger = at[e.trigger_start]
        for role, label in (("source", "S"), ("target", "T")):
            lo, hi = getattr(e, f"{role}_start"), getattr(e, f"{role}_end")
            if lo is None:
                continue
            hit = next((_chars(sent, *_tidy(doc, a, b, trigger)) for a, b, lab, c0, c1 in placed
                        if lab == label and c0 < hi and lo < c1), None)
            if hit:
                main = main or role == "source"
                setattr(e, f"{role}_start", hit[0])
                setattr(e, f"{role}_end", hit[1])
                setattr(e, f"{role}_text", sent.text[hit[0]:hit[1]])
        if main and e.target_start is None and target is not None:
            _take_target(e, target, trigger, index, sent)
    # the tagger saw the sentence's main event with a target, but no asserted event has one: the target
    # goes to the asserted event whose trigger governs it (or the first), unless it is that event's source
    asserted = [e for e in events if e.modality == "asserted"]
    if target is not None and asserted and all(e.target_start is None for e in asserted):
        root = doc[target[0]:target[1]].root
        lo, hi = _chars(sent, *target)
        free = [e for e in asserted if e.source_start is None or not (e.source_start < hi and lo < e.source_end)]
        governs = [e for e in free if at[e.trigger_start] in root.ancestors]
        for e in governs[:1] or free[:1]:
            _take_target(e, target, at[e.trigger_start], index, sent)


def _conjuncts(tok: Token) -> set[int]:
    """The tokens coordinated with tok ("A, B and C"), tok included."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    out, frontier = {tok.i}, [tok]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ == "conj"]
        out |= {c.i for c in frontier}
    return out


def _someone(span: Span, index) -> bool:
    """A phrase that names an actor, someone, or people ("other Gulf states", "four members of his
    family"), not a thing ("other human rights violations")."""
    return any(i in index for i in range(span.start, span.end)) or _named(span) \
        or span.root.lemma_.lower() in _people()


def _others(doc: Doc, found: list[ActorMention], index, exclude: set[int]) -> list[ActorMention]:
    """Coordinated with the targets found, those whowhom has no code for but that name someone or people:
    "killed Abdullah and four other members of his family" (uncoded targets)."""
    out, seen = [], {m.head for m in found}
    for m in found:
        for i in sorted(_conjuncts(_np_head(doc[m.head]))):
            c = doc[i]
            # (a phrase already counted by an actor in it is not another: "X and 30 members of his government")
            own = {t.i for t in c.subtree} - {t.i for g in c.children if g.dep_ in ("conj", "cc") for t in g.subtree}
            if i in seen or i in exclude or any(j in index for j in range(c.left_edge.i, c.i + 1)) \
                    or any(m2.start in own for m2 in found):
                continue
            seen.add(i)
            other = _unresolved(c)
            if other is not None and _someone(doc[other.start:other.end], index):
                out.append(other)
    return out


def _coordinated_targets(sent: Span, events: list[Event], index, spans) -> list[Event]:
    """The tagger marks each of coordinated recipients ("sanctions on A, B and C", "mediation between A and
    B"); where an asserted event took one of them, the others get the event too. The new events are added
    to the sentence's and returned."""
    doc = sent.doc
    marked = [(a, b) for a, b, lab in spans if lab == "T"]
    taken = [(e.target_start, e.target_end) for e in events if e.target_start is not None]
    taken += [(e.source_start, e.source_end) for e in events if e.source_start is not None]
    at = {t.idx - sent.start_char: t for t in sent}
    added = []
    for e in [e for e in events if e.modality == "asserted" and e.target_start is not None]:
        own = next(((a, b) for a, b in marked if (c := _chars(sent, a, b))[0] < e.target_end
                    and e.target_start < c[1]), None)
        if own is None:
            continue
        chain = _conjuncts(doc[own[0]:own[1]].root)
        for a, b in marked:
            c0, c1 = _chars(sent, a, b)
            if (a, b) == own or any(lo < c1 and c0 < hi for lo, hi in taken) \
                    or doc[a:b].root.i not in chain or not _someone(doc[a:b], index):
                continue
            new = replace(e, target="")  # (coded by the actor the span names, if any)
            _take_target(new, (a, b), at[e.trigger_start], index, sent)
            added.append(new)
            taken.append((new.target_start, new.target_end))
    events += added
    return added


def _take_target(e: Event, target: tuple[int, int], trigger: Token, index: dict[int, ActorMention], sent: Span) -> None:
    """The tagger's target span (tidied) becomes the event's target, coded by the actor named in it."""
    named = [index[i] for i in range(*target) if i in index and index[i].code and index[i].code != e.source]
    lo, hi = _chars(sent, *_tidy(sent.doc, *target, trigger))
    e.target = named[0].code if named else (e.target or "")
    e.target_start, e.target_end, e.target_text = lo, hi, sent.text[lo:hi]


class EventCoder:
    """Codes events in parsed Docs, given the actor mentions found in them."""

    def __init__(self, unresolved: bool = True, bare_sectors: bool = True):
        # unresolved: a source or target phrase that names no known actor ("a car bomb") is kept with an
        # empty code, provided the other side is a known actor (GDELT's rule: at least one actor).
        # bare_sectors: "police", "rebels" with no country are actors with a blank country, as in GDELT.
        self.unresolved = unresolved
        self.bare_sectors = bare_sectors
        self.patterns = {k: sorted(v, key=_specificity) for k, v in patterns.patterns().items()}
        self.light = patterns.classes()["LIGHT"]

    # ---- actors -------------------------------------------------------------------------------
    def _actors_at(self, tok: Token, index: dict[int, ActorMention], seen=None) -> list[ActorMention]:
        """Actors a noun phrase refers to: the mention it is part of, else actor modifiers
        ("the American system" -> USA), plus coordinated phrases ("Moscow and Beijing")."""
        seen = seen if seen is not None else set()
        if tok.i in seen:
            return []
        seen.add(tok.i)
        found: list[ActorMention] = []
        if tok.i in index:
            found.append(index[tok.i])
        else:
            owners = []  # "Osama bin Laden's al-Qaeda network" is al-Qaeda: an owner only where nothing else
            for c in tok.children:
                if c.dep_ in MODIFIER_DEPS and c.i in index:
                    # with coordinated modifiers: "Russian and Chinese warships"
                    mods = [index[c.i]] + [index[g.i] for g in c.children if g.dep_ == "conj" and g.i in index]
                    (owners if c.dep_ == "poss" else found).extend(mods)
                elif c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"):
                    # "the Israeli prime minister's suggestion": the owner is the phrase's actor
                    owners.extend(self._actors_at(c, index, seen))
                elif c.dep_ == "compound":  # "U.N. mediator Diego Cordovez": U.N. modifies "mediator"
                    found.extend(index[g.i] for g in c.children if g.dep_ in MODIFIER_DEPS and g.i in index)
                elif c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ == "NOUN":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i in index:
                            found.extend(self._actors_at(p, index, seen))  # ("a number of Syrians, Iraqis and Afghans")
            found = found or owners
        # coordinated phrases: of the word itself, of its apposition ("the agency Glavkosmos and X"), and of
        # the place a composed mention took its country from ("people in Somalia, Ethiopia and Kenya")
        links = [c for c in tok.children if c.dep_ == "appos"]
        if tok.i in index:
            links += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "from", "of")
                      for p in c.children if p.dep_ == "pobj" and p.i in index and index[tok.i].country
                      and index[p.i].country == index[tok.i].country]
        for c in list(tok.children) + [g for h in links for g in h.children]:
            if c.dep_ == "conj":
                found.extend(self._actors_at(c, index, seen))
        uniq = {(m.start, m.code): m for m in found}
        return list(uniq.values())

    def _inner(self, tok: Token, index, preps=("by", "of", "from", "near", "in", "at")) -> list[ActorMention]:
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
                            found = self._actors_at(p, index)
                            (hits.extend(found) if found else nxt.append(p))
            if hits:
                return hits
            frontier = nxt
        return []

    def _subject(self, verb: Token) -> tuple[Token | None, str]:
        """The token that did the action of a verb, climbing xcomp/conj/pcomp chains when it has none."""
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
                for c in kids:
                    if c.dep_ == "agent":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                return p, "agent"
                return None, "passive"
            # (the parser sometimes hangs the subject on the auxiliary: "X however have opposed ...")
            kids += [g for c in kids if c.dep_ == "aux" and c.i < tok.i for g in c.children]
            for c in kids:
                if c.dep_ == "nsubj":
                    if c.lower_ in RELATIVE and tok.dep_ == "relcl":
                        return tok.head, "relcl"
                    if c.lower_ in PERSONAL:
                        speaker = _speaker(tok)
                        if speaker is not None:
                            return speaker, "speaker"
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

    def _targets(self, start: Token, pat, index, exclude: set[int], passive: bool,
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
                        hits = [m for m in self._actors_at(c, index) if m.start not in exclude and m.head not in cues]
                        # an actor inside the object phrase is the target ("suspended aid deliveries
                        # in Baghdad", "rejected calls by Belarus's rulers"); on the verb itself only
                        # the pattern's prepositions lead to one
                        inner = t.dep_ in ("prep", "agent") and t.head.i != start.i and t.lower_ != "according"
                        if hits and (obj or t.lower_ in pat.targets or t.i == start.i or inner):
                            found.extend(hits)
                            continue
                        nxt.append(c)
                    elif dep == "prep" and low == "of" and start.lemma_.lower() in CHARGING:
                        continue  # ("accused X of attacking Y": Y is the charge's, not the accusation's)
                    elif dep == "prep" and (low in pat.targets or t.i != start.i or (low == "of" and pat.pos == "N")
                                            or low in ("out", "away")):  # ("pulled out of X")
                        nxt.append(c)  # (an event noun's "of" phrase is its object: "suspension of links with X")
                    elif dep in ("dobj", "nsubjpass", "pcomp", "intj", "advmod", "npadvmod", "acl"):
                        nxt.append(c)
                    elif dep == "agent" and t.dep_ == "acl" and t.head.lemma_.lower() in UTTERANCES:
                        nxt.append(c)  # the author of what is answered: "rejected a resolution proposed by X"
            if found:
                return self._recipient(start, pat, index, exclude, found) + _others(start.doc, found, index, exclude)
            frontier = nxt
        return []

    def _recipient(self, start: Token, pat, index, exclude: set[int], found: list[ActorMention]):
        """"Sent troops to Mali", "offered an armoured regiment to the US": when the object is only a
        sector word with no country (the thing given) and the pattern takes a recipient, the recipient
        named by "to" or a dative is the target."""
        if not ({"to", "dative"} & set(pat.targets)) or any(m.country or m.code not in SECTORS for m in found):
            return found
        for c in start.children:
            objs = [c] if c.dep_ == "dative" and c.pos_ != "ADP" else \
                [p for p in c.children if p.dep_ == "pobj"] if c.dep_ in ("prep", "dative") and c.lower_ == "to" else []
            hits = [m for o in objs for m in self._actors_at(o, index)
                    if m.start not in exclude and (m.country or m.code not in SECTORS)]
            if hits:
                return hits
        return found

    def _left(self, heads: list[Token], index, exclude: set[int]) -> list[ActorMention]:
        """The actors a "from" phrase of these words names: the place left."""
        return [m for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children if p.dep_ == "pobj" for m in self._actors_at(p, index) if m.start not in exclude]

    def _place_in(self, verb: Token, index, exclude: set[int], named: bool = False) -> list[ActorMention]:
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
                    places = [m for m in self._actors_at(obj, index) if m.start not in exclude
                              and m.kind in ("country", "capital")]
                    if places:
                        return places
                    if first is None and any(t.ent_type_ in PLACE_ENTS for t in obj.subtree):
                        first = _unresolved(obj)
                    nxt += [p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("in", "of")]
            frontier = nxt
        return [first] if named and first is not None and first.start not in exclude else []

    def _object(self, tok, anchor, pat, cue_tokens, exclude, passive) -> Token | None:
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

    # ---- patterns ------------------------------------------------------------------------------
    def trigger_words(self, doc: Doc) -> list[int]:
        """The tokens whose word and part of speech have patterns: only they can match (_match). Kept on
        the Doc for code_sentence; they read no entity label, so they hold before and after NER."""
        found = [tok.i for tok in doc if self._patterns(tok)]
        doc.user_data[TRIGGER_WORDS] = set(found)
        return found

    def could_match(self, tok: Token) -> bool:
        """Before NER: False only when no pattern of the token can match once NER has run. NER can only
        narrow a trigger's scope (a date phrase is no cue), so a cue missing now is missing then; but a
        "-" row matched now through a date phrase may not stop the search then, so it proves nothing."""
        words = [(t.lemma_.lower(), t.lower_, t.i) for t in _scope(tok)]
        return any(pat.code != "-" and _cues_found(pat, words) is not None for pat in self._patterns(tok) or ())

    def _patterns(self, tok: Token):
        kind = patterns.kind(tok.pos_)
        if not kind:
            return None
        return self.patterns.get((tok.lemma_.lower(), kind)) or self.patterns.get((tok.lower_, kind))

    def _match(self, tok: Token):
        pats = self._patterns(tok)
        if not pats:
            return None
        scope = _scope(tok)
        words = _words(scope)  # read once, not per pattern and cue
        subject = None
        for pat in pats:
            if "subjcue" in pat.flags:
                # the cues are met by who acts: "peacekeepers arrived in X", "troops began leaving X"
                if subject is None:
                    doer = self._subject(tok)[0]
                    subject = [] if doer is None else _words([doer] + [
                        c for c in doer.children if c.dep_ in ("compound", "amod")])
                used = _cues_found(pat, subject)
            else:
                used = _cues_found(pat, words)
            if used is not None:
                # a row coded "-" says the word is no event in that use ("left Paris", "faces charges")
                return (pat, scope, used) if pat.code != "-" else None
        return None

    def _refine(self, code: str, scope: list[Token]) -> str:
        words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
        for _ in range(3):
            for cls, refined in patterns.refinements().get(code, []):
                if words & cls:
                    code = refined
                    break
            else:
                break
        return code

    # ---- coding ------------------------------------------------------------------------------
    def code_sentence(self, sent: Span, index: dict[int, ActorMention], *, doc_id: str, section: str,
                      sentence_index: int, article_date: str | None, offset: int = 0) -> list[Event]:
        events: dict[tuple, Event] = {}
        words = sent.doc.user_data.get(TRIGGER_WORDS)  # trigger_words() below, if the prefilter ran it
        hits = {tok.i: hit for tok in sent if (words is None or tok.i in words)
                and not (tok.i in index or tok.lower_ == "according" or _describes(tok)) and (hit := self._match(tok))}
        cues = {i: hit[2] for i, hit in hits.items()}  # trigger token -> the cue words its pattern matched
        for i, (pat, scope, cue_tokens) in hits.items():
            tok = sent.doc[i]
            if pat.pos == "N" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in hits \
                    and tok.head.lemma_.lower() not in self.light:
                continue  # "rejected the rebels' demands", "condemned the raid": the verb is the news
            for ev in self._code_trigger(tok, pat, scope, cue_tokens, sent, index, doc_id=doc_id,
                                         section=section, sentence_index=sentence_index,
                                         article_date=article_date, offset=offset):
                key = (ev.source, ev.target, ev.cameo, ev.source_start)
                if key not in events or events[key].confidence < ev.confidence:
                    events[key] = ev
        out = _drop_light(_drop_subsumed(list(events.values()), sent), sent, cues)
        if any(e.cameo_root != "01" and e.modality == "asserted" for e in out):
            # "X said Y attacked Z": the statement is how the event is known, not an event of its own;
            # but "X is considering sending aid to Y" keeps the consideration (014), the aid being unreal
            out = [e for e in out if e.cameo_root != "01"]
        return out

    def _code_trigger(self, tok, pat, scope, cue_tokens, sent, index, **where) -> list[Event]:
        conf = 0.9
        subj = None
        sources: list[ActorMention] = []
        anchor = tok  # where targets are searched from
        passive = False
        how = ""
        if pat.pos == "V":
            subj, how = self._subject(tok)
            passive = how in ("agent", "passive")
            if subj is not None:
                sources = self._actors_at(subj, index)
            if how == "inherited":
                conf -= 0.1
        else:
            sources = [index[c.i] for c in tok.children if c.dep_ in MODIFIER_DEPS and c.i in index]
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            # "the withdrawal of troops from Iraq": a place after "from" is where, not who
                            sources += [m for m in self._actors_at(p, index)
                                        if c.lower_ == "by" or m.kind not in ("country", "capital")]
            head = tok.head
            if not sources and tok.dep_ in ("dobj", "nsubjpass", "conj") and head.lemma_.lower() in self.light:
                subj, how = self._subject(head)
                passive = how in ("agent", "passive")
                if subj is not None:
                    sources = self._actors_at(subj, index)
                anchor = head
                conf -= 0.05
            elif not sources and "light" in pat.flags or "needverb" in pat.flags:
                return []
        if not sources and subj is not None:
            # "a car bombing by the Islamic State killed ...", "a roadside bomb near Samarra killed ...":
            # the actor named inside the subject phrase
            sources = self._inner(subj, index)
            conf -= 0.1
        if not sources and how == "passive" and self.unresolved and any(c.dep_ == "auxpass" for c in tok.children):
            # "X was arrested": whoever acted goes unnamed; the event is kept with a blank source, as GDELT
            # keeps events with one actor
            sources, conf = [_blank(tok)], conf - 0.2
        if not sources and subj is not None and self.unresolved and (m := _unresolved(subj)):
            sources, conf = [m], conf - 0.3
        if not sources:
            return []
        exclude = {i for m in sources for i in range(m.start, m.end)}
        # words of the pattern that say with what, or what was moved, not to whom: "attacked X with drones",
        # "mobilized troops for a war against Y"
        cues = {i for i in cue_tokens if i != tok.i and (_instrument(tok.doc[i])
                or tok.doc[i].dep_ == "dobj" and tok.lemma_.lower() in MOVED)}
        cues |= {c.i for i in cues for c in tok.doc[i].children if c.dep_ == "conj"}  # "with rockets and drones"
        if tok.lemma_.lower() in MOVED:
            pat = replace(pat, targets=pat.targets + ("for", "against"))  # "for an offensive against Y"
        targets = self._targets(tok, pat, index, exclude, passive, cues=cues)
        if not targets and anchor.i != tok.i:
            targets = self._targets(anchor, pat, index, exclude | {tok.i}, passive, objects=True, cues=cues)
        if not targets:
            # "threatened to break relations with Russia": the target sits in the governed verb's clause
            # (the governed verb's own prepositions count: "threatened to deliver blows to the US"); so
            # it does in a purpose clause: "began a hunger strike to protest against X"
            governed = replace(pat, targets=pat.targets + patterns.VERB_TARGETS)
            heads = [anchor] if pat.pos == "V" or anchor.i != tok.i else []
            for c in (c for h in heads for c in h.children):
                purpose = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                if (c.dep_ == "xcomp" or purpose) and not targets:
                    targets = self._targets(c, governed, index, exclude | {tok.i}, False, objects=True)
        if not targets and pat.pos == "V":
            # "demanded that the US cancel the sale": the one asked is the subject of the demanded clause,
            # also after a demand noun ("reiterated its demand that Israel ease ...")
            demand = [o for o in tok.children if o.dep_ == "dobj" and o.i in cue_tokens]
            clauses = [c for c in tok.children if c.dep_ == "ccomp"
                       and (demand or tok.lemma_.lower() not in attribution.SPEECH_VERBS)]
            clauses += [c for o in demand for c in o.children if c.dep_ in ("acl", "ccomp")]
            for c in clauses:
                if not targets:
                    subj_c = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj_c is not None:
                        targets = [m for m in self._actors_at(subj_c, index) if m.start not in exclude]
        if not targets and pat.pos == "V" and tok.lemma_.lower() not in RECEIVING:
            # "withdrew its troops from Chad", "evacuated the wounded from Gorazde": the place left
            targets = self._left([anchor], index, exclude)
        if not targets and self.unresolved and not ("reciprocal" in pat.flags and len(sources) > 1):
            obj = self._object(tok, anchor, pat, cue_tokens, exclude, passive)
            # (a phrase naming someone, or people: "freed 37 prisoners"; not "a statement")
            if obj is not None and (m := _unresolved(obj)) and (_named(obj.doc[m.start:m.end])
                                                               or obj.lemma_.lower() in _people()):
                targets = [m]
        code = self._refine(pat.code, scope)
        mod = modality(tok, cue_tokens)
        rule = f"{pat.name}@{pat.source}:{pat.line}"
        reciprocal = "reciprocal" in pat.flags
        if mod.negated_intent and patterns.negated_code(code):
            # "X does not plan an alliance with Y": X rejects cooperation with Y (one-way, asserted)
            code, mod.modality = patterns.negated_code(code), "asserted"
            rule += "+negated-intent"
            conf -= 0.1
            reciprocal = False
        elif mod.modality == "intended" and (announced := patterns.intent_code(code)):
            # "X will meet Y", "X said it would boycott Y": announcing the act is the event (CAMEO 03/13);
            # an announced act under a condition ("... unless Y withdraws") is an ultimatum.
            code = "139" if _conditioned(tok) else announced
            mod.modality = "asserted"
            rule += "+intent"
            conf -= 0.1
            reciprocal = False  # the announcement is the announcer's alone
        if all(not t.code for t in targets) and code.startswith(PLACED_ACTS):
            # "imposed a curfew in the town of Cizre in southeastern Turkey", "eased emergency measures in
            # Montenegro", "declared a ceasefire in Hodeidah", "troops remained on alert in X": restrictions
            # imposed or eased, truces and shows of force fall on the people of the place they are in
            targets = self._place_in(anchor, index, exclude, named=not targets) or targets
        if code.startswith("087") and targets and all(t.code in SECTORS for t in targets):
            # "completed its withdrawal of troops from Iraq": the forces withdrawn are not the target, the
            # place they leave is (those they surrender to are: "surrendered the town to US-backed forces")
            moved = [anchor, tok] + [c for h in (anchor, tok) for c in h.children if c.dep_ == "dobj"]
            moved += [p for h in moved for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
            if all(t.head in {h.i for h in moved} for t in targets):
                targets = self._left(moved, index, exclude)
        if code.startswith(("074", "0334")) and targets and all(not t.country for t in targets):
            # "sent troops to the UN peacekeeping mission in Mali": peacekeeping is given to the country it is
            # in, not to the organisation that runs it
            nouns = [_np_head(tok.doc[t.head]) for t in targets]
            targets = [m for n in nouns for m in self._place_in(n, index, exclude)] or targets
        if not targets and code.startswith("083"):
            # "resigned as president of Indonesia": the country whose leadership changes
            targets = [m for c in anchor.children if c.dep_ == "prep" and c.lower_ == "as"
                       for p in c.children if p.dep_ == "pobj" for m in self._inner(p, index, ("of",))
                       if m.start not in exclude and m.kind in ("country", "capital")]
        if not targets and cameo.root(code) == "13":
            # "threatened to cut gas supplies if Ukraine refuses to pay": a threat is aimed at the one whose
            # act is its condition
            targets = [m for c in _conditions(tok) for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                       for m in self._actors_at(s, index) if m.start not in exclude][:2]
        # "X met Y" is coded X -> Y only, as CAMEO coders do; a reciprocal act gets both directions only
        # when its doers are coordinated with no target ("X and Y held joint exercises"). Where the only
        # targets found are the sources themselves ("Croatia is investigating crimes by Croatian
        # extremists"), the event stands without a target.
        pairs = [(s, t, conf) for s in sources for t in targets if _distinct(s, t)]
        if not pairs and reciprocal and len(sources) > 1 and not targets:
            pairs = [(s, t, conf - 0.1) for s in sources for t in sources if _distinct(s, t)]
        if not pairs:
            pairs = [(s, None, conf - 0.1) for s in sources]
        # at least one side must be an actor: a coded one, or a named one whowhom has no code for
        # ("the Civil Liberties Organisation demanded ..."), as GDELT keeps actors it cannot code
        doc = tok.doc
        pairs = [(s, t, c) for s, t, c in pairs
                 if any(m is not None and (m.code or _named(doc[m.start:m.end])) for m in (s, t))]
        reporter = attribution.reported_by(tok, sent)
        if reporter and reporter.split()[0].lower() in PRONOUNS and len(reporter.split()) == 1:
            reporter = None
        date = attribution.event_date(tok, where["article_date"])
        demanded = self._demand(tok, sources, index, mod, date, sent, where) if mod.modality == "asserted" else []
        if demanded or (mod.modality == "asserted" and _obliged(tok) is not None):
            mod.modality = "hypothetical"  # what one side must do (says another) has not happened
        events = [self._event(s, t, c, tok, code, mod.modality, reporter, date, rule, sent, **where)
                  for s, t, c in pairs]
        if cameo.root(code) == "14":
            # a protest that names no target ("opposition parties in Nepal called a general strike") is
            # aimed at the protesters' own state: NPLOPP -> NPL, so domestic unrest enters the country's
            # own dyad (marked +domestic in the rule; the event keeps no target span)
            for ev, (s, t, _) in zip(events, pairs):
                if t is None and s.country and s.code != s.country:
                    ev.target, ev.rule = s.country, ev.rule + "+domestic"
        return demanded + events

    def _demand(self, tok, obliged, index, mod, date, sent, where) -> list[Event]:
        """"X said Y must withdraw": X demands (CAMEO 100) of Y; the withdrawal is only demanded."""
        verb = _obliged(tok)
        if verb is None:
            return []
        if verb.dep_ not in ("ccomp", "parataxis") or verb.head.lemma_.lower() not in attribution.SPEECH_VERBS:
            return []
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "VERB":
            # "The Red Cross operating in Iraq said ...", parsed with the participle as the subject
            subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
        speakers = self._actors_at(subj, index) if subj is not None else []
        return [self._event(s, o, 0.7, verb.head, "100", "asserted", None, date, "demand:must-clause", sent, **where)
                for s in speakers for o in obliged if o.code and _distinct(s, o)]

    def _event(self, src, tgt, conf, tok, code, mod, reporter, date, rule, sent, *, doc_id, section,
               sentence_index, article_date, offset) -> Event:
        base = sent.start_char
        text = sent.text  # (sent.doc.text would join the whole document's tokens again)
        pl = plover.plover(code)
        s_lo, s_hi = _phrase(src, sent, tok) if src.kind != "blank" else (None, None)
        t_lo, t_hi = _phrase(tgt, sent, tok, target=True) if tgt else (None, None)
        return Event(
            doc_id=doc_id, section=section, sentence_index=sentence_index, sentence=text,
            start=offset + base, end=offset + sent.end_char,
            source=src.code, source_text=text[s_lo - base:s_hi - base] if s_lo is not None else "",
            source_start=s_lo - base if s_lo is not None else None,
            source_end=s_hi - base if s_lo is not None else None,
            target=tgt.code if tgt else None, target_text=text[t_lo - base:t_hi - base] if tgt else None,
            target_start=t_lo - base if tgt else None, target_end=t_hi - base if tgt else None,
            trigger=tok.text, trigger_start=tok.idx - base, trigger_end=tok.idx + len(tok.text) - base,
            cameo=code, cameo_root=cameo.root(code), cameo_name=cameo.name(code),
            goldstein=cameo.goldstein(code), quad_class=cameo.quad_class(code), penta=cameo.penta(code),
            plover=pl.type, plover_mode=pl.mode, plover_context=pl.context,
            modality=mod, reported_by=reporter, event_date=date,
            confidence=round(max(0.05, min(conf, 1.0)), 2), rule=rule,
        )

    def code_doc(self, doc: Doc, mentions: list[ActorMention], *, doc_id: str, section: str,
                 article_date: str | None, offset: int = 0, first_sentence: int = 0,
                 later: list | None = None) -> list[Event]:
        """Events of a parsed text. `offset` and `first_sentence` place a piece of a section (its first
        character and the index of its first sentence) within the section. With `later` (a list), the
        trained components' weighing is left to weigh_all(later), which sets the events in place."""
        mentions = _placed(doc, mentions)
        if self.bare_sectors:
            mentions = _domestic(doc, mentions)
        index = {i: m for m in mentions if m.country or m.code not in SECTORS or self.bare_sectors
                 for i in range(m.start, m.end)}
        coded = [(sent, self.code_sentence(sent, index, doc_id=doc_id, section=section,
                                           sentence_index=first_sentence + n,
                                           article_date=article_date, offset=offset))
                 for n, sent in enumerate(doc.sents)]
        coded = [(sent, events) for sent, events in coded if events]
        found = [e for _, events in coded for e in events]
        if coded and later is not None:
            later.append((coded, index, found))
        elif coded:
            weigh_all([(coded, index, found)])
        return found
