"""The numpy decoder (whowhom.nerdecode) must give exactly the entities of spaCy's own decoder, for the
model's NER and for whowhom's role tagger."""

import pytest
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Span

from whowhom import nlp
from whowhom.events import models
from whowhom.nerdecode import Decoder

TEXTS = [
    "Chinese President Xi Jinping met Vladimir Putin in Moscow on Tuesday, the Kremlin said.",
    "The United Nations Security Council will meet again next week.\n\nThe European Union's foreign "
    "policy chief, Josep Borrell, said the talks in Brussels had failed. Talks resume in Geneva",
    "WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken told the Senate Foreign Relations "
    "Committee on Wednesday that $4.5 billion in aid to Ukraine was approved 40 years after the treaty.",
    "Hamas and Hezbollah fighters clashed with the Israel Defense Forces near Rafah and in the Golan Heights.   "
    "About 3,000 people fled to Egypt, the U.N. refugee agency UNHCR said in a statement on Friday night.",
    "Kim Jong Un",
    "no names here at all, only words in lower case.",
    "Paris",
    "",
    "Prime Minister Narendra Modi of India\n\n\nand Prime Minister Shehbaz Sharif of Pakistan spoke.",
]

COLUMNS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]


def _both(decoder, docs):
    ours = [d.copy() for d in docs]
    theirs = [d.copy() for d in docs]
    list(decoder.pipe(ours, batch_size=3))
    list(decoder.recognizer.pipe(theirs, batch_size=3))
    return ours, theirs


def test_the_pipelines_ner_is_decoded_in_numpy_with_spacys_entities():
    model = nlp.load()
    ner = model.get_pipe("ner")
    assert isinstance(ner, Decoder)
    docs = list(model.pipe(TEXTS, disable=["ner"]))
    ours, theirs = _both(ner, docs)
    for a, b in zip(ours, theirs):
        assert a.to_array(COLUMNS).tolist() == b.to_array(COLUMNS).tolist()
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
    # not vacuous: people, places, organisations and amounts, one at the very end of a text
    labels = {e.label_ for d in ours for e in d.ents}
    assert {"PERSON", "GPE", "ORG", "MONEY", "DATE"} <= labels
    assert any(d.ents and d.ents[-1].end == len(d) for d in ours)
    # and the whole pipeline gives the same entities as decoding its parsed Docs, text by text or in batches
    spans = [[(e.start, e.end, e.label_) for e in d.ents] for d in ours]
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in model.pipe(TEXTS)] == spans
    assert [[(e.start, e.end, e.label_) for e in model(text).ents] for text in TEXTS] == spans


def test_documents_with_entities_set_beforehand_and_empty_ones_go_through_spacy():
    model = nlp.load()
    ner = model.get_pipe("ner")
    docs = list(model.pipe([TEXTS[0], ""], disable=["ner"]))
    preset = docs[0]
    preset.set_ents([Span(preset, 0, 2, label="NORP")], default="missing")  # "Chinese President", kept
    ours, theirs = _both(ner, docs)
    assert ours[0].to_array(COLUMNS).tolist() == theirs[0].to_array(COLUMNS).tolist()
    assert (ours[0].ents[0].start, ours[0].ents[0].end, ours[0].ents[0].label_) == (0, 2, "NORP")
    assert len(ours[1]) == 0 and not ours[1].ents


def test_the_role_tagger_is_decoded_with_spacys_roles(monkeypatch):
    monkeypatch.setenv("WHOWHOM_MODELS", "")  # (the installed models: the suite runs without them)
    model = nlp.load()
    roles = models.roles_model(model.vocab)
    if roles is None:
        pytest.skip("no trained role tagger installed")  # (a checkout that has not built them)
    tagger = roles.get_pipe("roles")
    assert isinstance(tagger, Decoder)
    sents = [s for d in model.pipe(TEXTS) for s in d.sents if len(s) > 3]
    docs = []
    for sent in sents:
        doc = sent.as_doc()
        doc.set_ents([], default="missing")
        docs.append(doc)
    ours, theirs = _both(tagger, docs)
    assert [d.to_array(COLUMNS).tolist() for d in ours] == [d.to_array(COLUMNS).tolist() for d in theirs]
    assert any(d.ents for d in ours)


def test_only_recognizers_of_the_shape_it_follows_are_swapped():
    model = nlp.load()
    assert not Decoder.fits(model.get_pipe("parser"))  # (arc-eager transitions: spaCy's own decoder)
    assert not Decoder.fits(model.get_pipe("tagger"))
    assert Decoder.fits(model.get_pipe("ner").recognizer)


def test_the_entity_of_a_token_is_the_one_doc_ents_gives():
    model = nlp.load()
    for doc in model.pipe(TEXTS):
        spans = {i: e for e in doc.ents for i in range(e.start, e.end)}
        for tok in doc:
            got, want = nlp.entity_of(doc, tok.i), spans.get(tok.i)
            assert (got.start, got.end, got.label_) == (want.start, want.end, want.label_) if want else got is None
