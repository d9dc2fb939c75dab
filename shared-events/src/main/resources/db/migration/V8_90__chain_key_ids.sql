-- The chain key can be rotated: each seal names the key that made it (EventChainHash), so older seals are checked
-- under the key that made them. Every seal stored before this was made under the deployment's one key, id '1'.
-- The default goes once the rows have it, so that nothing writes a seal without naming its key; the check is the
-- key id's one rule (EventChainHash), and every row already stored meets it.
ALTER TABLE event_chain ADD COLUMN key_id TEXT NOT NULL DEFAULT '1';
ALTER TABLE event_chain ALTER COLUMN key_id DROP DEFAULT;
ALTER TABLE event_chain ADD CONSTRAINT event_chain_key_id CHECK (key_id ~ '^[A-Za-z0-9_-]{1,32}$') NOT VALID;
