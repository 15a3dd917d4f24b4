"""Near-duplicate articles: MinHash over word shingles of the body, looked up in an LSH index (datasketch).

The store keeps each signature's LSH band keys (table signature_bands), so a batch being ingested loads
only the stored articles that share a band with one of its own (datasketch's own bands: the same
candidates as an index of every stored signature, at a cost that does not grow with the store)."""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.8     # estimated Jaccard similarity of shingle sets above which two bodies tell one story
LSH_THRESHOLD = 0.7  # the LSH index finds candidates a little below it; each is then checked
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures are reloaded with it
SHINGLE = 3         # words per shingle
_WORD = re.compile(r"\w+")
BANDS = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges  # (start, end) of each band
BANDS_TABLE = "CREATE TABLE IF NOT EXISTS signature_bands (band_key BIGINT, article_id VARCHAR)"


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


def band_keys(m: MinHash) -> list[int]:
    """One 64-bit key per LSH band: two signatures share a key when they agree on that band's rows."""
    values = m.hashvalues.astype(np.uint32)
    return [int.from_bytes(hashlib.blake2b(bytes([i]) + values[lo:hi].tobytes(), digest_size=8).digest(),
                           "little", signed=True) for i, (lo, hi) in enumerate(BANDS)]


def ensure_bands(con) -> None:
    """The band table, filled for a store written before it existed (once: its size then tells)."""
    con.execute(BANDS_TABLE)
    signatures, bands = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                         for t in ("signatures", "signature_bands"))
    if bands == signatures * len(BANDS):
        return
    con.execute("DELETE FROM signature_bands")
    cur = con.cursor()  # (its own result set: the inserts below run on `con`)
    cur.execute("SELECT article_id, minhash FROM signatures")
    while rows := cur.fetchmany(10_000):
        keys = [(k, aid) for aid, blob in rows for k in band_keys(from_bytes(blob))]
        con.execute("INSERT INTO signature_bands SELECT unnest(?), unnest(?)",
                    [[k for k, _ in keys], [a for _, a in keys]])


class Stories:
    """Assigns each article a story: the first earlier article whose body is a near-duplicate."""

    def __init__(self):
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.story: dict[str, str] = {}
        self.hashes: dict[str, MinHash] = {}

    @classmethod
    def for_batch(cls, con, signatures: list[MinHash]) -> "Stories":
        """An index of the stored articles that share an LSH band with one of `signatures` (a batch's)."""
        stories = cls()
        keys = sorted({k for m in signatures for k in band_keys(m)})
        ids = [r[0] for r in con.execute("SELECT DISTINCT article_id FROM signature_bands "
                                         "WHERE band_key IN (SELECT unnest(?))", [keys]).fetchall()] if keys else []
        if ids:  # (then by their ids: no join of every signature with every article)
            stories.load(con.execute(
                "SELECT s.article_id, s.story_id, s.minhash FROM signatures s JOIN "
                "(SELECT article_id, seq FROM articles WHERE article_id IN (SELECT unnest(?))) a USING (article_id) "
                "WHERE s.article_id IN (SELECT unnest(?)) ORDER BY a.seq", [ids, ids]).fetchall())
        return stories

    def load(self, rows) -> None:
        for article_id, story_id, blob in rows:
            m = from_bytes(blob)
            self.lsh.insert(article_id, m)
            self.hashes[article_id] = m
            self.story[article_id] = story_id

    def rows(self, article_id: str, story: str, m: MinHash) -> tuple[list, list[list]]:
        """Remembers the article's story as stored; its signatures row and its signature_bands rows."""
        self.story[article_id] = story
        return [article_id, story, to_bytes(m)], [[key, article_id] for key in band_keys(m)]

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
