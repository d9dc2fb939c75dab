-- The caseload's own copy of what it shows and filters on about each child and who chairs for them, kept by
-- CaseloadChildCopy from the child's case events in the same processor ('caseload') as the child projection, so
-- that a caseload reads only its own package's tables and is still one indexed query over a chair's allocations.
CREATE TABLE caseload_child_copy (
    child_id                  TEXT   PRIMARY KEY,
    local_authority           TEXT   NOT NULL,
    given_name                TEXT   NOT NULL,
    family_name               TEXT   NOT NULL,
    date_of_birth             DATE,
    expected_date_of_delivery DATE,
    -- usernames of everyone who may see a restricted record; NULL while the record is not restricted
    restricted_to             TEXT[],
    -- the last event of the child's case applied to the row: makes replays idempotent
    last_sequence             BIGINT NOT NULL
);
CREATE INDEX caseload_child_copy_by_authority ON caseload_child_copy (local_authority);

CREATE TABLE caseload_allocation_copy (
    child_id         TEXT   NOT NULL,
    role             TEXT   NOT NULL,
    chair_id         TEXT   NOT NULL,
    chair_name       TEXT   NOT NULL,
    allocated_from   DATE   NOT NULL,
    applied_sequence BIGINT NOT NULL,
    PRIMARY KEY (child_id, role)
);
CREATE INDEX caseload_allocation_copy_by_chair ON caseload_allocation_copy (chair_id, role);

-- Filled once here from the child projection's tables, as they stand when the service is upgraded: the processor
-- that keeps the copy has already applied every event before this point, and would never see them again, so
-- without this an upgraded deployment would show empty caseloads until the projection was rebuilt.
INSERT INTO caseload_child_copy (child_id, local_authority, given_name, family_name, date_of_birth,
                                 expected_date_of_delivery, restricted_to, last_sequence)
SELECT c.child_id, c.local_authority, c.given_name, c.family_name, c.date_of_birth, c.expected_date_of_delivery,
       r.named_people, c.last_sequence
  FROM caseload_child c LEFT JOIN child_restriction r ON r.child_id = c.child_id;

INSERT INTO caseload_allocation_copy (child_id, role, chair_id, chair_name, allocated_from, applied_sequence)
SELECT child_id, role, chair_id, chair_name, allocated_from, applied_sequence FROM caseload_allocation;
