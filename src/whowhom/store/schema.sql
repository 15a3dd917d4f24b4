-- whowhom event store (DuckDB). One file holds every ingested article and its events.
-- article_id is a content hash, so adding the same article twice adds nothing.

CREATE TABLE IF NOT EXISTS articles (
    article_id  VARCHAR PRIMARY KEY,   -- sha256 (first 32 hex) of url, title, date, author, body, parts
    doc_id      VARCHAR,               -- input id: file path or JSON Lines record id
    title       VARCHAR,
    date        VARCHAR,               -- ISO date the page gives
    url         VARCHAR,
    site        VARCHAR,               -- host of the url (GDELT NumSources counts these)
    author      VARCHAR,
    body        VARCHAR,
    body_hash   VARCHAR,               -- exact duplicates share it
    story_id    VARCHAR,               -- article_id of the first article of its (near-)duplicate story
    duplicate   VARCHAR,               -- NULL, 'exact' or 'near'
    seq         BIGINT,                -- order of ingestion
    added       TIMESTAMPTZ,           -- when it was ingested (GDELT's DATEADDED)
    date_source VARCHAR                -- where `date` came from: 'input' (the record or the command line),
                                       -- 'page', 'capture' (a WARC record's), 'ingest' (none: the ingest day)
);
-- Exact duplicates are found by body_hash: an index, so that a batch looks up its few hashes, not every article's
CREATE INDEX IF NOT EXISTS articles_body_hash ON articles (body_hash);
-- (a store written before ingest times and date sources were kept: its articles have none)
ALTER TABLE articles ADD COLUMN IF NOT EXISTS added TIMESTAMPTZ;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS date_source VARCHAR;

CREATE TABLE IF NOT EXISTS parts (
    article_id  VARCHAR,
    idx         INTEGER,
    label       VARCHAR,
    text        VARCHAR,
    author      VARCHAR,
    time        VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR,              -- article_id:n (unique: an article's events are written with it, once;
                                          -- no key index, which DuckDB would hold whole in memory to add a row)
    article_id      VARCHAR,
    n               INTEGER,              -- position among the article's events
    date            VARCHAR,              -- the date counted on: the event's own if the text gives one and it is
                                          -- not just the article's period ("this year"), else the article's
    day             DATE,                 -- date as a DATE (a bare year -> its 1 January; the precision is
                                          -- date's: a dyad series by month leaves out events dated to a year)
    section         VARCHAR,
    sentence_index  INTEGER,
    sentence        VARCHAR,
    "start"         INTEGER,
    "end"           INTEGER,
    source          VARCHAR,
    source_text     VARCHAR,
    source_start    INTEGER,
    source_end      INTEGER,
    target          VARCHAR,
    target_text     VARCHAR,
    target_start    INTEGER,
    target_end      INTEGER,
    trigger         VARCHAR,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    cameo           VARCHAR,
    cameo_root      VARCHAR,
    cameo_name      VARCHAR,
    goldstein       DOUBLE,
    quad_class      INTEGER,
    penta           INTEGER,
    plover          VARCHAR,
    plover_mode     VARCHAR,
    plover_context  VARCHAR,
    modality        VARCHAR,
    reported_by     VARCHAR,
    event_date      VARCHAR,
    confidence      DOUBLE,
    rule            VARCHAR,
    background      BOOLEAN DEFAULT false, -- dated more than a month before its article: recalled, not news
    -- where it happened (events/location.py): its sentence's place, else the dateline's, else the article's
    place_name      VARCHAR,              -- the gazetteer's name of the place
    place_country   VARCHAR,              -- ISO 3166 alpha-3
    place_admin1    VARCHAR,              -- first-level region, by name
    place_lat       DOUBLE,
    place_lon       DOUBLE,
    place_geonames_id BIGINT,
    place_feature   VARCHAR,              -- city, district, landmark, site, region, country
    place_precision VARCHAR,              -- 'city', 'region' or 'country'
    seq             BIGINT                -- its article's order of ingestion (articles.seq): event lists are
                                          -- sorted by day, seq and n, and cut, before articles are joined
);
-- (a store written before the background column: it gets the column, false for its events; one written
-- before event places: its events have none)
ALTER TABLE events ADD COLUMN IF NOT EXISTS background BOOLEAN DEFAULT false;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_name VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_admin1 VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_lat DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_lon DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_geonames_id BIGINT;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_feature VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_precision VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS seq BIGINT;  -- (filled from the articles by store/db.py)

-- Events counted by (source, target, day, modality, quad_class, background, comment): what dyad series and
-- actor counts read, instead of every event. Store.commit() adds one row per combination per batch, in the batch's
-- transaction (queries sum them); Store.rebuild_dyad_days() recomputes the table from the events.
CREATE TABLE IF NOT EXISTS dyad_days (
    source          VARCHAR,
    target          VARCHAR,
    day             DATE,
    modality        VARCHAR,
    quad_class      INTEGER,
    background      BOOLEAN,
    comment         BOOLEAN,              -- section 'comment' (readers' comments)
    "precision"     VARCHAR,              -- of the event's date: 'day', 'month' or 'year' ("in 2014")
    events          BIGINT,               -- events counted
    scored          BIGINT,               -- of which with a Goldstein score
    goldstein_sum   DECIMAL(18, 3)        -- exact, so sums do not depend on the order of adding; NULL if none
);

-- MinHash signatures of article bodies, so near-duplicate detection survives restarts.
CREATE TABLE IF NOT EXISTS signatures (
    article_id  VARCHAR,               -- (unique, as its article's: no key index, as for events)
    story_id    VARCHAR,
    minhash     BLOB
);

-- Every input seen by `whowhom ingest`: its raw-content hash, and either the article it gave or why it
-- was skipped. A restarted ingest skips inputs already here.
CREATE TABLE IF NOT EXISTS inputs (
    input_hash  VARCHAR PRIMARY KEY,
    name        VARCHAR,
    article_id  VARCHAR,
    skipped     VARCHAR
);

-- The sentences that produced events.
CREATE OR REPLACE VIEW sentences AS
SELECT DISTINCT article_id, section, sentence_index, sentence, "start", "end" FROM events;

-- The clustered_events view (one event per day, source, target, code and story, with GDELT's counts)
-- is created by store/db.py from its CLUSTERED query, which queries use too.

