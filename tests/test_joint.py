"""Joint acts coded both ways (events/joint.py) and plural references to a pair (actors/plural.py).
Sentences written for these tests."""

from __future__ import annotations

import pytest


def dyads(events):
    return {(e.source, e.target, e.cameo[:2]) for e in events if e.modality == "asserted"}


def both_ways(got, a, b, root):
    return (a, b, root) in got and (b, a, root) in got


def test_coordinated_doers_of_a_joint_act_act_on_each_other(code_sentence):
    assert both_ways(dyads(code_sentence("Norway and Chile held talks in Oslo on Monday.")), "NOR", "CHL", "04")


def test_a_meeting_goes_both_ways_but_not_an_announced_one(code_sentence):
    got = dyads(code_sentence("The Hungarian foreign minister met his Austrian counterpart in Vienna."))
    assert both_ways(got, "HUNGOV", "AUT", "04")
    got = dyads(code_sentence("The Chilean president will meet the Peruvian president next week."))
    assert ("CHLGOV", "PERGOV", "03") in got
    assert ("PERGOV", "CHLGOV", "03") not in got  # the announcement is the Chilean president's alone


def test_a_partner_after_with_acts_too_but_not_whom_the_act_is_about(code_sentence):
    got = dyads(code_sentence("Egypt's president held talks with the Sudanese leader on Sunday."))
    assert both_ways(got, "EGYGOV", "SDNGOV", "04")
    got = dyads(code_sentence("Jordan signed an agreement on the return of Syrian refugees."))
    assert ("JOR", "SYRREF", "05") in got and ("SYRREF", "JOR", "05") not in got


def test_a_joint_noun_names_its_parties_by_hyphen_and_between(code_sentence):
    assert both_ways(dyads(code_sentence("Peruvian-Bolivian border talks resumed on Friday.")), "PER", "BOL", "04")
    got = dyads(code_sentence("Clashes broke out between Ugandan troops and Kenyan police."))
    assert both_ways(got, "UGAMIL", "KENCOP", "19")


def test_parties_named_together_do_a_joint_act_no_one_named_does(code_sentence):
    got = dyads(code_sentence("The regional summit will restart Peruvian-Bolivian talks."))
    assert both_ways(got, "PER", "BOL", "03")
    # (one who is named does it: the host is no party)
    got = dyads(code_sentence("Brazil will restart Peruvian-Bolivian border talks."))
    assert not both_ways(got, "PER", "BOL", "03")


def test_a_joint_noun_takes_the_parties_of_the_act_it_is_the_setting_of(code_sentence):
    got = dyads(code_sentence("The Finnish president played chess with the Estonian prime minister during talks "
                              "in Tallinn."))
    assert both_ways(got, "FINGOV", "ESTGOV", "04")


def test_each_other_makes_any_act_mutual(code_sentence):
    got = dyads(code_sentence("The Kenyan government and Somali rebels accused each other of breaking the truce."))
    assert both_ways(got, "KENGOV", "SOMREB", "11")


def test_coordinated_doers_of_an_act_that_is_not_joint_do_not_act_on_each_other(code_sentence):
    got = dyads(code_sentence("Russia and China condemned the summit."))
    assert ("RUS", "CHN", "11") not in got and ("CHN", "RUS", "11") not in got
    assert ("RUS", None, "11") in got


def test_the_two_sides_are_the_pair_named_before(code_text):
    page = ("Border talks\n\nThai and Cambodian officials met in Bangkok on Monday.\n\n"
            "The two sides signed a trade agreement on Tuesday.\n")
    # (the officials of each: "Thai and Cambodian officials" are THAGOV and KHMGOV)
    assert both_ways(dyads([e for e in code_text(page) if "two sides" in e.sentence]), "THAGOV", "KHMGOV", "05")


@pytest.fixture(scope="module")
def parsed():
    from whowhom.pipeline import _stages

    model, actors, _ = _stages()

    def run(text):
        doc = model(text)
        return doc, actors.find(doc, date="2024-01-15")

    return run


