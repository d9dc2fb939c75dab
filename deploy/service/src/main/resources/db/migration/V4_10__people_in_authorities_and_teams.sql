-- Who works where. A person belongs to one or more local authorities and, within them, to teams; nothing of an
-- authority a person does not belong to is shown to them or changed by them. A regional viewer's authorities
-- are the ones whose aggregate figures they are granted. Roles stay in app_user.roles (comma-separated):
-- CHAIR, TEAM_MANAGER, QA_LEAD, AUDITOR, DATA_OFFICER, ADMIN, REGIONAL_VIEWER.
CREATE TABLE team (
    local_authority TEXT NOT NULL REFERENCES local_authority (code),
    name            TEXT NOT NULL,
    PRIMARY KEY (local_authority, name)
);

CREATE TABLE person_authority (
    username        TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    local_authority TEXT NOT NULL REFERENCES local_authority (code),
    PRIMARY KEY (username, local_authority)
);

CREATE TABLE person_team (
    username        TEXT NOT NULL,
    local_authority TEXT NOT NULL,
    team            TEXT NOT NULL,
    PRIMARY KEY (username, local_authority, team),
    FOREIGN KEY (username, local_authority) REFERENCES person_authority (username, local_authority) ON DELETE CASCADE,
    FOREIGN KEY (local_authority, team) REFERENCES team (local_authority, name)
);

CREATE INDEX person_team_by_team ON person_team (local_authority, team);
