-- Every allocation of an IRO to a child (LookedAfterProjection), not only the changes: the IRO allocation clock
-- needs the first. Existing looked-after tables are rebuilt by replaying the 'looked-after' processor from the
-- start; its handlers rewrite the same rows.
CREATE TABLE looked_after_iro_allocation (
    child_id       VARCHAR(36) NOT NULL,
    sequence       BIGINT      NOT NULL,
    allocated_from DATE        NOT NULL,
    PRIMARY KEY (child_id, sequence)
);

DO $$
BEGIN
    IF to_regclass('tokenentry') IS NOT NULL THEN
        DELETE FROM tokenentry WHERE processorname = 'looked-after';
    END IF;
END
$$;
