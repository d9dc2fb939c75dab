-- Tamper evidence: each stored event's seal (HMAC-SHA256 over the previous seal and the event's stored
-- columns, under a key kept outside the database). Written in the same transaction as the event itself.
CREATE TABLE event_chain (
    event_identifier VARCHAR(255) PRIMARY KEY,
    aggregate_id     VARCHAR(255) NOT NULL,
    sequence         BIGINT       NOT NULL,
    seal             BYTEA        NOT NULL,
    CONSTRAINT event_chain_position UNIQUE (aggregate_id, sequence)
);
