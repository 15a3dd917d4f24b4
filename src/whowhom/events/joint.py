"""Joint acts: what two actors do together ("A and B held talks", "the China-Japan summit", "A met B",
"clashes between A and B", "A and B accused each other") is coded both ways, A -> B and B -> A, as the news
coding guide asks. Patterns flagged `reciprocal` in data/events/triggers.tsv are joint acts; so are acts coded
as meeting, negotiating, signing or cooperating ("A and B pledged to restart negotiations": 036 both ways).

Also the actors one phrase names together: "U.S.-Russian" and "the two sides" (actors/plural.py) are
mentions that share their words; the coder's index keeps them all (Index)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from whowhom.actors import ActorMention
from whowhom.events import patterns
from whowhom.events.filters import distinct
from whowhom.events.phrases import np_head

PARTNER_PREPS = ("with", "between", "among", "amongst", "alongside")
RECIPROCAL_PRONOUNS = {("each", "other"), ("one", "another")}
HYPHENS = {"-", "–", "—"}
JOINT_CODES = ("036", "040", "041", "046", "057", "06", "0871")
AGREEING = {"agree", "concur"}
# Prepositions that place an act in a joint one's time or setting: "played catch during talks", "donned
# uniforms after three days of talks", "agreed at a summit".
SETTING_PREPS = ("during", "after", "before", "at", "on", "in", "of", "for", "amid", "following", "ahead")


class Index(dict):
    """Token -> actor mention, as the coder reads it; where one phrase names several actors ("U.S.-Russian",
    "the two leaders"), `together` gives all of them for each of its tokens."""

    def __init__(self, mentions):
        super().__init__()
        self.together: dict[int, list[ActorMention]] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                if i in self and self[i].code != m.code and (self[i].start, self[i].end) == (m.start, m.end):
                    self.together.setdefault(i, [self[i]]).append(m)
                self[i] = m


def members(index, i: int) -> list[ActorMention]:
    """The actors the mention at token i stands for: one, or all that share its words."""
    together = getattr(index, "together", None)
    return together.get(i, [index[i]]) if together else [index[i]]


@lru_cache(maxsize=1)
def _joint_words() -> frozenset[tuple[str, str]]:
    """(lemma, pos) of the words some reciprocal pattern has: the joint acts."""
    return frozenset(k for k, pats in patterns.patterns().items() if any("reciprocal" in p.flags for p in pats))


def is_joint_word(tok: Token) -> bool:
    """A word some reciprocal pattern has ("talks", "negotiations", "summit")."""
    kind = patterns.kind(tok.pos_)
    return bool(kind) and ((tok.lemma_.lower(), kind) in _joint_words() or (tok.lower_, kind) in _joint_words())


def mutual(tok: Token, pat, code: str, cue_tokens) -> bool:
    """Whether doers coordinated with no target do the act to each other: a joint act (its pattern is
    reciprocal, its code one of meeting, negotiating, signing, cooperating, a ceasefire, or the intent to meet
    or negotiate that "X and Y will meet" becomes), a consultation over a joint act ("reopened their peace
    talks"), or any act done to "each other"."""
    if "reciprocal" in pat.flags or code.startswith(JOINT_CODES) or each_other(tok):
        return True
    if code.startswith("03") and tok.lemma_.lower() in AGREEING:
        return True  # "A and B agreed to ...": an agreement is made between its parties
    return code.startswith("04") and any(is_joint_word(tok.doc[i]) for i in cue_tokens if i != tok.i)


def pair_reference(sources: list[ActorMention]) -> bool:
    """Doers named by one reference to a pair ("both sides", "the two sides", actors/plural.py): what they do
    to no one named they do to each other ("both sides claimed heavy losses", "the two sides use heavy
    artillery", "both sides said they were hopeful")."""
    # (not a phrase that coordinates its own two: "Kenyan and Ugandan police arrested ten suspects" act together)
    return len(sources) == 2 and (sources[0].start, sources[0].end) == (sources[1].start, sources[1].end) \
        and sources[0].code != sources[1].code and all(s.code for s in sources) \
        and " and " not in sources[0].text.lower()


def each_other(tok: Token) -> bool:
    """"accused each other", "fired at one another": the doers act on themselves, each on the other."""
    for t in tok.subtree:
        if t.i > tok.i and (t.doc[t.i - 1].lower_, t.lower_) in RECIPROCAL_PRONOUNS and _in_clause(t, tok):
            return True
    return False


def _in_clause(t: Token, verb: Token) -> bool:
    """Whether t belongs to the verb's own clause (no other verb in between, but for a preposition's gerund)."""
    while t.i != verb.i:
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i != verb.i and t.pos_ in ("VERB", "AUX") and t.dep_ != "pcomp":
            return False
    return True


def partners(tok: Token, index) -> list[ActorMention]:
    """The parties a joint-act noun names itself: its actor modifiers, with those joined to them by a
    hyphen ("Israeli-Palestinian talks", "the China-Japan summit", "U.S.-Russian talks"), and the objects of
    "between" and "among" ("clashes between A and B")."""
    from whowhom.events.roles import MODIFIER_DEPS, actors_at

    named = [m for c in tok.children if c.dep_ in MODIFIER_DEPS for m in actors_at(c, index) + _hyphened(c, index)]
    # ("clashes erupted between A and B", "talks were held among X, Y and Z": on the verb of which the noun
    # is the subject); parties only where they are two ("clashes between police and rioters" names one)
    verb = [tok.head] if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") else []
    among = [m for c in list(tok.children) + [c for v in verb for c in v.children]
             if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst")
             for p in c.children if p.dep_ == "pobj" for m in actors_at(p, index)]
    found = _unique(named + among)
    return found if len({m.code for m in found}) > 1 else _unique(named)


def _hyphened(tok: Token, index) -> list[ActorMention]:
    """Actors joined to a modifier's words by hyphens, leftwards: "Israeli - Palestinian", "U.S. - Japan - South
    Korea"."""
    doc, out = tok.doc, []
    i = index[tok.i].start if tok.i in index else tok.i
    while i >= 2 and doc[i - 1].text in HYPHENS and i - 2 in index:
        m = index[i - 2]
        out += members(index, m.start)
        i = m.start
    return out


def noun_parties(tok: Token, index, light_head: bool) -> list[ActorMention]:
    """The parties of a joint-act noun: those it names (partners), else, where no light verb carries it, those
    of the act it is the setting of (setting_partners)."""
    return partners(tok, index) or ([] if light_head else setting_partners(tok, index))


def setting_partners(tok: Token, index) -> list[ActorMention]:
    """The parties of a joint-act noun that names none itself, from the act it is the setting of: the subject of
    the verb and its partner after "with" ("Fukuda played catch with Wen during talks", "the two leaders met
    after three days of talks")."""
    from whowhom.events.roles import actors_at

    t = tok
    for _ in range(4):  # noun -> preposition -> (noun -> preposition ->) verb
        if t.dep_ not in ("pobj", "prep") or t.head.i == t.i or (t.dep_ == "prep" and t.lower_ not in SETTING_PREPS):
            return []
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            break
    else:
        return []
    if t.pos_ not in ("VERB", "AUX"):
        return []
    found = [m for c in t.children if c.dep_ == "nsubj" for m in actors_at(c, index)]
    for c in [t] + [o for o in t.children if o.dep_ == "dobj"]:
        for p in (p for p in c.children if p.dep_ == "prep" and p.lower_ == "with"):
            found += [m for o in p.children if o.dep_ == "pobj" for m in actors_at(o, index)]
    found = _unique(found)
    return found if len({m.code for m in found if m.code}) > 1 else []


def partner_target(tok: Token, target: ActorMention, pat) -> bool:
    """Whether a target of a joint act is its partner, who did the act too: named after "with", "between"
    ("held talks with B", "clashed with B"), or the object of a verb that takes its partner so ("met B")."""
    doc = tok.doc
    t = np_head(doc[target.head])
    if t.dep_ == "dobj" and t.head.i == tok.i:
        return "dobj" in pat.targets
    for _ in range(6):
        if t.head.i == t.i or t.i == tok.i:
            return False
        if t.dep_ == "prep":
            return t.lower_ in PARTNER_PREPS
        t = t.head
    return False


def hyphened(doc, mentions: list[ActorMention], index) -> list[ActorMention]:
    """The mentions with the partners a hyphen joins them to ("Israeli-Palestinian", "China-Japan")."""
    out = list(mentions)
    for m in mentions:
        for dash, other in ((m.start - 1, m.start - 2), (m.end, m.end + 1)):
            if 0 <= other < len(doc) and doc[dash].text in ("-", "–") and other in index \
                    and index[other].country and all(index[other] is not o for o in out):
                out.append(index[other])
    return out


def pairs(tok: Token, pat, sources: list[ActorMention], targets: list[ActorMention], conf: float,
          together: bool, mirrored: bool) -> list[tuple]:
    """(source, target, confidence) of an act. Where the doers do it `together` (mutual), doers coordinated
    with no target act on each other; with `mirrored`, a partner target acts on the doer too ("A met B": B -> A
    as well)."""
    out = [(s, t, conf) for s in sources for t in targets if distinct(s, t)]
    if together and len({s.country for s in sources if s.country}) > 1 \
            and all(t.country in {s.country for s in sources} for t in targets):
        targets = []  # "the two men agreed to increase exchanges between the two countries": with each other
        out = []
    if mirrored:
        out += [(t, s, conf - 0.1) for s in sources for t in targets
                if s.code and t.code and distinct(s, t) and partner_target(tok, t, pat)]
    if not targets and len(sources) > 1 and together:
        doers = narrowest(sources)
        out += [(s, t, conf - 0.1) for s in doers for t in doers if distinct(s, t)]
    return out


def evidence(events, pairs, sources, targets) -> None:
    """Where the sentence gives the actors of a joint act: a target inferred from the co-doers ("A and B held
    talks": A -> B, B -> A) or from the doer of a mirrored event ("A met B": B -> A) was not read as a target,
    nor was a mirrored event's source read as a source: those keep their words but not their places in the
    sentence (so the roles the sentence gives are read once, and the role tagger gives them no other target),
    and the event is marked +joint."""
    for e, (s, t, _) in zip(events, pairs):
        mirror = any(s is m for m in targets)
        if mirror or (t is not None and any(t is m for m in sources)):
            e.target_start = e.target_end = None
            if mirror:
                e.source_start = e.source_end = None
            e.rule += "+joint"


def _unique(found: list[ActorMention]) -> list[ActorMention]:
    return narrowest(list({(m.start, m.code): m for m in found}.values()))


def narrowest(found: list[ActorMention]) -> list[ActorMention]:
    """Without an actor another one found is part of: "his Chinese counterpart Wen Jiabao" names CHN and
    CHNGOV, one party (CHNGOV), not two."""
    return [m for m in found if not any(o.code != m.code and o.code.startswith(m.code) and m.code for o in found)]
