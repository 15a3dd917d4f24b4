"""The event store: adding is idempotent, queries filter and aggregate as documented, duplicates form stories."""

import pandas as pd
import pytest

from whowhom.events.event import Event
from whowhom.page import Article, Part
from whowhom.pipeline import Coded
from whowhom.store import Store

BODY = ("The foreign ministers of both countries met in the capital on Tuesday to discuss border trade, "
        "energy supplies and a new rail link. Officials described the talks as frank and useful, and said "
        "a further round would follow after the summer. Analysts expect little change before the elections.")


def event(source, target, cameo="040", quad=1, goldstein=1.0, modality="asserted", sentence="A met B.",
          event_date=None, section="article", confidence=0.9, background=False):
    return Event(doc_id="x", section=section, sentence_index=0, sentence=sentence, start=0, end=len(sentence),
                 source=source, source_text=source, source_start=0, source_end=1, target=target,
                 target_text=target, target_start=4 if target else None, target_end=5 if target else None,
                 trigger="met", trigger_start=2, trigger_end=5, cameo=cameo, cameo_root=cameo[:2],
                 cameo_name="Consult", goldstein=goldstein, quad_class=quad, penta=1, plover="CONSULT",
                 plover_mode=None, plover_context=None, modality=modality, reported_by=None,
                 event_date=event_date, confidence=confidence, rule="test", background=background)


def article(aid, date="2024-01-15", body=BODY, title="Ministers meet", url=None, comments=()):
    parts = [Part("headline", title)] + [Part("comment", c, author="reader") for c in comments]
    return Article(id=aid, title=title, date=date, author="A. Writer", body=body, parts=parts, url=url)


def days(series) -> list[str]:
    return list(series.period.dt.strftime("%Y-%m-%d"))


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        st.add([
            Coded(article("a1", "2024-01-15", url="https://www.news-one.example/a1"),
                  [event("CHNGOV", "RUS", "040", 1, 1.0),
                   event("RUS", "CHN", "1212", 3, -4.0, sentence="Russia rejects the pact.")]),
            Coded(article("a2", "2024-02-03", body=BODY.replace("Tuesday", "Monday"),
                          url="https://news-two.example/a2"),
                  [event("CHN", "RUS", "040", 1, 1.0), event("CHN", "RUS", "190", 4, -10.0, modality="negated")]),
            Coded(article("a3", "2024-02-20", body="Short unrelated text about the weather in spring.",
                          title="Weather"),
                  [event("USA", "IRN", "111", 3, -2.0, event_date="2014")]),
        ])
        yield st


def test_counts_and_idempotent_add(store):
    assert store.stats() == {"articles": 3, "events": 5, "stories": 2, "duplicates": 1, "skipped": 0}
    again = [Coded(article("a1", "2024-01-15", url="https://www.news-one.example/a1"), [event("CHN", "RUS")])]
    assert store.add(again) == 0
    assert store.stats()["events"] == 5


def test_events_filters(store):
    df = store.events()
    assert len(df) == 5 == store.count_events()
    for col in ("event_id", "article_id", "date", "section", "sentence", "start", "end", "source", "target",
                "trigger_start", "cameo", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover",
                "modality", "reported_by", "event_date", "confidence", "rule", "story_id", "title", "url"):
        assert col in df.columns
    assert set(store.events(actor="RUS").source) == {"CHNGOV", "RUS", "CHN"}   # source or target, by prefix
    assert set(store.events(source="CHN").source) == {"CHNGOV", "CHN"}
    assert list(store.events(code="12").cameo) == ["1212"]
    assert store.count_events(root="19") == 1
    assert store.count_events(modality="negated") == 1
    assert store.count_events(since="2024-02-01") == 2
    assert store.count_events(until="2024-01-31") == 3         # the 2014 event counts as 2014-01-01
    assert store.count_events(since="2024-02", until="2024-02-28") == 2
    assert list(store.events(text="rejects").cameo) == ["1212"]
    assert store.count_events(text="%") == 0                    # a wildcard in the text is literal
    assert store.count_events(actor="X' OR 1=1 --") == 0        # values are parameters, not SQL
    assert len(store.events(limit=2, offset=4)) == 1
    row = store.events(code="111").iloc[0]
    assert row.date == "2014" and row.event_date == "2014"


