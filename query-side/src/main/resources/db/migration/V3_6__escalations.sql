-- The escalations projection (EscalationsProjection): each escalation through a local authority's dispute
-- resolution process, the children it is about and every step taken. Owned by that projection alone; rebuilt
-- from the event store by resetting the 'escalations' processor.
--
-- escalation_step holds the facts, one row per event, keyed by the escalation and the event's sequence number,
-- so a replay rewrites the same rows. The "where it stands" columns of escalation (current level, awaiting a
-- response, status) are refolded from all of its steps after every event, so applying an event twice, or late,
-- leaves the same row. Deadlines, overdue responses, ages and time to resolution are working-day facts that
-- depend on today and the bank-holiday calendar: derived when read (EscalationClocks), never stored.
CREATE TABLE escalation (
    escalation_id       VARCHAR(80)  PRIMARY KEY,
    local_authority     VARCHAR(20)  NOT NULL,
    concern_category    VARCHAR(100) NOT NULL,
    asked               TEXT         NOT NULL,
    raised_formally     BOOLEAN      NOT NULL,
    raised_on           DATE         NOT NULL,
    raised_by           VARCHAR(100) NOT NULL,
    raised_by_name      VARCHAR(200) NOT NULL,
    -- the raising chair's team as the staff directory gave it when the event was applied (NULL: none recorded)
    team                VARCHAR(100),
    -- where it stands, folded from escalation_step
    -- the level it is at, or closed at; NULL while an informal alert
    level               VARCHAR(100),
    -- the day it reached that level (the day it was raised, for an informal alert)
    level_reached_on    DATE         NOT NULL,
    -- the day it became formal: raised formally, or first moved up; NULL while an informal alert
    formal_since        DATE,
    -- no response at the current level since it got there or since the last rejection
    awaiting_response   BOOLEAN      NOT NULL,
    levels_skipped      INTEGER      NOT NULL,
    -- OPEN, RESOLVED or WITHDRAWN
    status              VARCHAR(10)  NOT NULL,
    closed_on           DATE,
    in_childs_interest  BOOLEAN,
    cafcass_referred_on DATE
);
CREATE INDEX escalation_raised_on ON escalation (raised_on);

CREATE TABLE escalation_child (
    escalation_id VARCHAR(80) NOT NULL,
    child_id      VARCHAR(36) NOT NULL,
    -- the child's place in the sibling group as the chair listed it
    position      INTEGER     NOT NULL,
    PRIMARY KEY (escalation_id, child_id)
);
CREATE INDEX escalation_child_by_child ON escalation_child (child_id);

CREATE TABLE escalation_step (
    escalation_id      VARCHAR(80)  NOT NULL,
    sequence           BIGINT       NOT NULL,
    -- RAISED, MOVED_UP, RESPONSE_RECEIVED, RESPONSE_REJECTED, RESOLVED, WITHDRAWN, REFERRED_TO_CAFCASS
    kind               VARCHAR(30)  NOT NULL,
    happened_on        DATE         NOT NULL,
    -- a move's starting level (NULL when an informal alert became formal)
    from_level         VARCHAR(100),
    -- the level the step was taken at, or moved to
    level              VARCHAR(100),
    -- levels passed over by a move, lowest first, one a line
    skipped_levels     TEXT         NOT NULL,
    respondent         VARCHAR(200),
    -- what was asked, agreed, or the reason or outcome, as typed
    detail             TEXT,
    in_childs_interest BOOLEAN,
    PRIMARY KEY (escalation_id, sequence)
);
