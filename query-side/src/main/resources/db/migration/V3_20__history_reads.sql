-- Who read a child's decision history, when, how and why: every view of the history page, its JSON, its
-- exports, an "as at" reconstruction and an integrity check. Personal data lives here and nowhere in the
-- application's own logs. Rows are only ever added.
CREATE TABLE history_read (
    id         BIGSERIAL    PRIMARY KEY,
    read_at    TIMESTAMPTZ  NOT NULL,
    username   VARCHAR(100) NOT NULL,
    child_id   VARCHAR(36)  NOT NULL,
    -- PAGE, JSON, EXPORT_JSON, PRINT, AS_AT, VERIFY
    how        VARCHAR(20)  NOT NULL,
    -- the reader's own words, if they gave any
    purpose    VARCHAR(500)
);
CREATE INDEX history_read_newest ON history_read (read_at DESC, id DESC);
CREATE INDEX history_read_by_child ON history_read (child_id, read_at DESC, id DESC);
CREATE INDEX history_read_by_user ON history_read (username, read_at DESC, id DESC);
