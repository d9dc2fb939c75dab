package org.oversight.command.childcase;

import java.util.List;
import org.oversight.events.childcase.ChildRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The claims in {@code child_identifier}, written through the same transaction-bound connection as the event
 * store's append (both take the DataSource's connection of the command's transaction), so a claim stands exactly
 * when its registration is recorded. A claim is an insert that does nothing on a conflict: when two
 * registrations of the same child race, PostgreSQL holds the second insert until the first transaction ends and
 * then finds the key taken.
 *
 * <p>Cases of either kind are found: a case registered before ids became random is also looked for under the id
 * its identifier used to give it, in case its claim is missing; and when the service starts, every registration
 * in the event store without a claim (recorded before this table existed, or appended in bulk) claims its
 * identifier, first registered first.
 */
@Component
public class JdbcChildIdentifiers implements ChildIdentifiers, SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcChildIdentifiers.class);

    private final JdbcClient jdbc;

    public JdbcChildIdentifiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String localAuthority, String localIdentifier, String childId) {
        String legacy = ChildIds.legacyId(localAuthority, localIdentifier);
        if (legacy.equals(childId)) {
            return insert(jdbc, ChildIds.key(localAuthority), ChildIds.key(localIdentifier), childId) == 1;
        }
        // one round trip: claimed unless a case already stands under the id the identifier used to give
        return jdbc.sql("""
                INSERT INTO child_identifier (local_authority, local_identifier, child_id)
                SELECT :la, :identifier, :child
                 WHERE NOT EXISTS (SELECT 1 FROM domainevententry WHERE aggregateidentifier = :legacy)
                ON CONFLICT DO NOTHING
                """).param("la", ChildIds.key(localAuthority)).param("identifier", ChildIds.key(localIdentifier))
                .param("child", childId).param("legacy", legacy).update() == 1;
    }

    /**
     * Claims the identifiers of registrations appended in bulk, in the caller's transaction.
     *
     * @return how many of them were claimed; fewer than given when another case already holds an identifier
     */
    public static int claimAll(JdbcClient jdbc, List<ChildRegistered> registrations) {
        if (registrations.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                INSERT INTO child_identifier (local_authority, local_identifier, child_id)
                SELECT * FROM unnest(:authorities::text[], :identifiers::text[], :children::text[])
                ON CONFLICT DO NOTHING
                """)
                .param("authorities", registrations.stream().map(r -> ChildIds.key(r.localAuthority()))
                        .toArray(String[]::new))
                .param("identifiers", registrations.stream().map(r -> ChildIds.key(r.localIdentifier()))
                        .toArray(String[]::new))
                .param("children", registrations.stream().map(ChildRegistered::childId).toArray(String[]::new))
                .update();
    }

    /** Forgets the child's identifiers, in the caller's transaction, when the child's record is destroyed. */
    public static int forget(JdbcClient jdbc, String childId) {
        return jdbc.sql("DELETE FROM child_identifier WHERE child_id = :child").param("child", childId).update();
    }

    private static int insert(JdbcClient jdbc, String localAuthority, String localIdentifier, String childId) {
        return jdbc.sql("""
                INSERT INTO child_identifier (local_authority, local_identifier, child_id)
                VALUES (:la, :identifier, :child)
                ON CONFLICT DO NOTHING
                """).param("la", localAuthority).param("identifier", localIdentifier).param("child", childId)
                .update();
    }

    /**
     * Before the service takes requests: registrations in the store without a claim claim their identifiers. The
     * registration's stored JSON is read as it is today; a change of its authority or identifier fields needs
     * its upcaster here too.
     *
     * <p>The registrations without a claim are found first, from the index of registrations alone (one entry per
     * child) against the claims; only their rows are then read and parsed. Filtering the store's rows by their JSON
     * in the same step lets PostgreSQL read every event in the store to find none, at each start.
     */
    @Override
    public void afterSingletonsInstantiated() {
        int claimed = jdbc.sql("""
                WITH unclaimed AS MATERIALIZED (
                    SELECT e.aggregateidentifier
                      FROM domainevententry e
                     WHERE e.payloadtype = 'org.oversight.events.childcase.ChildRegistered'
                       AND NOT EXISTS (SELECT 1 FROM child_identifier c WHERE c.child_id = e.aggregateidentifier))
                INSERT INTO child_identifier (local_authority, local_identifier, child_id)
                SELECT upper(btrim(r.payload ->> 'localAuthority')), upper(btrim(r.payload ->> 'localIdentifier')),
                       r.aggregateidentifier
                  FROM (SELECT e.globalindex, e.aggregateidentifier, convert_from(e.payload, 'UTF8')::jsonb AS payload
                          FROM unclaimed u
                          JOIN domainevententry e ON e.aggregateidentifier = u.aggregateidentifier
                         WHERE e.payloadtype = 'org.oversight.events.childcase.ChildRegistered') r
                 -- an encrypted identifier is claimed as it is recorded; only plain rows are read here
                 WHERE jsonb_typeof(r.payload -> 'localIdentifier') = 'string'
                 ORDER BY r.globalindex
                ON CONFLICT DO NOTHING
                """).update();
        if (claimed > 0) {
            LOG.info("Claimed the local identifiers of {} children registered without a claim", claimed);
        }
    }
}