def test_dyad_by_month_and_both_directions(store):
    df = store.dyad("CHN", "RUS")
    assert list(df.columns) == ["period", "source", "target", "events", "goldstein_sum", "goldstein_mean",
                                "q1", "q2", "q3", "q4"]
    assert str(df.period.dtype).startswith("datetime64")          # a real date column
    assert days(df) == ["2024-01-01", "2024-02-01"]                # CHNGOV counts as CHN; negated left out
    assert list(df.events) == [1, 1] and list(df.q1) == [1, 1]
    both = store.dyad("CHN", "RUS", both_directions=True, modality=None)
    jan = both[both.period == pd.Timestamp("2024-01-01")].set_index("source")
    assert jan.loc["RUS", "q3"] == 1 and jan.loc["RUS", "goldstein_sum"] == -4.0
    feb = both[(both.period == pd.Timestamp("2024-02-01")) & (both.source == "CHN")].iloc[0]
    assert feb.events == 2 and feb.goldstein_mean == -4.5 and feb.q4 == 1
    assert days(store.dyad("CHN", "RUS", by="day")) == ["2024-01-15", "2024-02-03"]
    assert store.dyad("ZZZ", "RUS").empty


def test_actors_article_and_read_only(store, tmp_path):
    actors = store.actors()
    assert list(actors.columns) == ["actor", "as_source", "as_target", "events"]
    top = actors.iloc[0]
    assert (top.actor, top.as_source, top.as_target, top.events) == ("RUS", 1, 3, 4)
    aid = store.events(code="1212").article_id[0]
    doc = store.article(aid)
    assert doc["title"] == "Ministers meet" and doc["body"] == BODY
    assert doc["parts"][0] == {"label": "headline", "text": "Ministers meet", "author": None, "time": None}
    assert [e["cameo"] for e in doc["events"]] == ["040", "1212"]
    assert doc["events"][0]["target_start"] == 4
    assert store.article("nope") is None
    store.close()
    with Store(tmp_path / "s.duckdb", read_only=True) as ro:
        assert ro.stats()["articles"] == 3
        assert len(ro.events(actor="CHN")) == 4


def test_near_duplicates_share_a_story_and_cluster(store):
    df = store.events(source="CHN")
    a1, a2 = (store.article(a) for a in sorted(set(df.article_id), key=lambda a: store.article(a)["date"]))
    assert a1["story_id"] == a2["story_id"] == a1["id"]        # a2 differs by one word: same story
    clustered = store.clustered_events()
    consult = clustered[(clustered.cameo == "040")]
    # CHNGOV and CHN are different sources; each is one mention from one article
    assert set(consult.num_articles) == {1}
    store.add([Coded(article("a4", "2024-02-03", body=BODY.replace("Tuesday", "Monday"),
                             url="https://other.example/a4", title="Talks held"),
                     [event("CHN", "RUS", "040", 1, 1.0)])])
    clustered = store.clustered_events()
    row = clustered[(clustered.source == "CHN") & (clustered.cameo == "040")].iloc[0]
    assert (row.num_mentions, row.num_sources, row.num_articles) == (2, 2, 2)
    assert store.stats()["duplicates"] == 2


def test_missing_store_is_a_clear_error(tmp_path):
    from whowhom.errors import InputError
    (tmp_path / "empty.duckdb").write_bytes(b"")
    with pytest.raises(InputError):
        Store(tmp_path / "not-a-db.duckdb", read_only=True)


def dyad_days(st):
    """dyad_days summed per key, next to the same counts computed from the events."""
    from whowhom.store.db import DYAD_DAYS
    key = "source, target, day, modality, quad_class, background, comment, precision"
    table = st.con.execute(f"SELECT {key}, sum(events), sum(scored), sum(goldstein_sum) FROM dyad_days "
                           f"GROUP BY ALL ORDER BY ALL").fetchall()
    computed = st.con.execute(f"SELECT * FROM ({DYAD_DAYS}) ORDER BY ALL").fetchall()
    return table, computed


