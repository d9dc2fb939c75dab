-- The looked-after projection (LookedAfterProjection): each child's periods of care, the IRO's reviews and
-- monitoring, care plan actions and the permanence plan. Owned by that projection alone; rebuilt from the event
-- store by resetting the 'looked-after' processor. Facts only: what is current (legal status, placement,
-- permanence plan), overdue, or counted (IRO changes in a period) is derived when read, by LookedAfterQueries.
-- Rows for events without an identifier of their own are keyed by the child and the event's sequence number in
-- the child's looked-after journey (or, for chair allocations, in the child's case), so a replay rewrites them.

CREATE TABLE looked_after_period (
    period_id          VARCHAR(80) PRIMARY KEY,
    child_id           VARCHAR(36) NOT NULL,
    started_on         DATE        NOT NULL,
    -- SSDA903 LS and PLACE codes the period started with; later ones are in looked_after_period_change
    start_legal_status VARCHAR(2)  NOT NULL,
    start_placement    VARCHAR(2),
    ended_on           DATE,
    -- SSDA903 REC code
    end_reason         VARCHAR(3)
);
CREATE INDEX looked_after_period_child ON looked_after_period (child_id, started_on);

-- Changes of legal status or placement inside a period (new episodes that do not restart the review clock).
CREATE TABLE looked_after_period_change (
    child_id   VARCHAR(36) NOT NULL,
    sequence   BIGINT      NOT NULL,
    period_id  VARCHAR(80) NOT NULL,
    -- LEGAL_STATUS or PLACEMENT
    kind       VARCHAR(12) NOT NULL,
    changed_on DATE        NOT NULL,
    from_code  VARCHAR(2),
    to_code    VARCHAR(2)  NOT NULL,
    PRIMARY KEY (child_id, sequence)
);
CREATE INDEX looked_after_period_change_period ON looked_after_period_change (period_id, kind, changed_on);

-- Reviews as they stand: a correction of the date or the participation code updates the row, and the
-- correction itself is kept in looked_after_correction.
CREATE TABLE looked_after_review (
    review_id                 VARCHAR(80)  PRIMARY KEY,
    child_id                  VARCHAR(36)  NOT NULL,
    period_id                 VARCHAR(80)  NOT NULL,
    held_on                   DATE         NOT NULL,
    participation             VARCHAR(3)   NOT NULL,
    spoke_to_child_beforehand BOOLEAN      NOT NULL,
    iro_id                    VARCHAR(100) NOT NULL,
    iro_name                  VARCHAR(200) NOT NULL,
    distributed_on            DATE,
    child_friendly_version    BOOLEAN
);
CREATE INDEX looked_after_review_child ON looked_after_review (child_id, held_on);
CREATE INDEX looked_after_review_period ON looked_after_review (period_id, held_on);

-- A review's decisions and recommendations, one row a line, in the order the IRO recorded them.
CREATE TABLE looked_after_review_line (
    review_id VARCHAR(80)   NOT NULL,
    -- DECISION or RECOMMENDATION
    kind      VARCHAR(14)   NOT NULL,
    position  INTEGER       NOT NULL,
    text      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (review_id, kind, position)
);

CREATE TABLE looked_after_consultation (
    child_id     VARCHAR(36)  NOT NULL,
    sequence     BIGINT       NOT NULL,
    period_id    VARCHAR(80)  NOT NULL,
    consulted_on DATE         NOT NULL,
    method       VARCHAR(20)  NOT NULL,
    seen_alone   BOOLEAN      NOT NULL,
    iro_id       VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, sequence)
);
CREATE INDEX looked_after_consultation_period ON looked_after_consultation (period_id, consulted_on);

CREATE TABLE looked_after_iro_visit (
    child_id     VARCHAR(36)  NOT NULL,
    sequence     BIGINT       NOT NULL,
    period_id    VARCHAR(80)  NOT NULL,
    visited_on   DATE         NOT NULL,
    face_to_face BOOLEAN      NOT NULL,
    iro_id       VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

CREATE TABLE looked_after_midway_check (
    child_id   VARCHAR(36)  NOT NULL,
    sequence   BIGINT       NOT NULL,
    period_id  VARCHAR(80)  NOT NULL,
    checked_on DATE         NOT NULL,
    finding    VARCHAR(20)  NOT NULL,
    iro_id     VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

CREATE TABLE looked_after_early_review_request (
    child_id     VARCHAR(36)  NOT NULL,
    sequence     BIGINT       NOT NULL,
    period_id    VARCHAR(80)  NOT NULL,
    requested_on DATE         NOT NULL,
    reason       VARCHAR(30)  NOT NULL,
    iro_id       VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

-- Care plan actions as they stand: a change rewrites the wording, owner and due date (the change itself is kept
-- in looked_after_action_change); completion and cancellation set the status. Overdue is never stored.
CREATE TABLE looked_after_action (
    action_id     VARCHAR(80)   PRIMARY KEY,
    child_id      VARCHAR(36)   NOT NULL,
    review_id     VARCHAR(80)   NOT NULL,
    action        VARCHAR(1000) NOT NULL,
    owner         VARCHAR(200)  NOT NULL,
    due_on        DATE          NOT NULL,
    agreed_on     DATE          NOT NULL,
    -- OPEN, COMPLETED or CANCELLED
    status        VARCHAR(9)    NOT NULL,
    closed_on     DATE,
    cancel_reason VARCHAR(1000)
);
CREATE INDEX looked_after_action_child ON looked_after_action (child_id, status, due_on);

CREATE TABLE looked_after_action_change (
    child_id   VARCHAR(36)   NOT NULL,
    sequence   BIGINT        NOT NULL,
    action_id  VARCHAR(80)   NOT NULL,
    action     VARCHAR(1000) NOT NULL,
    owner      VARCHAR(200)  NOT NULL,
    due_on     DATE          NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    changed_on DATE          NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

CREATE TABLE looked_after_permanence_plan (
    child_id    VARCHAR(36) NOT NULL,
    sequence    BIGINT      NOT NULL,
    period_id   VARCHAR(80) NOT NULL,
    recorded_on DATE        NOT NULL,
    plan        VARCHAR(40) NOT NULL,
    previous    VARCHAR(40),
    PRIMARY KEY (child_id, sequence)
);

CREATE TABLE looked_after_correction (
    child_id     VARCHAR(36)   NOT NULL,
    sequence     BIGINT        NOT NULL,
    review_id    VARCHAR(80)   NOT NULL,
    -- REVIEW_DATE or PARTICIPATION
    what         VARCHAR(13)   NOT NULL,
    recorded_as  VARCHAR(10)   NOT NULL,
    corrected_to VARCHAR(10)   NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

-- Changes of IRO, from the child case's ChairAllocated events (role IRO, replacing someone). Keyed by the
-- child case's sequence number; counted per period of care when read.
CREATE TABLE looked_after_iro_change (
    child_id          VARCHAR(36)  NOT NULL,
    sequence          BIGINT       NOT NULL,
    allocated_from    DATE         NOT NULL,
    chair_id          VARCHAR(100) NOT NULL,
    previous_chair_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, sequence)
);
