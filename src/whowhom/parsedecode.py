"""The dependency parser stepped from Python, each step's scores one matrix product in numpy.

spaCy's compiled parsing loop (Parser._parseC) computes each state's hidden layer unit by unit, and the
build on the package registry takes and drops Python's lock for each unit (see nerdecode.py). Here spaCy's
own pieces do everything else: its states and transitions (TransitionSystem.init_batch,
Parser.transition_states: which moves are valid, the best valid one, applying it), its features
(ParserStepModel.get_token_ids) and its precomputed hidden layer (precompute_hiddens, maxout included); each
step calls them once for all the batch's states, and the output layer is one numpy product. The same parses
(tests/test_parsedecode.py compares heads, labels and sentence starts with spaCy's parser)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whowhom.standin import StandIn, swap


class StepParser(StandIn):
    """Stands in for a spaCy DependencyParser (same name, same place in the pipeline); everything but the
    stepping loop is the parser's own."""

    @property
    def parser(self):
        return self.component

    @staticmethod
    def fits(parser) -> bool:
        """A greedy arc-eager parser whose network has an output layer and no class unseen in training."""
        model = getattr(parser, "model", None)
        try:
            return (parser.moves.__class__.__name__ == "ArcEager" and parser.cfg.get("beam_width", 1) == 1
                    and len(model.layers) == 3 and model.attrs.get("has_upper")
                    and not model.attrs.get("unseen_classes"))
        except (AttributeError, ValueError, KeyError):
            return False

    def run(self, docs: list[Doc]) -> list[Doc]:
        parser = self.parser
        states = parser.moves.init_batch(docs)
        todo = [state for state in states if not state.is_final()]
        if todo:
            step = parser.model.predict(docs)  # (the features of every token, precomputed)
            upper = step.vec2scores
            W, b = upper.get_param("W"), upper.get_param("b")
            while todo:
                hidden, _ = step.state2vec.begin_update(step.get_token_ids(todo))
                todo = parser.transition_states(todo, hidden @ W.T + b)
            step.clear_memory()
        parser.set_annotations(docs, states)
        return docs


def use_step_parser(nlp: Language, name: str = "parser") -> Language:
    """Swap the named parser for a StepParser, where the model has the shape it follows."""
    return swap(nlp, name, StepParser, StepParser.fits)
