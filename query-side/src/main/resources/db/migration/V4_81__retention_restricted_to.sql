-- The people a restricted record is open to, kept by the retention projection from the child's case events (NULL
-- when the record is not restricted), so that the list of records due decides what to show from its own table.
ALTER TABLE retention_child ADD COLUMN restricted_to TEXT[];

-- Filled once from the restrictions as they stand when the service is upgraded: the retention processor has
-- already passed every restriction recorded so far and would not see them again without a rebuild.
UPDATE retention_child r SET restricted_to = c.restricted_to
  FROM caseload_child_copy c
 WHERE c.child_id = r.child_id AND c.restricted_to IS NOT NULL;
