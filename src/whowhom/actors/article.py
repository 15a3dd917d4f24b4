"""Actors across a whole article, as an analyst reads them.

A news story introduces a person once ("Israeli Prime Minister Ehud Olmert", "Ian Smillie, a Canadian
diamond expert") and then names them by surname ("Olmert", "Mr. Olmert"), by title alone ("the prime
minister", "the expert") or by pronoun ("he said"). Sentence by sentence, only the introduction can be
coded. `ArticleActors` reads the sections of one article in order, keeps a register of the people named in
it with the code their introduction gives them (or, for a leader known by surname alone, the role the
dictionary gives on the article's date), and adds a mention for each later reference.

It also finds what only places the story: the dateline ("OTTAWA -", "PARIS, Jan 8 (Reuters) -") is where
the report was filed, never an actor (datelines(): the actor finder skips them)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from whowhom.actors import bodies, context, groups, plural, recalled, victims, voices
from whowhom.actors.gazetteer import match_gazetteer
from whowhom.actors.loader import norm, split_code
from whowhom.actors.mention import ActorMention
from whowhom.actors.coder import NO_LONGER, STATE_OFFICES, saint, written_as_place
from whowhom.actors.offices import PRIVATE_BODIES
from whowhom.nlp import entity_of, words_of
from whowhom.page.dateline import dateline_end, datelines  # noqa: F401  (re-exported)

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mme", "madame", "monsieur", "lord", "lady",
              "sheikh", "sheik", "gen", "general", "col", "colonel", "maj", "major", "capt", "captain", "lt",
              "sen", "senator", "rep", "gov", "governor", "president", "premier", "chancellor", "king",
              "queen", "prince", "princess", "emir", "judge", "justice", "minister", "secretary", "ayatollah",
              "cardinal", "pope", "father", "rev", "reverend", "prof", "professor", "ambassador", "mayor",
              "commander", "chairman", "spokesman", "spokeswoman", "leader", "chief", "prime", "vice",
              "deputy", "foreign", "defense", "defence", "interior"}
PERSONAL = {"he": "subject", "she": "subject", "him": "object", "her": "object", "his": "owner"}
# Pronouns look back this many sentences for the person they stand for.
PRONOUN_REACH = 3
# Words that name a person's office, by which a story refers back to them ("the prime minister").
TITLE_WORDS = {"president", "minister", "premier", "chancellor", "king", "queen", "prince", "emir",
               "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "governor", "mayor",
               "general", "commander", "chief", "leader", "chairman", "judge", "prosecutor", "envoy",
               "expert", "analyst", "official", "director", "senator", "lawmaker", "candidate", "pope",
               "ayatollah", "sheikh", "monarch", "dictator", "strongman", "militant", "activist"}
# Words before a place name that say it is a place: "in Kennedy", "from George".
LOCATIVE = {"in", "at", "from", "near", "outside", "into", "to", "around", "across", "through", "via"}
# An American politician's party and state written after the name: ", R-S.C.,", " (D-Calif.)", ", R-Texas,"
PARTY_STATE = re.compile(r"\s*[,(]\s*[RDI]\s?[-–]\s?[A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?\s*[,)]")
# Posts held in another country or body, named after "to": "envoy to Kyiv" is not Ukraine's.
POSTED = {"envoy", "ambassador", "emissary", "representative", "delegate", "consul", "attache", "attaché"}
# Nouns for one person, whom "he" or "she" may stand for.
PERSON_NOUNS = TITLE_WORDS | {"officer", "man", "woman", "spokesperson", "aide", "adviser", "advisor", "lawyer",
                              "attorney", "witness", "resident", "member", "representative", "diplomat",
                              "negotiator", "mediator", "head", "deputy", "politician", "soldier", "worker",
                              "journalist", "reporter", "correspondent", "professor", "doctor", "employee"}
@dataclass
class Person:
    """Someone the article names: their name words and what they are coded as (None: unknown)."""
    names: tuple[str, ...]
    code: str | None
    country: str | None
    sector: str | None
    titles: set[str] = field(default_factory=set)
    mention: ActorMention | None = None

    @property
    def surname(self) -> str:
        return self.names[-1]


@dataclass
class _Seen:
    """A reference to a person in a section: its sentence and character there, and whether it is a
    clause's subject."""
    sentence: int
    char: int
    person: Person
    subject: int  # 2: the main clause's subject, 1: another clause's, 0: none
    quoted: bool = False  # named inside quotation marks


