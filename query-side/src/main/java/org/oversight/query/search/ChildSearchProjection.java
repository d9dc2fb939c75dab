package org.oversight.query.search;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each child's names as a search compares them ({@link NameKey}), in {@code child_search_name}. A processor of
 * its own, so that it builds itself from the whole store the first time it runs; keyed by child, so a replay
 * writes the same rows (and a change to the name keys is carried to every child by a rebuild).
 */
@Component
@ProcessingGroup(ChildSearchProjection.PROCESSOR)
public class ChildSearchProjection {

    public static final String PROCESSOR = "search";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    public ChildSearchProjection(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event) {
        writes.sql("""
                INSERT INTO child_search_name (child_id, given_key, family_key) VALUES (:childId, :given, :family)
                ON CONFLICT (child_id) DO UPDATE SET given_key = EXCLUDED.given_key, family_key = EXCLUDED.family_key
                """)
                .param("childId", event.childId())
                .param("given", NameKey.of(event.givenName()))
                .param("family", NameKey.of(event.familyName()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE child_search_name").update();
    }
}
