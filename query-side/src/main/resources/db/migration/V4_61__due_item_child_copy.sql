-- The due items' own copy of what their overdue lists and urgency bands filter and show about each child and who
-- chairs for them, kept by DueItemChildCopy from the child's case events in the same processor ('caseload') as
-- the child projection, so that those range queries over due_item read only the clocks package's tables.
CREATE TABLE due_item_child_copy (
    child_id        TEXT   PRIMARY KEY,
    local_authority TEXT   NOT NULL,
    given_name      TEXT   NOT NULL,
    family_name     TEXT   NOT NULL,
    -- usernames of everyone who may see a restricted record; NULL while the record is not restricted
    restricted_to   TEXT[],
    -- the last event of the child's case applied to the row: makes replays idempotent
    last_sequence   BIGINT NOT NULL
);
CREATE INDEX due_item_child_copy_by_authority ON due_item_child_copy (local_authority);

CREATE TABLE due_item_allocation_copy (
    child_id         TEXT   NOT NULL,
    role             TEXT   NOT NULL,
    chair_id         TEXT   NOT NULL,
    chair_name       TEXT   NOT NULL,
    applied_sequence BIGINT NOT NULL,
    PRIMARY KEY (child_id, role)
);
CREATE INDEX due_item_allocation_copy_by_chair ON due_item_allocation_copy (chair_id, role);

-- Filled once here from the child projection's tables, as they stand when the service is upgraded: the processor
-- that keeps the copy has already applied every event before this point, and would never see them again, so
-- without this an upgraded deployment would list nothing overdue until the projection was rebuilt.
INSERT INTO due_item_child_copy (child_id, local_authority, given_name, family_name, restricted_to, last_sequence)
SELECT c.child_id, c.local_authority, c.given_name, c.family_name, r.named_people, c.last_sequence
  FROM caseload_child c LEFT JOIN child_restriction r ON r.child_id = c.child_id;

INSERT INTO due_item_allocation_copy (child_id, role, chair_id, chair_name, applied_sequence)
SELECT child_id, role, chair_id, chair_name, applied_sequence FROM caseload_allocation;