def test_dyad_days_are_written_with_the_events_and_only_with_them(store):
    table, computed = dyad_days(store)
    assert table == computed and sum(r[8] for r in table) == 5
    boom = Coded(article("a9", "2024-03-01", body="Another text entirely, about trade and about tariffs."),
                 [event("CHN", "RUS", "040", 1, 1.0), None])  # the second "event" breaks the batch
    with pytest.raises(AttributeError):
        store.add([Coded(article("a8", "2024-03-01", body="A different text, about a summit in spring."),
                         [event("RUS", "USA", "111", 3, -2.0)]), boom], batch_size=10)
    assert dyad_days(store) == (table, computed)   # rolled back together
    store.add([Coded(article("a8", "2024-03-01", body="A different text, about a summit in spring."),
                     [event("RUS", "USA", "111", 3, -2.0), event("RUS", "USA", "111", 3, None)])])
    table, computed = dyad_days(store)
    assert table == computed and sum(r[8] for r in table) == 7


def test_a_store_without_dyad_days_gets_them(store, tmp_path):
    expected = store.dyad("CHN", "RUS", by="day", both_directions=True, modality=None)
    store.con.execute("DROP TABLE dyad_days")
    store.close()
    with Store(tmp_path / "s.duckdb", read_only=True) as ro:   # read-only: computed from the events
        assert ro.dyad("CHN", "RUS", by="day", both_directions=True, modality=None).equals(expected)
        assert ro.actors().iloc[0].actor == "RUS"
    with Store(tmp_path / "s.duckdb") as st:                    # writable: the table is filled
        table, computed = dyad_days(st)
        assert table == computed and len(table) == 5
        assert st.dyad("CHN", "RUS", by="day", both_directions=True, modality=None).equals(expected)


def test_goldstein_sums_are_exact(tmp_path):
    # 0.1 + 0.2 + 0.2 + 0.4 - 0.4 = 0.5 exactly; as floats, the order of adding shows in the last digit
    with Store(tmp_path / "g.duckdb") as st:
        for i, g in enumerate([0.1, 0.2, 0.2, 0.4, -0.4, None]):
            st.add([Coded(article(f"g{i}", "2024-05-0%d" % (i + 1), body=f"Text number {i} on its own."),
                          [event("GRC", "TUR", goldstein=g)])])
        row = st.dyad("GRC", "TUR", by="year").iloc[0]
        assert (row.events, row.goldstein_sum, row.goldstein_mean) == (6, 0.5, 0.1)


def test_json_answers_match_the_frames(store):
    import json

    from whowhom.store.db import _records
    for filters in ({}, {"actor": "RUS"}, {"code": "12"}, {"text": "nothing like it"}):
        for limit, offset in ((100, 0), (2, 1), (5, 99)):
            assert json.loads(store.events_json(**filters, limit=limit, offset=offset)) == \
                _records(store.events(**filters, limit=limit, offset=offset))
    assert store.article_json("nope") is None


@pytest.fixture()
def mixed(tmp_path):
    """News, a background event, a reader's comment and a doubtful event, all CHN -> RUS in one month."""
    with Store(tmp_path / "m.duckdb") as st:
        st.add([Coded(article("m1", "2024-03-10", body="A text about the talks of March, and nothing else."),
                      [event("CHN", "RUS", "040", 1, 1.0, confidence=0.8),
                       event("CHN", "RUS", "111", 3, -2.0, event_date="2014", background=True, confidence=0.7),
                       event("CHN", "RUS", "112", 3, -2.0, section="comment", confidence=0.6),
                       event("CHN", "RUS", "051", 1, 3.4, confidence=0.2)])])
        yield st


