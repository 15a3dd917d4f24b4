"""TagRules and Lemmas (whowhom.tagrules) must tag and lemmatize exactly as the model's own attribute_ruler
and lemmatizer do."""

import spacy

from whowhom import nlp
from whowhom.tagrules import Lemmas, TagRules

TEXTS = [
    "The minister said on Tuesday that talks with the rebels would resume, but gave no date.",
    "Y'all gonna come? I ain't got nothin' but we gotta go. Let's see: c'm on, there is a way.",
    "There's more to it; there were two. Which one did you pick? That is it, and it did work.",
    "Do you have it?  \n\n  I do.\n\n  She had told them what had happened, and it has.",
    "WASHINGTON (Reuters) - U.S. officials met their Chinese counterparts in Beijing on Monday.",
    # the same forms again, under other parts of speech: the lemma cache must key on both
    "Rebels attacked the towns; the towns were attacked again, and the attacks left better men worse off.",
    "She better leave: the attack was meant to attack them, and it meant they left the leaves.",
]


def _original():
    for name in nlp.MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise AssertionError("no English model installed")


def test_tag_rules_give_the_attribute_rulers_tokens():
    ours, theirs = nlp.load(), _original()
    theirs.add_pipe("whowhom_line_breaks", first=True)  # (the same sentence boundaries: a dateline ends one)
    assert isinstance(ours.get_pipe("attribute_ruler"), TagRules)
    assert not isinstance(theirs.get_pipe("attribute_ruler"), TagRules)
    assert isinstance(ours.get_pipe("lemmatizer"), Lemmas)
    for a, b in zip(ours.pipe(TEXTS), theirs.pipe(TEXTS)):
        got = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a]
        want = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b]
        assert got == want
    # the rules above are not idle: the tag map and a word exception both apply
    doc = ours("Let's go.")
    assert doc[1].lemma_ == "us" and doc[2].pos_ == "VERB"
