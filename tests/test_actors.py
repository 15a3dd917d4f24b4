"""Actor gazetteer and coder tests (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from whowhom.actors import ActorCoder, ActorMention
from whowhom.actors.coder import code_text, describe
from whowhom.actors.loader import DATA_DIR

SHARED = Path(__file__).resolve().parents[2] / "shared"


def codes(text, date=None):
    return [m.code for m in code_text(text, date=date)]


def by_text(text, date=None):
    return {m.text: m for m in code_text(text, date=date)}


def test_data_files_have_source_headers_and_licence():
    for name in ("countries.tsv", "organisations.tsv", "leaders.tsv", "agents.tsv"):
        head = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[:3]
        assert any("Source" in line for line in head), name
    assert "MIT" in (DATA_DIR / "PHOENIX-LICENSE").read_text()


def test_the_actor_data_loads_once_per_process():
    from whowhom.actors import loader
    loader.load.cache_clear()
    first, second = ActorCoder(), ActorCoder()
    assert first.data is second.data  # (the tables are read once; a second coder shares them)


def test_countries_names_and_abbreviations():
    ms = by_text("Officials from Germany, the United States and the U.S. ally Japan met in Canada.")
    assert ms["Germany"].code == "DEU"
    assert ms["the United States"].code == "USA"
    assert ms["Japan"].code == "JPN"
    assert ms["Canada"].code == "CAN"
    assert "USA" in codes("The US and America signed nothing.")


def test_demonyms_and_plural_demonyms():
    ms = by_text("Ukrainians and Britons welcomed the Turkish offer.")
    assert ms["Ukrainians"].code == "UKR"
    assert ms["Britons"].code == "GBR"
    assert ms["Turkish"].code == "TUR"


def test_capitals_and_metonyms():
    ms = by_text("Tehran warned Kyiv while the Kremlin said nothing.")
    assert ms["Tehran"].code == "IRN" and ms["Tehran"].kind == "capital"
    assert ms["Kyiv"].code == "UKR"
    assert ms["the Kremlin"].code == "RUSGOV"
    ms = by_text("Downing Street and Zhongnanhai disagreed, the Pentagon said.")
    assert ms["Downing Street"].code == "GBRGOV"
    assert ms["Zhongnanhai"].code == "CHNGOV"
    assert ms["the Pentagon"].code == "USAMIL"
    ms = by_text("USAID sent tents while Immigration and Customs Enforcement deported dozens.")
    assert ms["USAID"].code == "USAGOV"  # federal agencies are the government, or its police
    assert ms["Immigration and Customs Enforcement"].code == "USACOP"


def test_organisations():
    ms = by_text("NATO and the Collective Security Treaty Organization held talks before the UN Security Council.")
    assert ms["NATO"].code == "NATO" and ms["NATO"].country is None
    assert ms["NATO"].cameo.startswith("IGO")
    assert ms["the Collective Security Treaty Organization"].code == "CSTO"
    assert ms["the UN Security Council"].code == "UNSC"
    assert "SCO" in codes("Leaders of the Shanghai Cooperation Organisation gathered in Astana.")


def test_news_agencies():
    ms = by_text("Xinhua and Reuters reported the vote.")
    assert ms["Xinhua"].code == "CHNMED"
    assert ms["Reuters"].code == "MED" and ms["Reuters"].country is None


def test_the_west_as_adjective_and_noun():
    ms = by_text("Western governments criticised the decision, and the West imposed tariffs.")
    assert ms["Western governments"].code == "WSTGOV"
    assert ms["the West"].code == "WST"
    m = by_text("Western tariffs hurt exporters.")["Western"]
    assert (m.code, m.start, m.end) == ("WST", 0, 1)


def test_leaders_by_date():
    assert by_text("Trump spoke on Monday.", date="2019-06-01")["Trump"].code == "USAGOV"
    assert by_text("Trump spoke on Monday.", date="2022-06-01")["Trump"].code == "USAELI"
    assert by_text("Biden spoke on Monday.", date="2023-03-01")["Biden"].code == "USAGOV"
    assert by_text("Biden spoke on Monday.", date="2018-03-01")["Biden"].code == "USAELI"
    # before taking office Zelensky has no role: not an actor
    assert codes("Zelensky spoke on Monday.", date="2015-06-01") == []
    assert codes("Zelensky spoke on Monday.", date="2020-06-01") == ["UKRGOV"]
    assert by_text("Stoltenberg spoke.", date="2020-01-01")["Stoltenberg"].code == "NATO"
    assert by_text("Rutte spoke.", date="2025-03-01")["Rutte"].code == "NATO"
    assert by_text("Rutte spoke.", date="2019-03-01")["Rutte"].code == "NLDGOV"
    assert codes("Olaf Scholz spoke.", date="2023-01-01") == ["DEUGOV"]
    assert codes("Friedrich Merz spoke.", date="2025-09-01") == ["DEUGOV"]


def test_undated_leader_takes_current_role():
    assert codes("Putin spoke.") == ["RUSGOV"]
    assert codes("Xi Jinping spoke.") == ["CHNGOV"]


def test_sector_composition():
    ms = by_text("The Chinese Defense Ministry denied the report.")
    m = ms["The Chinese Defense Ministry"]
    assert (m.code, m.country, m.sector) == ("CHNMIL", "CHN", "MIL")
    assert m.head == 3 and (m.start, m.end) == (0, 4)
    assert by_text("Russian troops crossed the river.")["Russian troops"].code == "RUSMIL"
    m = by_text("Ukrainian President Zelensky thanked donors.", date="2024-01-01")["Ukrainian President Zelensky"]
    assert m.code == "UKRGOV" and m.kind == "leader" and m.head == 2
    assert by_text("German experts doubted it.")["German experts"].code == "DEUEDU"
    assert by_text("The Iranian Foreign Ministry protested.")["The Iranian Foreign Ministry"].code == "IRNGOV"


def test_unknown_person_with_title_gets_country_and_sector():
    ms = code_text("Belarusian Foreign Minister Ivan Zhelnovsky arrived.")
    assert [m.code for m in ms] == ["BLRGOV"]
    assert ms[0].text == "Belarusian Foreign Minister Ivan Zhelnovsky"


def test_state_media_and_academy_phrases():
    ms = by_text("Officials told Chinese state news agency Xinhua that the Polish Academy of Sciences agreed.")
    assert ms["Chinese state news agency Xinhua"].code == "CHNMED"
    assert ms["the Polish Academy of Sciences"].code == "POLEDU"


def test_demonym_capital():
    m = by_text("Protests spread in the Hungarian capital.")["the Hungarian capital"]
    assert m.code == "HUN" and m.sector is None


def test_bare_sector_without_country():
    ms = by_text("The ministry said rebels attacked.")
    assert ms["The ministry"].code == "GOV" and ms["The ministry"].country is None
    assert ms["rebels"].code == "REB"
    # a sector word modifying a non-actor noun is not a mention
    assert codes("They discussed military cooperation.") == []


def test_hyphenated_pairs():
    assert codes("The US-Japanese treaty was renewed.") == ["USA", "JPN"]
    assert codes("The Russian-Chinese summit ended.") == ["RUS", "CHN"]
    ms = code_text("U.S.-Japanese trade grew.")
    assert [m.code for m in ms] == ["USA", "JPN"]
    assert [m.text for m in ms] == ["U.S.", "Japanese"]
    assert codes("Sino-Indian talks resumed.") == ["CHN", "IND"]
    assert codes("a post-Soviet republic") == []


def test_no_false_positives_on_names_and_words():
    assert codes("Vladimir Kostrikin, a local baker, said he was tired.") == []
    assert codes("We ate turkey and served it on china plates.") == []
    assert codes("Jordan Peterson gave a lecture.") == []
    assert codes("Let us know what the chad said.") == []


def test_offsets_and_no_trailing_punctuation():
    text = "Yesterday the talks failed, said the Kremlin."
    ms = code_text(text)
    assert len(ms) == 1
    m = ms[0]
    assert m.text == "the Kremlin" and text[m.start_char:m.end_char] == m.text
    assert isinstance(m, ActorMention)


def test_find_on_span_uses_doc_offsets():
    from whowhom.actors.coder import _nlp
    doc = _nlp()("Nothing here. Then Japan protested to China.")
    sent = list(doc.sents)[1]
    ms = ActorCoder().find(sent)
    assert [m.code for m in ms] == ["JPN", "CHN"]
    assert all(doc.text[m.start_char:m.end_char] == m.text for m in ms)
    assert all(sent.start <= m.start < sent.end for m in ms)


def test_blank_tokenizer_doc_works():
    import spacy
    doc = spacy.blank("en")("Russian troops and the Kremlin")
    assert [m.code for m in ActorCoder().find(doc)] == ["RUSMIL", "RUSGOV"]


def test_describe():
    assert describe("RUSGOV") == "Russia government"
    assert describe("CHN") == "China"
    assert describe("WST") == "The West"
    assert "Atlantic" in describe("NATO")


@pytest.mark.skipif(not (SHARED / "reference" / "phoenix-dictionaries").is_dir(),
                    reason="../shared/reference/phoenix-dictionaries not present")
def test_committed_licence_matches_phoenix():
    src = (SHARED / "reference" / "phoenix-dictionaries" / "LICENSE").read_text()
    assert (DATA_DIR / "PHOENIX-LICENSE").read_text() == src


def test_extremists_are_radicals_of_their_country():
    assert "HRVRAD" in codes("Police detained three Croatian extremists on Friday.")


def test_a_city_is_a_place_that_gives_its_country():
    ms = by_text("A bomb exploded in Lahore on Monday.")
    assert ms["Lahore"].code == "PAK" and ms["Lahore"].kind == "city"
    assert not code_text("Split the bill, they said.")  # (a city's name as an ordinary word is no place)


def test_police_in_a_city_are_of_its_country(code_sentence):
    evs = code_sentence("Police in Karachi arrested two opposition activists on Monday.")
    assert any(e.source == "PAKCOP" for e in evs)


def test_known_ngos_are_coded_and_an_ordinary_phrase_is_not():
    codes = {m.text: m.code for m in code_text("Greenpeace and Transparency International criticized Norway.")}
    assert codes.get("Greenpeace", "").startswith("NGO")
    assert codes.get("Transparency International", "").startswith("NGO")
    assert not any(c.startswith("NGO") for c in (m.code for m in code_text("An aid group said the camp was full.")))


@pytest.mark.parametrize("text, code", [
    ("An Iraqi army spokesman said the road was open.", "IRQMIL"),
    ("A Kenyan police spokesman said the road was open.", "KENCOP"),
    ("Kenyan police Commander John Otieno said the road was open.", "KENCOP"),
    ("A Kenyan foreign ministry spokesman said the road was open.", "KENGOV"),
])
def test_who_speaks_or_commands_for_a_security_force_is_of_that_force(text, code):
    assert code in [m.code for m in code_text(text, date="2010-05-01")]


def test_political_parties_are_their_countrys():
    ms = by_text("Likud accused the Democrats of meddling, and the Tories agreed.")
    assert ms["Likud"].code == "ISRPTY"
    assert ms["the Democrats"].code == "USAPTY"
    assert ms["the Tories"].code == "GBRPTY"
    # a party the lists do not know is a party, of the country its name gives
    ms = by_text("The Moravian Farmers' Party and the Danish People's Party signed a pact.")
    assert ms["the Danish People's Party"].code == "DNKPTY"
    # a name that shares a word with a party is not that party
    assert "USAPTY" not in codes("Former Liberal Democrat leader Nick Clegg met the Social Democrats.")
    assert by_text("The Republican Guard shelled the town.")["The Republican Guard"].code == "IRQMIL"


def test_an_unknown_party_is_of_its_sentences_country(code_sentence):
    got = {(e.source, e.target) for e in code_sentence("The Harambee Unity Party accused Kenyan police of murder.")}
    assert ("KENPTY", "KENCOP") in got
    # ("party" alone is no party: "all parties to the conflict")
    assert not any("PTY" in m.code for m in code_text("All parties to the conflict must stop fighting."))


def test_a_leaders_surname_in_another_persons_name_is_not_the_leader():
    assert not any(m.text == "Obama" for m in code_text("Michelle Obama visited a school in Chicago.", date="2008-01-10"))
    assert by_text("Barack Obama visited a school in Chicago.", date="2008-01-10")["Barack Obama"].code.startswith("USA")
    assert by_text("She told USA Today that the plan works.")["USA Today"].code == "USAMED"


def test_regions_of_africa_are_africa_not_the_west():
    assert by_text("Rebels plundered the West African diamond fields.")["West African"].code == "AFR"
    assert by_text("Taliban militants attacked ISAF troops near Kandahar.")["ISAF troops"].code == "NATO"
    assert by_text("The Central African Republic accused Chad.")["The Central African Republic"].code == "CAF"


def test_the_head_of_a_body_that_is_no_states_holds_no_public_office(code_sentence):
    assert not code_text("Dris Djermoun, president of the mosque, criticized the attack.")
    assert "IRNGOV" in codes("The head of the Iranian delegation criticized Russia.")
    # a company's officer, whether the company is named ("for Zentrix, Inc.") or only called one
    for sentence in ("Marta Okonkwo, Senior Vice President of Sales for Zentrix, Inc., criticized the Kenyan government.",
                     "The company's president, Ruth Kallweit, criticized the Kenyan government."):
        evs = code_sentence(sentence)
        assert [(e.source[:3], e.target) for e in evs] == [("", "KENGOV")]


def test_a_former_office_holder_is_an_elite_of_the_country():
    from whowhom.actors.coder import code_text as actors_of
    assert [m.code for m in actors_of("Former Chilean President Ricardo Lagos spoke.", date="2008-01-10")] == ["CHLELI"]
    assert [m.code for m in actors_of("The former Peruvian defence minister spoke.", date="2008-01-10")] == ["PERELI"]


def test_a_compass_word_that_begins_a_place_name_is_not_the_region(code_sentence):
    evs = code_sentence("West Bengal's chief minister criticised the Opposition on Friday.")
    assert evs and not any((e.source or "").startswith("WST") for e in evs)
    evs = code_sentence("Western nations criticized Iran on Friday.")
    assert any(e.source == "WST" and e.target == "IRN" for e in evs)


def test_a_state_or_province_gives_its_country_to_the_office_or_force_it_qualifies(code_sentence):
    def source(sentence):
        return [e.source for e in code_sentence(sentence) if e.modality == "asserted"][0]
    assert source("Texas police arrested three Mexican diplomats.") == "USACOP"
    assert source("Helmand police arrested three Pakistani diplomats.") == "AFGCOP"
    # (whatever the recognizer calls the city of a police force; a company's officials are no city's)
    assert source("Karachi police arrested three Indian diplomats.") == "PAKCOP"
    assert not source("Toyota officials met the Chinese ambassador.").startswith("JPN")
    # a city's name that is a word of another place's name is not that city ("Prince George" is no George,
    # South Africa); a kind or compass word does not make another place ("Helmand Province police")
    assert not source("Police in Prince George arrested two Chinese diplomats.").startswith("ZAF")
    assert source("Helmand Province police arrested three Pakistani diplomats.") == "AFGCOP"
    assert source("California Gov. Gavin Newsom criticized the Chinese government.") == "USAGOV"
    assert source("Former Massachusetts Gov. Deval Patrick criticized the Chinese government.") == "USAELI"


def test_an_american_politicians_party_and_state_make_a_member_of_congress(code_sentence):
    evs = code_sentence("Sen. Lindsey Graham, R-S.C., criticized the Iranian government on Tuesday.")
    assert [(e.source, e.target) for e in evs] == [("USALEG", "IRNGOV")]
    evs = code_sentence("Rep. Ilhan Omar (D-Minn.) criticized the Israeli government.")
    assert [(e.source, e.target) for e in evs] == [("USALEG", "ISRGOV")]


def test_an_ethnic_people_is_of_the_country_it_lives_in(code_sentence):
    # as CAMEO codes minorities: where the sentence puts them, else the other country it names most
    evs = code_sentence("Serb forces killed three ethnic Albanians in a gunbattle in southern Serbia on Friday.")
    assert ("SRBMIL", "SRBCVL") in {(e.source, e.target) for e in evs}
    evs = code_sentence("Ethnic Albanian guerrillas operating in Macedonia attacked a police station.")
    assert {e.source for e in evs} == {"MKDREB"}
    # a people named as a place's population or minority is of that place
    evs = code_sentence("The Serb minority in Kosovo protested against the government.")
    assert {e.source for e in evs} == {"KSVCVL"}
    # a people not called ethnic is its nation's
    evs = code_sentence("Albanian troops attacked Serb positions.")
    assert {e.source for e in evs} == {"ALBMIL"}


def test_a_saints_name_is_no_city(code_text):
    # (not the country of the story either: Mary is a town of Turkmenistan)
    page = ("Hillary funeral planned\n\n"
            "Officials will meet today to plan the state funeral, to be held at St Mary's Church.\n\n"
            "Officials said the service at St Mary's would be open to the public.\n")
    evs = code_text(page, date="2008-01-15")
    assert evs and not any(code.startswith("TKM") for e in evs for code in (e.source or "", e.target or ""))


def test_a_city_written_where_a_place_is_is_the_place_whatever_the_recognizer_says(code_sentence):
    # ("Goma" is also a former leader's surname, and NER may read it as a person's name)
    evs = code_sentence("Rebels seized the town of Goma.")
    assert [(e.source, e.target) for e in evs] == [("CODREB", "COD")]
