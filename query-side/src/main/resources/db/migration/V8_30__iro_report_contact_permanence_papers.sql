-- More of the IRO report's facts (package report, processor 'report'; replay the processor to fill them for
-- events recorded before this version):
--   LAC_STAY         a stretch of a period of care in one authority with one IRO (group: the period), opened when
--                    the period starts, closed when it ends, when the child moves authority or when the IRO changes;
--                    the children looked after at a period's end, counted where and with whom they then were
--   IRO_VISIT        the IRO visited or was in contact with the child (group: the period; flag: face to face)
--   PERMANENCE_PLAN  a permanence plan recorded in a period of care (group: the period; code: the plan)
--   LAC_PAPER        a review's decisions or record (code DECISIONS or RECORD), and
--   CP_PAPER         a conference's paper (code: the paper): group is the review's or conference's fact, happened_on
--                    its day, due_on the day the authority's local timescale then in force gave it, closed_on the day
--                    it was sent
ALTER TABLE report_fact ADD COLUMN view_code TEXT;
COMMENT ON COLUMN report_fact.view_code IS 'how the child''s views reached an initial or review conference';

-- The report's own copy of each authority's local timescales for review and conference papers, by the first day
-- each applies from: read when a paper is applied, in the same processor, so a replay gives the same due dates.
CREATE TABLE report_timescale (
    local_authority TEXT    NOT NULL,
    -- LAC_DECISIONS, LAC_RECORD, CP_DECISIONS, CP_MINUTES
    what            TEXT    NOT NULL,
    effective_from  DATE    NOT NULL,
    working_days    INTEGER NOT NULL,
    PRIMARY KEY (local_authority, what, effective_from)
);
