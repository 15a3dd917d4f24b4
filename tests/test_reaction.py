"""Feelings at another's act (events/reaction.py), on sentences written for these tests."""

import pytest

from conftest import codes


@pytest.mark.parametrize("sentence, felt", [
    # the one a verb angers disapproves of its subject, or of the passive's agent
    ("Turkish plans to drill off Cyprus angered the Greek government on Monday.", ("GRC", "110", "TUR")),
    ("The Armenians were angered by Azerbaijani plans to build a road through the valley.", ("ARM", "110", "AZE")),
    # a feeling said of someone, at what it is about
    ("Vietnam was furious at the Chinese decision to move the oil rig.", ("VNM", "110", "CHN")),
    ("The Chilean foreign minister said he was outraged by the Bolivian claims.", ("CHL", "110", "BOL")),
    # a feeling expressed, owned or found in a country
    ("The Indonesian foreign ministry voiced anger over the Malaysian raids.", ("IDN", "110", "MYS")),
    ("Morocco's outrage at the Algerian statement grew on Tuesday.", ("MAR", "110", "DZA")),
    ("The Greek prime minister's visit was greeted with anger in Turkey.", ("TUR", "110", "GRC")),
    # concern is a pessimistic comment (CAMEO 012), as CAMEO and Multi-CoPED code it
    ("The Norwegian government expressed concern about Russian military flights.", ("NOR", "012", "RUS")),
    ("Canada is worried about the Indian investigation.", ("CAN", "012", "IND")),
])
def test_a_feeling_at_another_is_its_disapproval(code_sentence, sentence, felt):
    assert felt in codes(code_sentence(sentence))


@pytest.mark.parametrize("sentence", [
    "Angry Peruvian miners blocked the highway for three hours.",  # a feeling that only describes
    "Israel closed the crossing, citing security concerns.",  # no one named as feeling it
])
def test_a_feeling_no_one_is_said_to_have_is_no_event(code_sentence, sentence):
    assert not any("+felt" in e.rule for e in code_sentence(sentence))


def test_a_greeting_with_anger_is_no_welcome(code_sentence):
    evs = code_sentence("The Greek prime minister's visit was greeted with anger in Turkey.")
    assert not [e for e in evs if e.cameo_root == "05"]


def test_a_feeling_to_come_is_not_asserted(code_sentence):
    evs = code_sentence("The Azerbaijani plan would anger the Armenian government.")
    assert ("ARM", "110", "AZE") in codes(evs, "hypothetical")
    assert ("ARM", "110", "AZE") not in codes(evs)


@pytest.mark.parametrize("sentence, judged", [
    ("The Norwegian government considers the Russian exercises illegal.", ("NOR", "111", "RUS")),
    ("Britain regards the Iranian proposal as a positive step.", ("GBR", "051", "IRN")),
    ("The Kenyan opposition considers the Ugandan mediators biased.", ("KEN", "111", "UGA")),
    ("China views the US sanctions as a hostile act.", ("CHN", "111", "USA")),
])
def test_a_judgement_in_words_of_blame_or_praise_is_criticism_or_praise(code_sentence, sentence, judged):
    assert judged in codes(code_sentence(sentence))


def test_a_judgement_in_plain_words_is_none_and_considering_an_act_stays_so(code_sentence):
    assert not code_sentence("China regards Taiwan as part of its territory.")
    evs = code_sentence("The Pentagon is considering sending more troops to Iraq.")
    assert any(e.cameo == "014" for e in evs)


@pytest.mark.parametrize("sentence, judged", [
    # a verdict in words of blame is criticism of what is judged, in words of praise praise
    ("Iran called the Saudi decision a dangerous provocation.", ("IRN", "111", "SAU")),
    ("Turkey described the Greek election as a sham.", ("TUR", "111", "GRC")),
    ("Germany called the Belarusian election neither free nor fair.", ("DEU", "111", "BLR")),
    ("Canada described the Ghanaian election as a great success.", ("CAN", "051", "GHA")),
])
def test_a_verdict_in_words_of_blame_or_praise_is_criticism_or_praise(code_sentence, sentence, judged):
    assert judged in codes(code_sentence(sentence))


def test_calling_on_or_for_is_no_verdict(code_sentence):
    assert ("EU", "020", "IRN") in codes(code_sentence("The EU called on Iran to release the prisoners."))
    assert not any(c in ("111", "051") for _, c, _ in codes(code_sentence("The opposition called for new elections.")))


def test_criticism_drawn_by_a_participle_clause_is_aimed_at_its_subject(code_sentence):
    found = codes(code_sentence("Pyongyang tested a missile on Sunday, drawing condemnation from Japan and Canada."))
    assert {("JPN", "111", "PRK"), ("CAN", "111", "PRK")} <= found
