-- The read log's own copy of each child's authority and of whom the child's record is restricted to, kept by
-- HistoryReadChildCopy from the child's case events in the same processor ('caseload') as the child projection,
-- so that listing the reads of a reader's children reads only the audit package's tables.
CREATE TABLE history_read_child_copy (
    child_id        TEXT   PRIMARY KEY,
    local_authority TEXT   NOT NULL,
    -- usernames of everyone who may see a restricted record; NULL while the record is not restricted
    restricted_to   TEXT[],
    -- the last event of the child's case applied to the row: makes replays idempotent
    last_sequence   BIGINT NOT NULL
);

-- Filled once here from the child projection's tables, as they stand when the service is upgraded: the processor
-- that keeps the copy has already applied every event before this point, and would never see them again, so
-- without this an upgraded deployment's read log would list no read until the projection was rebuilt.
INSERT INTO history_read_child_copy (child_id, local_authority, restricted_to, last_sequence)
SELECT c.child_id, c.local_authority, r.named_people, c.last_sequence
  FROM caseload_child c LEFT JOIN child_restriction r ON r.child_id = c.child_id;
