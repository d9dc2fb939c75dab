-- Every escalation figure and list is drawn within the reader's authorities: the dashboard's counts, its filters'
-- choices and the lists behind its numbers all start from the escalations of a few authorities, which without
-- this index meant reading every authority's escalations (a national service holds over fifteen thousand).
CREATE INDEX escalation_by_authority ON escalation (local_authority, raised_on);
