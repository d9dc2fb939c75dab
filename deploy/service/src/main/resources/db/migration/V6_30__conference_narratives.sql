-- The narrative store: the chairs' long narratives (a conference's summary and analysis), kept outside the event
-- table so that one can be redacted or destroyed without touching a sealed event. The event names the row and
-- carries the SHA-256 of the narrative as kept. The narrative is encrypted (AES-GCM) under the child's data key,
-- bound to its row; a destroyed record's rows are deleted with its key.
CREATE TABLE conference_narrative (
    narrative_id  TEXT        PRIMARY KEY,
    child_id      TEXT        NOT NULL,
    conference_id TEXT        NOT NULL,
    sealed        BYTEA       NOT NULL,
    kept_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX conference_narrative_child ON conference_narrative (child_id);
