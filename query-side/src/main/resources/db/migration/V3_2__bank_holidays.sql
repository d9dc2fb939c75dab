-- Bank holidays an administrator adds without a release: a one-off day (a royal occasion, a state funeral) or
-- next year's list once GOV.UK publishes it. StatutoryCalendar merges these rows with the list shipped in
-- calendar/bank-holidays-england-and-wales.csv; a year counts as known once it has its eight regular holidays.
-- Takes effect on StatutoryCalendar.reload().
CREATE TABLE bank_holiday (
    holiday_date DATE         PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    -- who added it (a staff username), for the audit trail; not shown on pages about children
    added_by     VARCHAR(100),
    added_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
