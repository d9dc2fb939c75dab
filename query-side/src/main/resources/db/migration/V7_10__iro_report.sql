-- The IRO report's own read model (package report, processor 'report'): one row per fact a figure counts,
-- written from the events when they are applied, so that a report is a few indexed reads and never a replay.
-- Each fact keeps the authority the child belonged to on the day it was recorded (a child who moves is counted
-- where each review or conference was held) and the moment it was recorded, so that "as recorded at" a past
-- moment is a filter on recorded_at.
CREATE TABLE report_child (
    child_id        TEXT PRIMARY KEY,
    local_authority TEXT NOT NULL,
    given_name      TEXT NOT NULL,
    family_name     TEXT NOT NULL,
    born_on         DATE,
    -- usernames of everyone who may see a restricted record; NULL while the record is not restricted
    restricted_to   TEXT[],
    -- the IRO allocated now, for facts that name no chair of their own (care plan actions)
    iro_id          TEXT
);

CREATE TABLE report_fact (
    fact_id         TEXT        PRIMARY KEY,
    -- LAC_PERIOD, LEGAL_STATUS, LAC_REVIEW, CONSULTATION, MIDWAY_CHECK, CARE_PLAN_ACTION, IRO_CHANGE,
    -- ENQUIRY, ICPC, CP_REVIEW, CP_PLAN
    kind            TEXT        NOT NULL,
    child_id        TEXT        NOT NULL,
    local_authority TEXT        NOT NULL,
    chair_id        TEXT,
    team            TEXT,
    -- the period of care, plan or enquiry the fact belongs to
    group_id        TEXT,
    happened_on     DATE        NOT NULL,
    -- when it was due by its clock (reviews, conferences, actions)
    due_on          DATE,
    -- the day a period, plan or action ended, was completed or cancelled, and when that was recorded
    closed_on       DATE,
    closed_recorded_at TIMESTAMPTZ,
    -- participation code, private conversation, conference outcome, initial category, legal status, action outcome
    code            TEXT,
    -- the latest category of a plan, the type of an initial conference
    latest_code     TEXT,
    -- quorate (conferences), counts towards the clock (consultations)
    flag            BOOLEAN,
    -- the review's place in its period, or the plans the child had before this one
    ordinal         INTEGER,
    -- the previous review, the strategy discussion, or the end of the child's previous plan
    previous_on     DATE,
    recorded_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX report_fact_by_authority ON report_fact (local_authority, kind, happened_on);
CREATE INDEX report_fact_by_child ON report_fact (child_id, kind);
CREATE INDEX report_fact_by_group ON report_fact (group_id);

-- A correction keeps what was recorded before, so a report run as recorded at an earlier moment shows the
-- figure as it then stood, and one run as recorded now lists the corrections made since the period closed.
CREATE TABLE report_correction (
    fact_id     TEXT        NOT NULL,
    child_id    TEXT        NOT NULL,
    what        TEXT        NOT NULL,
    recorded_as TEXT,
    corrected_to TEXT,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (fact_id, what, recorded_at)
);

CREATE INDEX report_correction_by_child ON report_correction (child_id);
