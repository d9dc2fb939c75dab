-- The conference as it happened (ConferenceRecordProjection, part of the 'protection' processor): who was invited
-- and who attended, by role; each agency's recommendation and any dissent; the chair's decision, the family's
-- views and why a conference was inquorate; and the transfer-in notifications. Family names and the words about
-- the family are personal content, forgotten with the child.
CREATE TABLE conference_attendee (
    child_id               TEXT    NOT NULL,
    conference_id          TEXT    NOT NULL,
    position               INTEGER NOT NULL,
    role                   TEXT    NOT NULL,
    agency                 TEXT,
    family_name            TEXT,
    invited                BOOLEAN NOT NULL,
    attendance             TEXT    NOT NULL,
    report_before          BOOLEAN NOT NULL,
    report_shared_in_time  BOOLEAN,
    PRIMARY KEY (child_id, conference_id, position)
);

CREATE TABLE conference_recommendation (
    child_id       TEXT    NOT NULL,
    conference_id  TEXT    NOT NULL,
    position       INTEGER NOT NULL,
    agency         TEXT    NOT NULL,
    recommended    TEXT    NOT NULL,
    category       TEXT,
    dissent_reason TEXT,
    PRIMARY KEY (child_id, conference_id, position)
);

CREATE TABLE conference_record (
    child_id           TEXT NOT NULL,
    conference_id      TEXT NOT NULL,
    chair_decision     TEXT,
    chair_category     TEXT,
    family_views       TEXT,
    inquorate_reason   TEXT,
    inquorate_decision TEXT,
    PRIMARY KEY (child_id, conference_id)
);

CREATE TABLE conference_transfer_in (
    child_id              TEXT NOT NULL,
    notification_id       TEXT NOT NULL,
    received_on           DATE NOT NULL,
    from_authority        TEXT NOT NULL,
    other_plan_started_on DATE NOT NULL,
    PRIMARY KEY (child_id, notification_id)
);
