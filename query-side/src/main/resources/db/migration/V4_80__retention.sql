-- How long each child's record is kept, kept by the retention projection (RetentionProjection) from the child's
-- case, protection and care streams, each authority's retention schedule and the legal holds. Rebuilt with it.

-- The facts a child's retention is worked out from, and what it works out to (RetentionRule).
CREATE TABLE retention_child (
    child_id            TEXT    PRIMARY KEY,
    local_authority     TEXT    NOT NULL,
    local_identifier    TEXT    NOT NULL,
    registered_on       DATE    NOT NULL,
    date_of_birth       DATE,
    expected_delivery   DATE,
    looked_after        BOOLEAN NOT NULL DEFAULT FALSE,
    -- the end of a period of care for the reason "died" (SSDA903 E2)
    died_on             DATE,
    -- the plans started and not ended, by plan id
    open_plans          TEXT[]  NOT NULL DEFAULT '{}',
    on_plan             BOOLEAN NOT NULL DEFAULT FALSE,
    record_type         TEXT    NOT NULL,
    statutory           BOOLEAN NOT NULL,
    rule                TEXT    NOT NULL,
    why                 TEXT    NOT NULL,
    -- the first day the record may be destroyed; NULL while it is kept whatever the date (an open plan)
    due_on              DATE
);
CREATE INDEX retention_child_due ON retention_child (local_authority, due_on, child_id) WHERE due_on IS NOT NULL;

-- The days a child's local retention is counted from, each under the decision it came with, so that a corrected
-- conference date moves it: the days of a child protection enquiry (its strategy discussion, the decision that no
-- conference was needed, a conference that made no plan) and the end of each plan.
CREATE TABLE retention_day (
    child_id TEXT NOT NULL,
    -- ENQUIRY or PLAN_END
    kind     TEXT NOT NULL,
    -- the conference the day is of, or else the enquiry's or plan's own key
    key      TEXT NOT NULL,
    day      DATE NOT NULL,
    PRIMARY KEY (child_id, kind, key)
);

-- The holds standing on each record; a row per reason, removed when that hold is lifted.
CREATE TABLE retention_hold (
    child_id        TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    note            TEXT        NOT NULL,
    placed_by       TEXT,
    placed_by_name  TEXT,
    placed_at       TIMESTAMPTZ,
    PRIMARY KEY (child_id, reason)
);

-- Each authority's local rows as they stand; an authority without a row keeps to the defaults.
CREATE TABLE retention_local (
    local_authority TEXT    NOT NULL,
    record_type     TEXT    NOT NULL,
    years           INTEGER NOT NULL,
    counted_from    TEXT    NOT NULL,
    PRIMARY KEY (local_authority, record_type)
);

-- Every change to a schedule, with who made it, when and why.
CREATE TABLE retention_schedule_change (
    local_authority TEXT        NOT NULL,
    sequence        BIGINT      NOT NULL,
    record_type     TEXT        NOT NULL,
    years           INTEGER     NOT NULL,
    counted_from    TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    changed_by      TEXT,
    changed_by_name TEXT,
    recorded_at     TIMESTAMPTZ,
    PRIMARY KEY (local_authority, sequence)
);
