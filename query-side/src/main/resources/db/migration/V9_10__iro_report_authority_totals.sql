-- Each authority's figures for a period, kept (package report): the report across every authority reads these
-- small rows instead of every fact of 150 authorities. They are worked out by the same code as the report itself,
-- fact by fact, from one snapshot of the report's tables, and are kept with that snapshot; they answer only "as
-- recorded now", and only while no change to the authority's facts has committed that the snapshot did not see.
-- Nothing here is written from an event: a deployment upgraded to this version starts with empty tables and fills
-- them on the first read, and the tables may be emptied at any time (a rebuild empties them with the rest).
CREATE TABLE report_authority_period (
    local_authority TEXT        NOT NULL,
    -- a financial year (2025-26) or quarter (2025-26-Q1)
    period_key      TEXT        NOT NULL,
    -- the snapshot the figures were worked out from
    worked_out_from pg_snapshot NOT NULL,
    worked_out_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (local_authority, period_key)
);

-- One figure's counts: the numerator's facts or children, the denominator's left out, a rate's facts, the
-- breakdown as [category, count] pairs in the order shown, and a figure per full-time equivalent's equivalents.
CREATE TABLE report_authority_figure (
    local_authority       TEXT    NOT NULL,
    period_key            TEXT    NOT NULL,
    figure_id             TEXT    NOT NULL,
    counted               BIGINT  NOT NULL,
    not_counted           BIGINT  NOT NULL,
    rated                 BIGINT  NOT NULL,
    breakdown             JSONB   NOT NULL,
    full_time_equivalents NUMERIC,
    PRIMARY KEY (local_authority, period_key, figure_id)
);

-- Which transactions changed what an authority's figures are worked out from: its facts, the dates of birth of
-- children with facts in it, and (for every authority, '*') the chairs' working hours. Written by the triggers
-- below in the changing transaction itself, so no write path of the projection can forget it. Rows older than
-- every kept snapshot are pruned when figures are kept.
CREATE TABLE report_authority_change (
    local_authority TEXT        NOT NULL,
    changed_by      xid8        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (local_authority, changed_by)
);

CREATE FUNCTION report_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_authority_change (local_authority, changed_by)
    SELECT DISTINCT local_authority, pg_current_xact_id() FROM changed_facts
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION report_facts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_authority_change (local_authority, changed_by)
    SELECT local_authority, pg_current_xact_id()
      FROM (SELECT local_authority FROM facts_before UNION SELECT local_authority FROM facts_after) changed
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

-- every authority: what every authority's figures read has changed wholesale (emptied), or a chair's hours
CREATE FUNCTION report_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_authority_change (local_authority, changed_by) VALUES ('*', pg_current_xact_id())
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

-- a child's date of birth counts in the unborn children's figure of each authority holding a fact of theirs (a
-- fact without its child's row counts as unborn)
CREATE FUNCTION report_children_added_or_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_authority_change (local_authority, changed_by)
    SELECT DISTINCT f.local_authority, pg_current_xact_id()
      FROM report_fact f WHERE f.child_id IN (SELECT child_id FROM changed_children)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION report_children_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_authority_change (local_authority, changed_by)
    SELECT DISTINCT f.local_authority, pg_current_xact_id()
      FROM report_fact f
     WHERE f.child_id IN (SELECT a.child_id FROM children_after a JOIN children_before b USING (child_id)
                           WHERE a.born_on IS DISTINCT FROM b.born_on)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER report_facts_inserted AFTER INSERT ON report_fact
    REFERENCING NEW TABLE AS changed_facts FOR EACH STATEMENT EXECUTE FUNCTION report_facts_changed();
CREATE TRIGGER report_facts_deleted AFTER DELETE ON report_fact
    REFERENCING OLD TABLE AS changed_facts FOR EACH STATEMENT EXECUTE FUNCTION report_facts_changed();
CREATE TRIGGER report_facts_updated AFTER UPDATE ON report_fact
    REFERENCING OLD TABLE AS facts_before NEW TABLE AS facts_after FOR EACH STATEMENT
    EXECUTE FUNCTION report_facts_updated();
CREATE TRIGGER report_facts_emptied AFTER TRUNCATE ON report_fact
    FOR EACH STATEMENT EXECUTE FUNCTION report_everything_changed();
CREATE TRIGGER report_working_hours_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_working_hours
    FOR EACH STATEMENT EXECUTE FUNCTION report_everything_changed();
CREATE TRIGGER report_children_inserted AFTER INSERT ON report_child
    REFERENCING NEW TABLE AS changed_children FOR EACH STATEMENT EXECUTE FUNCTION report_children_added_or_removed();
CREATE TRIGGER report_children_deleted AFTER DELETE ON report_child
    REFERENCING OLD TABLE AS changed_children FOR EACH STATEMENT EXECUTE FUNCTION report_children_added_or_removed();
CREATE TRIGGER report_children_updated AFTER UPDATE ON report_child
    REFERENCING OLD TABLE AS children_before NEW TABLE AS children_after FOR EACH STATEMENT
    EXECUTE FUNCTION report_children_updated();
