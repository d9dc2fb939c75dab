-- The child's characteristics as the statutory returns ask for them, kept by the characteristics projection: the
-- latest record of each child's, with the child's authority so that a return can read an authority's at once.
-- The codes are those of the event (ChildCharacteristicsRecorded); nothing is derived here.
CREATE TABLE characteristics_child (
    child_id           TEXT PRIMARY KEY,
    local_authority    TEXT   NOT NULL,
    sex                TEXT,
    ethnicity          TEXT,
    unique_pupil_no    TEXT,
    disability         TEXT,
    first_language     TEXT,
    interpreter_needed TEXT,
    mother             TEXT,
    recorded_on        DATE,
    corrections        INTEGER NOT NULL DEFAULT 0,
    applied_sequence   BIGINT  NOT NULL DEFAULT -1
);

CREATE INDEX characteristics_child_authority ON characteristics_child (local_authority);
