-- The working days from the IRO's early-review request (reg 33(3)) by which the review is held: a local
-- timescale. Versions recorded before it existed held the default of 20, as their events now read.
ALTER TABLE policy_version ADD COLUMN early_review_working_days INTEGER NOT NULL DEFAULT 20;
ALTER TABLE policy_version ALTER COLUMN early_review_working_days DROP DEFAULT;
