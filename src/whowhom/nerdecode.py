"""spaCy's entity recognizers (the model's NER, whowhom's role tagger) decoded in numpy: the same entities
in a fraction of the time.

spaCy decodes an entity recognizer one token at a time in compiled code, and the build on the package
registry takes and drops Python's lock inside that loop (about a hundred times a token), so the loop costs
twice the recognizer's network. The recognizer's state is small: where it is, and whether an entity is
open (its start and label). With no entity open the scores of a token depend on the token alone, so they
are computed for all tokens at once and the best valid move read off; only the tokens inside an entity are
scored one by one, from the entity's start. The network, the features (the token, the entity's first
token, the token before) and the rules of which move is valid are spaCy's (pipeline/_parser_internals:
ner.pyx, _state.pxd; ml/parser_model.pyx), for documents with no entities set beforehand; any other
document, and any model of another shape, goes through spaCy's own decoder. tests/test_nerdecode.py
compares both on whole pages, token by token."""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from whowhom.standin import StandIn, swap


class Decoder(StandIn):
    """Stands in for a spaCy EntityRecognizer (same name, same place in the pipeline); everything but
    decoding is the recognizer's own."""

    def __init__(self, recognizer) -> None:
        super().__init__(recognizer)
        model = recognizer.model
        self._embed, self._lower, self._upper = model.layers
        names = [recognizer.moves.get_class_name(i) for i in range(recognizer.moves.n_moves)]
        strings = recognizer.vocab.strings
        self._begin, self._unit = numpy.zeros(len(names), bool), numpy.zeros(len(names), bool)
        self._inside: dict[int, int] = {}  # label -> class of I-label
        self._last: dict[int, int] = {}    # label -> class of L-label
        self._labels = numpy.zeros(len(names), numpy.uint64)
        self._out = names.index("O")
        for i, name in enumerate(names):
            move, _, label = name.partition("-")
            if not label:  # "O", and "U-" with no label (valid only over a preset entity)
                continue
            key = strings.add(label)
            self._labels[i] = key
            if move == "B":
                self._begin[i] = True
            elif move == "U":
                self._unit[i] = True
            elif move == "I":
                self._inside[key] = i
            elif move == "L":
                self._last[key] = i
        self._W, self._b = self._upper.get_param("W"), self._upper.get_param("b")
        self._bias = self._lower.get_param("b").reshape(-1)
        self._nO, self._nP = self._lower.get_dim("nO"), self._lower.get_dim("nP")

    @staticmethod
    def fits(recognizer) -> bool:
        """The shape this decoder follows: a greedy BILUO recognizer whose network has a hidden and an output
        layer, maxout units and three state features, and every class seen in training."""
        model = getattr(recognizer, "model", None)
        try:
            return (recognizer.moves.__class__.__name__ == "BiluoPushDown" and recognizer.cfg.get("beam_width", 1) == 1
                    and len(model.layers) == 3 and model.attrs.get("has_upper") and not model.attrs.get("unseen_classes")
                    and model.layers[1].get_dim("nF") == 3 and model.layers[1].get_dim("nP") >= 2
                    and model.layers[2].get_dim("nO") == recognizer.moves.n_moves
                    and "O" in {recognizer.moves.get_class_name(i) for i in range(recognizer.moves.n_moves)})
        except (AttributeError, ValueError, KeyError):
            return False

    @property
    def recognizer(self):
        return self.component

    def run(self, docs: list[Doc]) -> list[Doc]:
        if not docs:
            return docs
        if any(len(doc) and doc.to_array(ENT_IOB).any() for doc in docs):  # entities set beforehand
            return list(self.recognizer.pipe(docs, batch_size=len(docs)))
        todo = [doc for doc in docs if len(doc)]
        if not todo:
            return docs
        feats = self._lower.predict(self._embed.predict(todo))  # (tokens + 1, 3, nO, nP); row 0: padding
        flat = feats.reshape(feats.shape[0], 3, -1)
        # no entity open: the token, then padding for the entity's first token and the token before it
        closed = self._scores(((flat[1:, 0] + flat[0, 1]) + flat[0, 2]) + self._bias)
        space = numpy.concatenate([d.to_array(IS_SPACE) for d in todo]).astype(bool)
        starts = numpy.concatenate([d.to_array(SENT_START) for d in todo])
        ends = numpy.zeros(len(space), bool)  # the last token of a document
        ends[numpy.cumsum([len(doc) for doc in todo]) - 1] = True
        # B- needs a next token in the same sentence and no space here; U- no space; O is always valid
        joins = ~ends & (numpy.roll(starts, -1) != 1)
        valid = numpy.where(self._begin, (joins & ~space)[:, None], False)
        valid |= numpy.where(self._unit, ~space[:, None], False)
        valid[:, self._out] = True
        best = numpy.where(valid, closed, -numpy.inf).argmax(axis=1)
        offset = 0
        for doc in todo:
            self._annotate(doc, self._walk(flat, best, joins, offset, len(doc)))
            offset += len(doc)
        return docs

    def _scores(self, unmaxed):
        hidden = unmaxed.reshape(-1, self._nO, self._nP).max(axis=2)
        return hidden @ self._W.T + self._b

    def _walk(self, flat, best, joins, offset: int, n: int) -> list[tuple[int, int, int]]:
        """The entities (start, end, label) of one document: the best valid move at each token, scoring the
        tokens of an open entity (I- while the entity can go on, L-) from the entity's first token."""
        ents = []
        b = 0
        for i in numpy.flatnonzero(best[offset:offset + n] != self._out).tolist():
            if i < b:  # (inside an entity already read)
                continue
            move = int(best[offset + i])
            label = int(self._labels[move])
            if self._unit[move]:
                ents.append((i, i + 1, label))
                b = i + 1
                continue
            b = i + 1  # B-label: open
            inside, last = self._inside[label], self._last[label]
            while True:
                g = offset + b
                if not joins[g]:  # the last token of its document or sentence: L- is the only valid move
                    break
                scores = self._scores(((flat[g + 1, 0] + flat[offset + i + 1, 1]) + flat[g, 2]) + self._bias)[0]
                # (spaCy keeps the first of equal scores, in class order)
                go_on = (not scores[last] > scores[inside]) if inside < last else scores[inside] > scores[last]
                if not go_on:
                    break
                b += 1
            ents.append((i, b + 1, label))
            b += 1
        return ents

    @staticmethod
    def _annotate(doc: Doc, ents: list[tuple[int, int, int]]) -> None:
        """As spaCy's BiluoPushDown.set_annotations: the entities set, every other token outside one."""
        kb = doc.to_array(ENT_KB_ID)
        doc.set_ents([Span(doc, s, e, label=label, kb_id=int(kb[s])) for s, e, label in ents], default="outside")


def use_decoder(nlp: Language, name: str = "ner") -> Language:
    """Swap the named entity recognizer for a Decoder, where the model has the shape it follows."""
    return swap(nlp, name, Decoder, Decoder.fits)
