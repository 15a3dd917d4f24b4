"""The event coder: per sentence, find trigger words (data/events/triggers.tsv), link them through the
dependency parse to a source and a target actor, and code the event in CAMEO and PLOVER with its
modality, attribution, date, evidence and confidence."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from whowhom.actors import ActorMention
from whowhom.events import attribution, cameo, patterns, plover
from whowhom.events.event import Event
from whowhom.events.modality import modality

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


def _kind(tok: Token) -> str | None:
    if tok.pos_ in ("VERB", "AUX"):
        return "V"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "N"
    return None


def _scope(tok: Token, depth: int = 3) -> list[Token]:
    """Dependents of the trigger within its own clause (for cues and code refinement)."""
    out: list[Token] = []
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in CUE_DEPS and not (c.pos_ == "VERB" and c.dep_ != "pcomp"):
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


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """Drop a vaguer event of the same source and root as another in the sentence: "refused to join the
    alliance" gives "reject" (120, no target) and "reject military cooperation with X" (1212); keep 1212."""
    def better(a: Event, b: Event) -> bool:
        return (a.source == b.source and a.cameo_root == b.cameo_root and a is not b and a.modality == b.modality
                and (b.target is None and (a.target is not None or len(a.cameo) > len(b.cameo))))
    return [b for b in events if not any(better(a, b) for a in events)]


