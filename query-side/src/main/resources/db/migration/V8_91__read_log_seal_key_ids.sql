-- The read log's seals name the chain key that made them too (see V8_90); every one so far was made under key '1'.
ALTER TABLE history_read_seal ADD COLUMN key_id TEXT NOT NULL DEFAULT '1';
ALTER TABLE history_read_seal ALTER COLUMN key_id DROP DEFAULT;
ALTER TABLE history_read_seal ADD CONSTRAINT history_read_seal_key_id CHECK (key_id ~ '^[A-Za-z0-9_-]{1,32}$') NOT VALID;
