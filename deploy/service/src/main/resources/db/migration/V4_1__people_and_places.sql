-- Reference data owned by the deployment: who may sign in, in which roles, and the local authorities served.
-- Not event-sourced: people's accounts are managed by the service's administrators.
CREATE TABLE local_authority (
    code       VARCHAR(20)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    sort_order INTEGER      NOT NULL DEFAULT 0
);

CREATE TABLE app_user (
    username      VARCHAR(100) PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    -- bcrypt; NULL for system accounts that cannot sign in
    password_hash VARCHAR(100),
    -- comma-separated: CHAIR, AUDITOR, QA_LEAD, ADMIN
    roles         VARCHAR(100) NOT NULL,
    -- comma-separated chairing roles for CHAIR users: IRO, CP_CHAIR
    chair_roles   VARCHAR(100) NOT NULL DEFAULT '',
    team          VARCHAR(100),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE
);
