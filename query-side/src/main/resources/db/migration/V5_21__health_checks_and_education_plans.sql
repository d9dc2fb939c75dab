-- The child's health assessments and dental checks, and the PEP meetings, one row per event (keyed like the
-- IRO's other monitoring by the child and the event's sequence on the journey).
CREATE TABLE looked_after_health_check (
    child_id  TEXT        NOT NULL,
    sequence  BIGINT      NOT NULL,
    period_id TEXT        NOT NULL,
    kind      TEXT        NOT NULL,
    held_on   DATE        NOT NULL,
    iro_id    TEXT        NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

CREATE TABLE looked_after_education_plan (
    child_id  TEXT        NOT NULL,
    sequence  BIGINT      NOT NULL,
    period_id TEXT        NOT NULL,
    held_on   DATE        NOT NULL,
    iro_id    TEXT        NOT NULL,
    PRIMARY KEY (child_id, sequence)
);
