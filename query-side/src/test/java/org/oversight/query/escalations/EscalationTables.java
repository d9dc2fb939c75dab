package org.oversight.query.escalations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.escalation.EscalationMovedUp;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.escalation.EscalationReferredToCafcass;
import org.oversight.events.escalation.EscalationResolved;
import org.oversight.events.escalation.EscalationResponseReceived;
import org.oversight.events.escalation.EscalationResponseRejected;
import org.oversight.events.escalation.EscalationWithdrawn;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.policy.PolicyQueries;
import org.oversight.query.testing.ProjectionDatabase;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalations projection on a real PostgreSQL whose tables are made by the Flyway migrations themselves, with
 * the handlers called directly (no Spring, no Axon). Each escalation's events are numbered as Axon would; every
 * event applied is kept, so a test can apply them all again.
 */
final class EscalationTables {

    static final String[] MIGRATIONS = {"V3_1__caseload.sql", "V3_2__bank_holidays.sql",
            "V3_3__projection_positions_and_protection.sql", "V3_6__escalations.sql", "V3_7__policy_settings.sql",
            "V3_30__child_restrictions.sql", "V4_50__early_review_timescale.sql", "V4_62__escalation_child_copy.sql",
            "V5_20__health_and_education_timescales.sql", "V6_10__conference_timescales.sql"};

    /** The staff directory's teams: two chairs in two teams, and one with none. */
    static final Map<String, String> TEAMS = Map.of("chair.brown", "North IRO team", "iro.ahmed", "North IRO team",
            "iro.okafor", "South IRO team");

    final JdbcClient jdbc;
    final EscalationsProjection projection;
    private final EscalationChildCopy children;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Applied> applied = new ArrayList<>();

    record Applied(Object event, String escalationId, long sequence) {
    }

    private EscalationTables(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.projection = new EscalationsProjection(jdbc, new ProjectionWrites(new JdbcTemplate(dataSource)),
                new ProjectionPositions(jdbc), new Directory());
        this.children = new EscalationChildCopy(jdbc, new ProjectionWrites(new JdbcTemplate(dataSource)));
    }

    /** Empty tables in the given database. */
    static EscalationTables fresh(ProjectionDatabase database) {
        database.freshSchema(MIGRATIONS);
        return new EscalationTables(database.dataSource());
    }

    EscalationQueries queriesOn(LocalDate today) {
        return new EscalationQueries(jdbc, clocksOn(today));
    }

    EscalationClocks clocksOn(LocalDate today) {
        ZoneId london = ZoneId.of("Europe/London");
        return new EscalationClocks(new StatutoryCalendar(jdbc),
                Clock.fixed(today.atStartOfDay(london).plusHours(12).toInstant(), london), new PolicyQueries(jdbc));
    }

    EscalationReports reportsOn(LocalDate today) {
        EscalationClocks clocks = clocksOn(today);
        return new EscalationReports(new EscalationQueries(jdbc, clocks), clocks, new DefaultEscalationPolicy(),
                new Directory());
    }

    /** Registers a child, as the escalations' own copy of the child's case records it. */
    void child(String childId, String givenName, String familyName) {
        children.on(new ChildRegistered(childId, "DEMO-N", childId, givenName, familyName, LocalDate.of(2018, 1, 1),
                null, LocalDate.of(2024, 1, 1)), 0);
    }

    /** Raises a formal escalation ({@code level} given) or an informal alert ({@code level} null). */
    String raise(String escalationId, LocalDate on, String level, String category, String chair, String... children) {
        return raiseIn("DEMO-N", escalationId, on, level, category, chair, children);
    }

    String raiseIn(String authority, String escalationId, LocalDate on, String level, String category, String chair,
            String... children) {
        apply(escalationId, new EscalationRaised(escalationId, List.of(children.length == 0
                ? new String[] {"child-" + escalationId} : children), authority, category, "Allocate a social worker",
                level != null, level, on, chair, chair.replace('.', ' ')));
        return escalationId;
    }

