-- The child's voice and the people around the child, and the other meetings an IRO chairs, on the looked-after
-- journey (ChildVoiceProjection, part of the 'looked-after' processor, which rebuilds them on reset). Facts only;
-- rows for events without an identifier of their own are keyed by the child and the event's sequence number in
-- the child's looked-after journey, so a replay rewrites them.

-- The child told about advocacy and how to complain; an advocate offered, referred, appointed or declined.
CREATE TABLE looked_after_advocacy (
    child_id  TEXT  NOT NULL,
    sequence  BIGINT       NOT NULL,
    period_id TEXT  NOT NULL,
    step      TEXT  NOT NULL,
    step_on   DATE         NOT NULL,
    iro_id    TEXT NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

-- The wishes and feelings of a parent, or another with parental responsibility, sought for a review (reg 36).
CREATE TABLE looked_after_parents_wishes (
    child_id  TEXT  NOT NULL,
    sequence  BIGINT       NOT NULL,
    period_id TEXT  NOT NULL,
    sought_on DATE         NOT NULL,
    whose     TEXT  NOT NULL,
    outcome   TEXT  NOT NULL,
    iro_id    TEXT NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

-- The child chairing or co-chairing a review: at most one row a review.
CREATE TABLE looked_after_child_chairing (
    review_id TEXT  PRIMARY KEY,
    child_id  TEXT  NOT NULL,
    chairing  TEXT  NOT NULL,
    iro_id    TEXT NOT NULL
);
CREATE INDEX looked_after_child_chairing_child ON looked_after_child_chairing (child_id);

-- Other meetings the IRO chaired (disruption, secure accommodation review, problem resolution, professionals').
CREATE TABLE looked_after_meeting (
    meeting_id     TEXT  PRIMARY KEY,
    child_id       TEXT  NOT NULL,
    period_id      TEXT  NOT NULL,
    meeting_type   TEXT  NOT NULL,
    meeting_title  TEXT         NOT NULL,
    held_on        DATE         NOT NULL,
    attendee_roles TEXT[]       NOT NULL,
    outcome        TEXT         NOT NULL,
    iro_id         TEXT NOT NULL
);
CREATE INDEX looked_after_meeting_child ON looked_after_meeting (child_id, held_on);
CREATE INDEX looked_after_advocacy_child ON looked_after_advocacy (child_id, step_on);
CREATE INDEX looked_after_parents_wishes_child ON looked_after_parents_wishes (child_id, sought_on);

-- The meeting types each local authority added beside the built-in ones (MeetingTypesProjection, part of the
-- 'policy' processor).
CREATE TABLE meeting_type (
    local_authority TEXT  NOT NULL,
    code            TEXT  NOT NULL,
    title           TEXT         NOT NULL,
    reason          TEXT         NOT NULL,
    sequence        BIGINT       NOT NULL,
    PRIMARY KEY (local_authority, code)
);
