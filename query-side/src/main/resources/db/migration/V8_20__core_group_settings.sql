-- How each local authority's core groups are held in Oversight, version by version (written by the protection
-- processor). None: every plan's core groups are held here, 30 working days apart after the first.
CREATE TABLE protection_core_group_setting (
    local_authority              TEXT    NOT NULL,
    sequence                     BIGINT  NOT NULL,
    effective_from               DATE    NOT NULL,
    recorded_from                DATE,
    later_interval_working_days  INTEGER NOT NULL,
    reason                       TEXT    NOT NULL,
    PRIMARY KEY (local_authority, sequence)
);
