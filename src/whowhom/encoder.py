"""spaCy's token encoders (tok2vec: hashed embeddings, then windowed maxout layers) run at prediction in fewer,
larger numpy steps: the same network, its results the same to rounding.

Two layers of thinc's tok2vec are swapped, where their shapes are the ones below; training and every other
model go through thinc as before.

- The embedding: each of the token's attributes (NORM, PREFIX, ...) is hashed into four rows of a table, the
  rows summed, the tables' sums joined and multiplied by the mixing layer's weights. The product is linear,
  so each table is multiplied by its block of the weights once, when the model loads: a token's mixing
  layer input is then the sum of its attributes' projected rows (24 rows of 288 numbers for the main
  tok2vec), with no matrix product per token. A projected table has 288 columns instead of 96, so only as
  many tables are projected as fit in PROJECTED_BYTES; the others stay in a (narrower) product.
- The encoder: each residual maxout layer's window (thinc's seq2col) is filled by array slices, and its
  maxout is taken over slices of the product, its weights ordered piece by piece once at load time (thinc
  reads the pieces strided, a token at a time).

The sums run in another order than thinc's, so results differ from thinc's in the last bits of the floats,
as thinc's own differ with the size of the batch; tests/test_encoder.py holds the two to 1e-4 and the
pipeline's tags, parses and entities to the same on whole pages."""

from __future__ import annotations

import re

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps

_OPS = NumpyOps()

# The most memory the projected tables of one embedding may take (below). The main pipeline's tok2vec needs
# 12.2 MB for all its tables, NER's 12.1 MB; the role tagger's ten tables would need 26 MB, and its three of
# 5,000 rows stay in the matrix product: every worker process holds its own.
PROJECTED_BYTES = 12_800_000

# the shapes swapped: thinc's names of the chains spaCy's MultiHashEmbed and MaxoutWindowEncoder build
_HASHED = r"\w+>>list2ragged>>with_array\((ints-getitem>>hashembed\|)*ints-getitem>>hashembed\)"
_MIX = r"with_array\(maxout>>layernorm>>dropout\)>>ragged2list"
_EMBED = re.compile(rf"{_HASHED}>>{_MIX}|{_HASHED}>>ragged2list\|\w+>>list2ragged>>{_MIX}")
_BLOCK = re.compile(r"residual\(expand_window>>maxout>>layernorm>>dropout\)")
_ENCODE = re.compile(rf"with_array\(({_BLOCK.pattern}>>)*{_BLOCK.pattern}\)")


def use_fast_encoders(nlp: Language) -> Language:
    """Swap the prediction of the embeddings and encoders of every component of `nlp` (disabled ones too)
    that have the shapes above."""
    for _, pipe in nlp.components:
        if isinstance(getattr(pipe, "model", None), Model):
            speed_up(pipe.model)
    return nlp


def speed_up(model: Model) -> int:
    """Swap the prediction of every embedding and encoder of `model` (walked) that has the shapes above;
    the number swapped."""
    swapped = 0
    for node in list(model.walk()):
        if getattr(node._func, "whowhom_fast", False):  # (swapped already)
            continue
        fast = None
        if _EMBED.fullmatch(node.name):
            fast = _embed_forward(node)
        elif _ENCODE.fullmatch(node.name):
            fast = _encode_forward(node)
        if fast is not None:
            slow = node._func

            def forward(model, X, is_train, fast=fast, slow=slow):
                return slow(model, X, is_train) if is_train else (fast(X), _no_backprop)
            forward.whowhom_fast = True
            forward.thinc = slow  # (thinc's own, for the tests)
            node._func = forward
            swapped += 1
    return swapped


def _no_backprop(dY):
    raise ValueError("whowhom's fast encoder predicts only")


