"""Speech coded by what it does (events/speech.py), on sentences written for these tests."""

import pytest

from conftest import codes


@pytest.mark.parametrize("sentence, said", [
    # a hostile act of another side, reported by the speaker, is an accusation (the act stays too)
    ("Armenia said Azerbaijani troops shelled border villages on Sunday.", ("ARM", "112", "AZE")),
    ("\"Azerbaijani troops shelled our villages,\" the Armenian foreign minister said.", ("ARM", "112", "AZE")),
    ("The Armenian foreign ministry said: \"Azerbaijani troops shelled three border villages.\"",
     ("ARM", "112", "AZE")),
    # a charge said untrue, an own act said not done: a denial
    ("\"It is not true that the army shelled the village,\" the Georgian defence minister said.", ("GEO", "016", "")),
    ("The Turkish interior ministry said its police did not fire at the protesters.", ("TUR", "016", "")),
    # what another must do: a demand; should do: an appeal
    ("Germany said the Serbian government has to do more against corruption.", ("DEU", "020", "SRB")),
    ("Norway said Peru must return the ship that Peruvian troops seized in March.", ("NOR", "100", "PER")),
    ("Sweden said the Latvian government should hold new elections.", ("SWE", "020", "LVA")),
    # blame or praise predicated of another (with no one named, blame is criticism all the same)
    ("The French minister said the Iranian plan is a dangerous provocation.", ("FRA", "111", "IRN")),
    ("The Kenyan president said the bombing was a cowardly and evil act.", ("KEN", "111", "")),
    ("The Kenyan president said those responsible were enemies of the nation.", ("KEN", "111", "")),
    ("The Chilean minister said the phone call was inappropriate.", ("CHL", "111", "")),
    ("Germany said the Iranian proposal was a welcome and constructive step.", ("DEU", "051", "IRN")),
    # what another side did not do, said (not merely believed), is held against it
    ("Armenia said Azerbaijan did not withdraw its troops from the border.", ("ARM", "111", "AZE")),
    ("Armenia said it believed Azerbaijan had not withdrawn its troops from the border.", ("ARM", "010", "AZE")),
    # a deed of another side told in words of blame or praise
    ("The Polish president said Belarus had betrayed its own people.", ("POL", "111", "BLR")),
    ("\"Kenya has done a wonderful job for peace in the region,\" the Ugandan president said.", ("UGA", "051", "KEN")),
])
def test_speech_is_coded_by_what_it_does(code_sentence, sentence, said):
    assert said in codes(code_sentence(sentence))


def test_accusation_keeps_the_act_and_denial_negates_it(code_sentence):
    evs = code_sentence("Armenia said Azerbaijani troops shelled border villages on Sunday.")
    assert any(e.source.startswith("AZE") and e.cameo_root == "19" and e.modality == "asserted" for e in evs)
    evs = code_sentence("\"It is not true that the army shelled the village,\" the Georgian defence minister said.")
    assert not [e for e in evs if e.cameo_root == "19" and e.modality == "asserted"]