def test_series_leave_out_background_and_comments_unless_asked(mixed):
    by_year = lambda **kw: dict(zip(days(d := mixed.dyad("CHN", "RUS", by="year", **kw)), d.events))  # noqa: E731
    assert by_year() == {"2024-01-01": 2}                                  # the news and the doubtful one
    assert by_year(include_comments=True) == {"2024-01-01": 3}
    assert by_year(include_background=True) == {"2014-01-01": 1, "2024-01-01": 2}
    assert by_year(include_background=True, include_comments=True, min_confidence=0.65) == \
        {"2014-01-01": 1, "2024-01-01": 1}
    assert by_year(min_confidence=0.5) == {"2024-01-01": 1}
    assert by_year(min_confidence=0.95).__len__() == 0
    counts = lambda **kw: mixed.actors(**kw).set_index("actor").events.to_dict()  # noqa: E731
    assert counts() == {"CHN": 2, "RUS": 2}
    assert counts(include_background=True, include_comments=True) == {"CHN": 4, "RUS": 4}
    assert counts(min_confidence=0.5) == {"CHN": 1, "RUS": 1}
    clustered = mixed.clustered_events()
    assert sorted(clustered.cameo) == ["040", "051"]                        # the GDELT table too
    assert sorted(mixed.clustered_events(include_background=True, include_comments=True, min_confidence=0.3).cameo) \
        == ["040", "111", "112"]


def test_events_list_everything_and_filter(mixed):
    assert mixed.count_events() == 4
    assert list(mixed.events(background=True).cameo) == ["111"]
    assert mixed.count_events(background=False) == 3
    assert list(mixed.events(section="comment").cameo) == ["112"]
    assert mixed.count_events(section=["headline", "article"]) == 3
    assert sorted(mixed.events(min_confidence=0.7).cameo) == ["040", "111"]
    row = mixed.events(background=True).iloc[0]
    assert row.background and row.event_date == "2014" and row.date == "2014"


def test_a_coarse_event_date_in_the_articles_period_counts_on_the_article_day(tmp_path):
    with Store(tmp_path / "c.duckdb") as st:
        st.add([Coded(article("c1", "2024-03-10"), [event("CHN", "RUS", event_date="2024"),
                                                    event("CHN", "RUS", event_date="2024-03"),
                                                    event("CHN", "RUS", event_date="2024-02-28")])])
        assert list(st.events().date) == ["2024-02-28", "2024-03-10", "2024-03-10"]
        assert sorted(st.events().event_date) == ["2024", "2024-02-28", "2024-03"]   # as the text gives them


