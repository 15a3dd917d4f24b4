"""Modality of an event: asserted, negated, hypothetical or intended; and the obligation ("Y must
withdraw") and conditions ("if Y refuses") that qualify it.

We read the clause chain from the trigger up to the verb that governs it, stopping where reported
speech begins (the speech verb's modality is the reporter's, not the event's)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whowhom.events.attribution import SPEECH_VERBS, date_phrase

# Deps that keep us inside the event's own clause chain when climbing from the trigger.
CLIMB = {"xcomp", "pcomp", "prep", "pobj", "dobj", "nsubjpass", "attr", "acomp", "amod", "compound",
         "ccomp", "advcl", "oprd", "acl", "conj"}
INTENT_AUX = {"will", "shall", "'ll", "wo"}
HYPO_AUX = {"could", "may", "might", "would", "can", "should", "ca", "'d"}
INTENT_VERBS = {"plan", "intend", "want", "hope", "seek", "aim", "prepare", "expect", "mean", "wish",
                "promise", "pledge", "vow", "swear", "offer", "agree", "vote", "decide", "threaten", "schedule",
                "propose", "push", "move", "look", "intention", "intent", "desire",
                "willingness", "readiness", "bid", "willing", "ready", "prepared", "committed", "determined",
                "eager", "set", "poised"}
HYPO_WORDS = {"consider", "mull", "weigh", "discuss", "suggest", "possible", "possibility", "potential",
              "hypothetical", "impossible", "unlikely", "likely", "eventual", "would-be", "conceivable",
              "option", "idea", "imagine", "speculate", "rumour", "rumor",
              # an appeal or warning asks for the act; it does not report it
              "urge", "ask", "call", "demand", "request", "press", "appeal", "warn", "encourage", "invite",
              # an accusation alleges the act: "accused X of shelling Y" does not report a shelling
              "accuse", "charge", "blame", "allege", "alleged", "allegedly", "suspect", "suspected",
              "accusation", "allegation", "claim", "deny",
              # the reason given for an arrest or a charge is alleged: "arrested for collaborating with X"
              "arrest", "detain", "convict", "indict", "prosecute", "jail", "sentence"}
# "called Erdogan to congratulate him": "call" with a person and no "on"/"for" is a telephone call, and
# what it was made to say was said in it; "called on X to withdraw" stays an appeal.
CALL_TO_SAY = {"congratulate", "thank", "apologize", "apologise", "discuss", "express", "convey", "offer",
               "extend", "assure", "reassure", "brief", "inform", "update", "consult", "condole", "wish",
               "greet", "praise", "invite", "talk", "speak"}
CONDITION_MARKS = {"if", "unless", "whether", "should"}
# Marks of a clause that stands against its main clause and so keeps its own modality.
CONCESSIVE = {"though", "although", "while", "whereas", "whilst", "but", "even"}
# Marks of a clause that gives the main clause's cause, which holds whatever the main clause says ("now that")
CAUSAL = {"because", "since"}
# Marks of a clause that says when the main clause happens: its modality may be the main clause's ("will
# retaliate when the troops arrive"), not its negation ("After Russia invaded Ukraine, China did not condemn it").
ADVERBIAL_MARKS = {"after", "before", "when", "as", "once", "until", "till", "whenever"}
OBLIGATION = {"must", "should", "ought", "need"}
# Verbs that say an event happens: an event noun as their subject is as sure as they are ("talks will take
# place", "the visit is to begin on Monday", "the summit could happen").
OCCUR = {"happen", "occur", "begin", "start", "resume", "proceed", "open", "continue", "go"}
# Verbs that negate the action they govern: "refused to join the alliance" is a negated intent.
NEGATING_VERBS = {"refuse", "decline", "reject", "fail", "oppose", "resist", "avoid", "stop", "cease",
                  "abandon", "quit", "deny"}
# Words of inability: "were unable to reach agreement" did not reach it (but did not refuse it either).
UNABLE = {"unable", "incapable"}
# Subjects that deny the act they do: "no Arab state has recognized X", "none of them signed", "few leaders
# congratulated Y" (few, not "a few": hardly any).
NO_ONE = {"none", "nobody", "neither", "no-one"}
NO_DET = {"no", "neither", "few"}
ABLE_AUX = {"could", "can", "ca"}  # "could not reach agreement": not a hypothesis, a failure


@dataclass
class Modality:
    modality: str          # asserted | negated | hypothetical | intended
    negated_intent: bool   # a negated plan/offer/intent: the coder may recode it as a rejection


def chain(trigger: Token) -> list[Token]:
    """The trigger and the tokens governing it within its own clause chain."""
    out = [trigger]
    tok = trigger
    while (tok.dep_ in CLIMB or _occurs(tok)) and tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ in ("ccomp", "advcl") and head.lemma_.lower() in SPEECH_VERBS:
            break
        if tok.dep_ in ("advcl", "ccomp") and any(
                c.dep_ == "mark" and (c.lower_ in CONCESSIVE | CAUSAL and tok.dep_ == "advcl"
                                      or c.lower_ == "that" and c.i and c.doc[c.i - 1].lower_ == "now")
                for c in tok.children):
            break  # "did not mention X, though Y has blamed Z", "is threatening to quit now that talks have
            # started": the blame and the talks are asserted on their own
        out.append(head)
        if tok.dep_ == "prep" and tok.lower_ == "to" and head.lemma_.lower() in ("respond", "response"):
            break  # what is answered has happened: "is considering sending troops, responding to a NATO request"
        tok = head
    return out


def _occurs(tok: Token) -> bool:
    """An event noun that is the subject of a verb saying it happens (OCCUR, "take place")."""
    head = tok.head
    return tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and (head.lemma_.lower() in OCCUR or (
        head.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)))


def _when_clause(tok: Token) -> bool:
    """A clause that says when its head's clause happens ("after Russia invaded Ukraine", "when X slaps")."""
    return tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ADVERBIAL_MARKS and c.i < tok.i
                                       for c in tok.children)


