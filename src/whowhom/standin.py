"""A component that stands in for one of spaCy's under its name (nerdecode.py, parsedecode.py): it runs
batches of Docs its own way and answers everything else (labels, config, serialisation) as the component
it wraps."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch


class StandIn:
    def __init__(self, component) -> None:
        self.component = component

    def __getattr__(self, name):
        if name == "component":  # (not set yet: a copy being built)
            raise AttributeError(name)
        return getattr(self.component, name)

    def run(self, docs: list[Doc]) -> list[Doc]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        return self.run([doc])[0]

    def pipe(self, stream, batch_size: int = 128):
        for docs in minibatch(stream, size=batch_size):
            yield from self.run(docs)


def swap(nlp: Language, name: str, stand_in: type, fits) -> Language:
    """Put stand_in(component) in the place of the named component, where fits(component)."""
    if name in nlp.component_names and fits(nlp.get_pipe(name)):
        i = nlp.component_names.index(name)
        # (Language has no public way to swap a component's object under its name; _components is that list)
        nlp._components[i] = (name, stand_in(nlp.get_pipe(name)))
    return nlp
