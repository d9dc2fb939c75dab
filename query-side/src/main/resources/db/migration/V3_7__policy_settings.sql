-- Each local authority's timescales, one row a version (PolicyProjection, processor 'policy'). A version applies
-- to clocks starting on or after effective_from until the next version's date; the latest version recorded for
-- a date wins when two share it.
CREATE TABLE policy_version (
    local_authority              VARCHAR(20)   NOT NULL,
    sequence                     BIGINT        NOT NULL,
    effective_from               DATE          NOT NULL,
    iro_allocation_working_days  INTEGER       NOT NULL,
    pre_birth_conference_by_week INTEGER       NOT NULL,
    decisions_working_days       INTEGER       NOT NULL,
    record_working_days          INTEGER       NOT NULL,
    midway_check_percent         INTEGER       NOT NULL,
    -- level code to working days, as JSON text: {"TEAM_MANAGER": 5, ...}
    escalation_responses         VARCHAR(2000) NOT NULL,
    reason                       VARCHAR(2000) NOT NULL,
    changed_by                   VARCHAR(100),
    changed_by_name              VARCHAR(200),
    recorded_at                  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (local_authority, sequence)
);