class ArticleActors:
    """The register of one article's people, read section by section (body before headline, so a
    headline's "Sarkozy defends himself" finds the Sarkozy of the story)."""

    def __init__(self, coder, date: int | None):
        self.coder = coder
        self.data = coder.data
        self.date = date
        self.people: list[Person] = []
        self.countries: set[str] = set()
        self.home: str | None = None  # the country the story is set in
        self.regional: dict[tuple, str | None] = {}  # shared names read as a region: ("georgia",) -> "USA"
        self.named: Counter = Counter()  # how often the story names each country (places and powers)
        self.recalled = recalled.Recalled()  # the armed group, forces and legislature last named with a country
        self.seen: dict[str, list[_Seen]] = {}  # references to people, by section
        self.blank: dict[str, int] = {}  # sentences of no words so far ('"' after a quotation), by section
        self.bodies: dict[str, list[bodies.Body]] = {}  # organisations and groups named, by section

    # ------------------------------------------------------------------ public
    def read_setting(self, body) -> None:
        """Find the country the story is set in, from its whole body's tokens (a Doc not parsed: the same
        for a body coded whole or in pieces): the one its names of countries, capitals and peoples name
        most often (its dateline counting too: a story filed from Cairo may be about Iraq), if at least
        twice and more often than any other; where no place decides, the country whose leaders (on the
        article's date) and seats of power it names most ("Mbeki ... Selebi ... the NPA")."""
        if body is None or not len(body):
            return
        places, powers, shared = Counter(), Counter(), Counter()
        for s, e, entry in match_gazetteer(self.data, body, 0, len(body)):
            if entry.kind == "city" and e - s == 1 and norm(body[s].text) in self.data.person_words \
                    and not (s and body[s - 1].lower_ in LOCATIVE) or saint(body, s, e, entry):
                continue  # (a town named as people are, "Kennedy", "George", "Bush": a place only "in" it)
            if entry.kind == "country" and (key := _key(body[s:e])) in self.data.shared_regions:
                shared[key] += 1  # ("Georgia": the country or the US state, as the story's other places say)
                continue
            if entry.kind in ("country", "capital", "city", "demonym") and entry.country:
                places[entry.country] += 1
            elif entry.kind == "metonym" and entry.country:
                powers[entry.country] += 1
            elif entry.kind == "leader" and (role := self.coder.leaders.role_on(entry, self.date)):
                country = split_code(role, self.data.countries, self.data.orgs)[1]
                if country:
                    powers[country] += 1
        for key, n in shared.items():
            region, country = self._region_meant(body, key, places + powers)
            self.regional[key] = region if region else None
            places[region or country] += n
        self.home = _most(places) or _most(places + powers)
        self.named = places + powers

    def _region_meant(self, body, key: tuple, named: Counter) -> tuple[str | None, str]:
        """(the region's country or None, the country's code) for a country's name that is also another
        country's region: the region when the story names its towns or its abbreviation ("Atlanta", "Ga.")
        at least twice and more often than the country's other names ("Tbilisi", "Georgian")."""
        region, signals = self.data.shared_regions[key]
        country = self.data.gaz[key].country
        words = [norm(w) for w in words_of(body)]
        found = sum(1 for i in range(len(words)) for sig in signals if tuple(words[i:i + len(sig)]) == sig)
        return (region if found >= 2 and found > named[country] else None), country

    def resolve(self, doc: Doc, mentions: list[ActorMention], pronouns: bool = True, section: str = "article",
                first_sentence: int = 0, offset: int = 0) -> list[ActorMention]:
        """The mentions of one section (or of a piece of it: its first sentence and character there) with
        the article's references added: people by surname, by title and (when `pronouns`) by pronoun;
        then each bare sector given the country its sentence, else the story, gives it."""
        if any(self.regional.values()):
            mentions = [self._as_region(doc, m) for m in mentions]
        self.countries |= {m.country for m in mentions if m.country}
        covered = {i: m for m in mentions for i in range(m.start, m.end)}
        added: list[ActorMention] = []
        seen = self.seen.setdefault(section, [])  # (a piece of a section continues where the last left off)
        inside = voices.quoted(doc)
        named: dict[int, Person] = {}  # bare titles that name their holder, by first token
        stale: set[int] = set()  # a leader's surname that names someone else the story introduced
        for n, sent in enumerate(doc.sents, first_sentence):
            if not any(t.is_alpha for t in sent):  # (a closing quotation mark the parser cut off)
                self.blank[section] = self.blank.get(section, 0) + 1
            n -= self.blank.get(section, 0)  # (counted in sentences of words: how far back a pronoun looks)
            for tok in sent:
                at = offset + tok.idx
                if tok.i in covered:
                    m = covered[tok.i]
                    if (other := self._namesake(doc, m)) is not None:
                        # ("Tiffany Rice ... Rice filed a lawsuit": the story's Rice, not the dictionary's)
                        if other.code:
                            named[m.start] = other
                        else:
                            stale.add(m.start)
                        seen.append(_Seen(n, at, other, _is_subject(tok), tok.i in inside))
                        continue
                    if tok.i == m.head or (tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B"):
                        person = self._from_mention(doc, m, tok) or _someone(doc, m)
                        if person is not None and person.country and _bare(m):
                            named[m.start] = person  # ("Prime Minister Olmert": a title, then whose it is)
                        if person is not None:
                            seen.append(_Seen(n, at, person, _is_subject(doc[m.head]), tok.i in inside))
                    continue
                ent = _introduced(doc, tok)
                if ent is not None or tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON":
                    ent = ent or _entity_at(doc, tok.i)
                    if self._place_named(doc, ent):
                        continue
                    person = self._person(doc, ent, mentions)
                    if person is not None:
                        seen.append(_Seen(n, offset + ent.root.idx, person, _is_subject(ent.root),
                                          ent.root.i in inside))
                        if person.code:
                            added.append(self._mention(doc, ent.start, ent.end, person, "person"))
                            covered.update({i: added[-1] for i in range(ent.start, ent.end)})
                    continue
                if tok.i in covered:
                    continue
                # (a surname of someone met before, whatever the recognizer took it for: "Mbeki met ...")
                if _name_like(tok) and tok.ent_type_ not in ("DATE", "TIME", "MONEY", "CARDINAL") \
                        and (person := self._known(tok)) is not None:
                    # a surname the parser did not tag as a person ("Abbas maintained ...")
                    seen.append(_Seen(n, at, person, _is_subject(tok), tok.i in inside))
                    if person.code:
                        added.append(self._mention(doc, tok.i, tok.i + 1, person, "person"))
                        covered[tok.i] = added[-1]
                elif pronouns and tok.lower_ in PERSONAL and tok.tag_ in ("PRP", "PRP$"):
                    person = None if _told_by_someone(tok) else _antecedent(seen, n, at, tok, tok.i in inside)
                    if person is not None and person.code:
                        added.append(self._mention(doc, tok.i, tok.i + 1, person, "pronoun"))
                        seen.append(_Seen(n, at, person, _is_subject(tok), tok.i in inside))
        mentions = [self._named(m, named[m.start]) if m.start in named else m for m in mentions
                    if m.start not in stale]
        out = [self._led(doc, self._titled(doc, m, seen, offset)) for m in mentions] + added
        out.sort(key=lambda m: (m.start_char, m.end_char))
        # an office of a body no dictionary knows is no state's: "the president of Toyota", "Sony's president"
        coded = {i for m in out if m.code for i in range(m.start, m.end)}
        out = [m for m in out if not (m.code == "GOV" and m.country is None and _of_unknown_body(doc[m.head], coded))]
        r = self.recalled
        out = [self._shared_nationality(doc, m) for m in out]
        out = context.residents(doc, context.placed(doc, victims.resolve(doc, out, headline=section == "headline")))
        out = r.forces(context.domestic(doc, r.legislators(r.armed(r.foreign(out)))))
        # what the sentence leaves without a country happens where the story is set
        out = [replace(m, code=self.home + m.code, country=self.home, cameo=self.home + m.code, inferred=True)
               if self.home and m.country is None and m.code in context.SECTORS and m.kind not in context.OWN_KIND
               else m
               for m in out]
        # the bodies named before: "the Council", "the ministry", "the group" (a headline's: the body's)
        if section not in self.bodies:
            self.bodies[section] = list(self.bodies.get("article", []))
        out = bodies.resolve(doc, out, self.bodies[section], first_sentence)
        if pronouns:  # "I" and "we" in a quotation: its speaker
            out = voices.resolve(doc, out, inside)
        # ("the two countries" only now: it would count towards the home country)
        return plural.resolve(doc, groups.resolve(doc, out) if pronouns else out)

    def _shared_nationality(self, doc: Doc, m: ActorMention) -> ActorMention:
        """A sector qualified by a nationality two countries share ("Korean officials", which the dictionaries
        leave uncoded) is of the one of them the story names more (South Korea where it names neither more);
        not "inter-Korean", which names both."""
        if m.country is not None or m.code not in context.SECTORS:
            return m
        words = [t for t in doc[max(0, m.start - 1):m.end] if t.i != m.head]
        shared = next((SHARED_NATIONALITY[t.lower_] for t in words if t.lower_ in SHARED_NATIONALITY
                       and t.text[:1].isupper() and not (t.i and doc[t.i - 1].lower_ in ("north", "south", "-"))), None)
        if shared is None:
            return m
        first, second = shared
        c = second if self.named[second] > self.named[first] else first
        return replace(m, code=c + m.code, country=c, cameo=c + m.code)

    # ------------------------------------------------------------------ people
    def _as_region(self, doc: Doc, m: ActorMention) -> ActorMention:
        """A mention whose country comes from a shared name the story uses for the region ("Georgia
        officials" in a story of Atlanta): the region's country's."""
        for key, region in self.regional.items():
            if region and m.country == self.data.gaz[key].country and any(
                    _key(doc[i:i + len(key)]) == key for i in range(m.start, m.end - len(key) + 1)):
                n = len(m.country)
                return replace(m, country=region, code=region + m.code[n:] if m.code.startswith(m.country) else m.code,
                               cameo=region + m.cameo[n:] if m.cameo.startswith(m.country) else m.cameo,
                               kind="city" if m.kind == "country" else m.kind)
        return m

    def _namesake(self, doc: Doc, m: ActorMention) -> Person | None:
        """The person the story introduced with a leader's surname and another first name ("Tiffany Rice"),
        whom a later bare surname the dictionary matched ("Rice") refers to; None otherwise."""
        if m.kind != "leader" or not m.name or m.end - m.start != 1:
            return None
        names = _leader_names(m)
        if len(names) < 2 or norm(doc[m.start].text) != names[-1]:
            return None
        if any(p.surname == names[-1] and p.names[0] == names[0] for p in self.people):
            return None  # (the leader was named in full too: "Barack Obama ... Michelle Obama ... Obama")
        return next((p for p in reversed(self.people) if len(p.names) > 1 and p.surname == names[-1]
                     and p.names[0] != names[0]), None)

    def _from_mention(self, doc: Doc, m: ActorMention, tok: Token) -> Person | None:
        """A coded mention that names a person ("Palestinian President Mahmoud Abbas"): register them. A
        leader of the dictionary is one whatever the entity recognizer took the name for."""
        if not m.code:
            return None
        if m.kind == "leader" and m.name:
            names = _leader_names(m)
        else:
            ent = next((e for i in range(m.start, m.end) if doc[i].ent_type_ == "PERSON"
                        and (e := _entity_at(doc, i)) is not None and e.end <= m.end), None)
            names = _name_words(ent) if ent is not None else ()
        bare = _bare(m)
        if bare and not names:  # ("premier Wen": a name the recognizer missed after a title)
            names = tuple(norm(t.text) for t in doc[m.start:m.end] if _name_like(t)
                          and t.lower_ not in HONORIFICS | TITLE_WORDS)
        if not names:
            return None
        found = self._lookup(names)
        if found is not None:
            if not found.code:
                found.code, found.country, found.sector = m.code, m.country, m.sector
            elif bare and not found.country and (code := self._named_leader(names)):
                found.code, found.country, found.sector = split_code(code, self.data.countries, self.data.orgs)
            found.titles |= _titles(doc[m.start:m.end])
            return found
        code, country, sector = m.code, m.country, m.sector
        if bare and (known := self._named_leader(names)):  # ("Prime Minister Olmert": the dictionary's Olmert)
            code, country, sector = split_code(known, self.data.countries, self.data.orgs)
        elif bare and PARTY_STATE.match(doc.text, doc[m.end - 1].idx + len(doc[m.end - 1])):
            code, country = "USA" + m.code, "USA"  # ("Sen. Lindsey Graham, R-S.C.")
        person = Person(names, code, country, sector, _titles(doc[m.start:m.end]), m)
        self.people.append(person)
        return person

    @staticmethod
    def _named(m: ActorMention, p: Person) -> ActorMention:
        return replace(m, code=p.code, country=p.country, sector=p.sector, cameo=p.code, kind="person",
                       name=" ".join(p.names))

    def _place_named(self, doc: Doc, ent) -> bool:
        """A one-word name the recognizer calls a person that is a city written where a place is ("the town of
        Goma", "fighting in Goma"): the place, not a man of that surname."""
        if len(ent) != 1 or not ent.start:
            return False
        entry = self.data.gaz.get((norm(ent[0].text),))
        return entry is not None and entry.kind == "city" and written_as_place(doc, ent.start)

    def _person(self, doc: Doc, ent, mentions) -> Person | None:
        """The person a PERSON entity names: one met before (by full name or surname), else a new one
        coded by what the sentence says of them, else by the leader dictionary on the article's date."""
        names = _name_words(ent)
        if not names:
            return None
        after = doc[ent.end] if ent.end < len(doc) else None
        if len(names) == 1 and after is not None and _name_like(after) and after.ent_type_ == "" \
                and not after.is_sent_start:
            names += (norm(after.text),)  # (a surname NER left out: "Tom Judge", not a leader called Tom)
        found = self._lookup(names)
        if found is not None:
            return found
        span = _description(ent)
        code = _described(doc, ent, span, mentions) or self._dictionary(names)
        if code in STATE_OFFICES and any(_posted_to(t) for t in span):
            # an envoy to another country whose own the description does not name is of the country the story
            # names most but that one, and a former one of its elite ("Kurt Volker, former special envoy to
            # Kyiv", in a story of the impeachment hearings), in every sentence
            post = {m.country for m in mentions if span.start <= m.start < span.end and m.country}
            sender = next((c for c, _ in self.named.most_common() if c not in post), None)
            if sender:
                code = sender + ("ELI" if any(t.lower_ in NO_LONGER for t in span) else code)
        country = sector = None
        if code:
            code, country, sector = split_code(code, self.data.countries, self.data.orgs)
        person = Person(names, code, country, sector, _titles(span))
        self.people.append(person)
        return person

    def _lookup(self, names: tuple[str, ...]) -> Person | None:
        """The person met before with this name (the latest): the same full name, or its last words ("Al
        Suwaidi", "Olmert" after "Ehud Olmert"), or the same surname and first name."""
        names = tuple(w for w in names if w not in HONORIFICS) or names
        for p in reversed(self.people):
            if p.names == names:
                return p
        for p in reversed(self.people):
            if len(names) < len(p.names) and p.names[-len(names):] == names:
                return p
            if len(names) > 1 and p.surname == names[-1] and p.names[0] == names[0]:
                return p
        # a family name written first ("Liu" after "Liu Xiaoming", "Wen" after "Wen Jiabao"), where it is no
        # one's last name
        first = [p for p in self.people if len(names) == 1 and len(p.names) > 1 and p.names[0] == names[0]]
        return first[-1] if first and len({p.names for p in first}) == 1 else None

    def _known(self, tok: Token) -> Person | None:
        """A capitalised word that is the surname of someone already met."""
        key = norm(tok.text)
        return next((p for p in reversed(self.people) if p.surname == key and len(p.names) > 1), None)

    def _dictionary(self, names: tuple[str, ...]) -> str | None:
        """A leader known by surname: the role on the article's date of the one dictionary leader of that
        surname in office then; among several, the one of a country the article names; none if unclear."""
        return self.coder.by_surname(names, self.date, self.countries)

    def _named_leader(self, names: tuple[str, ...]) -> str | None:
        """The dictionary's leader a title names ("Prime Minister Olmert"), of a country the article names
        (the word after a title may be a first name: "Prince Andrew" is no Canadian called Andrew)."""
        code = self._dictionary(names)
        return code if code and code[:3] in self.countries else None

    def _mention(self, doc: Doc, s: int, e: int, person: Person, kind: str) -> ActorMention:
        span = doc[s:e]
        return ActorMention(s, e, span.start_char, span.end_char, span.text, person.code or "", person.country,
                            person.sector, kind, span.root.i, person.code or "", " ".join(person.names))

    def _led(self, doc: Doc, m: ActorMention) -> ActorMention:
        """"The Bush administration", "Putin's government": a government named by its leader is the
        leader's country's (someone the story has named, else the dictionary's leader of that surname)."""
        head = doc[m.head]
        if m.code != "GOV" or m.country or not {(norm(head.text),), (head.lemma_.lower(),)} & self.data.agents.keys():
            return m  # (nor is a person's first name a leader's: "spokesman John Bankhead")
        for c in head.children:
            if c.dep_ in ("compound", "poss") and _name_like(c):
                name = (norm(c.text).strip("."),)
                person = self._known(c) or self._lookup(name)
                code = person.code if person is not None else self._dictionary(name)
                country = split_code(code, self.data.countries, self.data.orgs)[1] if code else None
                if country:
                    return replace(m, code=country + "GOV", country=country, cameo=country + "GOV")
        return m

    def _titled(self, doc: Doc, m: ActorMention, seen: list[_Seen], offset: int) -> ActorMention:
        """A bare title ("the prime minister", "the expert") is the person last met with that title, of
        the same country where the title gives one."""
        if m.kind != "sector" or m.country and m.country != m.code[:3]:
            return m
        head = doc[m.head]
        word = head.lemma_.lower()
        # ("few European leaders" are not the leader met before; nor is "a spokesman" someone met before)
        # (nor is "the president of Hamas' political bureau": an "of" phrase says whose title it is)
        if word not in TITLE_WORDS or head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "poss" for c in head.children) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) \
                or any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children):
            return m
        for s in reversed(seen):
            p = s.person
            # (a title with a country: of that country and sector, "Kremlin spokesman" no "Gazprom spokesman")
            if s.char < offset + m.start_char and p.code and word in p.titles \
                    and (not m.country or m.country == p.country and (not p.sector or m.sector == p.sector)):
                return replace(m, code=p.code, country=p.country, sector=p.sector or m.sector, cameo=p.code,
                               kind="person", name=" ".join(p.names))
        return m


