-- The months between a looked-after child's dental checks and between PEP reviews: local timescales. Versions
-- recorded before they existed held 6 and 4, as their events now read.
ALTER TABLE policy_version ADD COLUMN dental_check_months INTEGER NOT NULL DEFAULT 6;
ALTER TABLE policy_version ALTER COLUMN dental_check_months DROP DEFAULT;
ALTER TABLE policy_version ADD COLUMN pep_review_months INTEGER NOT NULL DEFAULT 4;
ALTER TABLE policy_version ALTER COLUMN pep_review_months DROP DEFAULT;
