"""Near-duplicate articles: MinHash over word shingles of the body, looked up in an LSH index (datasketch)."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.8     # estimated Jaccard similarity of shingle sets above which two bodies tell one story
LSH_THRESHOLD = 0.7  # the LSH index finds candidates a little below it; each is then checked
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures are reloaded with it
SHINGLE = 3         # words per shingle
_WORD = re.compile(r"\w+")


def minhash(body: str) -> MinHash | None:
    words = _WORD.findall(body.lower())
    if len(words) < SHINGLE * 4:
        return None  # too short to call two texts near-duplicates by shingles
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)])
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(np.uint32).tobytes()


def from_bytes(b: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(b, dtype=np.uint32))


class Stories:
    """Assigns each article a story: the first earlier article whose body is a near-duplicate."""

    def __init__(self):
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.story: dict[str, str] = {}
        self.hashes: dict[str, MinHash] = {}

    def load(self, rows) -> None:
        for article_id, story_id, blob in rows:
            m = from_bytes(blob)
            self.lsh.insert(article_id, m)
            self.hashes[article_id] = m
            self.story[article_id] = story_id

    def assign(self, article_id: str, m: MinHash | None) -> str | None:
        """The story of an earlier near-duplicate, else None; then remembers this article."""
        if m is None:
            return None
        found = sorted(self.story[k] for k in self.lsh.query(m) if m.jaccard(self.hashes[k]) >= THRESHOLD)
        story = found[0] if found else None
        self.lsh.insert(article_id, m)
        self.hashes[article_id] = m
        self.story[article_id] = story or article_id
        return story