def _leader_names(m: ActorMention) -> tuple[str, ...]:
    """The name words of the dictionary leader a mention names ("Barack Obama" -> ("barack", "obama"))."""
    return tuple(norm(w).strip(".") for w in m.name.split() if w.strip(".-"))


def _key(span) -> tuple[str, ...]:
    return tuple(norm(t.text) for t in span)


def _most(counts: Counter) -> str | None:
    """The key counted most, at least twice and more often than any other."""
    top = counts.most_common(2)
    return top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _bare(m: ActorMention) -> bool:
    """A title or sector with no country of its own ("Prime Minister", "officials")."""
    return m.country is None and m.code in context.SECTORS


# Nationality words two countries share, which no dictionary codes: the usual one first
SHARED_NATIONALITY = {"korean": ("KOR", "PRK")}


def _name_words(ent) -> tuple[str, ...]:
    """A person's name without honorifics and possessive endings: "Mr. Olmert's" -> ("olmert",)."""
    words = [norm(t.text).strip(".") for t in ent if not t.is_punct and t.tag_ != "POS" and t.text not in ("'s", "’s")]
    while words and words[0] in HONORIFICS:
        words.pop(0)
    return tuple(w for w in words if w)


def _name_like(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha and len(tok.text) > 2


def _is_subject(tok: Token) -> int:
    """2 for the subject of a sentence's main clause, 1 for the subject of another clause, else 0."""
    while tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1


def _description(ent):
    """The words that describe a person where they are introduced: the apposition on either side ("Ian
    Smillie, a Canadian expert"; "the Canadian expert, Ian Smillie") and the titles before the name."""
    root = ent.root
    doc = ent.doc
    for c in root.children:
        if c.dep_ == "appos":
            return doc[c.left_edge.i:c.right_edge.i + 1]
    if root.dep_ == "appos":
        head = root.head
        return doc[head.left_edge.i:head.i + 1]
    return doc[root.left_edge.i:ent.start] if root.left_edge.i < ent.start else doc[ent.start:ent.start]


def _posted_to(tok: Token) -> bool:
    """The word names where a post abroad is held: Kyiv of "envoy to Kyiv", Britain of "ambassador to Britain"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in POSTED


def _titles(span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.lemma_.lower() in TITLE_WORDS}


def _described(doc: Doc, ent, span: Span, mentions: list[ActorMention]) -> str | None:
    """The code the introduction gives a person: an actor in their apposition or title phrase ("Ian
    Smillie, the Canadian expert" -> CANEDU; "Jamal Al Suwaidi, Director-General of the Abu Dhabi-based
    Emirates Centre" -> ARE), or the country after "of" ("President Boris Tadic of Serbia")."""
    # an American politician's party and state after the name ("Sen. Lindsey Graham, R-S.C.", "(D-Calif.)"):
    # a member of Congress, or what the title before the name says ("Gov. Greg Abbott, R-Texas")
    if PARTY_STATE.match(doc.text, ent.end_char):
        title = next((m for m in mentions if m.end == ent.start and m.code and _bare(m)), None)
        return "USA" + (title.code if title is not None else "LEG")
    # (not the post of an envoy: "Kurt Volker, special envoy to Kyiv", "ambassador to Britain")
    inside = [m for m in mentions if span.start <= m.start and m.end <= span.end and m.code
              and not _posted_to(doc[m.head])]
    inside += [m for m in mentions for c in ent.root.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
               for p in c.children if p.dep_ == "pobj" and m.start <= p.i < m.end and m.country]
    with_country = [m for m in inside if m.country]
    if with_country:
        best = max(with_country, key=lambda m: (bool(m.sector), m.end - m.start))
        if best.sector:
            return best.code
        sector = next((m.code for m in inside if not m.country and m.code), "")
        return best.country + (sector if len(sector) == 3 else "")
    org = next((m.code for m in inside if m.kind in ("org", "group", "armed", "media")), None)
    # else the office alone ("the former special envoy to Ukraine": its country is the story's), unless
    # the description names a body no one knows ("SpaceX President Gwynne Shotwell": no state's president)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    # (a place is no body: "the home minister for southern Sindh province")
    if org or any(t.pos_ == "PROPN" and t.i not in covered and t.ent_type_ not in ("GPE", "LOC")
                  for t in span if t.i < ent.start or t.i >= ent.end):
        return org
    return next((m.code for m in inside if _bare(m) and m.kind == "sector"
                 and not _of_unknown_body(doc[m.head], covered)), None)  # (not "the company's president")


def _of_unknown_body(head: Token, coded: set[int]) -> bool:
    """Whether a title is held in a body that is no state's: one named by a proper name that names no known
    actor or place ("Sony's president", "the president of Toyota", "vice president of Logitech's Harmony
    unit", "Vice President of Sales for Dräger, Inc."), or a company, a church, a club ("the company's
    president")."""
    if head.lemma_.lower() not in PERSON_NOUNS:
        return False  # (a body's own name is no owner: "the Department of Foreign Affairs")
    owners = [c for c in head.children if c.dep_ == "poss"]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")):
        for p in (p for p in prep.children if p.dep_ == "pobj"):
            owners += [p] + [c for c in p.children if c.dep_ in ("poss", "compound", "nmod")]
    return any(o.pos_ == "PROPN" and o.text[:1].isupper() and o.ent_type_ == "ORG" and o.i not in coded
               or o.pos_ == "NOUN" and o.lemma_.lower() in PRIVATE_BODIES for o in owners)


def _entity_at(doc: Doc, i: int) -> Span | None:
    """The entity of doc.ents that starts at token i, if any."""
    return entity_of(doc, i) if doc[i].ent_iob_ == "B" else None


NUMERIC_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def _introduced(doc: Doc, tok: Token):
    """The name starting at tok that the sentence introduces as a person's with a title in apposition,
    where the recognizer took it for something else or for nothing ("Jamal Sanad Al Suwaidi,
    Director-General of the Centre, said"); else None."""
    if not (tok.pos_ == "PROPN" and tok.text[:1].isupper()) or tok.ent_type_ == "PERSON":
        return None
    if tok.ent_iob_ == "B":
        span = _entity_at(doc, tok.i)
        if span is None or span.label_ in NUMERIC_ENTS:  # (a name taken for a work or a product too)
            return None
    elif tok.ent_iob_ == "O" and not (tok.i and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].head.i == tok.head.i):
        head = tok
        while head.dep_ in ("compound", "flat") and head.head.i > head.i and head.head.pos_ == "PROPN":
            head = head.head
        span = doc[tok.i:head.i + 1]
    else:
        return None
    if len(span) < 2 or not all(t.text[:1].isupper() for t in span if t.is_alpha):
        return None
    return span if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in span.root.children) else None


