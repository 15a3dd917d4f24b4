"""Names and offices the actor dictionaries do not know, read from how they are written: a body named in
full by the word that says its kind ("the Sea Shepherd Conservation Society" NGO, "the Polish People's
Party"), the office of a body that is no state's ("president of the mosque"), the voice of a body no one
knows ("an AstraZeneca spokeswoman"), and a leader's surname that ends another person's name ("Michelle
Obama"), and forces that are foreign where they are ("coalition forces")."""

from __future__ import annotations

from dataclasses import replace

from whowhom.actors.loader import norm
from whowhom.actors.mention import ActorMention

# Heads that speak or command for the body named before them.
VOICES = {"spokesman", "spokeswoman", "spokesperson", "official", "chief", "commander", "head", "source",
          "officer"}
# Bodies that are no state's: the president of a mosque or the head of a company holds no public office.
PRIVATE_BODIES = {"mosque", "church", "temple", "synagogue", "congregation", "company", "firm", "corporation",
                  "business", "bank", "club", "team", "university", "college", "school", "hospital", "museum",
                  "institute", "foundation", "society", "association", "charity", "chamber", "newspaper",
                  "magazine", "channel", "station", "studio", "network"}
# The last word of an organisation's name that says what kind of body it is, where the dictionaries do not
# know the name ("the Sea Shepherd Conservation Society", "the Kohelet Policy Forum"): a non-governmental
# organisation (NGO, as CAMEO codes them; with a country, that country's), a think tank (EDU).
NAMED_BODIES = {"society": "NGO", "foundation": "NGO", "association": "NGO", "charity": "NGO", "trust": "NGO",
                "watch": "NGO", "federation": "NGO", "forum": "EDU", "party": "PTY"}
# A party is of a country: one its name gives ("the Polish People's Party"), else its sentence's or story's;
# it may be written in lower case after its name ("the Baath party").
PARTY = "PTY"


def capitalised_name(tok) -> bool:
    """A word of a proper name before a body's kind ("Sea Shepherd Conservation Society"), not a word
    that starts a sentence or a title ("The Society")."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in ("the", "a", "an") and not tok.is_sent_start


def someone_else(doc, lo: int, s: int, e: int, entry) -> bool:
    """Whether a leader's surname matched alone (tokens s..e) is the end of another person's name: the
    recognizer's PERSON name goes on before it with a first name that is none of the leader's own."""
    from whowhom.actors.article import HONORIFICS
    if e - s != 1 or s <= lo or doc[s].ent_type_ != "PERSON" or doc[s].ent_iob_ != "I":
        return False
    first = doc[s - 1]
    own = {norm(w) for other in (entry, *entry.others) for w in str(other.cameo).split()}
    return first.ent_type_ == "PERSON" and first.is_alpha and first.text[:1].isupper() \
        and norm(first.text) not in own and first.lower_.strip(".") not in HONORIFICS


def private_office(doc, m: ActorMention, covered: set[int]) -> bool:
    """"Dris Djermoun, president of the mosque", "the head of the company": an office of a body that is no
    state's, which a bare title would make a government's."""
    head = doc[m.head]
    return m.country is None and m.code == "GOV" and m.end == head.i + 1 and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            p.dep_ == "pobj" and p.i not in covered and p.lemma_.lower() in PRIVATE_BODIES for p in c.children)
        for c in head.children)


def unknown_voice(doc, m: ActorMention, covered: set[int]) -> bool:
    """"An AstraZeneca spokeswoman": the voice of a body named but unknown to the dictionaries, which a
    bare title would make a government's."""
    head = doc[m.head]
    return m.country is None and m.code == "GOV" and head.lemma_.lower() in VOICES and any(
        c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.text[:1].isupper() and c.i not in covered
        for c in head.children)


def named_body(doc, lo: int, m: ActorMention) -> ActorMention:
    """A body the dictionaries do not know, named in full ("the Sea Shepherd Conservation Society"): an
    organisation of its own, not a sector that takes the country of its sentence or story."""
    s = m.head
    while s - 1 >= lo and capitalised_name(doc[s - 1]):
        s -= 1
    if s - 1 >= lo and doc[s - 1].lower_ == "the":
        s -= 1
    s = min(s, m.start)
    span = doc[s:m.end]
    return ActorMention(s, m.end, span.start_char, span.end_char, span.text, m.code, None, m.sector,
                        "sector" if m.sector == PARTY else "org",
                        m.head, m.cameo, doc[s + (doc[s].lower_ == "the"):m.head + 1].text)


# Words that say forces are not the country's where they are: "coalition forces", "foreign troops".
FOREIGN = {"foreign", "coalition", "multinational", "international", "occupation", "occupying"}
FORCE_SECTORS = {"MIL", "UAF"}
ENVOYS = {"envoy", "diplomat", "official", "government", "leader", "delegation", "delegate", "mediator",
          "observer", "dignitary", "representative", "emissary"}


def foreign_force(doc, m: ActorMention) -> ActorMention:
    """"Taliban militants attacked coalition forces": forces called foreign are no country's the sentence
    or story gives (kind "foreign": not filled by context.domestic, the story's country, or the forces
    named before), though they may name their own ("US-led coalition forces")."""
    head = doc[m.head]
    if m.country is None and m.code in FORCE_SECTORS and any(
            c.dep_ in ("amod", "compound") and c.lower_ in FOREIGN for c in head.children):
        return replace(m, kind="foreign")
    # ("foreign envoys, including former Argentine President Nestor Kirchner, who are in Colombia"; not the
    # foreign minister, a title of the country's own)
    if m.country is None and head.lemma_.lower() in ENVOYS and any(
            c.dep_ == "amod" and c.lower_ == "foreign" for c in head.children):
        return replace(m, kind="foreign")
    return m

