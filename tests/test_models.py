"""The trained components (data/models/): they load from the package, give what the coder needs, and the
coder uses them; where they are not installed, these tests skip and the coder works on its rules."""

import pytest

from whowhom.events import models


@pytest.fixture()
def shipped(monkeypatch):
    monkeypatch.setenv("WHOWHOM_MODELS", "")
    if models.penta_model() is None or models.roles_model(__import__("whowhom.pipeline").pipeline._stages()[0].vocab) is None:
        pytest.skip("no trained components in src/whowhom/data/models (scripts/train_models.py builds them)")


def test_penta_classifier_gives_a_distribution(shipped):
    probs = models.penta_probs(["Rebels shelled the capital overnight, killing twelve people.",
                                "The two ministers signed a trade agreement in Geneva."])
    assert len(probs) == 2
    for p in probs:
        assert set(p) == {0, 1, 2, 3, 4} and abs(sum(p.values()) - 1) < 1e-3
    assert max(probs[0], key=probs[0].get) == 4  # material conflict
    assert max(probs[1], key=probs[1].get) in (1, 2)  # cooperation


def test_role_tagger_marks_source_and_target(shipped):
    from whowhom.pipeline import _stages

    doc = _stages()[0]("The government of Ruritania expelled two Borduvian diplomats on Monday.")
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    spans = models.role_spans([next(iter(doc.sents))])[0]
    labels = {lab: doc[a:b].text for a, b, lab in spans}
    assert labels.get("S") == "The government of Ruritania"
    assert "Borduvian diplomats" in labels.get("T", "")
    assert [(e.start, e.end, e.label_) for e in doc.ents] == ents  # the main pipeline's entities stay


def test_coder_uses_them_and_switching_off_restores_the_rules(shipped, monkeypatch, code_sentence):
    sentence = "Zambia reneged on its promise to Malawi."
    with_models = {(e.source, e.cameo, e.target) for e in code_sentence(sentence)}
    monkeypatch.setenv("WHOWHOM_MODELS", "off")
    rules = {(e.source, e.cameo, e.target) for e in code_sentence(sentence)}
    assert ("ZMB", "120", None) in rules
    assert ("ZMB", "120", "MWI") in with_models  # the tagger's target of the main event


def test_eval_says_when_a_component_was_trained_on_the_gold(tmp_path, monkeypatch):
    import json

    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": "x", "penta": 0}) + "\n")
    d = tmp_path / "models" / "penta"
    d.mkdir(parents=True)
    (d / "config.cfg").write_text("")
    import hashlib
    digest = hashlib.sha256(gold.read_bytes()).hexdigest()
    (d / "meta.json").write_text(json.dumps({"whowhom_training": {"sha256": digest, "fold": None}}))
    monkeypatch.setenv("WHOWHOM_MODELS", str(tmp_path / "models"))
    assert models.trained_on(str(gold)) == ["penta"]
    (d / "meta.json").write_text(json.dumps({"whowhom_training": {"sha256": digest, "fold": 2}}))
    assert models.trained_on(str(gold)) == []


def test_tree_features_tell_the_object_of_a_verb_from_its_subject():
    from spacy.strings import get_string_id

    from whowhom.events import rolefeats
    from whowhom.pipeline import _stages

    doc = _stages()[0]("Rebels attacked the town and fired on a convoy.")
    names = list(rolefeats.TREE_FEATURES)
    feats = rolefeats.tree_features(doc, names)
    assert len(feats) == len(doc) and all(len(f) == len(names) for f in feats)
    by_word = {t.text: dict(zip(names, f)) for t, f in zip(doc, feats)}
    assert by_word["town"]["verb_slot"] == get_string_id("attack|dobj")
    assert by_word["Rebels"]["verb_slot"] == get_string_id("attack|nsubj")
    assert by_word["Rebels"]["side"] != by_word["town"]["side"]  # left of the verb, right of it
    assert by_word["convoy"]["via"] == get_string_id("fire|on")  # the object of "on", under "fired"
    assert by_word["attacked"]["trigger_slot"] == get_string_id("self")  # a word with event patterns


def test_role_embedding_gives_one_vector_per_token():
    from whowhom.events import rolefeats
    from whowhom.pipeline import _stages

    model = rolefeats.RoleEmbed(16, ["NORM", "DEP"], [100, 50], ["path", "side"], [20, 20])
    docs = [_stages()[0](t) for t in ("Rebels attacked the town.", "Talks resumed.")]
    model.initialize(X=docs)
    assert [v.shape for v in model.predict(docs)] == [(len(d), 16) for d in docs]
    with pytest.raises(ValueError, match="unknown tree features"):
        rolefeats.RoleEmbed(16, ["NORM"], [100], ["nonsense"], [20])


