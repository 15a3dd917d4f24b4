"""Speech coded by what it does: "X said Y raided houses" is X accusing Y (CAMEO 112), "X said it did not
fire" a denial (016), "X said Y must withdraw" an appeal to Y (02), "X said Y's plan is a threat to the
region" criticism of Y (111) and "... a success" praise (051). A plain statement (010) is left where the
reported content says none of these (the news coding guide: "code speech by what it does").

The content is the clause the speech verb reports (its ccomp or parataxis: "X said (that) ...", "'...,' X
said", "X said: '...'"), read through the parse; the acts in it are the events the coder found there."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from whowhom.actors import ActorMention
from whowhom.events import joint, patterns, roles
from whowhom.events.attribution import SPEECH_VERBS
from whowhom.events.event import Event
from whowhom.events.filters import two_people
from whowhom.actors.context import SECTORS
from whowhom.events.modality import HYPO_AUX, INTENT_AUX, INTENT_VERBS, OBLIGATION
from whowhom.nlp import TokensAt

CONTENT_DEPS = ("ccomp", "parataxis")
# Sectors of a state: what the army, the police or a ministry did is the government's side's own act.
STATE = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", ""}
HOSTILE_ROOTS = {"15", "17", "18", "19", "20"}  # (a protest is no wrong to charge anyone with)
# Verbs that put an obligation on their subject through a "to" clause: "Y has to go", "Y needs to do more".
OBLIGING = {"have", "need", "ought"}
# Verbs whose complement says what their subject is: the predicate is an evaluation of it.
COPULAS = {"be", "seem", "remain", "become", "appear", "look", "sound", "prove"}
VALENCE = 0.3  # |VADER compound| of the predicate from which it says something of its subject
DEED_VALENCE = 0.6  # |VADER compound| of a deed told from which the telling blames or praises the doer
# Verbs of the speaker's own mind: "I don't see (think, believe) that ..." denies no act.
MINDING = {"see", "think", "believe", "feel", "expect", "hope", "consider", "understand", "speak"}


@dataclass
class Act:
    code: str
    targets: list[ActorMention]
    why: str  # how it was read, for the event's rule


def speech_verb(tok: Token, code: str) -> bool:
    """A verb of saying coded as a plain statement, whose content may tell what the speech does."""
    return code == "010" and tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS


def audience(told: list[ActorMention]) -> list[ActorMention]:
    """Whom a statement is told to, less the press: "told reporters", "speaking to the press", "told AFP"
    is how a statement is made public, not an act towards the media (as ICEWS codes it)."""
    return [m for m in told if not (m.kind == "media" or m.sector == "MED")]


def saying_last(hits: dict, doc) -> list:
    """A sentence's trigger hits (token index -> (pattern, ...)) with the verbs of saying last: what a
    statement does is read from the events of what it reports (act)."""
    return sorted(hits.items(), key=lambda h: speech_verb(doc[h[0]], h[1][0].code))


def content(verb: Token) -> list[Token]:
    """The heads of the clauses a speech verb reports. Where the report comes first ("'...,' said X, who
    wrote ..."), a clause after the verb is the speaker's, misparsed."""
    saying = roles.as_saying(verb)  # ("quoted X as saying he had asked Y to ...")
    kids = list(verb.children) + (list(saying.children) if saying is not None else [])
    heads = [c for c in kids if c.dep_ in CONTENT_DEPS and not _question(c)]
    return [h for h in heads if h.i < verb.i] or heads


def _aside(verb: Token, found: list[Event], sent: Span) -> bool:
    """"X staged rallies against Y, saying Y must resign": a participle of saying on a coded act gives the
    act's reason; the act is the event."""
    if verb.tag_ != "VBG" or verb.dep_ == "ROOT" or any(c.dep_ == "nsubj" for c in verb.children):
        return False
    head = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)  # (whatever the parse hangs it on)
    return head is not None and any(e.trigger_start == head.idx - sent.start_char and e.cameo_root != "01"
                                    for e in found)


def _question(clause: Token) -> bool:
    """An indirect question reports no claim: "explained why Y did it", "asked whether Y would come"."""
    first = clause.left_edge
    return first.tag_ in ("WRB", "WP", "WDT") or (first.lower_ in ("whether", "if") and first.dep_ == "mark")


