-- Every open clock of every child, with its due date (DueItems): what makes the caseload rankable by urgency
-- and "everything overdue today" one indexed query. Derived from the projections, the calendar and the local
-- timescales, never a source of truth: a child's rows are replaced whenever anything about the child changes.
CREATE TABLE due_item (
    child_id VARCHAR(36)  NOT NULL,
    position INTEGER      NOT NULL,
    -- the clock's kind: icpc, cp-review, lac-review, iro-allocation, consultation, midway-check, ...
    kind     VARCHAR(40)  NOT NULL,
    name     VARCHAR(300) NOT NULL,
    -- whose clock it is: CP_CHAIR for conferences, IRO for everything else
    chair_role VARCHAR(10) NOT NULL,
    due_on   DATE         NOT NULL,
    PRIMARY KEY (child_id, position)
);
CREATE INDEX due_item_by_child ON due_item (child_id, due_on);
CREATE INDEX due_item_by_due_date ON due_item (due_on, child_id);

-- Children whose due items must be worked out again, marked in the same transaction as the projection write
-- that changed them. The mark number tells a refresh whether the child changed again while it worked.
CREATE SEQUENCE due_item_mark;
CREATE TABLE due_item_stale (
    child_id VARCHAR(36) PRIMARY KEY,
    mark     BIGINT      NOT NULL
);
CREATE INDEX due_item_stale_by_mark ON due_item_stale (mark);
-- a change of an authority's timescales marks all its children
CREATE INDEX caseload_child_by_authority ON caseload_child (local_authority);

-- The calendar the due items were worked out under (WorkingDayCalendar.fingerprint): when an administrator adds
-- bank holidays, every child is worked out again.
CREATE TABLE due_item_calendar (
    id          INTEGER      PRIMARY KEY CHECK (id = 1),
    fingerprint VARCHAR(100) NOT NULL
);
