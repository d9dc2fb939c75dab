-- Text columns of the projections are unbounded. How long a name, a reason or an identifier may be is decided
-- once, by the published field rules that every command is checked against (org.oversight.events.fields);
-- a column narrower than its rule turned a decision the rules accepted into a projection that could not apply it.
-- varchar to text needs no rewrite of the rows and keeps every index and key.

ALTER TABLE caseload_child
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN local_authority TYPE text,
    ALTER COLUMN local_identifier TYPE text,
    ALTER COLUMN given_name TYPE text,
    ALTER COLUMN family_name TYPE text;

ALTER TABLE caseload_allocation
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN role TYPE text,
    ALTER COLUMN chair_id TYPE text,
    ALTER COLUMN chair_name TYPE text;

ALTER TABLE bank_holiday
    ALTER COLUMN title TYPE text,
    ALTER COLUMN added_by TYPE text;

ALTER TABLE projection_position
    ALTER COLUMN aggregate_id TYPE text;

ALTER TABLE protection_enquiry
    ALTER COLUMN enquiry_id TYPE text,
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN initial_conference_id TYPE text,
    ALTER COLUMN not_required_reason TYPE text;

ALTER TABLE protection_conference
    ALTER COLUMN conference_id TYPE text,
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN type TYPE text,
    ALTER COLUMN enquiry_id TYPE text,
    ALTER COLUMN plan_id TYPE text,
    ALTER COLUMN decision TYPE text,
    ALTER COLUMN category TYPE text,
    ALTER COLUMN views_conveyed TYPE text,
    ALTER COLUMN chair_id TYPE text,
    ALTER COLUMN chair_name TYPE text;

ALTER TABLE protection_plan
    ALTER COLUMN plan_id TYPE text,
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN start_conference_id TYPE text,
    ALTER COLUMN initial_category TYPE text,
    ALTER COLUMN end_reason TYPE text;

ALTER TABLE protection_correction
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN corrected TYPE text,
    ALTER COLUMN what TYPE text,
    ALTER COLUMN recorded_as TYPE text,
    ALTER COLUMN corrected_to TYPE text,
    ALTER COLUMN reason TYPE text;

ALTER TABLE looked_after_period
    ALTER COLUMN period_id TYPE text,
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN start_legal_status TYPE text,
    ALTER COLUMN start_placement TYPE text,
    ALTER COLUMN end_reason TYPE text;

ALTER TABLE looked_after_period_change
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN period_id TYPE text,
    ALTER COLUMN kind TYPE text,
    ALTER COLUMN from_code TYPE text,
    ALTER COLUMN to_code TYPE text;

ALTER TABLE looked_after_review
    ALTER COLUMN review_id TYPE text,
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN period_id TYPE text,
    ALTER COLUMN participation TYPE text,
    ALTER COLUMN iro_id TYPE text,
    ALTER COLUMN iro_name TYPE text;

ALTER TABLE looked_after_review_line
    ALTER COLUMN review_id TYPE text,
    ALTER COLUMN kind TYPE text,
    ALTER COLUMN text TYPE text;

ALTER TABLE looked_after_consultation
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN period_id TYPE text,
    ALTER COLUMN method TYPE text,
    ALTER COLUMN iro_id TYPE text;

ALTER TABLE looked_after_iro_visit
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN period_id TYPE text,
    ALTER COLUMN iro_id TYPE text;

ALTER TABLE looked_after_midway_check
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN period_id TYPE text,
    ALTER COLUMN finding TYPE text,
    ALTER COLUMN iro_id TYPE text;

ALTER TABLE looked_after_early_review_request
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN period_id TYPE text,
    ALTER COLUMN reason TYPE text,
    ALTER COLUMN iro_id TYPE text;

ALTER TABLE looked_after_action
    ALTER COLUMN action_id TYPE text,
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN review_id TYPE text,
    ALTER COLUMN action TYPE text,
    ALTER COLUMN owner TYPE text,
    ALTER COLUMN status TYPE text,
    ALTER COLUMN cancel_reason TYPE text;

ALTER TABLE looked_after_action_change
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN action_id TYPE text,
    ALTER COLUMN action TYPE text,
    ALTER COLUMN owner TYPE text,
    ALTER COLUMN reason TYPE text;

ALTER TABLE looked_after_permanence_plan
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN period_id TYPE text,
    ALTER COLUMN plan TYPE text,
    ALTER COLUMN previous TYPE text;

ALTER TABLE looked_after_correction
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN review_id TYPE text,
    ALTER COLUMN what TYPE text,
    ALTER COLUMN recorded_as TYPE text,
    ALTER COLUMN corrected_to TYPE text,
    ALTER COLUMN reason TYPE text;

ALTER TABLE looked_after_iro_change
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN chair_id TYPE text,
    ALTER COLUMN previous_chair_id TYPE text;

ALTER TABLE escalation
    ALTER COLUMN escalation_id TYPE text,
    ALTER COLUMN local_authority TYPE text,
    ALTER COLUMN concern_category TYPE text,
    ALTER COLUMN raised_by TYPE text,
    ALTER COLUMN raised_by_name TYPE text,
    ALTER COLUMN team TYPE text,
    ALTER COLUMN level TYPE text,
    ALTER COLUMN status TYPE text;

ALTER TABLE escalation_child
    ALTER COLUMN escalation_id TYPE text,
    ALTER COLUMN child_id TYPE text;

ALTER TABLE escalation_step
    ALTER COLUMN escalation_id TYPE text,
    ALTER COLUMN kind TYPE text,
    ALTER COLUMN from_level TYPE text,
    ALTER COLUMN level TYPE text,
    ALTER COLUMN respondent TYPE text;

ALTER TABLE policy_version
    ALTER COLUMN local_authority TYPE text,
    ALTER COLUMN escalation_responses TYPE text,
    ALTER COLUMN reason TYPE text,
    ALTER COLUMN changed_by TYPE text,
    ALTER COLUMN changed_by_name TYPE text;

ALTER TABLE due_item
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN kind TYPE text,
    ALTER COLUMN name TYPE text,
    ALTER COLUMN chair_role TYPE text;

ALTER TABLE due_item_stale
    ALTER COLUMN child_id TYPE text;

ALTER TABLE due_item_calendar
    ALTER COLUMN fingerprint TYPE text;

ALTER TABLE looked_after_iro_allocation
    ALTER COLUMN child_id TYPE text;

ALTER TABLE caseload_summary
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN plan_id TYPE text,
    ALTER COLUMN initial_category TYPE text,
    ALTER COLUMN latest_category TYPE text,
    ALTER COLUMN la_last_participation TYPE text,
    ALTER COLUMN next_iro_kind TYPE text,
    ALTER COLUMN next_iro_name TYPE text,
    ALTER COLUMN next_cp_kind TYPE text,
    ALTER COLUMN next_cp_name TYPE text;

ALTER TABLE history_read
    ALTER COLUMN username TYPE text,
    ALTER COLUMN child_id TYPE text,
    ALTER COLUMN how TYPE text,
    ALTER COLUMN purpose TYPE text;