def referents(doc, mentions, words):
    from whowhom.actors import plural

    return sorted(m.code for m in plural.resolve(doc, mentions) if m.text == words)


def test_plural_references_take_the_latest_pair_that_fits_their_noun(parsed):
    doc, ms = parsed("Portugal and Spain signed a water treaty. Later the Brazilian president met the "
                     "Argentine president. The two leaders praised the treaty. The two countries share a river.")
    assert referents(doc, ms, "The two leaders") == ["ARGGOV", "BRAGOV"]
    assert referents(doc, ms, "The two countries") == ["ARG", "BRA"]


def test_a_phrase_that_names_its_own_two_is_no_reference(parsed):
    doc, ms = parsed("Israel and Egypt signed a treaty. The two Arab states criticised the plan.")
    assert referents(doc, ms, "The two Arab states") == []
    doc, ms = parsed("The two sides met on Monday.")  # no pair named before
    assert referents(doc, ms, "The two sides") == []


def test_parties_that_agree_agree_with_each_other(code_sentence):
    got = dyads(code_sentence("Armenia and Azerbaijan agreed on Monday to reopen the border crossing."))
    assert {("ARM", "AZE", "03"), ("AZE", "ARM", "03")} <= got


def test_a_meeting_held_for_talks_is_a_meeting(code_sentence):
    got = dyads(code_sentence("The Chilean president met the Bolivian president in Santiago on Friday for talks on gas."))
    assert both_ways({(s[:3], t[:3], r) for s, t, r in got}, "CHL", "BOL", "04")


@pytest.mark.parametrize("sentence, a, b, root", [
    # what two sides exchange, each does to the other: charges, insults, threats, fire, prisoners
    ("Armenia and Azerbaijan traded accusations over the shelling on Monday.", "ARM", "AZE", "11"),
    ("Peru and Ecuador exchanged barbs at the summit.", "PER", "ECU", "11"),
    ("Greece and Turkey exchanged threats over the islands.", "GRC", "TUR", "13"),
    ("Indian and Pakistani troops exchanged fire across the border.", "IND", "PAK", "19"),
    ("Ethiopia traded blame with Eritrea for the collapse of the talks.", "ETH", "ERI", "11"),
    ("Clashes ended after an exchange of fire between Thai and Cambodian soldiers.", "THA", "KHM", "19"),
])
def test_an_exchange_is_coded_both_ways(code_sentence, sentence, a, b, root):
    got = {(s[:3], t[:3], r) for s, t, r in dyads(code_sentence(sentence)) if s and t}
    assert (a, b, root) in got and (b, a, root) in got


def test_a_phone_call_is_a_telephone_conversation_both_ways(code_sentence):
    got = dyads(code_sentence("Macron and Scholz held a phone call on Monday.", date="2023-02-01"))
    assert both_ways(got, "FRAGOV", "DEUGOV", "04")
    # (exchanging what is no act gives no event of its own: "exchanged views" stays PETRARCH-2's 046)
    assert not any(r in ("11", "13", "19") for _, _, r in dyads(code_sentence("Chile and Peru exchanged views.")))


def test_what_both_sides_do_to_no_one_named_they_do_to_each_other(code_sentence):
    text = ("Ethiopian troops and Eritrean forces clashed along the border on Monday. "
            "Both sides said they were hopeful the ceasefire would hold. "
            "The two sides used heavy artillery, officials said.")
    evs = code_sentence(text)
    hopeful = [e for e in evs if e.cameo == "013"]
    assert {(e.source[:3], e.target[:3]) for e in hopeful} == {("ETH", "ERI"), ("ERI", "ETH")}
    # the weapon used is no target
    used = [e for e in evs if "heavy artillery" in e.sentence and e.cameo_root in ("17", "19")]
    assert used and all(e.target[:3] in ("ETH", "ERI") for e in used)
