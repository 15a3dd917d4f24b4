"""Talks others arranged (events/mediation.py): the sponsor or broker mediates between the parties, on
sentences written for these tests."""

import pytest

from conftest import codes


@pytest.mark.parametrize("sentence, sponsor, parties", [
    # the broker named by the participle's by-phrase, its subject, the words beside it, or in its own word
    ("Talks between Israel and Syria brokered by Turkey resumed on Monday.", "TUR", {"ISR", "SYR"}),
    ("Norway brokered a ceasefire between the Sri Lankan government and the Tamil Tigers.", "NOR", {"LKA"}),
    ("The Egyptian-brokered truce between Israel and Hamas collapsed on Friday.", "EGY", {"ISR", "PSE"}),
    ("The Qatar-brokered deal between the Taliban and the United States was signed in Doha.", "QAT",
     {"AFG", "USA"}),
    # parties that act at the talks rather than named by them; the sponsor's own word fused with its name
    ("After a U.S.-sponsored conference in November, the Israelis and the Syrians resumed negotiations.", "USA",
     {"ISR", "SYR"}),
])
def test_a_sponsor_of_talks_mediates_between_their_parties(code_sentence, sentence, sponsor, parties):
    found = codes(code_sentence(sentence))
    mediated = {t for s, code, t in found if s == sponsor and code == "045"}
    assert mediated == parties


@pytest.mark.parametrize("sentence", [
    "France sponsored a resolution on Iran at the United Nations.",  # no talks
    "The Chinese-hosted summit with Russia ended on Friday.",  # not "sponsor" or "broker"
    "A summit between China and Russia sponsored by China ended on Friday.",  # a party sponsors its own talks
    "Israeli-occupied territories remain tense.",  # another participle in a hyphened word is no act
])
def test_no_mediation_without_the_talks_of_two_other_parties(code_sentence, sentence):
    assert not any("+mediated" in e.rule for e in code_sentence(sentence))


def test_a_sponsor_of_no_talks_keeps_the_verbs_other_senses(code_sentence):
    # (the generic PETRARCH-2 rows of the verb still read it: a broker with no parties named)
    assert ("NOR", "045", "") in codes(code_sentence("Norway brokered a deal last year."))


def test_a_sponsored_setting_is_as_real_as_the_talks_whatever_the_parties_pledge(code_sentence):
    evs = code_sentence("At a conference last month in Geneva, Switzerland, sponsored by the European Union, "
                        "Armenian President Serzh Sargsyan and Azerbaijani President Ilham Aliyev pledged to "
                        "restart negotiations.")
    assert {(e.source, e.target[:3], e.modality) for e in evs if "+mediated" in e.rule} == {
        ("EU", "ARM", "asserted"), ("EU", "AZE", "asserted")}