def _maxout_params(maxout: Model) -> tuple[numpy.ndarray, numpy.ndarray, int, int]:
    """A maxout layer's weights as (pieces x outputs, inputs), ordered piece by piece, its bias alike."""
    W, b = maxout.get_param("W"), maxout.get_param("b")
    nO, nP, nI = W.shape
    return (numpy.ascontiguousarray(W.transpose(1, 0, 2).reshape(nP * nO, nI)),
            numpy.ascontiguousarray(b.T.reshape(nP * nO)), nO, nP)


def _maxout_norm(Y: numpy.ndarray, nO: int, nP: int, G: numpy.ndarray, g_b: numpy.ndarray) -> numpy.ndarray:
    """Maxout over the pieces of Y (its columns piece by piece, bias added), then thinc's LayerNorm."""
    best = numpy.maximum(Y[:, :nO], Y[:, nO:2 * nO]) if nP > 1 else Y[:, :nO].copy()
    for p in range(2, nP):
        numpy.maximum(best, Y[:, p * nO:(p + 1) * nO], out=best)
    best -= best.mean(axis=1, keepdims=True)
    var = numpy.square(best).mean(axis=1, keepdims=True)
    var += 1e-08
    best *= var ** -0.5
    best *= G
    best += g_b
    return best


def _embed_forward(node: Model):
    """MultiHashEmbed: [features, list2ragged, with_array(hashembeds), with_array(mix), ragged2list]; the role
    tagger's (events/rolefeats.py): [concatenate(chain(features, list2ragged, with_array(hashembeds),
    ragged2list), dense), list2ragged, with_array(mix), ragged2list], the dense part a vector per token."""
    layers, dense = node.layers, None
    if len(layers) == 5:
        features, hashed, mix = layers[0], layers[2], layers[3]
    elif len(layers) == 4 and len(layers[0].layers) == 2 and len(layers[0].layers[0].layers) == 4:
        (features, _, hashed, _), dense = layers[0].layers[0].layers, layers[0].layers[1]
        mix = layers[2]
    else:
        return None
    embeds = [n for n in hashed.walk() if n.name == "hashembed"]
    getters = [n for n in hashed.walk() if n.name == "ints-getitem"]
    maxouts = [n for n in mix.walk() if n.name == "maxout"]
    norms = [n for n in mix.walk() if n.name == "layernorm"]
    if not embeds or len(embeds) != len(getters) or len(maxouts) != 1 or len(norms) != 1:
        return None
    Wp, bp, nO, nP = _maxout_params(maxouts[0])
    width = embeds[0].get_param("E").shape[1]
    hashed_width = width * len(embeds)
    if any(e.get_param("E").shape[1] != width for e in embeds) or Wp.shape[1] < hashed_width \
            or (dense is None) != (Wp.shape[1] == hashed_width):
        return None
    cols = [g.attrs["index"][1] for g in getters]
    if any(not isinstance(c, int) for c in cols):
        return None
    # Each table times its block of the mixing weights, smallest tables first while the products fit in
    # PROJECTED_BYTES: a token's mixing layer input is then a sum of their rows; the other tables' rows
    # (and the dense part) still go through the matrix product.
    rows = [e.get_param("E").shape[0] for e in embeds]
    projected, size = set(), 0
    for k in sorted(range(len(embeds)), key=lambda k: rows[k]):
        size += rows[k] * Wp.shape[0] * 4
        if size > PROJECTED_BYTES:
            break
        projected.add(k)
    tables, offsets, at = [], {}, 0
    for k in sorted(projected):
        E = embeds[k].get_param("E").astype(numpy.float64)
        tables.append((E @ Wp[:, k * width:(k + 1) * width].T.astype(numpy.float64)).astype(numpy.float32))
        offsets[k] = at
        at += rows[k]
    P = numpy.ascontiguousarray(numpy.concatenate(tables)) if tables else None
    rest = [k for k in range(len(embeds)) if k not in projected]
    W_rest = numpy.ascontiguousarray(numpy.concatenate(
        [Wp[:, k * width:(k + 1) * width] for k in rest] + [Wp[:, hashed_width:]], axis=1))
    seeds = [e.attrs["seed"] for e in embeds]
    G, g_b = norms[0].get_param("G"), norms[0].get_param("b")

    def fast(docs):
        lengths = [len(doc) for doc in docs]
        if not sum(lengths):
            return [numpy.zeros((0, nO), numpy.float32) for _ in docs]
        ids = numpy.concatenate(features.predict(docs)).astype(numpy.uint64)
        n = len(ids)
        keys = numpy.empty((n, 4 * len(projected)), numpy.uint32)
        X = numpy.empty((n, W_rest.shape[1]), numpy.float32)  # the rest tables' sums, then the dense part
        for slot, k in enumerate(sorted(projected)):
            keys[:, 4 * slot:4 * slot + 4] = _OPS.hash(numpy.ascontiguousarray(ids[:, cols[k]]), seeds[k]) % rows[k]
            keys[:, 4 * slot:4 * slot + 4] += offsets[k]
        for slot, k in enumerate(rest):
            hashed = _OPS.hash(numpy.ascontiguousarray(ids[:, cols[k]]), seeds[k]) % rows[k]
            X[:, slot * width:(slot + 1) * width] = _OPS.gather_add(embeds[k].get_param("E"), hashed)
        if dense is not None:
            X[:, len(rest) * width:] = numpy.concatenate(dense.predict(docs))
        Y = _OPS.gather_add(P, keys) if P is not None else numpy.zeros((n, Wp.shape[0]), numpy.float32)
        if X.shape[1]:
            Y += X @ W_rest.T
        Y += bp
        out = _maxout_norm(Y, nO, nP, G, g_b)
        return numpy.split(out, numpy.cumsum(lengths)[:-1])
    return fast


