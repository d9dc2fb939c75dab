-- Reads that went through whole tables once per row: the caseload counts a period's open and overdue actions
-- by joining actions to the period's reviews, and a child's record counts each action's changes.
CREATE INDEX looked_after_action_review ON looked_after_action (review_id, status, due_on);
CREATE INDEX looked_after_action_change_action ON looked_after_action_change (action_id);
