-- Whom each local authority's looked-after children contact for an advocate and to complain, as the child's
-- letter after a review names them (written by the 'policy' processor). The latest recorded contacts only.
CREATE TABLE advocacy_complaints_contacts (
    local_authority         TEXT    PRIMARY KEY,
    advocacy_service        TEXT    NOT NULL,
    advocacy_phone          TEXT,
    advocacy_web_address    TEXT,
    complaints_team         TEXT    NOT NULL,
    complaints_phone        TEXT,
    complaints_web_address  TEXT,
    reason                  TEXT    NOT NULL,
    sequence                BIGINT  NOT NULL
);
