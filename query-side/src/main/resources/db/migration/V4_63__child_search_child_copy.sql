-- The search's own copy of what a search filters on and lists about each child, kept by ChildSearchChildCopy from
-- the child's case events in the search's own processor ('search'), so that a search reads only the search
-- package's tables (the chairs it lists are asked of the child package for the children found, in one query).
CREATE TABLE child_search_child_copy (
    child_id                  TEXT   PRIMARY KEY,
    local_authority           TEXT   NOT NULL,
    local_identifier          TEXT   NOT NULL,
    given_name                TEXT   NOT NULL,
    family_name               TEXT   NOT NULL,
    date_of_birth             DATE,
    expected_date_of_delivery DATE,
    -- the last event of the child's case applied to the row: makes replays idempotent
    last_sequence             BIGINT NOT NULL
);
CREATE INDEX child_search_child_copy_by_authority ON child_search_child_copy (local_authority);

-- Filled once here from the child projection's tables, as they stand when the service is upgraded: the processor
-- that keeps the copy has already passed every child's registration, and would never see it again, so without
-- this an upgraded deployment would find no child until the search was rebuilt.
INSERT INTO child_search_child_copy (child_id, local_authority, local_identifier, given_name, family_name,
                                     date_of_birth, expected_date_of_delivery, last_sequence)
SELECT child_id, local_authority, local_identifier, given_name, family_name, date_of_birth,
       expected_date_of_delivery, last_sequence
  FROM caseload_child;
