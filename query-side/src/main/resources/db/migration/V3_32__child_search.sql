-- Finding a child. Names are compared by trigram similarity, which PostgreSQL's pg_trgm extension provides (a
-- contrib extension, trusted since PostgreSQL 13: the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Each child's names as a search compares them (NameKey: no accents, lower case, nothing between the letters).
-- Owned by ChildSearchProjection alone; rebuilt from the event store by resetting the 'search' processor. The
-- rest of what a search shows is read from caseload_child and caseload_allocation.
CREATE TABLE child_search_name (
    child_id   TEXT PRIMARY KEY,
    given_key  TEXT NOT NULL,
    family_key TEXT NOT NULL
);

-- Every search: who, when, how many children it listed (and whether more matched) and which. Never what was
-- searched for. Each child listed is also a read in history_read ('SEARCH'). Rows are only ever added.
CREATE TABLE child_search_log (
    id           BIGSERIAL   PRIMARY KEY,
    searched_at  TIMESTAMPTZ NOT NULL,
    username     TEXT        NOT NULL,
    results      INTEGER     NOT NULL,
    more_matched BOOLEAN     NOT NULL,
    listed       TEXT[]      NOT NULL
);
CREATE INDEX child_search_log_newest ON child_search_log (searched_at DESC, id DESC);
CREATE INDEX child_search_log_by_user ON child_search_log (username, searched_at DESC, id DESC);
