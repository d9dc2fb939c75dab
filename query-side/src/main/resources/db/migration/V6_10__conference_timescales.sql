-- The child protection conference timescales: the first review after a pre-birth plan and the transfer-in
-- conference. Versions recorded before they existed held 10 working days, 3 months and 15 working days, as their
-- events now read.
ALTER TABLE policy_version ADD COLUMN pre_birth_review_after_birth_working_days INTEGER NOT NULL DEFAULT 10;
ALTER TABLE policy_version ALTER COLUMN pre_birth_review_after_birth_working_days DROP DEFAULT;
ALTER TABLE policy_version ADD COLUMN pre_birth_review_after_conference_months INTEGER NOT NULL DEFAULT 3;
ALTER TABLE policy_version ALTER COLUMN pre_birth_review_after_conference_months DROP DEFAULT;
ALTER TABLE policy_version ADD COLUMN transfer_in_conference_working_days INTEGER NOT NULL DEFAULT 15;
ALTER TABLE policy_version ALTER COLUMN transfer_in_conference_working_days DROP DEFAULT;
