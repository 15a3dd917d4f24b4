"""The parser stepped from Python (whowhom.parsedecode) must give exactly the parses of spaCy's own loop."""

from spacy.attrs import DEP, HEAD, SENT_START

from whowhom import nlp
from whowhom.parsedecode import StepParser

TEXTS = [
    "Chinese President Xi Jinping met Vladimir Putin in Moscow on Tuesday, the Kremlin said.",
    "The talks, which both sides had called vital, collapsed.\n\nRebels who had seized the town withdrew on "
    "Friday after government troops, backed by air strikes, surrounded it. Officials declined to comment",
    "WASHINGTON (Reuters) - Did the senators, or did they not, vote to approve $4.5 billion in aid?",
    "Hamas and Hezbollah fighters clashed with Israeli forces near Rafah and in the Golan Heights.   "
    "About 3,000 people fled to Egypt, the U.N. refugee agency said in a statement.",
    "Talks.",
    "",
    "He said that she said that they had said nothing; nobody believed him, and the minister resigned.",
]
COLUMNS = [HEAD, DEP, SENT_START]


def test_the_pipelines_parser_is_stepped_from_python_with_spacys_parses():
    model = nlp.load()
    parser = model.get_pipe("parser")
    assert isinstance(parser, StepParser)
    docs = list(model.pipe(TEXTS, disable=["parser", "attribute_ruler", "lemmatizer", "whowhom_lemma_fixes", "ner"]))
    ours, theirs = [d.copy() for d in docs], [d.copy() for d in docs]
    list(parser.pipe(ours, batch_size=3))
    list(parser.parser.pipe(theirs, batch_size=3))
    for a, b in zip(ours, theirs):
        assert a.to_array(COLUMNS).tolist() == b.to_array(COLUMNS).tolist()
    # not vacuous: several sentences, a relative clause, a passive, a root per sentence
    deps = {t.dep_ for d in ours for t in d}
    assert {"ROOT", "nsubj", "relcl", "prep", "pobj", "conj"} <= deps
    assert sum(1 for d in ours for _ in d.sents) > len([t for t in TEXTS if t])
    # text by text through the whole pipeline, the same
    assert [[(t.head.i, t.dep_) for t in model(text)] for text in TEXTS] == \
        [[(t.head.i, t.dep_) for t in d] for d in ours]


def test_only_parsers_of_the_shape_it_follows_are_swapped():
    model = nlp.load()
    assert StepParser.fits(model.get_pipe("parser").parser)
    assert not StepParser.fits(model.get_pipe("ner"))
    assert not StepParser.fits(model.get_pipe("tagger"))
