"""The role tagger's input features (training/roles.cfg, architecture "whowhom.RoleEmbed.v1").

spaCy's MultiHashEmbed sees a token and the tokens next to it. Whether a noun phrase is the target of a
sentence's event depends on where it hangs in the parse: "the rebels" is a target as the object of
"attacked", a source as its subject, and ten words may lie between them. So next to the token attributes
of MultiHashEmbed, each token gets features of its place in the dependency tree, hashed and embedded the
same way; the config names which (TREE_FEATURES):

- path: its dependency labels towards the root, three steps ("pobj<prep<dobj");
- verb_slot: the verb that governs it and the argument slot it fills there ("attack|dobj",
  "meet|prep:with");
- side: which side of that verb it stands on, and how deep below it;
- head: the word it hangs from and how ("attack|prep");
- via: for the object of a preposition, the word the preposition hangs from and the preposition
  ("attack|on");
- trigger_slot: the nearest word above it that has event patterns (events/patterns.py, the coder's
  dictionary) and the slot it fills there ("attack|dobj"), or "self" for such a word. The tagger learnt
  it from the dictionary of its training; a verb dictionary imported since (`whowhom dict import`) adds
  words it has no weight for, which read as unseen hashes.

With tensor_width, each token's vector from the main pipeline's tok2vec (the Doc's tensor) joins them: it
learnt from far more text than the tagger's training sentences, and costs nothing at run time.

This module is imported by events/models.py before the tagger is loaded, and given to `spacy train` with
--code by scripts/train_models.py, so the same function builds the features in training and at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import List

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from whowhom.events import patterns


_WRAP = 1 << 64


class _Tree:
    """A Doc's parse as plain lists, read once: the features walk up the tree many times per token, and
    each step through spaCy's Token.head makes a new Token object."""

    def __init__(self, doc: Doc):
        # (read from the Doc's arrays: a Token object per token and attribute costs more than the features)
        strings = doc.vocab.strings
        heads, deps, lemmas, lowers, pos = doc.to_array([HEAD, DEP, LEMMA, LOWER, POS]).T.tolist()
        # (HEAD is the offset to the head, read back as unsigned)
        self.head = [i + (h - _WRAP if h >= _WRAP // 2 else h) for i, h in enumerate(heads)]
        names = {key: strings[key] for key in set(deps) | set(lemmas) | set(lowers)}
        self.dep = [names[d] for d in deps]
        self.pos = [POS_NAMES[p] for p in pos]
        self.lemma = [names[lem].lower() for lem in lemmas]
        self.lower = [names[w] for w in lowers]
        # the slot a word fills under its head: its dependency, "prep:against" keeping the preposition
        self.slot = [d + (":" + w if d in ("prep", "agent") else "") for d, w in zip(self.dep, self.lower)]
        keys = _trigger_keys()
        kinds = [patterns.kind(p) for p in self.pos]
        self.trigger = [k is not None and ((lem, k) in keys or (w, k) in keys)
                        for k, lem, w in zip(kinds, self.lemma, self.lower)]

    def root(self, i: int) -> bool:
        return self.head[i] == i

    def governor(self, i: int) -> tuple[int, str, int]:
        """The nearest verb above token i (or the root), the slot i fills there (the slot of the verb's
        child it hangs from) and how deep below it it is."""
        node, depth = i, 0
        while not self.root(node) and self.pos[self.head[node]] not in ("VERB", "AUX"):
            node, depth = self.head[node], depth + 1
        if self.root(node):
            return node, "self", depth
        return self.head[node], self.slot[node], depth


# Each feature is a function of the tree, a token and its governor (computed once per token).
def _path(t: _Tree, i: int, gov) -> str:
    path, node = [t.dep[i]], i
    for _ in range(2):
        node = t.head[node]
        path.append("ROOT" if t.root(node) else t.dep[node])
        if t.root(node):
            break
    return "<".join(path)


def _verb_slot(t: _Tree, i: int, gov) -> str:
    verb, slot, _ = gov
    return f"{t.lemma[verb]}|{slot}"


def _side(t: _Tree, i: int, gov) -> str:
    verb, slot, depth = gov
    side = "L" if i < verb else "R" if i > verb else "V"
    return f"{side}{min(depth, 5)}|{slot}"


def _head(t: _Tree, i: int, gov) -> str:
    return f"{t.lemma[t.head[i]]}|{t.dep[i]}"


def _via(t: _Tree, i: int, gov) -> str:
    return f"{t.lemma[t.head[t.head[i]]]}|{t.lower[t.head[i]]}" if t.dep[i] == "pobj" else "-"


@lru_cache(maxsize=1)
def _trigger_keys() -> frozenset:
    # (a snapshot, as the coder's own: patterns.patterns() looks at the user's dictionary folder per call)
    return frozenset(patterns.patterns())


def _trigger_slot(t: _Tree, i: int, gov) -> str:
    if t.trigger[i]:
        return "self"
    node = i
    for _ in range(6):
        if t.root(node):
            break
        if t.trigger[t.head[node]]:
            return f"{t.lemma[t.head[node]]}|{t.slot[node]}"
        node = t.head[node]
    return "none"


TREE_FEATURES = {"path": _path, "verb_slot": _verb_slot, "side": _side, "head": _head, "via": _via,
                 "trigger_slot": _trigger_slot}


def tree_features(doc: Doc, names: List[str]) -> list[list[int]]:
    """Per token, the hashes of the named features."""
    fns = [TREE_FEATURES[n] for n in names]
    tree = _Tree(doc)
    out = []
    for i in range(len(doc)):
        gov = tree.governor(i)
        out.append([get_string_id(f(tree, i, gov)) for f in fns])
    return out


@registry.architectures("whowhom.RoleEmbed.v1")
def RoleEmbed(width: int, attrs: List[str], rows: List[int], tree_features: List[str],
              tree_rows: List[int], tensor_width: int = 0) -> Model[List[Doc], List[Floats2d]]:
    """MultiHashEmbed (without static vectors) over the token attributes and the named tree features;
    with tensor_width, also each Doc's tensor: what the main pipeline's tok2vec made of the tokens."""
    if len(rows) != len(attrs) or len(tree_rows) != len(tree_features):
        raise ValueError("RoleEmbed: one row count per attribute and per tree feature")
    unknown = set(tree_features) - set(TREE_FEATURES)
    if unknown:
        raise ValueError(f"RoleEmbed: unknown tree features {sorted(unknown)}; known: {sorted(TREE_FEATURES)}")
    all_rows = list(rows) + list(tree_rows)
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(all_rows)]
    hashed = [_Columns(attrs, tree_features), list2ragged(), with_array(concatenate(*embeddings))]
    mix = [with_array(Maxout(width, width * len(embeddings) + tensor_width, nP=3, dropout=0.0, normalize=True)),
           ragged2list()]
    if not tensor_width:  # (the layers of a tagger trained before tensor_width, so that it still loads)
        return chain(*hashed, *mix)
    return chain(concatenate(chain(*hashed, ragged2list()), _Tensor(tensor_width)), list2ragged(), *mix)


def _columns_forward(model: Model, docs: List[Doc], is_train: bool):
    attrs, names = model.attrs["columns"], model.attrs["tree_features"]
    xp, out = model.ops.xp, []
    for doc in docs:
        a = doc.to_array(attrs).astype("uint64").reshape((len(doc), len(attrs)))
        t = xp.asarray(tree_features(doc, names), dtype="uint64").reshape((len(doc), len(names)))
        out.append(model.ops.asarray2i(xp.hstack([a, t]), dtype="uint64"))
    return out, lambda d: []


def _Columns(attrs: List[str], names: List[str]) -> Model[List[Doc], List[Ints2d]]:
    """The token attributes' columns followed by the tree features' columns, per doc."""
    return Model("whowhom_role_columns", _columns_forward, attrs={"columns": attrs, "tree_features": names})


def _tensor_forward(model: Model, docs: List[Doc], is_train: bool):
    n = model.attrs["width"]
    out = []
    for doc in docs:
        t = doc.tensor
        if t is None or getattr(t, "size", 0) == 0 or t.shape != (len(doc), n):
            t = model.ops.alloc2f(len(doc), n)  # (a Doc no tok2vec saw reads as zeros)
        out.append(model.ops.asarray2f(t))
    return out, lambda d: []


def _Tensor(width: int) -> Model[List[Doc], List[Floats2d]]:
    """Each Doc's tensor as it is. The main pipeline computes it anyway (en_core_web_sm's tok2vec, which
    its tagger and parser share; Span.as_doc keeps the sentence's rows), so it costs the tagger nothing at
    run time; in training, the frozen, annotating tok2vec of training/roles.cfg sets it. It is not
    trained here: no gradient flows back."""
    return Model("whowhom_doc_tensor", _tensor_forward, attrs={"width": width})
