-- Restricted records, kept by the caseload projection (CaseloadProjection) from the child's case: a child whose
-- record only the people named may see. To everyone else the child is in no list, search or page; aggregate
-- figures still count them. A row exists only while the record is restricted. Rebuilt with the caseload.
CREATE TABLE child_restriction (
    child_id         TEXT   PRIMARY KEY,
    -- usernames of everyone who may see the record
    named_people     TEXT[] NOT NULL,
    -- the sequence number of the restriction in the child's case: makes replays idempotent
    applied_sequence BIGINT NOT NULL
);
