-- Each child's data key (and each escalation's), under which the personal content of their events is stored
-- encrypted (PersonalContent). Kept outside the event table and wrapped by a key-encryption key that is kept
-- outside the database. Destroying a record clears its key here and keeps the row, so that a destroyed record is
-- never given a new key; the events' bytes, and the seals over them, are never touched.
CREATE TABLE data_key (
    key_id       TEXT        PRIMARY KEY,
    -- AES-GCM of the data key under the key-encryption key, bound to key_id; NULL once destroyed
    wrapped      BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    destroyed_at TIMESTAMPTZ,
    CONSTRAINT data_key_destroyed_has_no_key CHECK (destroyed_at IS NULL OR wrapped IS NULL)
);

-- The children a key other than their own is about (an escalation about a sibling group): destroying any of
-- their records destroys that key too.
CREATE TABLE data_key_child (
    child_id TEXT NOT NULL,
    key_id   TEXT NOT NULL REFERENCES data_key (key_id),
    PRIMARY KEY (child_id, key_id)
);
