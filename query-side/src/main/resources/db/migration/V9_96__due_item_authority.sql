-- Each due item carries its child's authority (as due_item_child_copy has it when the item is written, and moved
-- with the child by a transfer), so that an authority's overdue list starts from its own items in due-date order
-- rather than from every authority's. The lists still check the child copy's authority and restriction: this
-- column only narrows where PostgreSQL looks.
ALTER TABLE due_item ADD COLUMN local_authority TEXT;

UPDATE due_item d SET local_authority = c.local_authority
  FROM due_item_child_copy c
 WHERE c.child_id = d.child_id;

CREATE INDEX due_item_by_authority ON due_item (local_authority, due_on, child_id, position);