def act(verb: Token, speakers: list[ActorMention], told: list[ActorMention], index: dict[int, ActorMention],
        found: list[Event], sent: Span) -> Act | None:
    """What a statement does, read from its content; None for a plain statement to those `told` (the
    targets the verb found itself: "told Y"), or one about the actor its content is about."""
    heads = content(verb)
    speakers = [s for s in speakers if s.code]
    if not heads or not speakers:
        return None
    if any(e.rule.startswith("demand:") for e in found) or _aside(verb, found, sent):
        return None  # (the coder's _demand took "X said Y must withdraw")
    clauses = _clauses(heads)
    return (_does(clauses, heads, speakers, index, found, sent, _told(verb, heads))
            or (None if told else _about(clauses, speakers, index)))


def quoted_act(sent: Span, speaker: ActorMention, index: dict[int, ActorMention], found: list[Event]) -> Act | None:
    """What a sentence of a quotation with no verb of saying of its own does, said by the one quoted
    (actors/voices.py: '"S1," he said. "S2."'), read as the content of a statement is: an appeal, an
    accusation, a denial, criticism or praise, or a plain statement about the actor that is its subject;
    None where it is about no one."""
    heads = [sent.root]
    clauses = _clauses(heads)
    return (_does(clauses, heads, [speaker], index, found, sent, True)
            or _about(clauses, [speaker], index))


def _does(clauses, heads, speakers, index, found, sent, told: bool) -> Act | None:
    """What reported content does beyond stating: an appeal, an accusation, a denial, criticism or praise
    (`told`: the speaker tells it as their own word, _told)."""
    return (_appeal(clauses, speakers, index) or _accusation(told, heads, speakers, index, found, sent)
            or _denial(clauses, speakers, index) or _evaluation(clauses, heads, speakers, index, found, sent, told)
            or _mood(clauses, speakers, index))


# How speakers say they see what is to come: CAMEO's optimistic (013) and pessimistic (012) comments.
HOPEFUL = {"hopeful", "optimistic", "confident", "upbeat"}
GLOOMY = {"pessimistic", "worried", "concerned", "sceptical", "skeptical", "doubtful", "gloomy", "fearful"}


def _mood(clauses, speakers, index) -> Act | None:
    """"Both sides said they were hopeful the swap could lead to talks", "we are worried that ...": the
    speaker's own outlook is an optimistic (013) or pessimistic (012) comment."""
    for h in clauses:
        if h.lemma_.lower() not in COPULAS or any(c.dep_ == "neg" for c in h.children):
            continue
        _, own = _doers(h, speakers, index)
        words = {c.lower_ for c in h.children if c.dep_ in ("acomp", "attr")}
        if own and words & HOPEFUL:
            return Act("013", [], "hopeful")
        if own and words & GLOOMY:
            return Act("012", [], "gloomy")
    return None


def _about(clauses, speakers, index) -> Act | None:
    """A plain statement is about the actor that is its content's subject: not a thing an actor is named
    in ("the wording of the treaty with Y does not differ"), nor the speaker's own side or country."""
    for h in clauses:
        about, _ = _doers(h, speakers, index)
        if about and _acts(h, index) and not any(own(s, m) for s in speakers for m in about):
            return Act("010", about, "about")
    return _named(clauses, speakers, index)


def _named(clauses, speakers, index) -> Act | None:
    """Else a statement is about the one country its content names that is not the speaker's own side
    ("Taylor squandered his chance to turn Liberia to peace", "the policy of the UAE"); where it names
    several, it is about none of them in particular, nor about parties a phrase names together ("the
    wording of the Russian-Chinese treaty")."""
    named: dict[str, ActorMention] = {}
    for h in clauses:
        for t in h.subtree:
            m = index.get(t.i)
            if m is not None and m.country and not _paired(t, index) and not any(own(s, m) for s in speakers):
                named.setdefault(m.country, m)
    return Act("010", list(named.values()), "named") if len(named) == 1 else None


