-- The kinds of the IRO's other open clocks due on the day of the IRO's next item (the consultation before a
-- review falls due with the review and ranks after it), so that the caseload can say what is still undone.
ALTER TABLE caseload_summary ADD COLUMN next_iro_due_with TEXT[] NOT NULL DEFAULT '{}';

-- every child's summary is worked out again to fill it
INSERT INTO due_item_stale (child_id, mark)
SELECT child_id, nextval('due_item_mark') FROM caseload_summary ORDER BY child_id
ON CONFLICT (child_id) DO UPDATE SET mark = EXCLUDED.mark;