def test_role_embedding_reads_the_doc_tensor_where_there_is_one():
    from whowhom.events import rolefeats
    from whowhom.pipeline import _stages

    nlp = _stages()[0]
    model = rolefeats.RoleEmbed(16, ["NORM"], [100], ["path"], [20], tensor_width=96)
    parsed, bare = nlp("Rebels attacked the town."), nlp.make_doc("Talks resumed.")
    assert parsed.tensor.shape == (len(parsed), 96)  # the main pipeline's tok2vec output
    assert parsed[1:3].as_doc().tensor.shape == (2, 96)  # a sentence keeps its rows
    model.initialize(X=[parsed])
    out = model.predict([parsed, bare])  # a Doc without a tensor reads as zeros
    assert [v.shape for v in out] == [(len(parsed), 16), (len(bare), 16)]
    parsed.tensor = parsed.tensor * 0 + 1
    assert (model.predict([parsed])[0] != out[0]).any()  # the tensor is an input


def _fake_tagger(monkeypatch, marked: list[tuple[str, str]]) -> None:
    """The role tagger replaced by one that marks the given (phrase, label) in the first sentence."""
    def spans(sents):
        doc = sents[0].doc
        def at(phrase):
            words = phrase.split()
            start = next(t.i for t in doc if doc[t.i:t.i + len(words)].text == phrase)
            return start, start + len(words)
        return [[(*at(phrase), label) for phrase, label in marked]] + [[] for _ in sents[1:]]

    monkeypatch.setattr(models, "penta_probs", lambda texts: None)
    monkeypatch.setattr(models, "role_spans", spans)


def test_a_target_coded_from_the_place_takes_the_taggers_span(monkeypatch, code_sentence):
    """"Went on strike in Peru" has a target code (the place) but no target span; the tagger's target gives
    the span, and the code stays where the span names no actor."""
    sentence = "Dock workers went on strike in Peru on Monday over pay at the Callao port operator."

    _fake_tagger(monkeypatch, [("Dock workers", "S"), ("the Callao port operator", "T")])
    strike = next(e for e in code_sentence(sentence) if e.trigger == "went")
    assert strike.target == "PER"
    assert strike.target_text == "the Callao port operator"


def test_each_coordinated_recipient_the_tagger_marks_gets_the_event(monkeypatch, code_sentence):
    """"Mediation between A and B": where the tagger marks both coordinated recipients and an event took
    one, the other gets the event too, uncoded if whowhom does not know it; a coordinated thing does not."""
    sentence = "The Kenyan bishop launched a mediation effort between the Tanzanian army and Hamisi Kombo."

    _fake_tagger(monkeypatch, [("The Kenyan bishop", "S"), ("the Tanzanian army", "T"), ("Hamisi Kombo", "T")])
    evs = [e for e in code_sentence(sentence) if e.cameo == "045"]
    assert {(e.target, e.target_text) for e in evs} == {("TZAMIL", "the Tanzanian army"), ("", "Hamisi Kombo")}
    # the same where the tagger weighs a whole batch at the end (ingest)
    from whowhom.page import Article
    from whowhom.pipeline import code_articles

    [batched] = code_articles([Article(id="a", title=None, date="2020-01-01", author=None, body=sentence)],
                              sentences="actors")
    assert {(e.target, e.target_text) for e in batched if e.cameo == "045"} == {(e.target, e.target_text) for e in evs}


def test_the_rest_of_a_list_the_tagger_cut_short_gets_the_event(monkeypatch, code_sentence):
    """The tagger marks only the start of a list of countries; each country of the list is a target, as
    each of "sanctions on A, B and C" is."""
    sentence = "Argentina said it would consider granting trade preferences to Chile, Peru, Bolivia and Ecuador."

    _fake_tagger(monkeypatch, [("Argentina", "S"), ("Chile", "T")])
    evs = [e for e in code_sentence(sentence) if e.modality == "asserted"]
    assert {"CHL", "PER", "BOL", "ECU"} <= {e.target for e in evs}


def test_a_sentence_doc_is_what_as_doc_gives_with_blank_entities():
    import numpy
    from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, NORM, POS, SENT_START, SPACY, TAG

    from whowhom.pipeline import _stages

    doc = _stages()[0]("Rebels from Chad attacked the town of Abeche on Monday. "
                       "The United Nations condemned the attack and France sent troops.")
    attrs = [NORM, TAG, POS, DEP, HEAD, LEMMA, SPACY, SENT_START, ENT_IOB, ENT_TYPE, ENT_KB_ID]
    head, array = models._array_of(doc)
    for sent in doc.sents:
        want = sent.as_doc()
        want.set_ents([], default="missing")
        got = models.sentence_doc(sent, head, array)
        assert got.text == want.text
        assert (got.to_array(attrs) == want.to_array(attrs)).all()
        assert numpy.array_equal(got.tensor, want.tensor) and not got.ents
    # a span whose parse reaches outside it is rewired, as as_doc does
    span = doc[2:6]
    want = span.as_doc()
    want.set_ents([], default="missing")
    got = models.sentence_doc(span, head, array)
    assert (got.to_array(attrs) == want.to_array(attrs)).all()