def _paired(tok: Token, index) -> bool:
    """A party named with another in one hyphened phrase: "Russian-Chinese", "U.S.-Russian"."""
    return len(joint.members(index, tok.i)) > 1 or len(joint.hyphened(tok.doc, [index[tok.i]], index)) > 1


def _clauses(heads: list[Token]) -> list[Token]:
    """The reported clauses one by one: coordinated ones ("there are 640 roadblocks and Y lifted none"), and
    those reported in turn ("X said Y's speech showed that ...", "I think that ...")."""
    out = []
    for h in heads:
        for c in [h] + [c for c in h.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]:
            out.append(c)
            out += [g for g in c.children if g.dep_ == "ccomp"]
    return out


def own(speaker: ActorMention, m: ActorMention) -> bool:
    """The speaker's own side or country."""
    return one_side(speaker, m) or bool(speaker.country and speaker.country == m.country)


def one_side(a: ActorMention, b: ActorMention) -> bool:
    """One side: the same actor, or organs of one state ("the ministry said troops killed ..."); a state
    body whose country is not named is taken for the other's ("the defence ministry said Russian forces
    ...", "the defence minister said Colombia is ...")."""
    if a.code == b.code:
        return True
    if (a.sector or "") not in STATE or (b.sector or "") not in STATE:
        return False
    return _bare(a) or _bare(b) or (a.country is not None and a.country == b.country)


def _bare(m: ActorMention) -> bool:
    return not m.country and m.code in SECTORS


def _quoted(heads: list[Token]) -> bool:
    """Whether the content stands in quotation marks (at its edges: an apostrophe inside is none)."""
    doc = heads[0].doc
    lo = min(h.left_edge.i for h in heads)
    hi = max(h.right_edge.i for h in heads)
    edges = list(doc[max(lo - 1, 0):lo + 1]) + list(doc[hi:min(hi + 3, len(doc))])  # ('...," X said')
    return any(t.is_quote for t in edges)


def _mention(e: Event, index: dict[int, ActorMention], sent: Span) -> ActorMention | None:
    """The actor mention that is an event's source (inside its source span)."""
    if e.source_start is None or not e.source:
        return None
    lo, hi = sent.start_char + e.source_start, sent.start_char + e.source_end
    return next((m for m in index.values() if m.code == e.source and lo <= m.start_char < hi), None)


def _reported(tok: Token, heads: list[Token]) -> bool:
    """Whether a word of the content is what it reports, not a description of something named in it ("Y
    must return a helicopter that was captured by Z", "assets they lost when Z expelled them")."""
    while tok not in heads and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl"):
            return False
        tok = tok.head
    return tok in heads


def _told(verb: Token, heads: list[Token]) -> bool:
    """Whether the speaker tells the content as their own word: reported after the verb ("X said Y ...") or
    quoted; an act only attributed at the end of a report ("Y shelled the town, police said") is news the
    speaker gives."""
    return any(h.i > verb.i for h in heads) or _quoted(heads)


def _accusation(told: bool, heads, speakers, index, found, sent) -> Act | None:
    """"Fatah said Hamas forces raided houses": a hostile act the content reports, done by another side than
    the speaker's, is an accusation of the doer (an act the content names by a noun, "the 1990 civil war",
    is background). An act only attributed at the end of a report ("Y shelled the town, police said") is
    news the speaker gives, not a charge, unless the speaker is quoted. A doer whose side is not known
    ("gunmen", "the army" of no country) is charged with nothing. (`told`: _told.)"""
    if not told:
        return None
    at = TokensAt(sent)
    doers = []
    for e in found:
        tok = at.get(e.trigger_start)
        if e.cameo_root in HOSTILE_ROOTS and e.modality == "asserted" and tok is not None and tok.pos_ == "VERB" \
                and _reported(tok, heads):
            m = _mention(e, index, sent)
            if m is not None and (m.country or not m.sector) and not any(one_side(s, m) for s in speakers) \
                    and m not in doers:
                doers.append(m)
    return Act("112", doers, "accuse") if doers else None