@pytest.mark.parametrize("sentence, not_roots", [
    # "..., officials said" gives the news and who reported it, not a charge
    ("Azerbaijani troops shelled border villages on Sunday, Armenian officials said.", {"11"}),
    # what one's own side did is no charge
    ("The Armenian defence ministry said its troops shelled enemy positions.", {"11"}),
    # an act in a relative clause describes the ship; what Norway says is that Peru must give it back
    ("Norway said Peru must return the ship that Peruvian troops seized in March.", {"11"}),
    # (an apostrophe is no quotation mark; a ministry of no country named speaks for the forces it reports on)
    ("Turkish troops shelled Kurdish positions in Syria’s north, the defence ministry said.", {"11"}),
    # what the speaker says of itself is no evaluation, nor is a stance ("ready to")
    ("The Japanese foreign minister said Japan was ready for a difficult dialogue.", {"05", "11"}),
    ("Chile is ready to send more troops to Haiti, the defence minister said.", {"05"}),
    # the rallies are the event; "saying he must resign" says what they are for
    ("Opposition activists in Kenya staged rallies against the president, saying he must resign.", {"02"}),
    # grim words about no act and no one: a disease, a drug, the dead
    ("Untreated plague is always fatal, the Chinese health ministry said.", {"11"}),
    ("The Kenyan police chief said heroin is a terrible problem for every family.", {"11"}),
    ("\"All on board were killed,\" the Afghan army spokesman said.", {"11"}),
    # a deed given as news, attributed at the end, is no blame of the doer, however grim
    ("A Syrian sniper killed a volunteer working in a field near the border, Israeli rescue officials said.",
     {"11"}),
])
def test_speech_that_does_nothing_more(code_sentence, sentence, not_roots):
    assert not {c[:2] for _, c, _ in codes(code_sentence(sentence))} & not_roots


def test_plain_statement_is_about_its_subject(code_sentence):
    assert codes(code_sentence("Chile said Peru has a new cabinet.")) == {("CHL", "010", "PER")}


def test_reported_by_stays_with_the_reported_act(code_sentence):
    evs = code_sentence("Azerbaijani troops shelled border villages on Sunday, Armenian officials said.")
    assert [e.reported_by for e in evs if e.cameo_root == "19"] == ["Armenian officials"]


def test_the_press_a_statement_is_told_to_is_no_target(code_sentence):
    for sentence in ("The Bolivian interior minister told reporters on Monday that the border was calm.",
                     "The Bolivian interior minister told the Reuters news agency that the border was calm."):
        said = [e for e in code_sentence(sentence) if e.cameo_root == "01"]
        assert said and all(not (e.target or "").endswith("MED") and e.target_text not in ("reporters",)
                            for e in said), sentence


def test_an_agency_quoting_someone_reports_and_does_not_speak(code_sentence):
    evs = code_sentence("\"The border must stay open,\" the Tass news agency quoted Georgian Foreign Minister "
                        "Nino Burjanadze as saying.")
    assert {e.source[:3] for e in evs} == {"GEO"}
    evs = code_sentence("Kyodo quoted Japanese Prime Minister Yasuo Fukuda as saying he had asked the Chinese "
                        "premier to visit Tokyo.")
    assert ("JPN", "020", "CHN") in codes(evs)


def test_a_news_agency_lends_no_country_to_the_people_it_talks_to(code_sentence):
    evs = code_sentence("\"The new law will curb the violence,\" a lawmaker from the Kurdish region told Xinhua.")
    assert not any(e.source.startswith("CHN") for e in evs)


def test_a_quotation_going_on_after_its_attribution_is_coded_by_what_it_does(code_text):
    page = ("Moscow answers\n\n"
            "Russian Foreign Minister Sergei Lavrov met reporters in Moscow.\n\n"
            '"The sanctions are a mistake," he said. "The United States is a dishonest and hostile partner."\n\n'
            '"We had a long talk," she said. "The weather was fine."\n')
    events = code_text(page, date="2015-03-03")
    said = [(e.source, e.target, e.cameo) for e in events if e.rule.startswith("quotation")]
    assert said == [("RUSGOV", "USA", "111")]  # (nothing from a sentence about no one)


def test_a_quotation_going_on_about_someone_is_a_statement_about_them(code_text):
    page = ("Moscow answers\n\n"
            "Russian Foreign Minister Sergei Lavrov met reporters in Moscow.\n\n"
            '"The talks went well," he said. "Ukraine will join the next round."\n')
    said = {(e.source, e.target, e.cameo) for e in code_text(page, date="2015-03-03") if e.rule.startswith("quotation")}
    assert said == {("RUSGOV", "UKR", "010")}



