-- The facts the statutory returns and inspection lists are made of (the CIN census child protection module, Ofsted
-- Annex A lists 7 and 8), kept by the returns projection (ReturnsProjection) from the child's case, protection and
-- care streams. Dates are kept as recorded; the derived fields (ICPC target, latest category, plan dates after a
-- corrected conference) are worked out when an export is made. Rebuilt with the protection processor.

-- Each child as the returns list them: the authority, its identifier and who a restricted record is open to.
CREATE TABLE returns_child (
    child_id          TEXT PRIMARY KEY,
    local_authority   TEXT NOT NULL,
    local_identifier  TEXT NOT NULL,
    date_of_birth     DATE,
    expected_delivery DATE,
    restricted_to     TEXT[]
);
CREATE INDEX returns_child_authority ON returns_child (local_authority, local_identifier, child_id);

-- Each section 47 enquiry (CIN Section47): started at a strategy discussion, closed by an initial conference
-- (returns_conference naming it) or by the decision that none was needed.
CREATE TABLE returns_enquiry (
    enquiry_id      TEXT PRIMARY KEY,
    child_id        TEXT NOT NULL,
    started_on      DATE NOT NULL,
    not_required_on DATE
);
CREATE INDEX returns_enquiry_child ON returns_enquiry (child_id);

-- Each conference for each child decided at it, on its date as last corrected: initial ones name their enquiry,
-- review ones their plan and the latest category after them.
CREATE TABLE returns_conference (
    conference_id   TEXT    NOT NULL,
    child_id        TEXT    NOT NULL,
    held_on         DATE    NOT NULL,
    review          BOOLEAN NOT NULL,
    enquiry_id      TEXT,
    plan_id         TEXT,
    latest_category TEXT,
    PRIMARY KEY (conference_id, child_id)
);
CREATE INDEX returns_conference_child ON returns_conference (child_id);

-- Each child protection plan; its start is the date of the conference that made it (CIN rule 2885), its end that
-- of the review that ended it, or its own date when it ended without one.
CREATE TABLE returns_plan (
    plan_id             TEXT    PRIMARY KEY,
    child_id            TEXT    NOT NULL,
    start_conference_id TEXT    NOT NULL,
    initial_category    TEXT    NOT NULL,
    previous_plans      INTEGER NOT NULL,
    end_conference_id   TEXT,
    ended_on            DATE
);
CREATE INDEX returns_plan_child ON returns_plan (child_id);

-- Each period of care as it stands: legal status and since when, the allocated social worker and the latest
-- permanence plan.
CREATE TABLE returns_care_period (
    period_id          TEXT PRIMARY KEY,
    child_id           TEXT NOT NULL,
    started_on         DATE NOT NULL,
    legal_status       TEXT NOT NULL,
    legal_status_since DATE NOT NULL,
    ended_on           DATE,
    end_reason         TEXT,
    social_worker      TEXT,
    social_work_team   TEXT,
    permanence_plan    TEXT
);
CREATE INDEX returns_care_period_child ON returns_care_period (child_id);

-- The days of a period of care that the lists count or take the latest of: reviews (keyed by review, so a
-- corrected date moves them), placements begun, social work and IRO visits, IRO consultations, health assessments
-- and dental checks.
CREATE TABLE returns_care_day (
    child_id  TEXT NOT NULL,
    period_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    key       TEXT NOT NULL,
    day       DATE NOT NULL,
    PRIMARY KEY (child_id, kind, key)
);