def _someone(doc: Doc, m: ActorMention) -> Person | None:
    """An unnamed person a coded phrase speaks of ("a senior police officer", "the minister"), whom a
    later pronoun may stand for; not registered by name."""
    head = doc[m.head]
    if not m.code or head.tag_ not in ("NN", "NNP") or head.lemma_.lower() not in PERSON_NOUNS:
        return None
    return Person((), m.code, m.country, m.sector, {head.lemma_.lower()} & TITLE_WORDS, m)


# Verbs by which someone tells of what happened to them ("one miner said rebels forced him").
TELLING = {"say", "tell", "recall", "describe", "testify", "explain", "add", "recount", "claim", "insist"}


def _told_by_someone(tok: Token) -> bool:
    """"One miner said rebels forced him to ...": a pronoun in what someone the story names by a common
    noun tells stands for that teller, not for a person named in an earlier sentence."""
    for verb in tok.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in TELLING:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return subj is not None and subj.i < tok.i and subj.tag_ == "NN"
    return False


def _antecedent(seen: list[_Seen], sentence: int, char: int, tok: Token, quoted: bool = False) -> Person | None:
    """The person a personal pronoun stands for, where it is in an earlier sentence: the subject of the
    latest sentence that has a person as subject, within reach, else the latest person. None where its own
    sentence names the person first (in its own sentence, the nearest subject before it for "he" and
    "she", the nearest person for "his", the nearest one not the subject for "him" and "her"): the
    coder reads a sentence's own pronouns from its parse ("X said he would ...", "called Y to assure
    him"), and the span annotators give such a role is the name, not the pronoun. A pronoun of the narrative
    (not `quoted`) stands for no one named only inside quotation marks ('"Bush is wrong," he said')."""
    before = [s for s in seen if s.char < char and sentence - s.sentence <= PRONOUN_REACH and (quoted or not s.quoted)]
    if not before:
        return None
    same = [s for s in before if s.sentence == sentence]
    if same:
        if PERSONAL[tok.lower_] == "object":
            if any(not s.subject for s in same):
                return None
        elif any(s.subject for s in same) or PERSONAL[tok.lower_] == "owner":
            return None
    subjects = [s for s in before if s.subject]
    last = max((s.sentence for s in subjects), default=None)
    subj = [s for s in subjects if s.sentence == last]
    if subj:  # (the main clause's subject first: "X, director of Y, said Bush spoke ... . He said")
        return max(subj, key=lambda s: (s.subject, s.char)).person
    return before[-1].person
