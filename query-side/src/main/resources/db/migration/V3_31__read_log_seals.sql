-- Tamper evidence for the read log (ReadLogSeals). A read is written at once and queued in history_read_unsealed
-- in the same statement; a background job then seals the queued reads in batches, in order, so that a read never
-- waits on a seal. Each seal is HMAC-SHA256, under the key that seals the events, over the previous seal and every
-- stored column of the read; verification recomputes them and names the first read changed or deleted.
CREATE TABLE history_read_seal (
    -- the read's place in the chain, from 1 with no gaps
    position BIGINT PRIMARY KEY,
    -- no foreign key: a seal outlives a read deleted behind the service's back, and so shows it
    read_id  BIGINT NOT NULL UNIQUE,
    seal     BYTEA  NOT NULL
);

CREATE TABLE history_read_unsealed (
    read_id BIGINT PRIMARY KEY
);

-- reads recorded before the seals existed are sealed by the first batches
INSERT INTO history_read_unsealed (read_id) SELECT id FROM history_read;
