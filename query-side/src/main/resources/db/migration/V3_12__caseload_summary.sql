-- What a caseload shows about each child, worked out with the child's due items (DueItems.refresh) whenever
-- anything about the child changes, so that reading a caseload joins one row per child instead of running a
-- dozen subqueries for every child on every request. Derived, never a source of truth: a child's row is
-- replaced whenever the child's due items are.
CREATE TABLE caseload_summary (
    child_id                 VARCHAR(36) PRIMARY KEY,
    -- the open child protection plan, if any (the columns of ProtectionQueries.PLAN_COLUMNS)
    plan_id                  VARCHAR(80),
    start_date               DATE,
    initial_category         VARCHAR(3),
    latest_category          VARCHAR(3),
    previous_plans           INTEGER,
    last_review_on           DATE,
    reviews                  INTEGER,
    -- the current period of care, if any (the columns of LookedAfterQueries.SUMMARY but the overdue count, which
    -- depends on the day it is read: the open actions' due dates are kept instead)
    la_since                 DATE,
    la_last_review_on        DATE,
    la_last_participation    VARCHAR(3),
    la_consulted_before      BOOLEAN,
    la_open_actions          INTEGER,
    la_open_actions_due_on   DATE[],
    la_iro_changes           INTEGER,
    -- when the child's latest plan and latest period of care ended, if one did
    plan_ended_on            DATE,
    period_ended_on          DATE,
    -- the earliest open clock in each chair role (as due_item ranks them: by due date, then position)
    next_iro_kind            VARCHAR(40),
    next_iro_name            VARCHAR(300),
    next_iro_due_on          DATE,
    next_cp_kind             VARCHAR(40),
    next_cp_name             VARCHAR(300),
    next_cp_due_on           DATE
);

-- every child already recorded is worked out again in the background, which fills the table
INSERT INTO due_item_stale (child_id, mark)
SELECT child_id, nextval('due_item_mark') FROM caseload_child ORDER BY child_id
ON CONFLICT (child_id) DO UPDATE SET mark = EXCLUDED.mark;
