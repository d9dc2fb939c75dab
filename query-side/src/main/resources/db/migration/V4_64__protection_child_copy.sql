-- Child protection's own copy of what it filters on about other children (the authority, the names, whom a record
-- is restricted to, who chairs for each child), kept by ProtectionChildCopy from the child's case events in the
-- protection's own processor ('protection'), so that finding the brothers and sisters a conference may take in
-- reads only the protection package's tables.
CREATE TABLE protection_child_copy (
    child_id        TEXT   PRIMARY KEY,
    local_authority TEXT   NOT NULL,
    given_name      TEXT   NOT NULL,
    family_name     TEXT   NOT NULL,
    -- usernames of everyone who may see a restricted record; NULL while the record is not restricted
    restricted_to   TEXT[],
    -- the last event of the child's case applied to the row: makes replays idempotent
    last_sequence   BIGINT NOT NULL
);
CREATE INDEX protection_child_copy_by_family ON protection_child_copy (local_authority, lower(family_name));

CREATE TABLE protection_allocation_copy (
    child_id         TEXT   NOT NULL,
    role             TEXT   NOT NULL,
    chair_id         TEXT   NOT NULL,
    applied_sequence BIGINT NOT NULL,
    PRIMARY KEY (child_id, role)
);
CREATE INDEX protection_allocation_copy_by_chair ON protection_allocation_copy (chair_id);

-- Filled once here from the child projection's tables, as they stand when the service is upgraded: the processor
-- that keeps the copy has already passed every child's registration and allocations, and would never see them
-- again, so without this an upgraded deployment would offer no brother or sister until the projection was rebuilt.
INSERT INTO protection_child_copy (child_id, local_authority, given_name, family_name, restricted_to, last_sequence)
SELECT c.child_id, c.local_authority, c.given_name, c.family_name, r.named_people, c.last_sequence
  FROM caseload_child c LEFT JOIN child_restriction r ON r.child_id = c.child_id;

INSERT INTO protection_allocation_copy (child_id, role, chair_id, applied_sequence)
SELECT child_id, role, chair_id, applied_sequence FROM caseload_allocation;
