-- The report's own copy of each chair's working hours (package report, processor 'report'), by the day they
-- apply from and the moment they were recorded, so that a caseload per full-time equivalent is worked out as the
-- hours stood on a period's last day, as recorded at the moment the report is run at. Staff's hours, no child's.
CREATE TABLE report_working_hours (
    username       TEXT          NOT NULL,
    effective_from DATE          NOT NULL,
    weekly_hours   NUMERIC(5, 2) NOT NULL,
    full_time_hours NUMERIC(5, 2) NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (username, effective_from, recorded_at)
);
