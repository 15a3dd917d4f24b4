"""Train whowhom's statistical components with `spacy train`, from the configs in training/.

    .venv/bin/python scripts/train_models.py penta|roles [--gold FILE] [--fold K] [--folds 5] [--out DIR]

- penta: the Phoenix penta class of a sentence (training/penta.cfg), from
  ../shared/gold/coped-train.penta.jsonl;
- roles: the source / target / reciprocal spans of a sentence's main event (training/roles.cfg), from
  ../shared/gold/coped-train.roles.jsonl.

Without --fold the component is trained on the whole file and installed into
src/whowhom/data/models/NAME, which the package ships. With --fold K it is trained on the sentences that
are not in fold K (whowhom.eval.gold.fold_of) and written to --out: scripts/crossval.py does that for every
fold and scores each fold with the models that never saw it. Gold sentences are only read here, for
training; none is kept in the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from whowhom.eval.gold import fold_of, read_gold, text_of  # noqa: E402
from whowhom.events import rolefeats  # noqa: E402,F401  (registers the role tagger's architecture)

GOLD = {"penta": ROOT.parent / "shared" / "gold" / "coped-train.penta.jsonl",
        "roles": ROOT.parent / "shared" / "gold" / "coped-train.roles.jsonl"}
SHIPPED = ROOT / "src" / "whowhom" / "data" / "models"
PENTA_LABELS = [str(c) for c in range(5)]


def penta_doc(nlp, rec) -> Doc:
    doc = nlp.make_doc(rec["text"])
    doc.cats = {c: float(c == str(rec["penta"])) for c in PENTA_LABELS}
    return doc


def role_spans(tokens: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the BIO tags; an I- tag after another label starts a span; punctuation at a
    span's edges is left out (an entity recogniser cannot learn spans that start or end with it)."""
    spans, i = [], 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        label, j = tags[i][2:], i + 1
        while j < len(tags) and tags[j] == "I-" + label:
            j += 1
        a, b = i, j
        while a < b and not any(ch.isalnum() for ch in tokens[a]):
            a += 1
        while b > a and not any(ch.isalnum() for ch in tokens[b - 1]):
            b -= 1
        if a < b:
            spans.append((a, b, label))
        i = j
    return spans


@lru_cache(maxsize=1)
def _parser():
    from whowhom.nlp import load
    return load()


def roles_doc(nlp, rec) -> Doc:
    """The sentence with its role spans, less spans that cross a sentence boundary of the parser's: the
    recogniser works within the parser's sentences, in training as at run time."""
    doc = Doc(nlp.vocab, words=rec["tokens"])
    starts = {s.start_char for s in _parser()(doc.text).sents}
    spans = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), lab) for a, b, lab in role_spans(rec["tokens"], rec["tags"])]
    doc.ents = [doc.char_span(lo, hi, label=lab) for lo, hi, lab in spans
                if not any(lo < c < hi for c in starts)]
    return doc


def train(task: str, gold: Path, fold: int | None, folds: int, out: Path) -> Path:
    records = [r for r in read_gold(str(gold), task) if fold is None or fold_of(text_of(r), folds) != fold]
    nlp = spacy.blank("en")
    make = penta_doc if task == "penta" else roles_doc
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        DocBin(docs=[make(nlp, r) for r in records], store_user_data=False).to_disk(tmp / "train.spacy")
        # the dev corpus only feeds spaCy's log: the last model is kept, nothing is selected on it
        DocBin(docs=[make(nlp, r) for r in records[:50]]).to_disk(tmp / "dev.spacy")
        cmd = [sys.executable, "-m", "spacy", "train", str(ROOT / "training" / f"{task}.cfg"),
               "--output", str(tmp / "out"), "--paths.train", str(tmp / "train.spacy"),
               "--paths.dev", str(tmp / "dev.spacy"),
               # (the role tagger's architecture is whowhom's own: spacy train imports it from here)
               "--code", str(ROOT / "src" / "whowhom" / "events" / "rolefeats.py")]
        print(f"train_models: {task}: {len(records)} sentences" + (f" (all but fold {fold} of {folds})"
                                                                    if fold is not None else ""), flush=True)
        subprocess.run(cmd, check=True, stdout=sys.stderr)
        model = spacy.load(tmp / "out" / "model-last")
        for name in ("tagger", "parser", "tok2vec"):  # annotated the training sentences; not shipped
            if name in model.pipe_names:
                model.remove_pipe(name)
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        model.meta["name"] = f"whowhom_{task}"
        model.meta["description"] = (f"whowhom {task} component, trained by scripts/train_models.py on "
                                     f"{gold.name} (Multi-CoPED, GPL-3.0), {len(records)} sentences")
        # whowhom eval reads this to say when it scores a model on its own training file
        model.meta["whowhom_training"] = {"gold": gold.name, "sha256": hashlib.sha256(gold.read_bytes()).hexdigest(),
                                          "fold": fold, "folds": folds, "sentences": len(records)}
        model.to_disk(out)
    print(f"train_models: {task} -> {out}", flush=True)
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("task", choices=("penta", "roles"))
    p.add_argument("--gold", type=Path)
    p.add_argument("--fold", type=int)
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--out", type=Path)
    a = p.parse_args(argv)
    gold = a.gold or GOLD[a.task]
    if not gold.is_file():
        sys.exit(f"train_models: no gold file {gold} (the shared data sits in ../shared)")
    if a.fold is not None and a.out is None:
        sys.exit("train_models: --fold needs --out (the shipped model is trained on all sentences)")
    train(a.task, gold, a.fold, a.folds, a.out or SHIPPED / a.task)
    return 0


if __name__ == "__main__":
    sys.exit(main())