    /** Restricts a child's record to the people named, as the escalations' own copy of the child's case records it. */
    void restrict(String childId, String... namedPeople) {
        child(childId, "Restricted", "Child");
        children.on(new ChildRecordRestricted(childId, List.of(namedPeople), "A member of staff's child"), 1);
    }

    void moveUp(String escalationId, String from, String to, LocalDate on, String... skipped) {
        apply(escalationId, new EscalationMovedUp(escalationId, from, to, List.of(skipped), on,
                skipped.length == 0 ? null : "Urgent"));
    }

    void respond(String escalationId, String level, LocalDate on) {
        apply(escalationId, new EscalationResponseReceived(escalationId, level, on, "Service manager",
                "A social worker by Friday"));
    }

    void reject(String escalationId, String level, LocalDate on) {
        apply(escalationId, new EscalationResponseRejected(escalationId, level, on, "No date given"));
    }

    void resolve(String escalationId, String level, LocalDate on, boolean inChildsInterest) {
        apply(escalationId, new EscalationResolved(escalationId, on, level, "Social worker allocated",
                inChildsInterest));
    }

    void withdraw(String escalationId, LocalDate on) {
        apply(escalationId, new EscalationWithdrawn(escalationId, on, "Resolved at the review"));
    }

    void referToCafcass(String escalationId, LocalDate on) {
        apply(escalationId, new EscalationReferredToCafcass(escalationId, on, "Care plan drift"));
    }

    /** Applies an event to the projection with the escalation's next sequence number, as Axon would. */
    void apply(String escalationId, Object event) {
        long sequence = sequences.merge(escalationId, 0L, (last, zero) -> last + 1);
        applied.add(new Applied(event, escalationId, sequence));
        deliver(new Applied(event, escalationId, sequence));
    }

    /** Every event applied so far, in order. */
    List<Applied> applied() {
        return List.copyOf(applied);
    }

    /** Delivers an event again, exactly as it was first delivered. */
    void deliver(Applied a) {
        Object event = a.event();
        String id = a.escalationId();
        long sequence = a.sequence();
        if (event instanceof EscalationRaised e) {
            projection.on(e, id, sequence);
        } else if (event instanceof EscalationMovedUp e) {
            projection.on(e, id, sequence);
        } else if (event instanceof EscalationResponseReceived e) {
            projection.on(e, id, sequence);
        } else if (event instanceof EscalationResponseRejected e) {
            projection.on(e, id, sequence);
        } else if (event instanceof EscalationResolved e) {
            projection.on(e, id, sequence);
        } else if (event instanceof EscalationWithdrawn e) {
            projection.on(e, id, sequence);
        } else if (event instanceof EscalationReferredToCafcass e) {
            projection.on(e, id, sequence);
        } else {
            throw new IllegalArgumentException("Not an escalation event: " + event);
        }
    }

    /** Every row of the projection's tables and positions, as text, in a stable order. */
    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (String query : List.of("SELECT * FROM escalation ORDER BY escalation_id",
                "SELECT * FROM escalation_child ORDER BY escalation_id, child_id",
                "SELECT * FROM escalation_step ORDER BY escalation_id, sequence",
                "SELECT * FROM projection_position ORDER BY aggregate_id")) {
            rows.addAll(jdbc.sql(query).query((rs, i) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                }
                return row.toString();
            }).list());
        }
        return rows;
    }

    /** The staff directory's teams, and the two demo local authorities. */
    private static final class Directory implements StaffDirectory {

        @Override
        public List<ChairOption> chairs(ChairRole role) {
            return List.of();
        }

        @Override
        public Map<String, String> localAuthorities() {
            Map<String, String> authorities = new LinkedHashMap<>();
            authorities.put("DEMO-N", "Northmoor Council (demo)");
            authorities.put("DEMO-S", "Southvale Borough (demo)");
            return authorities;
        }

        @Override
        public Optional<String> displayName(String username) {
            return Optional.of(username);
        }

        @Override
        public Optional<String> teamOf(String username) {
            return Optional.ofNullable(TEAMS.get(username));
        }
    }
}
