"""The trained components' weighing of the events coded in a batch of sentences (events/models.py)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from whowhom.actors import ActorMention
from whowhom.events import models
from whowhom.events.event import Event
from whowhom.events.joint import members
from whowhom.nlp import TokensAt
from whowhom.events.phrases import chars, conjuncts, someone, tidy


def weigh_all(pending: list[tuple[list[tuple[Span, list[Event]]], dict[int, ActorMention], list[Event]]]) -> None:
    """The trained components (events/models.py), where installed, over the sentences that gave events
    (code_doc's (sentence, events) pairs and actor index, of one doc or of many: all in one batch). The
    penta classifier's belief in an event's class scales its confidence: of two readings of a sentence, the
    one the classifier finds likelier ranks first. A role span of the tagger that overlaps an event's
    source (target) becomes that role's evidence span (tidied: phrases.tidy): the whole phrase the sentence gives
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


def _weigh_sentence(sent: Span, events: list[Event], index: dict[int, ActorMention], probs, spans) -> None:
    doc = sent.doc
    at = TokensAt(sent)  # an event's trigger, by its offset
    placed = [(a, b, lab, *chars(sent, a, b)) for a, b, lab in spans]  # with character offsets
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
            hit = next((chars(sent, *tidy(doc, a, b, trigger)) for a, b, lab, c0, c1 in placed
                        if lab == label and c0 < hi and lo < c1), None)
            if hit and hit[0] < hi and lo < hit[1]:  # (tidied, still the actor's: not "All the same, X said")
                main = main or role == "source"
                setattr(e, f"{role}_start", hit[0])
                setattr(e, f"{role}_end", hit[1])
                setattr(e, f"{role}_text", sent.text[hit[0]:hit[1]])
        if main and e.target_start is None and target is not None and not joint(e):
            _take_target(e, target, trigger, index, sent)
    # the tagger saw the sentence's main event with a target, but no asserted event has one: the target
    # goes to the asserted event whose trigger governs it (or the first), unless it is that event's source
    asserted = [e for e in events if e.modality == "asserted"]
    if target is not None and asserted and all(e.target_start is None and not joint(e) for e in asserted):
        root = doc[target[0]:target[1]].root
        lo, hi = chars(sent, *target)
        free = [e for e in asserted if e.source_start is None or not (e.source_start < hi and lo < e.source_end)]
        governs = [e for e in free if at[e.trigger_start] in root.ancestors]
        for e in governs[:1] or free[:1]:
            _take_target(e, target, at[e.trigger_start], index, sent)


def joint(e: Event) -> bool:
    """An event of a joint act whose target is its co-doer (events/joint.py): its target is known, not read."""
    return "+joint" in e.rule


def _coordinated_targets(sent: Span, events: list[Event], index, spans) -> list[Event]:
    """The tagger marks each of coordinated recipients ("sanctions on A, B and C", "mediation between A and
    B"); where an asserted event took one of them, the others get the event too. The new events are added
    to the sentence's and returned."""
    doc = sent.doc
    marked = [(a, b) for a, b, lab in spans if lab == "T"]
    taken = [(e.target_start, e.target_end) for e in events if e.target_start is not None]
    taken += [(e.source_start, e.source_end) for e in events if e.source_start is not None]
    at = TokensAt(sent)
    added = []
    for e in [e for e in events if e.modality == "asserted" and e.target_start is not None]:
        own = next(((a, b) for a, b in marked if (c := chars(sent, a, b))[0] < e.target_end
                    and e.target_start < c[1]), None)
        if own is None:
            continue
        lo, hi = tidy(doc, *own, at[e.trigger_start])  # (the phrase, not a speaker after it: "X, state media said")
        chain = conjuncts(doc[lo:hi].root)
        for a, b in marked:
            c0, c1 = chars(sent, a, b)
            if (a, b) == own or any(lo < c1 and c0 < hi for lo, hi in taken) \
                    or doc[a:b].root.i not in chain or not someone(doc[a:b], index):
                continue
            new = replace(e, target="")  # (coded by the actor the span names, if any)
            _take_target(new, (a, b), at[e.trigger_start], index, sent)
            added.append(new)
            taken.append((new.target_start, new.target_end))
        added += _listed(e, chain, events + added, index, sent)
    events += added
    return added


def _listed(e: Event, chain: set[int], events: list[Event], index, sent: Span) -> list[Event]:
    """The coded actors of the list the target is one of that the tagger left out of its spans ("granting
    membership to Mexico, South Africa, Brazil and India" marked only as far as "South Africa"): each is a
    target too, as each of "sanctions on A, B and C" is."""
    if not e.source:
        return []
    done = {x.target for x in events if x.trigger_start == e.trigger_start and not joint(x)} | {e.source}
    out = []
    for i in sorted(chain):
        m = index.get(i)
        if m is None or not m.code or not m.country or m.code in done:
            continue
        lo, hi = chars(sent, m.start, m.end)
        out.append(replace(e, target=m.code, target_start=lo, target_end=hi, target_text=sent.text[lo:hi]))
        done.add(m.code)
    return out


def _take_target(e: Event, target: tuple[int, int], trigger: Token, index: dict[int, ActorMention], sent: Span) -> None:
    """The tagger's target span (tidied) becomes the event's target, coded by the actor named in it; not
    a span inside the source's own phrase ("both Russian and Chinese rhetoric criticized ...": neither
    side is the other's target)."""
    if _inside_source(e, target, sent):
        return
    # (of a phrase that names several, "both Israeli and Palestinian leaders", the first it names)
    named = [m for i in range(*target) if i in index for m in members(index, i)[:1] if m.code and m.code != e.source]
    lo, hi = chars(sent, *tidy(sent.doc, *target, trigger))
    e.target = named[0].code if named else (e.target or "")
    e.target_start, e.target_end, e.target_text = lo, hi, sent.text[lo:hi]


def _inside_source(e: Event, target: tuple[int, int], sent: Span) -> bool:
    if e.source_start is None:
        return False
    doc = sent.doc
    last = e.source_end - 1 + sent.start_char
    head = next((t for t in sent if t.idx <= last < t.idx + len(t)), None)
    if head is None:
        return False
    while head.dep_ in ("amod", "compound", "poss", "nmod") and head.head.i != head.i:
        head = head.head  # (the noun the source's words belong to)
    root = doc[target[0]:target[1]].root
    return head.left_edge.i <= root.i <= head.right_edge.i and root.i != head.i and head.i not in range(*target)
