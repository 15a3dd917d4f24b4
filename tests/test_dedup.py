"""Near-duplicate stories at any store size: a batch loads only the stored articles that share an LSH band
with its own, and finds the same stories as an index of every stored signature."""

import random

from test_store import article, event
from whowhom.pipeline import Coded
from whowhom.store import Store, dedup

WORDS = ("minister talks border trade energy summit capital officials agreement deal troops election vote "
         "parliament court police protest sanctions rebels ceasefire aid refugees port bank oil gas").split()


def bodies(n: int, seed: int = 7) -> list[str]:
    """n bodies: each new one, or (one in four) an earlier one with a few words changed."""
    rnd, out = random.Random(seed), []
    for i in range(n):
        if out and rnd.random() < 0.25:
            words = rnd.choice(out).split()
            for _ in range(2):
                words[rnd.randrange(len(words))] = rnd.choice(WORDS)
            out.append(" ".join(words))
        else:
            out.append(" ".join(rnd.choice(WORDS) for _ in range(120)))
    return out


def reference(texts: list[str]) -> list[str]:
    """Stories as one index of every earlier signature gives them."""
    stories = dedup.Stories()
    return [stories.assign(f"x{i}", dedup.minhash(t)) or f"x{i}" for i, t in enumerate(texts)]


def test_same_stories_as_an_index_of_everything(tmp_path):
    texts = bodies(80)
    with Store(tmp_path / "s.duckdb") as st:
        for start in range(0, len(texts), 16):  # batches: earlier ones only reachable through the store
            st.add([Coded(article(f"a{i:03d}", body=texts[i], title=f"T{i}"), [event("CHN", "RUS")])
                    for i in range(start, min(start + 16, len(texts)))], batch_size=16)
        got = st.con.execute("SELECT doc_id, story_id FROM articles ORDER BY doc_id").fetchall()
        ids = {aid: doc for doc, aid in st.con.execute("SELECT doc_id, article_id FROM articles").fetchall()}
    want = reference(texts)
    assert [ids[story] for _, story in got] == [f"a{int(s[1:]):03d}" for s in want]
    assert len(set(want)) < len(texts)  # (the corpus has near-duplicates to find)


def test_a_batch_loads_only_its_candidates(tmp_path):
    texts = bodies(40, seed=3)
    with Store(tmp_path / "s.duckdb") as st:
        st.add([Coded(article(f"a{i}", body=t, title=f"T{i}"), []) for i, t in enumerate(texts)])
        near = texts[5].split()
        near[0] = "changed"
        loaded = dedup.Stories.for_batch(st.con, [dedup.minhash(" ".join(near))])
        assert 1 <= len(loaded.hashes) <= 3   # the near-duplicate (and a chance collision or two), not all 40


def test_a_store_without_bands_gets_them(tmp_path):
    texts = bodies(10, seed=5)
    with Store(tmp_path / "s.duckdb") as st:
        st.add([Coded(article(f"a{i}", body=t, title=f"T{i}"), []) for i, t in enumerate(texts)])
        st.con.execute("DROP TABLE signature_bands")  # as a store written before them
    with Store(tmp_path / "s.duckdb") as st:
        n = st.con.execute("SELECT count(*) FROM signature_bands").fetchone()[0]
        assert n == len(dedup.BANDS) * st.con.execute("SELECT count(*) FROM signatures").fetchone()[0] > 0
        again = texts[2].split()
        again[-1] = "different"
        st.add([Coded(article("new", body=" ".join(again), title="New"), [])])
        story, first = st.con.execute("SELECT a.story_id, b.article_id FROM articles a, articles b "
                                      "WHERE a.doc_id = 'new' AND b.doc_id = 'a2'").fetchone()
        assert story == first