def test_officials_of_one_government_judge_each_other(code_text, code_sentence):
    page = ("Hearing in Washington\n\n"
            "Secretary of State Mike Pompeo spoke to Congress on Tuesday.\n\n"
            "Pompeo told lawmakers that President Trump's call with the Ukrainian leader was inappropriate.\n")
    got = {(e.source, e.target, e.cameo_root) for e in code_text(page, date="2019-11-20")
           if e.modality == "asserted" and e.section == "article"}
    assert ("USAGOV", "USAGOV", "11") in got
    # (but what one says of one's own country is no judgement of another)
    assert not {c[:2] for _, c, _ in codes(code_sentence(
        "The Japanese foreign minister said Japan's decision was a mistake."))} & {"11"}
    # (nor what one says of one's own body: a police chief on the police)
    assert not {c[:2] for _, c, _ in codes(code_sentence(
        "The Kenyan police commissioner said the police alone were not able to end the violence."))} & {"11"}


def test_a_plain_statement_is_about_the_one_other_country_its_content_names(code_sentence):
    assert ("GBR", "010", "ZWE") in codes(code_sentence(
        "The British foreign secretary said the drought had left millions hungry across Zimbabwe."))
    # (naming two, it is about neither in particular)
    assert not {t for _, c, t in codes(code_sentence(
        "The British foreign secretary said the drought had left millions hungry in Zimbabwe and Zambia."))
        if c == "010"} & {"ZWE", "ZMB"}


def test_a_speakers_own_outlook_is_an_optimistic_or_pessimistic_comment(code_sentence):
    assert {c for _, c, _ in codes(code_sentence(
        "The Chilean foreign minister said he was confident that the border with Peru would stay calm."))} & {"013"}
    assert {c for _, c, _ in codes(code_sentence(
        '"We are deeply worried about the border," the Chilean foreign minister said.'))} & {"012"}


def test_envoys_called_foreign_are_those_the_sentence_names_among_them(code_text):
    page = ("Talks in Lima\n\n"
            "Peruvian troops fought rebels in the jungle on Monday.\n\n"
            "The Chilean president said foreign envoys, including the Bolivian foreign minister, who are in Peru "
            "to help the talks should now return home.\n")
    got = {(e.source[:3], e.cameo_root, (e.target or "")[:3]) for e in code_text(page, date="2008-01-10")
           if e.modality == "asserted"}
    assert ("CHL", "02", "BOL") in got and ("CHL", "02", "PER") not in got


def test_a_state_predicated_by_a_passive_is_judged_but_a_deed_is_not(code_sentence):
    # "Y's visit was justified" praises (defends) Y, "Y's election was rigged" criticises it
    evs = code_sentence("The Italian premier said the Egyptian president's visit was justified.")
    assert any(e.source.startswith("ITA") and e.target.startswith("EGY") and e.cameo_root == "05" for e in evs)
    evs = code_sentence("The Italian premier said the Egyptian election was rigged.")
    assert any(e.source.startswith("ITA") and e.target.startswith("EGY") and e.cameo_root == "11" for e in evs)
    # a deed told in the passive is the deed, not a judgement of anyone
    evs = code_sentence("Iraqi police said at least three Iraqi civilians have been killed in a car bombing.")
    assert not any(e.cameo_root == "11" for e in evs)


def test_a_headline_closed_by_a_colon_and_a_name_is_that_ones_word(code_text):
    page = ("Israel must end the siege of Gaza: Abbas\n\n"
            "RAMALLAH (Reuters) - Palestinian President Mahmoud Abbas spoke to reporters on Monday. "
            "He met aid groups in Ramallah later in the day.")
    heads = [e for e in code_text(page, date="2008-01-15") if e.section == "headline"]
    assert any(e.source == "PSEGOV" and e.target == "ISR" and e.cameo == "100" and e.modality == "asserted"
               for e in heads)
    # (what the headline's words tell is reported by its speaker)
    assert all(e.reported_by == "Abbas" for e in heads if not e.rule.startswith("quotation"))
