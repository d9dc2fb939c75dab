-- One case per child. The local authority's own identifier for a child (both trimmed and in upper case) is
-- claimed by the child's case in the same transaction as its registration, so a second registration of the
-- same child finds it taken, whatever kind of id either case has. Owned by the command side
-- (JdbcChildIdentifiers); nothing else writes it. Registrations already in the store claim theirs when the
-- service starts.
CREATE TABLE child_identifier (
    local_authority  TEXT NOT NULL,
    local_identifier TEXT NOT NULL,
    child_id         TEXT NOT NULL UNIQUE,
    PRIMARY KEY (local_authority, local_identifier)
);

-- The registrations among the stored events, so that finding those without a claim at start-up reads an index
-- of one entry per child rather than the whole store.
CREATE INDEX domainevententry_child_registered ON domainevententry (aggregateidentifier)
    WHERE payloadtype = 'org.oversight.events.childcase.ChildRegistered';
