"""The event coder: per sentence, find trigger words (data/events/triggers.tsv, events/triggers.py), link
them through the dependency parse to a source and a target actor (events/roles.py), and code the event in
CAMEO and PLOVER with its modality, attribution, date, evidence (events/phrases.py) and confidence
(events/weigh.py)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from whowhom.actors import ActorMention, voices
from whowhom.actors.context import SECTORS
from whowhom.events import (attribution, cameo, filters, joint, mediation, patterns, phrases, plover, reaction, roles,
                            speech, triggers)
from whowhom.events.event import Event
from whowhom.events.modality import INTENT_AUX, conditioned, conditions, modality, obliged
from whowhom.events.roles import MODIFIER_DEPS

# The pattern of a verdict a verb of judging passes where no row of its own matches (reaction.judgement)
VERDICT = patterns.Pattern("judge", "V", (), "111", patterns.VERB_TARGETS, frozenset({"judge"}), 0, "-", "reaction.py")
from whowhom.events.weigh import weigh_all

__all__ = ["EventCoder", "SECTORS", "weigh_all"]

PLACED_ACTS = ("08", "172", "15", "0356", "18", "042")  # acts whose place is whom they are aimed at (_code_trigger)
# Acts told by what befell their target, whoever did them: blame, reduced relations, coercion, violence.
BEFELL = ("11", "16", "17", "18", "19", "20")
VIOLENCE = ("18", "19", "20")
INSTRUMENTS = ("with", "using")
UNDER_WAY = {"be", "arrive", "embark", "go", "come", "set", "remain", "continue"}  # "X is on a visit to Y"
# What gives a verb its own object or complement: a verb with none shares a coordinated verb's object
# ("condemned and rejected X"; not "stood by the report and read a summary to judges")
OBJECTS = ("dobj", "dative", "ccomp", "xcomp", "nsubjpass", "prep")
MOVED = {"mobilize", "mobilise", "deploy", "dispatch", "station", "amass", "mass", "muster", "use", "employ"}
# Verbs whose "from" names the giver, not a place left: "received aid from X".
RECEIVING = {"receive", "get", "obtain", "buy", "import", "accept", "seek", "request", "demand", "ask", "take",
             "win", "gain", "borrow", "hear", "learn", "purchase", "inherit", "collect"}


def _instrument(tok: Token) -> bool:
    """What an act is done with ("with mortars and drones"), not with whom ("clashed with troops")."""
    people = phrases.people()
    return tok.head.lower_ in INSTRUMENTS and tok.lemma_.lower() not in people and tok.lower_ not in people \
        and tok.ent_type_ not in phrases.ACTOR_ENTS


# Verbs of taking to the streets: an army that does so shows force (150); soldiers who protest or strike
# (a mutiny over pay) protest.
PARADING = {"take", "march", "parade", "rally", "gather", "converge", "mass", "pour", "flood"}
# Verbs of fighting that, between two politicians, are words: "Olmert clashed with Barak over the budget",
# "Sarkozy fought with Merkel over the euro".
SPARRING = {"clash", "fight", "battle", "attack", "spar", "feud", "wrangle", "tussle"}


def _quoted_saying(tok: Token) -> bool:
    """The "saying" of "X quoted Y as saying": the quotation is the statement (roles.quoted_speaker)."""
    return tok.dep_ == "pcomp" and roles.quoted_speaker(tok.head.head) is not None


class EventCoder(triggers.Matcher):
    """Codes events in parsed Docs, given the actor mentions found in them."""

    def __init__(self, unresolved: bool = True, bare_sectors: bool = True):
        # unresolved: a source or target phrase that names no known actor ("a car bomb") is kept with an
        # empty code, provided the other side is a known actor (GDELT's rule: at least one actor).
        # bare_sectors: "police", "rebels" with no country are actors with a blank country, as in GDELT.
        super().__init__()
        self.unresolved = unresolved
        self.bare_sectors = bare_sectors
        self.light = patterns.classes()["LIGHT"]

    def code_doc(self, doc: Doc, mentions: list[ActorMention], *, doc_id: str, section: str,
                 article_date: str | None, offset: int = 0, first_sentence: int = 0,
                 later: list | None = None) -> list[Event]:
        """Events of a parsed text, given its actor mentions (actors.article: each with the country the
        sentence and the article give it). `offset` and `first_sentence` place a piece of a section (its first
        character and the index of its first sentence) within the section. With `later` (a list), the
        trained components' weighing is left to weigh_all(later), which sets the events in place."""
        said = voices.headline_speaker(doc, mentions) if section == "headline" else None
        index = joint.Index(m for m in mentions if m.country or m.code not in SECTORS or self.bare_sectors)
        voiced = voices.continued(doc, mentions) if section != "headline" else {}
        if said is not None:
            voiced = {sent.start: said[1] for sent in doc.sents if sent.start <= said[0] < sent.end}
        coded = []
        for n, sent in enumerate(doc.sents):
            where = dict(doc_id=doc_id, section=section, sentence_index=first_sentence + n,
                         article_date=article_date, offset=offset)
            events = self.code_sentence(sent, index, **where)
            if said is not None and sent.start in voiced:
                for e in events:
                    e.reported_by = e.reported_by or said[1].text
            if sent.start in voiced and not any(e.modality == "asserted" for e in events):
                events += self._quoted(sent, voiced[sent.start], index, events, **where)
            coded.append((sent, events))
        coded = [(sent, events) for sent, events in coded if events]
        found = [e for _, events in coded for e in events]
        if coded and later is not None:
            later.append((coded, index, found))
        elif coded:
            weigh_all([(coded, index, found)])
        return found

    def code_sentence(self, sent: Span, index: dict[int, ActorMention], *, doc_id: str, section: str,
                      sentence_index: int, article_date: str | None, offset: int = 0) -> list[Event]:
        events: dict[tuple, Event] = {}
        doc = sent.doc
        words = doc.user_data.get(triggers.TRIGGER_WORDS)  # trigger_words(), if the prefilter ran it
        hits = {}
        for i in range(sent.start, sent.end) if words is None else \
                words[bisect_left(words, sent.start):bisect_left(words, sent.end)]:
            tok = doc[i]
            if not ((i in index and not self.hyphened(tok)) or tok.lower_ == "according" or filters.describes(tok)
                    or filters.interviewed(tok) or _quoted_saying(tok)) and (hit := self._match(tok, index)) \
                    and not (hit[0].code[:2] in VIOLENCE and filters.no_one_harmed(tok)):
                hits[i] = hit
        felt = {i for i, hit in hits.items() if "experiencer" in hit[0].flags}
        if felt:  # "was greeted (met, received) with anger": the feeling is the event, not the greeting
            hits = {i: hit for i, hit in hits.items() if not any(
                c.dep_ == "prep" and c.lower_ == "with" and any(p.i in felt for p in c.children)
                for c in sent.doc[i].children)}
        cues = {i: hit[2] for i, hit in hits.items()}  # trigger token -> the cue words its pattern matched
        for i, (pat, scope, cue_tokens) in speech.saying_last(hits, sent.doc):
            tok = sent.doc[i]
            # "rejected the rebels' demands", "condemned the raid", "conceded to demands from X": the verb
            # is the news, the event noun it acts on only its object
            gov = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
            if pat.pos == "N" and tok.dep_ in ("dobj", "nsubjpass", "pobj") and gov.i in hits and gov.i != tok.i \
                    and "experiencer" not in pat.flags and not roles.at_behest(tok) \
                    and gov.lemma_.lower() not in self.light:
                continue
            for ev in self._code_trigger(tok, pat, scope, cue_tokens, sent, index, list(events.values()), doc_id=doc_id,
                                         section=section, sentence_index=sentence_index,
                                         article_date=article_date, offset=offset):
                key = (ev.source, ev.target, ev.cameo, ev.source_start)
                if key not in events or events[key].confidence < ev.confidence:
                    events[key] = ev
        coded = sorted(events.values(), key=lambda e: e.trigger_start)  # (in the sentence's order again)
        out = filters.drop_light(filters.drop_subsumed(coded, sent), sent, cues)
        if any(e.cameo_root != "01" and e.modality == "asserted" for e in out):
            # "X said Y attacked Z": the statement is how the event is known, not an event of its own;
            # but "X is considering sending aid to Y" keeps the consideration (014), the aid being unreal
            out = [e for e in out if e.cameo_root != "01"]
        return out

    def _match(self, tok: Token, index):
        """The trigger's pattern (TriggerMatcher.match); for a verb of judging with none ("called the vote
        neither free nor fair"), a verdict its words pass on an actor (reaction.judgement) is one."""
        hit = self.match(tok)
        if hit is None and tok.lemma_.lower() in reaction.JUDGING and tok.pos_ == "VERB" \
                and reaction.judgement(tok, index) is not None:
            return VERDICT, triggers.scope_of(tok), set()
        return hit

    def _code_trigger(self, tok, pat, scope, cue_tokens, sent, index, found, **where) -> list[Event]:
        if "experiencer" in pat.flags:
            return self._reaction(tok, pat, sent, index, **where)
        if judged := reaction.judgement(tok, index):
            return self._judged(tok, pat, sent, index, *judged, **where)
        if "judge" in pat.flags:
            return []  # (a verb of judging that judges no one in words of blame or praise)
        if "sponsor" in pat.flags:  # (sponsoring no talks, the verb's other senses: "sponsored a campaign")
            found = self._mediation(tok, pat, sent, index, **where)
            other = None if found else self.match(tok, without="sponsor")
            if other is None:
                return found
            pat, scope, cue_tokens = other
        conf = 0.9
        subj = None
        sources: list[ActorMention] = []
        parties: list[ActorMention] = []  # the parties a joint-act noun names itself
        receivers: list[ActorMention] = []  # the subject of "drew criticism from X"
        anchor = tok  # where targets are searched from
        passive = False
        how = ""
        patient = None  # (a headline's "X killed in Y": X suffered it)
        if pat.pos == "V":
            subj, how = roles.subject(tok)
            if where["section"] == "headline" and (patient := roles.elided_passive(tok)) is not None:
                subj = roles.agent(tok)
                how = "agent" if subj is not None else "reduced"
            passive = how in ("agent", "passive")
            if tok.dep_ == "acl" and tok.tag_ == "VBG" and cameo.root(pat.code) in ("18", "19", "20") \
                    and tok.head.dep_ not in ("nsubj", "nsubjpass") and (fighters := roles.actors_at(tok.head, index)):
                # an ongoing fight is news of its own, its noun's: "singled out Iraqis fighting al-Qaeda"
                # (not how a subject does the sentence's act: "aircraft using missiles killed ...")
                subj, how, sources = tok.head, "nsubj", fighters
            elif subj is not None:
                sources = roles.actors_at(subj, index)
            if how == "inherited":
                conf -= 0.1
        else:
            sources = [index[c.i] for c in tok.children if c.dep_ in MODIFIER_DEPS and c.i in index] \
                or roles.pronoun_owner(tok, index)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            # "the withdrawal of troops from Iraq": a place after "from" is where, not who
                            sources += [m for m in roles.actors_at(p, index)
                                        if c.lower_ == "by" or m.kind not in ("country", "capital", "city")]
            head = tok.head
            light_head = tok.dep_ in ("dobj", "nsubjpass", "conj") and head.lemma_.lower() in self.light
            if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in UNDER_WAY \
                    and not filters.describes(head.head):  # (not "X, who is on a visit to Y, said ...")
                # "X is on a three-day visit to Y", "arrived on a state visit": the one on it does it
                head, light_head = head.head, True
            if got := roles.received(tok, index):
                sources, receivers = got  # "Israel drew criticism from Egypt": Egypt criticises Israel
            if "reciprocal" in pat.flags:
                # a joint act's parties: "Israeli-Palestinian talks", "clashes between A and B", "... during talks"
                parties = joint.noun_parties(tok, index, light_head)
                sources = parties or sources
            if not sources and light_head:
                subj, how = roles.subject(head)
                passive = how in ("agent", "passive")
                if subj is not None:
                    sources = roles.actors_at(subj, index)
                anchor = head
                conf -= 0.05
            elif not sources and "light" in pat.flags or "needverb" in pat.flags:
                return []
        if not sources and subj is not None and subj.lemma_.lower() not in patterns.classes()["MISHAP"]:
            # "a car bombing by the Islamic State killed ...", "a roadside bomb near Samarra killed ...":
            # the actor named inside the subject phrase (not where a craft or a storm came from: "the flight
            # from Victoria, British Columbia, hit turbulence" is no one's act)
            sources = roles.inner(subj, index)
            conf -= 0.1
        if not sources and how == "passive" and pat.code.startswith("084"):
            sources = roles.holders(tok, index)  # "hostages held by X were freed": X freed them
        if not sources and (how == "passive" and any(c.dep_ == "auxpass" for c in tok.children) or how == "reduced") \
                and self.unresolved:
            # "X was arrested": whoever acted goes unnamed; the event is kept with a blank source, as GDELT
            # keeps events with one actor
            sources, conf = [phrases.blank(tok)], conf - 0.2
        if not sources and subj is not None and self.unresolved and (m := phrases.unresolved(subj)):
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
        targets = receivers or roles.targets(tok, pat, index, exclude, passive, cues=cues)
        if targets and sources and all(any(speech.one_side(s, t) for s in sources if s.code) for t in targets):
            # "defended French policies towards Lebanon": one's own policy, stance or ties are not the target,
            # those they are towards are
            targets = roles.towards(tok.doc, targets, index, exclude) or targets
        if not targets and (how == "reduced" or patient is not None):  # "a NATO soldier killed in ...": the
            # noun is the patient
            targets = [m for m in roles.actors_at(patient if patient is not None else tok.head, index)
                       if m.start not in exclude]
        if not targets and anchor.i != tok.i:
            targets = roles.targets(anchor, pat, index, exclude | {tok.i}, passive, objects=True, cues=cues)
        if not targets:
            # "threatened to break relations with Russia": the target sits in the governed verb's clause
            # (the governed verb's own prepositions count: "threatened to deliver blows to the US"); so
            # it does in a purpose clause: "began a hunger strike to protest against X"
            governed = replace(pat, targets=pat.targets + patterns.VERB_TARGETS)
            heads = [anchor] if pat.pos == "V" or anchor.i != tok.i else []
            for c in (c for h in heads for c in h.children):
                purpose = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                if (c.dep_ == "xcomp" or purpose) and not targets:
                    targets = roles.targets(c, governed, index, exclude | {tok.i}, False, objects=True)
        if not targets and pat.pos == "V" and not any(c.dep_ in OBJECTS for c in tok.children):
            # "condemned and rejected the American proposal", "donated and delivered goods to X": the object
            # of the last of coordinated verbs is every one's
            shared = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                      and any(o.dep_ == "dobj" for o in c.children)]
            if shared:
                targets = roles.targets(shared[-1], pat, index, exclude | {tok.i}, passive, cues=cues)
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
                        targets = [m for m in roles.actors_at(subj_c, index) if m.start not in exclude]
        if not targets and pat.pos == "V" and tok.lemma_.lower() not in RECEIVING:
            # "withdrew its troops from Chad", "evacuated the wounded from Gorazde": the place left
            targets = roles.left([anchor], index, exclude)
        # (violence is refined by its means, also where the means is the subject: "a roadside bomb killed")
        # (and where it is told by a "when" clause: "were killed when a suicide bomber blew himself up")
        means = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree] \
            + [t for c in tok.children if c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children)
               for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree] \
            if pat.code[:2] in ("18", "19") else []
        code = triggers.refine(pat.code, scope + means)
        shown = cameo.root(code) == "14" and tok.lemma_.lower() in PARADING and bool(sources) and all(
            (s.sector or s.code[-3:]) == "MIL" for s in sources)
        if shown:  # ("the army took to the streets", "troops marched": a show of force, no protest)
            code = "150"
        sparred = cameo.root(code) in VIOLENCE and tok.lemma_.lower() in SPARRING and bool(sources) \
            and bool(targets) and all(m.kind in filters.PEOPLE for m in sources + targets)
        if sparred:  # (two politicians who clash or fight do it in words)
            code = "111"
        mutual = joint.mutual(tok, pat, code, cue_tokens) or joint.pair_reference(sources)
        if not targets and self.unresolved and not (mutual and len(sources) > 1):
            obj = roles.object_of(tok, anchor, pat, cue_tokens, exclude, passive)
            # (a phrase naming someone, or people: "freed 37 prisoners"; not "a statement")
            if obj is not None and (m := phrases.unresolved(obj)) and (phrases.named(obj.doc[m.start:m.end])
                                                               or obj.lemma_.lower() in phrases.people()):
                targets = [m]
        mod = modality(tok, cue_tokens)
        rule = f"{pat.name}@{pat.source}:{pat.line}" + ("+force" if shown else "") + ("+words" if sparred else "")
        if code == "010":
            targets = speech.audience(targets)
        if speech.speech_verb(tok, code) and (said := speech.act(tok, sources, targets, index, found, sent)):
            # what the statement does: an accusation, a denial, an appeal, criticism or praise
            code, targets, rule = said.code, said.targets, f"{rule}+{said.why}"
        mirrored = "reciprocal" in pat.flags
        if mod.negated_intent and patterns.negated_code(code):
            # "X does not plan an alliance with Y": X rejects cooperation with Y (one-way, asserted)
            code, mod.modality = patterns.negated_code(code), "asserted"
            rule += "+negated-intent"
            conf -= 0.1
            mutual = mirrored = False
        elif mod.modality == "intended" and code.startswith("12") and _future(tok):
            # "we will not accept attempts to ...", "it will refuse to comply": a refusal said is made
            mod.modality = "asserted"
            rule += "+intent"
            conf -= 0.1
        elif mod.modality == "intended" and not parties and (announced := patterns.intent_code(code)):
            # "X will meet Y", "X said it would boycott Y": announcing the act is the event (CAMEO 03/13);
            # an announced act under a condition ("... unless Y withdraws") is an ultimatum.
            code = "139" if conditioned(tok) else announced
            mod.modality = "asserted"
            rule += "+intent"
            conf -= 0.1
            mirrored = False  # "X will meet Y": the announcement is X's alone (not "X and Y will meet")
        if all(not t.code for t in targets) and code.startswith(PLACED_ACTS):
            # "imposed a curfew in the town of Cizre in southeastern Turkey", "eased emergency measures in
            # Montenegro", "declared a ceasefire in Hodeidah", "troops remained on alert in X": restrictions
            # imposed or eased, truces and shows of force fall on the people of the place they are in
            targets = roles.place_in(anchor, index, exclude, named=not targets) or targets
        if code.startswith("087") and targets and all(t.code in SECTORS for t in targets):
            # "completed its withdrawal of troops from Iraq": the forces withdrawn are not the target, the
            # place they leave is (those they surrender to are: "surrendered the town to US-backed forces")
            moved = [anchor, tok] + [c for h in (anchor, tok) for c in h.children if c.dep_ == "dobj"]
            moved += [p for h in moved for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
            if all(t.head in {h.i for h in moved} for t in targets):
                targets = roles.left(moved, index, exclude)
        if code.startswith(("074", "0334")) and targets and all(not t.country for t in targets):
            # "sent troops to the UN peacekeeping mission in Mali": peacekeeping is given to the country it is
            # in, not to the organisation that runs it
            nouns = [phrases.np_head(tok.doc[t.head]) for t in targets]
            targets = [m for n in nouns for m in roles.place_in(n, index, exclude)] or targets
        if not targets and code.startswith("083"):
            # "resigned as president of Indonesia": the country whose leadership changes
            targets = [m for c in anchor.children if c.dep_ == "prep" and c.lower_ == "as"
                       for p in c.children if p.dep_ == "pobj" for m in roles.inner(p, index, ("of",))
                       if m.start not in exclude and m.kind in ("country", "capital", "city")]
        if cameo.root(code) == "13" and sources and targets and all(
                s.code and t.code and speech.one_side(s, t) for s in sources for t in targets):
            # "warned that the Chinese government will not sit on its hands": the act threatened is one's
            # own, the threat is aimed at others
            targets = []
        if not targets and cameo.root(code) == "13":
            # "threatened to cut gas supplies if Ukraine refuses to pay": a threat is aimed at the one whose
            # act is its condition
            targets = [m for c in conditions(tok) for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                       for m in roles.actors_at(s, index) if m.start not in exclude][:2]
        # a joint act goes both ways (events/joint.py): "X and Y held joint exercises", "X met Y". Where the
        # only targets found are the sources themselves ("Croatia is investigating crimes by Croatian
        # extremists"), the event stands without a target.
        if "needtarget" in pat.flags and anchor.i == tok.i and not any(t.code for t in targets):
            return []  # "the Vietnam War", "Japan's war dead": a war named, not one waged on anyone
        if cameo.root(code) == "01" and sources and all(s.kind == "voice" for s in sources):
            return []  # ("I think", "we see" in a quotation: its attribution is the statement)
        if mutual and targets and not any(s.code for s in sources):
            # "the gathering set to restart Israeli-Palestinian peace talks": with no one named doing it, the
            # parties a phrase names together do the joint act with each other
            parties = joint.hyphened(tok.doc, targets, index)
            if len({m.country for m in parties if m.country}) > 1:
                sources, targets = parties, []
        pairs = joint.pairs(tok, pat, sources, targets, conf, mutual, mirrored)
        if not pairs:
            pairs = [(s, None, conf - 0.1) for s in sources]
        # at least one side must be an actor: a coded one, or a named one whowhom has no code for
        # ("the Civil Liberties Organisation demanded ..."), as GDELT keeps actors it cannot code
        doc = tok.doc
        pairs = [(s, t, c) for s, t, c in pairs
                 if any(m is not None and (m.code or phrases.named(doc[m.start:m.end])) for m in (s, t))]
        reporter = attribution.reported_by(tok, sent)
        if reporter and reporter.split()[0].lower() in phrases.PRONOUNS and len(reporter.split()) == 1:
            reporter = None
        date = attribution.event_date(tok, where["article_date"])
        demanded = self._demand(tok, sources, index, mod, date, sent, where) if mod.modality == "asserted" else []
        if demanded or (mod.modality == "asserted" and obliged(tok) is not None):
            mod.modality = "hypothetical"  # what one side must do (says another) has not happened
        events = [self._event(s, t, c, tok, code, mod.modality, reporter, date, rule, sent, **where)
                  for s, t, c in pairs]
        # kept only where uncoded events are asked for: what weather and accidents do ("two ferries collided,
        # injuring 20"), and other acts than befalling ones with no doer: "X was freed", "the crisis boosted X's
        # prospects", "heavy fog forced the president to ..." say nothing of who acted (but "protesters
        # marched" does, and a name no dictionary knows)
        befell = cameo.root(code) in BEFELL
        for ev, (s, _, _) in zip(events, pairs):
            if s.kind == "unresolved" and doc[s.head].lemma_.lower() in patterns.classes()["MISHAP"] \
                    or not befell and (s.kind == "blank" or s.kind == "unresolved" and not (
                        phrases.someone(doc[s.start:s.end], index) or doc[s.head].pos_ == "PROPN")):
                ev.guessed = True
        joint.evidence(events, pairs, sources, targets)
        if cameo.root(code) == "14":
            # a protest that names no target ("opposition parties in Nepal called a general strike") is
            # aimed at the protesters' own state: NPLOPP -> NPL, so domestic unrest enters the country's
            # own dyad (marked +domestic in the rule; the event keeps no target span)
            for ev, (s, t, _) in zip(events, pairs):
                if t is None and s.country and s.code != s.country:
                    ev.target, ev.rule = s.country, ev.rule + "+domestic"
        return demanded + events

    def _quoted(self, sent, speaker, index, found, **where) -> list[Event]:
        """A sentence that goes on quoting someone named before (actors/voices.py), read as what it does
        (speech.quoted_act); its source is the one quoted, named outside the sentence (no span in it)."""
        said = speech.quoted_act(sent, speaker, index, found)
        if said is None:
            return []
        targets = [t for t in said.targets if t.code and filters.distinct(speaker, t)] or [None]
        date = attribution.event_date(sent.root, where["article_date"])
        rule = f"quotation->{said.code}+{said.why}"
        src = replace(speaker, kind="blank")  # (named in another sentence: no span here)
        events = [self._event(src, t, 0.6 if t else 0.5, sent.root, said.code, "asserted", None, date, rule, sent,
                              **where) for t in targets]
        for e in events:
            e.source_text = speaker.text
        return events

    def _reaction(self, tok, pat, sent, index, **where) -> list[Event]:
        """A feeling at another's act (events/reaction.py): who feels it disapproves of whom it is at."""
        got = reaction.parties(tok, index)
        if got is None:
            return []
        felt, about = got
        return self._stance(tok, pat, sent, felt, about, pat.code, "felt", 0.7, **where)

    def _judged(self, tok, pat, sent, index, code, about, **where) -> list[Event]:
        """"X considers Y illegal" (events/reaction.py): X criticises (praises) Y."""
        subj = roles.subject(tok)[0]
        judges = [m for m in (roles.actors_at(subj, index) if subj is not None else []) if m.code]
        about = [m for m in about if m.code not in {j.code for j in judges}]
        return self._stance(tok, pat, sent, judges, about, code, "judged", 0.6, **where)

    def _mediation(self, tok, pat, sent, index, **where) -> list[Event]:
        """"a conference sponsored by X", "X-brokered talks between A and B" (events/mediation.py): X
        mediates between A and B; a sponsor of anything else does nothing."""
        found = mediation.mediated(tok, index)
        if not found:
            return []
        who, between, scene = found
        return self._stance(tok, pat, sent, who, between, "045", "mediated", 0.7,
                            mod="asserted" if scene else None, **where)

    def _stance(self, tok, pat, sent, holders, about, code, why, conf, mod=None, **where) -> list[Event]:
        """The events of a stance (a feeling, a judgement, a mediation) its holders take towards each of
        `about` (or no one), a little less sure where no one is named; as real as `mod` says, else as the
        trigger's clause says."""
        reporter = attribution.reported_by(tok, sent)
        date = attribution.event_date(tok, where["article_date"])
        rule = f"{pat.name}@{pat.source}:{pat.line}+{why}"
        mod = mod or modality(tok).modality
        if mod == "asserted" and obliged(tok) is not None:
            mod = "hypothetical"  # ("Turkey must mediate ...": asked of it, not done)
        return [self._event(s, t, conf if t else conf - 0.1, tok, code, mod, reporter, date, rule, sent, **where)
                for s in holders for t in (about or [None])]

    def _demand(self, tok, doers, index, mod, date, sent, where) -> list[Event]:
        """"X said Y must withdraw": X demands of Y (CAMEO 100; "should" an appeal, 020:
        speech.obligation_code); the withdrawal is only demanded."""
        verb = obliged(tok)
        if verb is None:
            return []
        if verb.dep_ not in ("ccomp", "parataxis") or verb.head.lemma_.lower() not in attribution.SPEECH_VERBS:
            return []
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "VERB":
            # "The Red Cross operating in Iraq said ...", parsed with the participle as the subject
            subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
        speakers = roles.actors_at(subj, index) if subj is not None else []
        code = speech.obligation_code(verb)
        return [self._event(s, o, 0.7, verb.head, code, "asserted", None, date, "demand:must-clause", sent, **where)
                for s in speakers for o in doers if o.code and filters.distinct(s, o)]

    def _event(self, src, tgt, conf, tok, code, mod, reporter, date, rule, sent, *, doc_id, section,
               sentence_index, article_date, offset) -> Event:
        base = sent.start_char
        text = sent.text  # (sent.doc.text would join the whole document's tokens again)
        pl = plover.plover(code)
        s_lo, s_hi = phrases.phrase(src, sent, tok) if src.kind != "blank" else (None, None)
        t_lo, t_hi = phrases.phrase(tgt, sent, tok, target=True) if tgt else (None, None)
        ev = Event(
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
        # (violence and protest are political whoever suffers or protests: "ten people were killed when a
        # bomb exploded", "dock workers went on strike")
        ev.guessed = ev.quad_class != 4 and ev.cameo_root != "14" and not (
            filters.named_political(src) or (tgt is not None and filters.named_political(tgt)))
        return ev


def _future(tok) -> bool:
    """A verb said in the future ("will refuse", "won't accept"), itself or the verb it is the object of."""
    return any(c.dep_ == "aux" and c.lower_ in INTENT_AUX for h in (tok, tok.head) for c in h.children)
