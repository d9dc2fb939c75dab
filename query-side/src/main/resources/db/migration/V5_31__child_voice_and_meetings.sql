-- The child's voice and the people around the child, and the other meetings an IRO chairs, on the looked-after
-- journey (ChildVoiceProjection, part of the 'looked-after' processor, which rebuilds them on reset). Facts only;
-- rows for events without an identifier of their own are keyed by the child and the event's sequence number in
-- the child's looked-after journey, so a replay rewrites them.

-- The child told about advocacy and how to complain; an advocate offered, referred, appointed or declined.
CREATE TABLE looked_after_advocacy (
    child_id  VARCHAR(36)  NOT NULL,
    sequence  BIGINT       NOT NULL,
    period_id VARCHAR(80)  NOT NULL,
    step      VARCHAR(40)  NOT NULL,
    step_on   DATE         NOT NULL,
    iro_id    VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

-- The wishes and feelings of a parent, or another with parental responsibility, sought for a review (reg 36).
CREATE TABLE looked_after_parents_wishes (
    child_id  VARCHAR(36)  NOT NULL,
    sequence  BIGINT       NOT NULL,
    period_id VARCHAR(80)  NOT NULL,
    sought_on DATE         NOT NULL,
    whose     VARCHAR(40)  NOT NULL,
    outcome   VARCHAR(40)  NOT NULL,
    iro_id    VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

-- The child chairing or co-chairing a review: at most one row a review.
CREATE TABLE looked_after_child_chairing (
    review_id VARCHAR(80)  PRIMARY KEY,
    child_id  VARCHAR(36)  NOT NULL,
    chairing  VARCHAR(20)  NOT NULL,
    iro_id    VARCHAR(100) NOT NULL
);
CREATE INDEX looked_after_child_chairing_child ON looked_after_child_chairing (child_id);

-- Other meetings the IRO chaired (disruption, secure accommodation review, problem resolution, professionals').
CREATE TABLE looked_after_meeting (
    meeting_id     VARCHAR(80)  PRIMARY KEY,
    child_id       VARCHAR(36)  NOT NULL,
    period_id      VARCHAR(80)  NOT NULL,
    meeting_type   VARCHAR(64)  NOT NULL,
    meeting_title  TEXT         NOT NULL,
    held_on        DATE         NOT NULL,
    attendee_roles TEXT[]       NOT NULL,
    outcome        TEXT         NOT NULL,
    iro_id         VARCHAR(100) NOT NULL
);
CREATE INDEX looked_after_meeting_child ON looked_after_meeting (child_id, held_on);
CREATE INDEX looked_after_advocacy_child ON looked_after_advocacy (child_id, step_on);
CREATE INDEX looked_after_parents_wishes_child ON looked_after_parents_wishes (child_id, sought_on);

-- The meeting types each local authority added beside the built-in ones (MeetingTypesProjection, part of the
-- 'policy' processor).
CREATE TABLE meeting_type (
    local_authority VARCHAR(40)  NOT NULL,
    code            VARCHAR(64)  NOT NULL,
    title           TEXT         NOT NULL,
    reason          TEXT         NOT NULL,
    sequence        BIGINT       NOT NULL,
    PRIMARY KEY (local_authority, code)
);