def telephoned(verb: Token, clause: Token) -> bool:
    """"called X to congratulate him" (see CALL_TO_SAY): a date such as "on Tuesday" is no "call on"."""
    return (verb.lemma_.lower() == "call" and clause.dep_ in ("advcl", "xcomp")
            and clause.lemma_.lower() in CALL_TO_SAY and any(c.dep_ == "dobj" for c in verb.children)
            and not any(c.dep_ in ("prt", "prep") and c.lower_ in ("on", "upon", "for") and not date_phrase(c)
                        for c in verb.children))


def modality(trigger: Token, cue_tokens: set[int] = frozenset()) -> Modality:
    toks = chain(trigger)
    negated = intended = hypothetical = failed = False
    # "X said it would meet Y" reports an intention; a bare "X would meet Y" is a hypothesis
    reported = toks[-1].dep_ in ("ccomp", "advcl") and toks[-1].head.lemma_.lower() in SPEECH_VERBS
    if _awaited(trigger):
        hypothetical = True
    denied = True  # (whether a negation over the trigger's clause chain still denies it)
    for i, tok in enumerate(toks):
        if i > 0 and _when_clause(toks[i - 1]):
            denied = False
        # a coordinated verb shares its partner's auxiliaries and governors ("agreed to disarm and join
        # forces", "will visit X and sign"), not its meaning or negation ("refused to join and attacked",
        # "did not attack but talked")
        partner = i > 0 and toks[i - 1].dep_ == "conj"
        # (but a negation over "or" denies both: "was not involved in X or paying money to Y")
        disjoined = partner and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in tok.children)
        lemma = "" if partner else tok.lemma_.lower()
        if i > 0 and lemma in INTENT_VERBS:
            intended = True
        if i > 0 and lemma in NEGATING_VERBS and denied:
            negated, intended = True, True
        if i > 0 and lemma in UNABLE and denied:
            negated = failed = True
        # ("could not reach", but not a purpose: "so that he could never vote")
        unable = not partner and any(c.dep_ == "neg" and c.lower_ in ("not", "n't") for c in tok.children) \
            and not any(c.dep_ == "mark" for c in tok.children)
        if lemma in HYPO_WORDS and i > 0 and not telephoned(tok, toks[i - 1]) and not asked_about(tok, toks[i - 1]):
            hypothetical = True
        for child in tok.children:
            low = child.lower_
            if child.i in cue_tokens or (partner and child.dep_ != "aux" and not (disjoined and child.dep_ == "neg")):
                continue
            if not denied and (child.dep_ in ("neg", "nsubj", "nsubjpass") or low == "no"):
                continue
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and tok.pos_ in ("NOUN", "PROPN")) \
                    or (child.dep_ in ("nsubj", "nsubjpass") and _no_one(child)):
                # "not ruled out" is a possibility, not a negation
                if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
                    hypothetical = True
                else:
                    negated = not negated if child.dep_ == "neg" and negated else True
            elif child.dep_ == "aux" and child.tag_ == "MD":
                if low in INTENT_AUX or (reported and low in ("would", "'d")):
                    intended = True
                elif unable and low in ABLE_AUX:
                    failed = True
                elif low in HYPO_AUX:
                    hypothetical = True
            elif child.dep_ == "aux" and low == "going" and any(c.lower_ == "to" for c in tok.children):
                intended = True
            elif child.dep_ == "aux" and child.tag_ == "TO" and tok.dep_ == "ROOT" and tok.tag_ == "VB" \
                    and any(c.dep_ == "nsubj" for c in tok.children):
                intended = True  # a headline's future: "Japan to resume Afghan war aid"
            elif child.dep_ == "mark" and low in CONDITION_MARKS:
                hypothetical = True
            elif child.dep_ in ("amod", "advmod") and low in HYPO_WORDS:
                hypothetical = True
            elif child.dep_ == "amod" and low in ("planned", "proposed", "future", "upcoming", "intended"):
                intended = True
    # "reached no agreement": the pattern's own noun denied
    if any(c.dep_ == "det" and c.lower_ == "no" for i in cue_tokens for c in trigger.doc[i].children):
        negated = True
    if hypothetical:
        return Modality("hypothetical", False)
    if negated:
        # (a failure is no refusal: "could not reach agreement" rejects nothing)
        return Modality("negated", not failed and (intended or trigger.lemma_.lower() in INTENT_VERBS))
    return Modality("intended" if intended else "asserted", False)


