-- The facts the SSDA903 return is made from, kept by the return's own projection (query.returns.ssda903): the
-- child as the return names them, every change inside a period of care in the order it was recorded, and the
-- reviews. Episodes, their reasons and what falls in a collection year are worked out when a return is made.
CREATE TABLE ssda903_child (
    child_id         TEXT PRIMARY KEY,
    local_authority  TEXT NOT NULL,
    local_identifier TEXT NOT NULL,
    date_of_birth    DATE
);

CREATE INDEX ssda903_child_authority ON ssda903_child (local_authority, local_identifier);

-- kind: STARTED (legal_status, placement), LEGAL_STATUS (legal_status), PLACEMENT (placement, carer_changed),
-- ENDED (reason_ended); sequence is the event's place in the child's looked-after stream.
CREATE TABLE ssda903_change (
    child_id      TEXT   NOT NULL,
    sequence      BIGINT NOT NULL,
    period_id     TEXT   NOT NULL,
    kind          TEXT   NOT NULL,
    on_date       DATE   NOT NULL,
    legal_status  TEXT,
    placement     TEXT,
    carer_changed BOOLEAN,
    reason_ended  TEXT,
    PRIMARY KEY (child_id, sequence)
);

CREATE TABLE ssda903_review (
    review_id     TEXT PRIMARY KEY,
    child_id      TEXT NOT NULL,
    period_id     TEXT NOT NULL,
    held_on       DATE NOT NULL,
    participation TEXT NOT NULL
);

CREATE INDEX ssda903_review_child ON ssda903_review (child_id);