def _encode_forward(node: Model):
    pad = node.attrs.get("pad", 0)
    blocks = []
    for residual in [n for n in node.walk() if _BLOCK.fullmatch(n.name)]:
        inner = list(residual.walk())
        window = [n for n in inner if n.name == "expand_window"]
        maxout = [n for n in inner if n.name == "maxout"]
        norm = [n for n in inner if n.name == "layernorm"]
        if len(window) != 1 or len(maxout) != 1 or len(norm) != 1:
            return None
        Wp, bp, nO, nP = _maxout_params(maxout[0])
        nW = window[0].attrs["window_size"]
        if Wp.shape[1] != (2 * nW + 1) * nO:
            return None
        blocks.append((nW, Wp.T, bp, nO, nP, norm[0].get_param("G"), norm[0].get_param("b")))
    if not blocks:
        return None

    def fast(Xs):
        lengths = [len(x) for x in Xs]
        if not Xs:
            return []
        width = Xs[0].shape[1]
        # the documents end to end, `pad` zero rows before, between and after them (thinc's flatten)
        X = numpy.zeros((sum(lengths) + pad * (len(Xs) + 1), width), numpy.float32)
        starts = []
        at = pad
        for x, n in zip(Xs, lengths):
            X[at:at + n] = x
            starts.append(at)
            at += n + pad
        n = len(X)
        windows: dict[int, numpy.ndarray] = {}  # (each block fills the same cells: the zeros stay zeros)
        for nW, WpT, bp, nO, nP, G, g_b in blocks:
            # the window: row i holds rows i-nW .. i+nW, zeros past either end
            if nW not in windows:
                windows[nW] = numpy.zeros((n, (2 * nW + 1) * width), numpy.float32)
            C = windows[nW]
            for j in range(-nW, nW + 1):
                lo = (j + nW) * width
                if j < 0:
                    C[-j:, lo:lo + width] = X[:n + j]
                elif j > 0:
                    C[:n - j, lo:lo + width] = X[j:]
                else:
                    C[:, lo:lo + width] = X
            Y = C @ WpT
            Y += bp
            X = X + _maxout_norm(Y, nO, nP, G, g_b)
        return [X[s:s + k] for s, k in zip(starts, lengths)]
    return fast