def _no_one(subject: Token) -> bool:
    """A subject that says no one (or hardly anyone) did it: "no country", "none of them", "few leaders"."""
    if subject.lower_ in NO_ONE:
        return True
    return any(c.dep_ in ("det", "amod") and c.lower_ in NO_DET
               and not (c.i > 0 and subject.doc[c.i - 1].lower_ == "a") for c in subject.children)


def obliged(tok: Token) -> Token | None:
    """The verb of a trigger when it carries an obligation ("Y must withdraw", "Y should pay"), else None."""
    def aux(verb: Token, words) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)

    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    # "must ensure security to allow supplies in": the purpose clause shares the obligation
    while not aux(verb, OBLIGATION) and verb.head.i != verb.i and (
            verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and aux(verb, ("to",)))):
        verb = verb.head
    return verb if aux(verb, OBLIGATION) else None


def conditions(tok: Token) -> list[Token]:
    """The if/unless clauses of a trigger or of the verbs it governs ("threatened to stop talks if ...")."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    heads += [g for h in heads[1:] for g in h.children if g.dep_ == "xcomp"]
    return [c for h in heads for c in h.children if _condition(c, ("if", "unless"))]


def conditioned(tok: Token) -> bool:
    """Whether the trigger is done only on a condition ("... unless Y withdraws")."""
    return any(_condition(c, ("unless",)) for c in tok.children)


def _condition(clause: Token, marks) -> bool:
    """An adverbial clause opened by one of `marks` ("unless Y withdraws")."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def _awaited(trigger: Token) -> bool:
    """An act named as the time of another that is still to come: "ahead of Bush's visit", "a week before
    a planned visit by the president" dates the news, it does not report the visit."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    return prep.lower_ == "before" or (prep.lower_ == "of" and prep.head.lower_ == "ahead")


def asked_about(verb: Token, below: Token) -> bool:
    """"was asked about his phone call to Putin": what a question is about happened, it is not asked for."""
    return verb.lemma_.lower() == "ask" and below.dep_ == "prep" and below.lower_ == "about"
