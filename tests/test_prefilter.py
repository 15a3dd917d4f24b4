"""The ingest prefilter may only skip texts that cannot give an event: it must never miss a trigger
lemma spaCy would assign, nor (when the coder needs one) an actor the gazetteer would find; and the
after-parse trigger test, which decides where NER runs, must pass every text that gives an event."""

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def parts():
    from whowhom import pipeline, prefilter
    from whowhom.events.coder import EventCoder

    model, _, coder = pipeline._stages()
    return model, prefilter.get(model, coder), prefilter.Prefilter(model, EventCoder(unresolved=False))


def test_lemma_candidates_cover_spacys_lemmas(parts):
    from whowhom.io import read_inputs
    from whowhom.page import extract

    model, pf, _ = parts
    texts = [extract(raw).body for raw in read_inputs([str(ROOT / "examples"), str(ROOT / "tests" / "pages")])]
    texts.append("Troops fought, struck and shot; envoys met, spoke, sent notes, gave aid, broke off talks, "
                 "withdrew, froze assets, seized ships and were seized.")
    # lemmas the attribute ruler sets by pattern ("them" -> "they") count for the forms they go to
    misses = [(t.text, t.lemma_) for doc in model.pipe(texts) for t in doc
              if t.lemma_.lower() not in pf.lemmas(t.text) | pf.ruled]
    assert misses == []


def test_attribute_ruler_lemmas_only_for_their_forms(parts):
    _, pf, _ = parts
    assert "they" in pf.lemmas("them") and "go" in pf.lemmas("gon") and "nothing" in pf.lemmas("nuthin'")
    assert "go" not in pf.lemmas("the") and "go" not in pf.lemmas("tomato")


def test_strict_coder_needs_an_actor_and_a_trigger(parts):
    _, _, strict = parts
    assert strict.wants("China condemned Russia on Monday.")
    assert strict.wants("The Kremlin slammed NATO over the drills.")
    assert not strict.wants("Mix the flour and butter, then bake for forty minutes.")
    assert not strict.wants("")
    assert not strict.wants("   \n ")


def test_every_sentence_with_events_passes(parts):
    from whowhom import pipeline
    from whowhom.events.coder import EventCoder
    from whowhom.io import read_inputs
    from whowhom.page import extract

    _, pf, strict = parts
    articles = [extract(raw) for raw in read_inputs([str(ROOT / "examples"), str(ROOT / "tests" / "pages")])]
    evs = [e for a in articles for e in pipeline.code_article(a)]
    assert evs
    for e in evs:
        assert pf.wants(e.sentence), e.sentence
    # a coder that needs known actors: every sentence it codes passes the strict filter
    model, actors, _ = pipeline._stages()
    strict_coder = EventCoder(unresolved=False)
    strict_evs = []
    for a in articles:
        for section, text in pipeline.sections(a):
            doc = model(text)
            strict_evs += strict_coder.code_doc(doc, actors.find(doc, date=a.date), doc_id=a.id,
                                                section=section, article_date=a.date)
    assert strict_evs
    for e in strict_evs:
        assert strict.wants(e.sentence), e.sentence


def test_texts_with_events_pass_the_trigger_test_without_ner(parts):
    from whowhom import pipeline
    from whowhom.io import read_inputs
    from whowhom.page import extract

    model, pf, _ = parts
    articles = [extract(raw) for raw in read_inputs([str(ROOT / "examples"), str(ROOT / "tests" / "pages")])]
    texts = [text for a in articles for _, text in pipeline.sections(a)]
    with_events = [t for t in texts if pipeline._code(model(t), articles[0], "article")]
    assert with_events
    assert all(pf.triggered(doc) for doc in model.pipe(with_events, disable=["ner"]))
    assert not pf.triggered(model("Mix the flour and butter, then bake for forty minutes.", disable=["ner"]))


def test_a_match_after_ner_was_possible_before(parts):
    """NER only takes date phrases out of a trigger's clause: every token that matches a pattern once the
    entities are set passed could_match before, including where a date phrase sits in the clause."""
    model, pf, _ = parts
    coder = pf.coder
    texts = ["The army attacked rebel positions on Friday and again in early March.",
             "Officials said the talks with the opposition will resume next week in Geneva.",
             "On Monday the minister called on the rebels to lay down their arms by the end of the year."]
    for text in texts:
        doc = model(text, disable=["ner"])
        before = {t.i for t in doc if coder.could_match(t)}
        assert set(coder.trigger_words(doc)) >= before
        model.get_pipe("ner")(doc)
        after = {t.i for t in doc if coder.match(t)}
        assert after and after <= before


def test_an_irregular_past_taken_for_a_present_gets_its_lemma(parts):
    model, pf, _ = parts
    doc = model("Rebels overran the base and lay low.")
    for t in doc:
        if t.pos_ == "VERB":
            t.lemma_ = t.lower_  # what the lemmatizer leaves on a past form tagged VBP
    model.get_pipe("whowhom_lemma_fixes")(doc)
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["overran"] == "overrun"
    assert lemmas["lay"] == "lay"  # a verb's base form itself: left alone
    assert "overrun" in pf.lemmas("overran")  # and the prefilter still lets the text through


def test_a_sponsors_participle_in_a_hyphened_word_lets_its_text_through(parts):
    # ("a U.S.-sponsored conference": the coder reads the sponsor's verb at the end of the word)
    _, pf, _ = parts
    assert "sponsor" in pf.lemmas("U.S.-sponsored")
    assert pf.wants("After a U.S.-sponsored conference, the Israelis and the Syrians resumed contacts.")
