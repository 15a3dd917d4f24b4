"""whowhom.encoder runs spaCy's token encoders in fewer numpy steps: the same vectors to rounding, and the same
tags, parses and entities as thinc's own layers."""

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, TAG
from thinc.api import Maxout, Model, chain

from whowhom import nlp
from whowhom.encoder import _EMBED, speed_up, use_fast_encoders
from whowhom.events import models

TEXTS = [
    "Chinese President Xi Jinping met Vladimir Putin in Moscow on Tuesday, the Kremlin said.",
    "The talks, which both sides had called vital, collapsed.\n\nRebels who had seized the town withdrew on "
    "Friday after government troops, backed by air strikes, surrounded it.",
    "WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken told the Senate on Wednesday that $4.5 "
    "billion in aid to Ukraine was approved.   ",
    "Talks.",
    "",
    "Hamas and Hezbollah fighters clashed with Israeli forces near Rafah; about 3,000 people fled to Egypt.",
]


def _swapped(model):
    return [node for node in model.walk() if getattr(node._func, "whowhom_fast", False)]


def _pipelines():
    model = nlp.load()
    out = [model]
    for extra in (models.roles_model(model.vocab), models.penta_model()):
        if extra is not None:
            out.append(extra)
    return out


def test_the_fast_encoders_give_thincs_vectors():
    model = nlp.load()
    docs = list(model.pipe(TEXTS))
    checked = 0
    for pipeline in _pipelines():
        for name, pipe in pipeline.components:
            for node in _swapped(pipe.model) if isinstance(getattr(pipe, "model", None), Model) else []:
                # the node's input: the Docs for an embedding, the embedding's vectors for an encoder
                X = docs if _EMBED.fullmatch(node.name) else _input_of(pipe.model, node, docs)
                if X is None:
                    continue
                ours = node.predict(X)
                theirs = node._func.thinc(node, X, False)[0]
                assert len(ours) == len(theirs)
                for a, b in zip(ours, theirs):
                    assert a.shape == b.shape
                    numpy.testing.assert_allclose(a, b, atol=1e-4)
                checked += 1
    # the main tok2vec's and NER's embedding and encoder at least; the role tagger's, where installed
    assert checked >= 4 + 2 * (models.roles_model(model.vocab) is not None)


def _input_of(model, node, docs):
    """The input an encoder node gets: the output of the embedding before it in the same chain."""
    for parent in model.walk():
        layers = parent.layers
        if node in layers and layers.index(node) == 1 and _EMBED.fullmatch(layers[0].name):
            return layers[0].predict(docs)
    return None


def test_tags_parses_and_entities_are_thincs():
    model = None
    for name in nlp.MODEL_NAMES:
        try:
            model = nlp.fast_matmul(spacy.load(name))  # (spaCy's pipeline as it comes, not nlp.load's)
            break
        except OSError:
            continue
    if model is None:
        pytest.skip("no spaCy English model")
    columns = [TAG, HEAD, DEP, ENT_IOB, ENT_TYPE]
    theirs = [d.to_array(columns).tolist() for d in model.pipe(TEXTS)]
    assert not _swapped(model.get_pipe("tok2vec").model)
    use_fast_encoders(model)
    assert len(_swapped(model.get_pipe("tok2vec").model)) == 2 and len(_swapped(model.get_pipe("ner").model)) == 2
    assert [d.to_array(columns).tolist() for d in model.pipe(TEXTS)] == theirs


def test_other_shapes_and_training_go_through_thinc():
    lone = chain(Maxout(4, 6, nP=2), Maxout(4, 4, nP=2))
    lone.initialize(X=numpy.zeros((3, 6), "f"))
    assert speed_up(lone) == 0
    model = nlp.load()
    tok2vec = model.get_pipe("tok2vec").model
    assert speed_up(tok2vec) == 0  # (swapped once, when loaded)
    docs = [model.make_doc(text) for text in TEXTS[:2]]
    Y, backprop = tok2vec.begin_update(docs)  # training: thinc's layers, with their backprop
    assert [len(y) for y in Y] == [len(d) for d in docs] and callable(backprop)
