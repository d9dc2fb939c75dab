-- The caseload projection: who each child is and who chairs for them. Owned by CaseloadProjection alone;
-- rebuilt from the event store by resetting the 'caseload' processor.
CREATE TABLE caseload_child (
    child_id                  VARCHAR(36)  PRIMARY KEY,
    local_authority           VARCHAR(20)  NOT NULL,
    local_identifier          VARCHAR(20)  NOT NULL,
    given_name                VARCHAR(100) NOT NULL,
    family_name               VARCHAR(100) NOT NULL,
    date_of_birth             DATE,
    expected_date_of_delivery DATE,
    registered_on             DATE         NOT NULL,
    -- the highest aggregate sequence number applied for this child: makes replays idempotent and lets
    -- a reader wait for its own write
    last_sequence             BIGINT       NOT NULL
);

CREATE TABLE caseload_allocation (
    child_id         VARCHAR(36)  NOT NULL REFERENCES caseload_child (child_id) ON DELETE CASCADE,
    role             VARCHAR(10)  NOT NULL,
    chair_id         VARCHAR(100) NOT NULL,
    chair_name       VARCHAR(200) NOT NULL,
    allocated_from   DATE         NOT NULL,
    chair_changes    INTEGER      NOT NULL,
    applied_sequence BIGINT       NOT NULL,
    PRIMARY KEY (child_id, role)
);
CREATE INDEX caseload_allocation_by_chair ON caseload_allocation (chair_id, role);
