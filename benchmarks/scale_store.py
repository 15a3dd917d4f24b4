"""A synthetic store of N events for benchmarks/scale.py, written through the project's own schema.

    .venv/bin/python benchmarks/scale_store.py out/scale/10m.duckdb --events 10000000

Store(path) creates the schema; articles, events, signatures and their LSH bands are then filled by
INSERT ... SELECT over range() (no text is coded), and Store.rebuild_dyad_days() counts the events into
the dyad table as ingest does batch by batch. What it holds, chosen to look like a year of news:
- 2 events per article (N/2 articles), dated 2015-2024, ingested in the order of their days (give or take
  three days), as a feed read day by day is; 5% dated only to a month, 2% to a year; 3% background;
  7% in headlines, 3% in readers' comments; modalities 70% asserted, the rest negated, hypothetical, intended.
- ~500 actor codes (80 countries, with sectors: RUS, RUSGOV, RUSMIL...), the big countries far more frequent
  (a few codes take most events, as in real news), 12% of events without a target.
- sentences of 12-30 words drawn from a word list, each with its own number (no two alike, so DuckDB
  cannot store them as a handful of dictionary entries); titles and bodies of the same kind.
- a 256-byte MinHash signature per article and its 8 band keys (random: no two articles near-duplicates).
10M events take about 5 minutes and 3 GB on disk on 2 cores."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ("USA CHN RUS UKR GBR FRA DEU JPN KOR PRK IND PAK IRN ISR PSE TUR SAU EGY SYR IRQ AFG BRA MEX VEN "
             "CUB ZAF NGA ETH KEN MLI NER POL LTU BLR GRC SRB ITA ESP CAN AUS IDN PHL VNM THA MMR BGD LKA NPL "
             "QAT ARE YEM LBN JOR LBY TUN DZA MAR SDN SSD SOM COD RWA UGA TZA ZWE ARG CHL COL PER BOL ECU "
             "HUN ROU CZE SWE NOR FIN").split()
SECTORS = ["", "", "", "GOV", "GOV", "MIL", "OPP", "BUS", "MED", "COP", "JUD", "REB"]
IGOS = ["IGOUNO", "IGOWSTNAT", "IGOEUREEC", "IGOAFRAFU", "NGOAMN", "IMGMUSISI"]
WORDS = ("the minister said government forces talks border troops agreement sanctions officials meeting "
         "capital president warned accused rejected visit military aid deal security council vote election "
         "protest police opposition leader foreign ministry statement week attack ceasefire negotiations "
         "trade oil gas pipeline nuclear program inspectors summit delegation embassy spokesman refugees "
         "humanitarian convoy region province village city residents killed wounded arrested detained "
         "released hostage prisoners exchange court ruling parliament bill law reform budget economy "
         "investment loan bank currency inflation exports imports tariffs dispute territory islands navy "
         "exercise drills missile test launch satellite cyber hackers intelligence report journalists").split()
# (cameo, root, name, goldstein, quad_class, plover)
CODES = [("010", "01", "Make statement", 0.0, 1, "OTHER"), ("036", "03", "Express intent to meet", 4.0, 1,
         "AGREE"), ("040", "04", "Consult", 1.0, 1, "CONSULT"), ("042", "04", "Make a visit", 1.9, 1, "CONSULT"),
         ("051", "05", "Praise or endorse", 3.4, 1, "SUPPORT"), ("057", "05", "Sign formal agreement", 8.0, 1,
         "AGREE"), ("062", "06", "Cooperate militarily", 7.4, 2, "COOPERATE"), ("070", "07", "Provide aid", 7.0,
         2, "AID"), ("111", "11", "Criticize or denounce", -2.0, 3, "ACCUSE"), ("112", "11", "Accuse", -2.0, 3,
         "ACCUSE"), ("1212", "12", "Reject military cooperation", -4.0, 3, "REJECT"), ("130", "13", "Threaten",
         -4.4, 3, "THREATEN"), ("138", "13", "Threaten to use military force", -7.0, 3, "THREATEN"),
         ("141", "14", "Demonstrate or rally", -6.5, 3, "PROTEST"), ("163", "16", "Impose embargo", -8.0, 4,
         "SANCTION"), ("173", "17", "Arrest, detain", -5.0, 4, "COERCE"), ("190", "19",
         "Use conventional military force", -10.0, 4, "ASSAULT"), ("193", "19", "Fight with small arms", -10.0,
         4, "ASSAULT")]
MODALITIES = ["asserted"] * 7 + ["negated", "hypothetical", "intended"]
PLACES = [("Moscow", "RUS", "Moscow", 55.75, 37.62), ("Beijing", "CHN", "Beijing", 39.91, 116.40),
          ("Kyiv", "UKR", "Kyiv City", 50.45, 30.52), ("Washington", "USA", "District of Columbia", 38.90, -77.04),
          ("Aleppo", "SYR", "Aleppo", 36.20, 37.16), ("Kabul", "AFG", "Kabul", 34.53, 69.17),
          ("Gaza", "PSE", "Gaza Strip", 31.50, 34.47), ("Tehran", "IRN", "Tehran", 35.69, 51.42)]


# An article's day: ingested in the order of publication (a feed read day by day), give or take three days
DAY_SQL = "DATE '2015-01-01' + CAST(greatest(0, ({i}) * 3650 // {n} + hash({i}, 12) % 7 - 3) AS INTEGER)"


def actor_pool(rng: random.Random) -> list[str]:
    """Codes repeated by weight: country i is about 1/(i+1) as frequent as the first (Zipf-like)."""
    pool = []
    for i, c in enumerate(COUNTRIES):
        weight = max(1, round(400 / (i + 1)))
        pool += [c + rng.choice(SECTORS) for _ in range(weight)]
    return pool + IGOS * 3


def sentences(rng: random.Random, n: int, lo: int, hi: int) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).capitalize() for _ in range(n)]


def build(db: Path, n_events: int) -> None:
    from whowhom.store import Store

    rng = random.Random(7)
    db.parent.mkdir(parents=True, exist_ok=True)
    n_articles = max(1, n_events // 2)
    day = DAY_SQL.replace("{n}", str(n_articles))
    t0 = time.perf_counter()
    with Store(path=str(db)) as st:  # the schema
        con = st.con
        pool = actor_pool(rng)
        con.execute("CREATE TEMP TABLE pool AS SELECT unnest(?) AS code, generate_subscripts(?, 1) - 1 AS idx",
                    [pool, pool])
        con.execute("CREATE TEMP TABLE codes (idx INTEGER, cameo VARCHAR, root VARCHAR, name VARCHAR, "
                    "goldstein DOUBLE, quad INTEGER, plover VARCHAR)")
        con.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?, ?, ?)", [(i, *c) for i, c in enumerate(CODES)])
        con.execute("CREATE TEMP TABLE mods AS SELECT unnest(?) AS m, generate_subscripts(?, 1) - 1 AS idx",
                    [MODALITIES, MODALITIES])
        said = sentences(rng, 5000, 12, 30)
        con.execute("CREATE TEMP TABLE said AS SELECT unnest(?) AS s, generate_subscripts(?, 1) - 1 AS idx",
                    [said, said])
        con.execute("CREATE TEMP TABLE places (idx INTEGER, name VARCHAR, country VARCHAR, admin1 VARCHAR, "
                    "lat DOUBLE, lon DOUBLE)")
        con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)", [(i, *p) for i, p in enumerate(PLACES)])
        # articles, in chunks of a million (bounded memory while writing)
        step = 1_000_000
        for lo in range(0, n_articles, step):
            hi = min(n_articles, lo + step)
            con.execute(f"""
                INSERT INTO articles
                SELECT printf('a%09d', i), printf('synthetic-%d', i), t.s || ' ' || i,
                       strftime({day.format(i="i")}, '%Y-%m-%d'),
                       printf('https://site%d.example/news/%d', hash(i, 9) % 400, i),
                       printf('site%d.example', hash(i, 9) % 400), NULL,
                       b.s || ' ' || t.s || ' (' || i || ').', md5(i::VARCHAR), printf('a%09d', i), NULL, i + 1,
                       TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_seconds(i), 'page'
                FROM range({lo}, {hi}) r(i)
                JOIN said t ON t.idx = hash(i, 1) % 5000 JOIN said b ON b.idx = hash(i, 2) % 5000""")
            con.execute(f"""
                INSERT INTO signatures
                SELECT printf('a%09d', i), printf('a%09d', i),
                       unhex(repeat(md5(i::VARCHAR) || md5((i + 1)::VARCHAR), 8))
                FROM range({lo}, {hi}) r(i)""")
            con.execute(f"""
                INSERT INTO signature_bands
                SELECT (hash(i, b)::HUGEINT - 9223372036854775808)::BIGINT, printf('a%09d', i) FROM range({lo}, {hi}) r(i), range(8) k(b)""")
            print(f"  articles {hi:,}/{n_articles:,} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        for lo in range(0, n_events, 2 * step):
            hi = min(n_events, lo + 2 * step)
            con.execute(f"""
                INSERT INTO events
                SELECT a_id || ':' || (e % 2), a_id, e % 2,
                       CASE WHEN hash(e, 5) % 100 < 5 THEN d[1:7] WHEN hash(e, 5) % 100 < 7 THEN d[1:4] ELSE d END,
                       CASE WHEN hash(e, 5) % 100 < 5 THEN CAST(d[1:7] || '-01' AS DATE)
                            WHEN hash(e, 5) % 100 < 7 THEN CAST(d[1:4] || '-01-01' AS DATE) ELSE CAST(d AS DATE) END,
                       CASE WHEN hash(e, 6) % 100 < 7 THEN 'headline' WHEN hash(e, 6) % 100 < 10 THEN 'comment'
                            ELSE 'article' END,
                       e % 2, x.s || ' (' || e || ').', 0, length(x.s),
                       s.code, s.code, 0, 3, t.code, t.code, 10, 13, 'said', 4, 8,
                       c.cameo, c.root, c.name, c.goldstein, c.quad, c.quad, c.plover, NULL, NULL, m.m, NULL,
                       d, 0.3 + (hash(e, 7) % 70) / 100.0, 'synthetic', hash(e, 8) % 100 < 3,
                       p.name, p.country, p.admin1, p.lat, p.lon, NULL, 'city', 'city', e // 2 + 1
                FROM (SELECT e, printf('a%09d', e // 2) AS a_id,
                             strftime({day.format(i="e // 2")}, '%Y-%m-%d') AS d
                      FROM range({lo}, {hi}) r(e))
                JOIN said x ON x.idx = hash(e, 1) % 5000
                JOIN pool s ON s.idx = hash(e, 2) % {len(pool)}
                LEFT JOIN pool t ON t.idx = hash(e, 3) % {len(pool)} AND hash(e, 4) % 100 >= 12
                JOIN codes c ON c.idx = hash(e, 9) % {len(CODES)}
                JOIN mods m ON m.idx = hash(e, 10) % {len(MODALITIES)}
                LEFT JOIN places p ON p.idx = hash(e, 11) % 20""")
            print(f"  events {hi:,}/{n_events:,} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        st.rebuild_dyad_days()
        con.execute("CHECKPOINT")
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]
        rows = con.execute("SELECT count(*) FROM dyad_days").fetchone()[0]
    print(f"synthesised {n:,} events in {n_articles:,} articles ({rows:,} dyad rows) into {db} "
          f"in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--events", type=int, default=1_000_000)
    args = ap.parse_args()
    if args.db.exists():
        print(f"{args.db} exists: remove it first", file=sys.stderr)
        return 2
    build(args.db, args.events)
    return 0


if __name__ == "__main__":
    sys.exit(main())
