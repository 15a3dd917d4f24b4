"""whowhom's trained components (data/models/, built by scripts/train_models.py from training/*.cfg):

- penta: the Phoenix penta class of a sentence's main event, a text classifier;
- roles: the source (S), target (T) and reciprocal (R) spans of a sentence's main event, an entity
  recogniser over the parsed sentence.

The coder uses them to weigh its events and to draw their evidence spans (events/weigh.py). Both are
optional: where a model is missing, or WHOWHOM_MODELS=off, the coder works on its rules alone.
WHOWHOM_MODELS=DIR loads them from DIR instead (cross-validation trains one set per fold)."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

from whowhom.events import rolefeats  # noqa: F401  (registers the role tagger's architecture)


def _dir() -> Path | None:
    where = os.environ.get("WHOWHOM_MODELS", "")
    if where.lower() in ("off", "0", "none"):
        return None
    return Path(where) if where else Path(str(resources.files("whowhom.data") / "models"))


@lru_cache(maxsize=4)
def _load(name: str, where: str | None, vocab_id: int | None, vocab=None):
    if where is None or not (Path(where) / name / "config.cfg").is_file():
        return None
    from whowhom.encoder import use_fast_encoders
    from whowhom.nerdecode import use_decoder
    from whowhom.nlp import fast_matmul
    model = spacy.load(Path(where) / name, vocab=vocab) if vocab is not None else spacy.load(Path(where) / name)
    model = use_fast_encoders(fast_matmul(model))
    return use_decoder(model, "roles")  # (the role tagger is an entity recogniser)


def penta_model():
    d = _dir()
    return _load("penta", str(d) if d else None, None)


def roles_model(vocab):
    """The role recogniser, sharing the main pipeline's vocabulary (it reads the parser's tags and labels)."""
    d = _dir()
    return _load("roles", str(d) if d else None, id(vocab), vocab)


def penta_probs(texts: list[str]) -> list[dict[int, float]] | None:
    """P(penta class) of each text, or None without a model."""
    model = penta_model()
    if model is None:
        return None
    return [{int(k): v for k, v in d.cats.items()} for d in model.pipe(texts)]


def role_spans(sents: list[Span]) -> list[list[tuple[int, int, str]]] | None:
    """For each sentence, the (start, end, label) token spans in its Doc of its main event's roles; None
    without a model. The sentences go through the recogniser in one batch."""
    if not sents:
        return []
    model = roles_model(sents[0].doc.vocab)
    if model is None:
        return None
    docs, arrays = [], {}
    for sent in sents:
        # (a Doc's attribute array is read once for all its sentences, not once per sentence)
        if id(sent.doc) not in arrays:
            head = sent.doc._get_array_attrs()
            arrays[id(sent.doc)] = (sent.doc, head, sent.doc.to_array(head))
        _, head, array = arrays[id(sent.doc)]
        doc: Doc = sent.as_doc(array_head=head, array=array)
        doc.set_ents([], default="missing")  # the recogniser fills an empty slate, not the NER's entities
        docs.append(doc)
    return [[(sent.start + e.start, sent.start + e.end, e.label_) for e in doc.ents]
            for sent, doc in zip(sents, model.get_pipe("roles").pipe(docs))]


def trained_on(path: str) -> list[str]:
    """The installed components trained on this very file (all of it, not cross-validation folds): their
    scores on it are not held-out figures."""
    import hashlib
    import json

    d = _dir()
    if d is None:
        return []
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return []
    out = []
    for name in ("penta", "roles"):
        try:
            meta = json.loads((d / name / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        info = meta.get("whowhom_training") or {}
        if info.get("sha256") == digest and info.get("fold") is None:
            out.append(name)
    return out
