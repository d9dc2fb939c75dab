-- The looked-after child's social worker and their statutory visits (reg 28 of SI 2010/959), kept by the social
-- work projection. Facts only: when visits are due, and unallocated time, are worked out when read.

-- Each allocation (worker set) and each end of one (worker null) in the order they took effect.
CREATE TABLE social_work_allocation (
    child_id     TEXT NOT NULL,
    sequence     BIGINT      NOT NULL,
    period_id    TEXT NOT NULL,
    effective_on DATE        NOT NULL,
    worker       TEXT,
    team         TEXT,
    PRIMARY KEY (child_id, sequence)
);

CREATE TABLE social_work_visit (
    child_id   TEXT NOT NULL,
    sequence   BIGINT      NOT NULL,
    period_id  TEXT NOT NULL,
    visited_on DATE        NOT NULL,
    seen_alone BOOLEAN     NOT NULL,
    place      TEXT NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

-- Whether a placement is intended to last until the child is 18 (reg 28(2)(c)), as decided on a day.
CREATE TABLE social_work_placement_intention (
    child_id             TEXT NOT NULL,
    sequence             BIGINT      NOT NULL,
    period_id            TEXT NOT NULL,
    placement_started_on DATE        NOT NULL,
    decided_on           DATE        NOT NULL,
    until_eighteen       BOOLEAN     NOT NULL,
    PRIMARY KEY (child_id, sequence)
);
