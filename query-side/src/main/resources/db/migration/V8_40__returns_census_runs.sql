-- National CIN census runs made in the background (NationalCensusRuns): whose run it is, the authorities it
-- covers (all of them must still be the reader's for the run to be found), how far it has come and, once finished,
-- its archive. Kept here rather than in a node's memory so that whichever query node a poll or a download reaches
-- answers it. Not a projection: no event writes it, a rebuild leaves it alone, and finished runs are deleted after
-- a while (the archive names children). The times are the database's, so that nodes whose clocks differ judge a
-- stale heartbeat alike.
CREATE TABLE returns_census_run (
    run_id           TEXT        PRIMARY KEY,
    username         TEXT        NOT NULL,
    authorities      TEXT[]      NOT NULL,
    collection_year  INTEGER     NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('WAITING', 'RUNNING', 'DONE', 'FAILED')),
    failure          TEXT        CHECK (failure IN ('FAULT', 'STOPPED', 'TOO_LARGE')),
    started_at       TIMESTAMPTZ NOT NULL,
    heartbeat_at     TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    authorities_done INTEGER     NOT NULL DEFAULT 0,
    children         BIGINT      NOT NULL DEFAULT 0,
    archive_chunks   INTEGER,
    archive_bytes    BIGINT,
    CHECK ((state = 'FAILED') = (failure IS NOT NULL)),
    CHECK ((state IN ('DONE', 'FAILED')) = (finished_at IS NOT NULL)),
    CHECK ((state = 'DONE') = (archive_chunks IS NOT NULL))
);
-- One run under way per set of authorities (kept sorted), whichever node started it.
CREATE UNIQUE INDEX returns_census_run_one_under_way ON returns_census_run (authorities)
    WHERE state IN ('WAITING', 'RUNNING');
CREATE INDEX returns_census_run_finished ON returns_census_run (finished_at) WHERE finished_at IS NOT NULL;

-- A run's archive in the order written, a chunk at a time, so that neither writing nor reading holds it whole.
CREATE TABLE returns_census_run_chunk (
    run_id TEXT    NOT NULL REFERENCES returns_census_run (run_id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    bytes  BYTEA   NOT NULL,
    PRIMARY KEY (run_id, seq)
);
