-- The plan between conferences holds its ids and codes unbounded, like every other projection: a field's one
-- rule lives with the command and the event, and a column narrower than it would stop the projection on an
-- event the command accepted (ProjectionTextColumnsIT).
ALTER TABLE protection_plan_agreement ALTER COLUMN plan_id TYPE TEXT;
ALTER TABLE protection_plan_agreement ALTER COLUMN conference_id TYPE TEXT;
ALTER TABLE protection_plan_agreement ALTER COLUMN child_id TYPE TEXT;
ALTER TABLE protection_plan_action ALTER COLUMN action_id TYPE TEXT;
ALTER TABLE protection_plan_action ALTER COLUMN child_id TYPE TEXT;
ALTER TABLE protection_plan_action ALTER COLUMN plan_id TYPE TEXT;
ALTER TABLE protection_plan_action ALTER COLUMN conference_id TYPE TEXT;
ALTER TABLE protection_plan_action ALTER COLUMN state TYPE TEXT;
ALTER TABLE protection_core_group ALTER COLUMN meeting_id TYPE TEXT;
ALTER TABLE protection_core_group ALTER COLUMN child_id TYPE TEXT;
ALTER TABLE protection_core_group ALTER COLUMN plan_id TYPE TEXT;
ALTER TABLE protection_midway_check ALTER COLUMN child_id TYPE TEXT;
ALTER TABLE protection_midway_check ALTER COLUMN plan_id TYPE TEXT;
ALTER TABLE protection_midway_check ALTER COLUMN finding TYPE TEXT;
ALTER TABLE protection_strategy_meeting ALTER COLUMN meeting_id TYPE TEXT;
ALTER TABLE protection_strategy_meeting ALTER COLUMN child_id TYPE TEXT;
ALTER TABLE protection_strategy_meeting ALTER COLUMN decision TYPE TEXT;
ALTER TABLE protection_strategy_meeting ALTER COLUMN enquiry_id TYPE TEXT;
