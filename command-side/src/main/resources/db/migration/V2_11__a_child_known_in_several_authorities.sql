-- A child who moves is transferred to the receiving authority, which knows the child by an identifier of its
-- own, claimed by the same case: a case may hold one identifier in each authority it has belonged to. The
-- sending authority's identifier stays claimed, so it is never given to another child's case.
ALTER TABLE child_identifier DROP CONSTRAINT child_identifier_child_id_key;
CREATE INDEX child_identifier_by_child ON child_identifier (child_id);