def _doers(clause: Token, speakers, index, judged: bool = False) -> tuple[list[ActorMention], bool]:
    """Who a reported clause is about (its subject's actors), and whether that is the speaker's own side:
    "we", "I", a pronoun standing for the speaker, or an organ of the speaker's state. What is `judged`
    (blamed or praised) is the speaker's own only when it is the speaker: officials of one state judge
    each other ("the aide said the president's call was inappropriate"), though not in the deeds they
    report of each other ("the ministry said troops killed ...")."""
    subj, how = roles.subject(clause)
    if subj is None and judged and how == "passive":  # ("Y's trip was justified": what is judged is Y's)
        subj = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return [], False
    if how == "speaker" or subj.lower_ in ("i", "we"):
        return [], True
    found = roles.actors_at(subj, index) or roles.inner(subj, index)
    same = _same if judged else one_side
    return found, bool(found) and all(any(same(s, m) for s in speakers) for m in found)


def _same(a: ActorMention, b: ActorMention) -> bool:
    """One side: one code, unless two people of it ("the aide said Trump's call was ..."; but "the police
    commissioner said police alone cannot ..."), the speaker's country itself ("Kosovo will become ..."), or
    a state body with no country of its own, which stands for the other's."""
    return (a.code == b.code and not two_people(a, b)) \
        or (one_side(a, b) and (_bare(a) or _bare(b))) \
        or (a.country is not None and a.country == b.country and not (a.sector and b.sector))


def _acts(verb: Token, index) -> bool:
    """Whether the subject of a verb is itself an actor, not a thing an actor is named in: a side that
    did not do something ("Y did not lift the roadblock"), not "the wording of the Y treaty does not
    differ"."""
    subj, _ = roles.subject(verb)
    return subj is not None and bool(roles.actors_at(subj, index))


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in INTENT_AUX | HYPO_AUX | OBLIGATION for c in verb.children)


def _denial(clauses, speakers, index) -> Act | None:
    """"It is not true that ...", "X said it was not involved in ...": the speaker denies (016) an act of
    its own side, or that a charge is true. (What it will not do is an intention: modality's business.)"""
    for h in clauses:
        negated = any(c.dep_ == "neg" for c in h.children)
        if not negated or _modal(h):
            continue
        if h.lemma_.lower() in COPULAS:
            if any(c.dep_ == "acomp" and c.lower_ == "true" for c in h.children):
                return Act("016", [], "deny")
            continue  # ("police are not able to ...", "they are not believers"): no act denied
        if h.pos_ == "VERB" and h.lemma_.lower() not in MINDING and _doers(h, speakers, index)[1]:
            return Act("016", [], "deny")
    return None


def obligation_code(verb: Token) -> str:
    """What "X said Y must / should ..." is: "must" a demand (CAMEO 100), "should", "has to", "needs to" an
    appeal (020), as the news gold codes them ("there must be no exceptions" a demand, "the government
    should act" an appeal) and Multi-CoPED files "must" clauses under verbal conflict."""
    return "100" if any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children) else "020"


def _appeal(clauses, speakers, index) -> Act | None:
    """"X said Y should (must, has to, needs to) ...": X appeals to (demands of) Y; what Y is asked to do
    is only asked (the coder's _demand marks it)."""
    for h in clauses:
        obliged = any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in h.children) or (
            h.lemma_.lower() in OBLIGING and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                                 for c in h.children))
        if not obliged or any(c.dep_ in ("nsubjpass", "auxpass") for c in h.children):
            continue  # ("Y must not be allowed to ..." asks no one in particular)
        asked, own = _doers(h, speakers, index)
        if asked and not own:
            code = obligation_code(h)
            return Act(code, asked, "demand" if code == "100" else "appeal")
    return None


@lru_cache(maxsize=1)
def _sentiment():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def valence(words: list[Token], negated: bool, threshold: float = VALENCE) -> int:
    """-1 blame, 1 praise, 0 neither: the VADER sentiment of the words (in their order), or the coder's own
    words of blame and praise that call someone something (classes NEGADJ and POSADJ: "a rogue state")."""
    score = _sentiment().polarity_scores(" ".join(t.text for t in sorted(words, key=lambda t: t.i)))["compound"]
    if abs(score) >= threshold:
        return 1 if score > 0 else -1
    classes = patterns.classes()
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    hit = -1 if lemmas & classes["NEGADJ"] else 1 if lemmas & classes["POSADJ"] else 0
    return -hit if negated else hit