def test_a_store_written_before_the_background_column_opens_and_migrates(mixed, tmp_path):
    import duckdb

    path = mixed.path
    before = mixed.events()
    mixed.close()
    # the layout of an older whowhom: no background column, dyad_days without background and comment
    con = duckdb.connect(path)
    con.execute("ALTER TABLE events DROP COLUMN background")
    con.execute("DROP TABLE dyad_days")
    con.execute("CREATE TABLE dyad_days AS SELECT source, target, day, modality, quad_class, count(*) AS events, "
                "count(goldstein) AS scored, sum(CAST(goldstein AS DECIMAL(18, 3))) AS goldstein_sum "
                "FROM events GROUP BY ALL")
    con.close()
    with Store(path, read_only=True) as ro:                       # read-only: nothing is written
        assert ro.count_events() == 4 and ro.count_events(background=True) == 0
        # an older store's events are all news: the one dated 2014 counts in 2014
        assert ro.dyad("CHN", "RUS", by="year", include_comments=True).events.tolist() == [1, 3]
        assert ro.actors().set_index("actor").events.to_dict() == {"CHN": 3, "RUS": 3}
    con = duckdb.connect(path, read_only=True)
    assert "background" not in {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    con.close()
    with Store(path) as st:                                       # writable: migrated, nothing lost
        after = st.events()
        assert after.drop(columns="background").equals(before.drop(columns="background"))
        assert not after.background.any()
        table, computed = dyad_days(st)
        assert table == computed and sum(r[8] for r in table) == 4
        st.add([Coded(article("m2", "2024-04-01", body="Another text, about April."),
                      [event("CHN", "RUS", event_date="2001", background=True)])])
        assert st.count_events(background=True) == 1
        assert st.dyad("CHN", "RUS", by="year", include_comments=True).events.tolist() == [1, 3]


def test_dates_keep_their_precision_and_undated_pages_take_the_ingest_day(tmp_path):
    import datetime as dt

    with Store(tmp_path / "p.duckdb") as st:
        st.add([Coded(article("y", "2024-05-10"), [event("USA", "IRN", "111", 3, -2.0, event_date="2014",
                                                         background=True),
                                                   event("USA", "IRN", "111", 3, -2.0, event_date="2024-03",
                                                         background=True)]),
                Coded(article("u", None, body="An undated page about a summit, with no date anywhere."),
                      [event("USA", "IRN", "036", 1, 4.0)])])
        by_month = st.dyad("USA", "IRN", by="month", include_background=True)
        by_year = st.dyad("USA", "IRN", by="year", include_background=True)
        today = dt.datetime.now(dt.timezone.utc).date()
        # "in 2014" is no January 2014 event: only a yearly series places it
        assert "2014-01-01" not in days(by_month) and "2024-03-01" in days(by_month)
        assert {"2014-01-01", "2024-01-01"} <= set(days(by_year))
        # the undated page's event counts on the day it was ingested, and its article says so
        assert today.replace(day=1).isoformat() in days(by_month)
        assert st.con.execute("SELECT date, date_source FROM articles WHERE doc_id = 'u'").fetchone() == \
            (today.isoformat(), "ingest")
        assert st.con.execute("SELECT date_source FROM articles WHERE doc_id = 'y'").fetchone() == ("page",)


def test_the_date_source_of_an_article():
    from whowhom.io.readers import RawDoc
    from whowhom.pipeline import extract_dated

    text = "Officials met in the capital.\n\nMay 2, 2024\n\nThe two ministers met on Monday to talk about trade."
    assert extract_dated(RawDoc("a", text, "text", date="2024-01-05")).date_source == "input"
    assert extract_dated(RawDoc("b", "The ministers met to talk about trade and tariffs.", "text",
                                fallback_date="2023-02-01")).date_source == "capture"


def test_event_pages_are_cut_before_the_join_and_keep_their_order(store):
    """Pages of events, one by one, are the whole list in order (day, then order of ingestion, then position
    in the article), for every filter; the text filter reads titles too."""
    for filters in ({}, {"actor": "RUS"}, {"actor": "C"}, {"text": "ministers"}, {"text": "pact"}):
        whole = store.events(limit=None, **filters).event_id.tolist()
        paged = [e for offset in range(0, len(whole) + 2) for e in
                 store.events(limit=1, offset=offset, **filters).event_id.tolist()]
        assert paged == whole and store.count_events(**filters) == len(whole)
    assert store.count_events(text="ministers") == 4      # the title "Ministers meet", not in the sentences
    assert str(store.events(limit=None).day.iloc[0])[:4] == "2014"  # the recalled 2014 event comes first


def test_a_store_written_before_events_kept_their_seq(store):
    import duckdb

    path = store.path
    before = store.events(limit=None)
    store.close()
    con = duckdb.connect(path)
    con.execute("ALTER TABLE events DROP COLUMN seq")
    con.close()
    with Store(path, read_only=True) as ro:                       # read-only: the seq read from the articles
        assert ro.events(limit=None).equals(before)
        page = ro.events(limit=2, offset=1)
        assert page.event_id.tolist() == before.event_id.tolist()[1:3]
    with Store(path) as st:                                       # writable: filled in
        assert st.con.execute("SELECT count(*) FROM events WHERE seq IS NULL").fetchone()[0] == 0
        assert st.events(limit=None).equals(before)


def test_the_memory_limit_is_duckdbs_and_a_bad_one_is_refused(tmp_path, monkeypatch):
    from whowhom.errors import InputError

    monkeypatch.setenv("WHOWHOM_MEMORY_LIMIT", "300MB")
    with Store(tmp_path / "m.duckdb") as st:
        assert st.con.execute("SELECT current_setting('memory_limit')").fetchone()[0] in ("286.1 MiB", "300.0 MB")
    monkeypatch.setenv("WHOWHOM_MEMORY_LIMIT", "plenty")
    with pytest.raises(InputError, match="WHOWHOM_MEMORY_LIMIT"):
        Store(tmp_path / "m.duckdb")
