-- A child protection conference's papers: which went when, and the reference and digest of the chair's narrative
-- (the words themselves are in the narrative store, never here). A sibling group's conference has one id for all
-- its children, so rows are keyed by child and conference.
CREATE TABLE conference_paper_sent (
    child_id      TEXT NOT NULL,
    conference_id TEXT NOT NULL,
    paper         TEXT NOT NULL,
    sent_on       DATE NOT NULL,
    PRIMARY KEY (child_id, conference_id, paper)
);

CREATE TABLE conference_minutes (
    child_id          TEXT    NOT NULL,
    conference_id     TEXT    NOT NULL,
    narrative_id      TEXT    NOT NULL,
    narrative_sha256  TEXT    NOT NULL,
    passages          INTEGER NOT NULL,
    withheld_passages INTEGER NOT NULL,
    chair_id          TEXT    NOT NULL,
    PRIMARY KEY (child_id, conference_id)
);

-- Each authority's timescales for the papers, version by version (none: the defaults, 1 and 15 working days).
CREATE TABLE conference_paperwork_timescale (
    local_authority        TEXT    NOT NULL,
    effective_from         DATE    NOT NULL,
    decisions_working_days INTEGER NOT NULL,
    minutes_working_days   INTEGER NOT NULL,
    PRIMARY KEY (local_authority, effective_from)
);