class EventCoder:
    """Codes events in parsed Docs, given the actor mentions found in them."""

    def __init__(self):
        self.patterns = patterns.patterns()
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
            for c in tok.children:
                if c.dep_ in MODIFIER_DEPS and c.i in index:
                    found.append(index[c.i])
                elif c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ == "NOUN":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i in index:
                            found.append(index[p.i])
        for c in tok.children:
            if c.dep_ == "conj":
                found.extend(self._actors_at(c, index, seen))
        uniq = {(m.start, m.code): m for m in found}
        return list(uniq.values())

    def _subject(self, verb: Token) -> tuple[Token | None, str]:
        """The token that did the action of a verb, climbing xcomp/conj/pcomp chains when it has none."""
        tok = verb
        for _ in range(6):
            kids = list(tok.children)
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
                for c in kids:
                    if c.dep_ == "agent":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                return p, "agent"
                return None, "passive"
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
                if obj and tok.head.pos_ == "VERB":  # (tok has no subject of its own: checked above)
                    return obj[0], "inherited"
            if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in ("of", "for", "against", "from"):
                # "accused Minsk of hosting troops": the one who hosts is the object of "accused"
                obj = [c for c in tok.head.head.children if c.dep_ == "dobj"]
                if obj and tok.head.head.pos_ == "VERB":
                    return obj[0], "inherited"
            if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep") or (tok.dep_ in ("dobj", "pobj", "attr")
                                                                            and tok.pos_ == "NOUN"):
                if tok.head.i == tok.i:
                    break
                tok = tok.head
            else:
                break
        return None, "none"

    def _targets(self, start: Token, pat, index, exclude: set[int], passive: bool,
                 objects: bool = False) -> list[ActorMention]:
        """Breadth-first from the trigger through objects and the pattern's prepositions (and through
        the object of a light verb when `objects`: "airstrikes hit Hamas targets")."""
        frontier = [start]
        for _ in range(4):
            found, nxt = [], []
            for t in frontier:
                for c in t.children:
                    dep, low = c.dep_, c.lower_
                    if c.i in exclude or (c.pos_ == "VERB" and dep not in ("pcomp",)):
                        continue
                    obj = ((objects or "dobj" in pat.targets) and (dep == "dobj" or (passive and dep == "nsubjpass"))) \
                        or ("dative" in pat.targets and dep == "dative")
                    if obj or dep in ("pobj", "attr", "oprd"):
                        hits = [m for m in self._actors_at(c, index) if m.start not in exclude]
                        if hits and (obj or t.lower_ in pat.targets or t.i == start.i):
                            found.extend(hits)
                            continue
                        nxt.append(c)
                    elif dep == "prep" and (low in pat.targets or t.i != start.i):
                        nxt.append(c)
                    elif dep in ("dobj", "nsubjpass", "pcomp", "intj", "advmod", "npadvmod"):
                        nxt.append(c)
            if found:
                return found
            frontier = nxt
        return []

    # ---- patterns ------------------------------------------------------------------------------
    def _match(self, tok: Token):
        kind = _kind(tok)
        if not kind:
            return None
        pats = self.patterns.get((tok.lemma_.lower(), kind)) or self.patterns.get((tok.lower_, kind))
        if not pats:
            return None
        scope = _scope(tok)
        for pat in pats:
            used: set[int] = set()
            ok = True
            for cue in pat.cues:
                hit = next((t for t in scope if t.lemma_.lower() in cue or t.lower_ in cue), None)
                if hit is None:
                    ok = False
                    break
                used.add(hit.i)
            if ok:
                return pat, scope, used
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
        for tok in sent:
            if tok.i in index:
                continue
            hit = self._match(tok)
            if not hit:
                continue
            pat, scope, cue_tokens = hit
            for ev in self._code_trigger(tok, pat, scope, cue_tokens, sent, index, doc_id=doc_id,
                                         section=section, sentence_index=sentence_index,
                                         article_date=article_date, offset=offset):
                key = (ev.source, ev.target, ev.cameo, ev.source_start)
                if key not in events or events[key].confidence < ev.confidence:
                    events[key] = ev
        return _drop_subsumed(list(events.values()))

    def _code_trigger(self, tok, pat, scope, cue_tokens, sent, index, **where) -> list[Event]:
        conf = 0.9
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
                            sources += self._actors_at(p, index)
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
        if not sources:
            return []
        exclude = {i for m in sources for i in range(m.start, m.end)}
        targets = self._targets(tok, pat, index, exclude, passive)
        if not targets and anchor.i != tok.i:
            targets = self._targets(anchor, pat, index, exclude | {tok.i}, passive, objects=True)
        code = self._refine(pat.code, scope)
        mod = modality(tok, cue_tokens)
        rule = f"{pat.name}@triggers.tsv:{pat.line}"
        reciprocal = "reciprocal" in pat.flags
        if mod.negated_intent and code in patterns.negations():
            # "X does not plan an alliance with Y": X rejects cooperation with Y (one-way, asserted)
            code, mod.modality = patterns.negations()[code], "asserted"
            rule += "+negated-intent"
            conf -= 0.1
            reciprocal = False
        pairs: list[tuple[ActorMention, ActorMention | None, float]] = []
        if targets:
            pairs = [(s, t, conf) for s in sources for t in targets if s.code != t.code]
            if reciprocal:
                pairs += [(t, s, conf - 0.15) for s in sources for t in targets if s.code != t.code]
        elif reciprocal and len(sources) > 1:
            pairs = [(s, t, conf - 0.1) for s in sources for t in sources if s.code != t.code]
        else:
            pairs = [(s, None, conf - 0.1) for s in sources]
        reporter = attribution.reported_by(tok, sent)
        if reporter and reporter.split()[0].lower() in PRONOUNS and len(reporter.split()) == 1:
            reporter = None
        date = attribution.event_date(tok, where["article_date"])
        return [self._event(s, t, c, tok, code, mod.modality, reporter, date, rule, sent, **where)
                for s, t, c in pairs]

    def _event(self, src, tgt, conf, tok, code, mod, reporter, date, rule, sent, *, doc_id, section,
               sentence_index, article_date, offset) -> Event:
        base = sent.start_char
        pl = plover.plover(code)
        return Event(
            doc_id=doc_id, section=section, sentence_index=sentence_index, sentence=sent.text,
            start=offset + base, end=offset + sent.end_char,
            source=src.code, source_text=src.text, source_start=src.start_char - base,
            source_end=src.end_char - base,
            target=tgt.code if tgt else None, target_text=tgt.text if tgt else None,
            target_start=tgt.start_char - base if tgt else None, target_end=tgt.end_char - base if tgt else None,
            trigger=tok.text, trigger_start=tok.idx - base, trigger_end=tok.idx + len(tok.text) - base,
            cameo=code, cameo_root=cameo.root(code), cameo_name=cameo.name(code),
            goldstein=cameo.goldstein(code), quad_class=cameo.quad_class(code), penta=cameo.penta(code),
            plover=pl.type, plover_mode=pl.mode, plover_context=pl.context,
            modality=mod, reported_by=reporter, event_date=date,
            confidence=round(max(0.05, min(conf, 1.0)), 2), rule=rule,
        )

    def code_doc(self, doc: Doc, mentions: list[ActorMention], *, doc_id: str, section: str,
                 article_date: str | None, offset: int = 0) -> list[Event]:
        # A bare sector ("the ministry", "Military") names no one: it cannot be a source or target.
        index = {i: m for m in mentions if m.country or m.code not in SECTORS
                 for i in range(m.start, m.end)}
        out: list[Event] = []
        for n, sent in enumerate(doc.sents):
            out += self.code_sentence(sent, index, doc_id=doc_id, section=section, sentence_index=n,
                                      article_date=article_date, offset=offset)
        return out
