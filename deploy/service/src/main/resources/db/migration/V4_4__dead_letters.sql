-- Events a projection could not apply, set aside per processor so that every other child keeps flowing
-- (Axon's JdbcSequencedDeadLetterQueue, wired in ProjectionDeadLetters). A sequence is one child's events in
-- one processor (an escalation's, or an authority's settings, where no single child is named): once one of
-- them is here, the child's later events in that processor join it, in order, until a retry applies them.
-- Axon's default names, unquoted camelCase folded to lower case like the event store's; payloads, metadata,
-- tokens and diagnostics are bytea. Timestamps are ISO-8601 text because Axon writes and compares them as
-- strings. The cause columns hold an exception class and an SQL state only, never a message.
CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255)  PRIMARY KEY,
    processinggroup      VARCHAR(255)  NOT NULL,
    sequenceidentifier   VARCHAR(255)  NOT NULL,
    sequenceindex        BIGINT        NOT NULL,
    messagetype          VARCHAR(255)  NOT NULL,
    eventidentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadtype          VARCHAR(255)  NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255)  NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_sequence UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
