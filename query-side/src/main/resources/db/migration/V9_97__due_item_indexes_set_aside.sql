-- The secondary indexes of due_item that the background has dropped while it writes a large backlog (after a
-- rebuild, or a change of calendar that marks every child), each with the statement that builds it again. The
-- background builds them again once the backlog is written, and whichever node finds a row here with no backlog
-- left does the same, so an index set aside by a node that stopped halfway is never lost. A later migration that
-- changes one of these indexes must change its row here too, if there is one.
CREATE TABLE due_item_index_set_aside (
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL
);
