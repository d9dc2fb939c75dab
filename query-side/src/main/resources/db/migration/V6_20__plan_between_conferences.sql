-- A child protection plan between its conferences: what each conference agreed, the plan's SMART actions, the core
-- group's meetings and the chair's midway checks; and the strategy meetings a chair chairs. Free text is held
-- unbounded, like every other projection's.

CREATE TABLE protection_plan_agreement (
    plan_id          VARCHAR(80) NOT NULL,
    conference_id    VARCHAR(80) NOT NULL,
    child_id         VARCHAR(36) NOT NULL,
    agreed_on        DATE        NOT NULL,
    outcomes         TEXT[]      NOT NULL,
    contingency_plan TEXT        NOT NULL,
    sequence         BIGINT      NOT NULL,
    PRIMARY KEY (plan_id, conference_id)
);
CREATE INDEX protection_plan_agreement_child ON protection_plan_agreement (child_id);

CREATE TABLE protection_plan_action (
    action_id     VARCHAR(80) PRIMARY KEY,
    child_id      VARCHAR(36) NOT NULL,
    plan_id       VARCHAR(80) NOT NULL,
    conference_id VARCHAR(80) NOT NULL,
    action        TEXT        NOT NULL,
    owner         TEXT        NOT NULL,
    due_on        DATE        NOT NULL,
    agreed_on     DATE        NOT NULL,
    -- OPEN, COMPLETED or CANCELLED
    state         VARCHAR(20) NOT NULL,
    completed_on  DATE,
    cancelled_on  DATE,
    changes       INTEGER     NOT NULL DEFAULT 0,
    last_reason   TEXT,
    sequence      BIGINT      NOT NULL
);
CREATE INDEX protection_plan_action_child ON protection_plan_action (child_id);

CREATE TABLE protection_core_group (
    meeting_id         VARCHAR(80) PRIMARY KEY,
    child_id           VARCHAR(36) NOT NULL,
    plan_id            VARCHAR(80) NOT NULL,
    held_on            DATE        NOT NULL,
    -- one agency a line
    attending_agencies TEXT        NOT NULL,
    -- one "action id=PROGRESS" a line
    action_progress    TEXT        NOT NULL,
    progress_note      TEXT,
    sequence           BIGINT      NOT NULL
);
CREATE INDEX protection_core_group_child ON protection_core_group (child_id, held_on);

CREATE TABLE protection_midway_check (
    child_id        VARCHAR(36) NOT NULL,
    sequence        BIGINT      NOT NULL,
    plan_id         VARCHAR(80) NOT NULL,
    checked_on      DATE        NOT NULL,
    finding         VARCHAR(40) NOT NULL,
    alert_raised_to TEXT,
    PRIMARY KEY (child_id, sequence)
);

CREATE TABLE protection_strategy_meeting (
    meeting_id         VARCHAR(80) PRIMARY KEY,
    child_id           VARCHAR(36) NOT NULL,
    held_on            DATE        NOT NULL,
    attending_agencies TEXT        NOT NULL,
    decision           VARCHAR(40) NOT NULL,
    enquiry_id         VARCHAR(80),
    sequence           BIGINT      NOT NULL
);
CREATE INDEX protection_strategy_meeting_child ON protection_strategy_meeting (child_id);
