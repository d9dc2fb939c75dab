-- A run's archive is withdrawn when a child's record is destroyed (NationalCensusRuns.withdrawAll): the archive
-- names children, and none is handed out once it may hold a record that no longer exists.
ALTER TABLE returns_census_run DROP CONSTRAINT returns_census_run_failure_check;
ALTER TABLE returns_census_run ADD CONSTRAINT returns_census_run_failure_check
    CHECK (failure IN ('FAULT', 'STOPPED', 'TOO_LARGE', 'WITHDRAWN'));