# Words for the unknown doers of a hostile act: "those responsible", "the attackers were cowards"
PERPETRATORS = {"responsible", "perpetrator", "attacker", "assailant", "culprit", "killer", "bomber", "gunman",
                "gunmen", "terrorist", "murderer", "kidnapper"}


def _deed_judged(clause: Token) -> bool:
    """Blame with no actor named is criticism only of an act, or of the unknown doers of a hostile one: its
    subject is a noun the event lexicon knows as an act, its cues met ("the bombing was a cowardly act", "the
    phone call was inappropriate"), or "those responsible". A grim word about a disease, an advert or a drug
    ("plague is always fatal", "meth is a problem") blames no one."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None:
        return False
    words = list(subj.subtree)
    present = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if present & PERPETRATORS:
        return True
    pats = patterns.patterns()
    return any(t.pos_ == "NOUN" and any(all(not cue.isdisjoint(present) for cue in p.cues)
                                        for p in pats.get((t.lemma_.lower(), "N"), ()))
               for t in words)


def _stative(verb: Token) -> bool:
    """A passive participle with no doer that says what its subject is: "was justified", "was rigged"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in verb.children) \
        and not any(c.dep_ in ("agent", "dobj", "xcomp", "ccomp") for c in verb.children)


def _predicate(clause: Token) -> list[Token]:
    """A clause's words but its subject's: what it says its subject did."""
    subj = roles.subject(clause)[0]
    said = set(subj.subtree) if subj is not None else set()
    return [t for t in clause.subtree if t not in said]


def _evaluation(clauses, heads, speakers, index, found, sent, told: bool = True) -> Act | None:
    """"X said Y's plan is a threat to the region": what the content predicates of Y (the complement of a
    copula) in words of blame is criticism of Y (111), in words of praise, praise (051). Blame with no actor
    named stays criticism where it judges an act ("X said the bombing was a cowardly act", _deed_judged);
    praise needs someone praised. What
    another side did not do, the speaker holds against it: "X said Y did not lift any roadblock" (said, not
    believed: "X said he believed Y had not ..."); what it did, told (`told`) in strong words of blame or
    praise, is criticism or praise of it."""
    for h in clauses:
        if any(c.dep_ == "expl" for c in h.children):
            continue  # ("there were two boys among the dead")
        negated = any(c.dep_ == "neg" for c in h.children)
        preds = [c for c in h.children if c.dep_ in ("attr", "acomp", "oprd")]
        judged = h.lemma_.lower() in COPULAS and bool(preds)
        # ("Y's trip was justified", "Y was involved in ...": a state; "three civilians were killed" is a deed)
        stative = not judged and _stative(h) and not any(e.trigger_start == h.idx - sent.start_char for e in found)
        if stative:
            preds, judged = [h], True
        about, own = _doers(h, speakers, index, judged=judged)
        if own:
            continue
        if judged and not any(p.lemma_.lower() in INTENT_VERBS for p in preds):
            # (not a stance: "Y is ready to ...", which modality reads as an intention)
            if stative:  # (the participle, its adverbs and its subject's determiner: "no whales were killed")
                words = [h] + [c for c in h.children if c.dep_ in ("advmod", "neg")] \
                    + [d for c in h.children if c.dep_ == "nsubjpass" for d in c.children if d.dep_ == "det"]
            else:
                words = [t for p in preds for t in p.subtree] + [c for c in h.children if c.dep_ == "neg"]
            tone = valence(words, negated)
        elif (negated or told) and about and not _modal(h) and h.pos_ == "VERB" \
                and (h in heads or h.dep_ == "conj" and h.head in heads) and _acts(h, index):
            # a deed of another side: not done, held against it; told in words of blame or praise, blame or
            # praise of it ("X said Y has corrected an historic injustice", "... Y betrayed its people")
            tone = -1 if negated else valence(_predicate(h), False, DEED_VALENCE)
        else:
            continue
        if tone < 0 and (about or _deed_judged(h)):
            return Act("111", about, "criticize")
        if tone > 0 and about:
            return Act("051", about, "praise")
    return None
