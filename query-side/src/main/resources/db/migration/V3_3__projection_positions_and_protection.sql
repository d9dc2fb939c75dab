-- How far the projections have got with each aggregate: the highest sequence number applied. A page asked
-- to show a decision just recorded waits (briefly) until the position reaches it. Written only through
-- ProjectionPositions, by the projection that handles that aggregate's events.
CREATE TABLE projection_position (
    aggregate_id  VARCHAR(80) PRIMARY KEY,
    last_sequence BIGINT      NOT NULL
);

-- The child protection projection (ProtectionProjection): enquiries, conferences and plans per child.
CREATE TABLE protection_enquiry (
    enquiry_id               VARCHAR(80) PRIMARY KEY,
    child_id                 VARCHAR(36) NOT NULL,
    strategy_discussion_on   DATE        NOT NULL,
    initial_conference_id    VARCHAR(80),
    not_required_on          DATE,
    not_required_reason      VARCHAR(500)
);
CREATE INDEX protection_enquiry_child ON protection_enquiry (child_id);

CREATE TABLE protection_conference (
    conference_id      VARCHAR(80)  NOT NULL,
    child_id           VARCHAR(36)  NOT NULL,
    type               VARCHAR(20)  NOT NULL,
    held_on            DATE         NOT NULL,
    enquiry_id         VARCHAR(80),
    plan_id            VARCHAR(80),
    quorate            BOOLEAN      NOT NULL,
    -- initial conferences: PLAN or NO_PLAN; reviews: CONTINUE or END
    decision           VARCHAR(20)  NOT NULL,
    category           VARCHAR(3),
    attending_agencies TEXT         NOT NULL,
    child_attended     BOOLEAN      NOT NULL,
    views_conveyed     VARCHAR(40)  NOT NULL,
    chair_id           VARCHAR(100) NOT NULL,
    chair_name         VARCHAR(200) NOT NULL,
    sibling_group      TEXT         NOT NULL,
    PRIMARY KEY (conference_id, child_id)
);
CREATE INDEX protection_conference_child ON protection_conference (child_id, held_on);

CREATE TABLE protection_plan (
    plan_id             VARCHAR(80) PRIMARY KEY,
    child_id            VARCHAR(36) NOT NULL,
    start_date          DATE        NOT NULL,
    start_conference_id VARCHAR(80) NOT NULL,
    initial_category    VARCHAR(3)  NOT NULL,
    previous_plans      INTEGER     NOT NULL,
    end_date            DATE,
    end_reason          VARCHAR(40)
);
CREATE INDEX protection_plan_child ON protection_plan (child_id, start_date);

CREATE TABLE protection_correction (
    child_id     VARCHAR(36)  NOT NULL,
    corrected    VARCHAR(80)  NOT NULL,
    what         VARCHAR(40)  NOT NULL,
    recorded_as  VARCHAR(40)  NOT NULL,
    corrected_to VARCHAR(40)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    sequence     BIGINT       NOT NULL,
    PRIMARY KEY (child_id, sequence)
);
