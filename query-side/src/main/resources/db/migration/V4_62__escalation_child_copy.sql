-- The escalations' own copy of each child's name and of whom the child's record is restricted to, kept by
-- EscalationChildCopy from the child's case events in the escalations' own processor ('escalations'), so that
-- the escalation lists name the children and leave out restricted records from the escalations package's tables.
CREATE TABLE escalation_child_copy (
    child_id      TEXT   PRIMARY KEY,
    given_name    TEXT   NOT NULL,
    family_name   TEXT   NOT NULL,
    -- usernames of everyone who may see a restricted record; NULL while the record is not restricted
    restricted_to TEXT[],
    -- the last event of the child's case applied to the row: makes replays idempotent
    last_sequence BIGINT NOT NULL
);

-- Filled once here from the child projection's tables, as they stand when the service is upgraded: the processor
-- that keeps the copy has already passed every child's registration, and would never see it again, so without
-- this an upgraded deployment would list escalations without their children's names, and would show an
-- escalation about a restricted record to readers not named on it, until the projection was rebuilt.
INSERT INTO escalation_child_copy (child_id, given_name, family_name, restricted_to, last_sequence)
SELECT c.child_id, c.given_name, c.family_name, r.named_people, c.last_sequence
  FROM caseload_child c LEFT JOIN child_restriction r ON r.child_id = c.child_id;
