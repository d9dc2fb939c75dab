package org.oversight.query.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.EducationPlanRecorded;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.HealthCheckRecorded;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The health checks and PEP meetings projected into a real PostgreSQL whose tables the migrations make, read back
 * newest first (the later recorded of one day first), and the same rows after the events are applied twice.
 */
class HealthAndEducationProjectionTest {

    private static final String[] MIGRATIONS = {"V3_3__projection_positions_and_protection.sql",
            "V5_21__health_checks_and_education_plans.sql"};
    private static final String CHILD = "child-1";
    private static final String JOURNEY = "care-" + CHILD;
    private static final LocalDate ON = LocalDate.of(2026, 3, 2);

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private JdbcClient jdbc;
    private HealthAndEducationProjection projection;
    private HealthAndEducationQueries queries;

    @BeforeEach
    void freshTables() {
        database.freshSchema(MIGRATIONS);
        jdbc = JdbcClient.create(database.dataSource());
        projection = new HealthAndEducationProjection(jdbc,
                new ProjectionWrites(new JdbcTemplate(database.dataSource())), new ProjectionPositions(jdbc));
        queries = new HealthAndEducationQueries(jdbc, new Names());
    }

    private void applyAll() {
        projection.on(new HealthCheckRecorded(CHILD, "p1", HealthCheck.INITIAL_HEALTH_ASSESSMENT, ON, "iro.ahmed"),
                JOURNEY, 1);
        projection.on(new HealthCheckRecorded(CHILD, "p1", HealthCheck.DENTAL_CHECK, ON.plusDays(7), "iro.ahmed"),
                JOURNEY, 2);
        projection.on(new HealthCheckRecorded(CHILD, "p1", HealthCheck.REVIEW_HEALTH_ASSESSMENT, ON.plusDays(7),
                "iro.ahmed"), JOURNEY, 3);
        projection.on(new EducationPlanRecorded(CHILD, "p1", ON.plusDays(1), "iro.ahmed"), JOURNEY, 4);
    }

    @Test
    void checksAndPlansReadNewestFirstWithTheIrosName() {
        applyAll();

        HealthAndEducationRecord record = queries.record(CHILD);

        assertThat(record.checks()).extracting(HealthAndEducationRecord.Check::check)
                .containsExactly(HealthCheck.REVIEW_HEALTH_ASSESSMENT, HealthCheck.DENTAL_CHECK,
                        HealthCheck.INITIAL_HEALTH_ASSESSMENT);
        assertThat(record.checks()).extracting(HealthAndEducationRecord.Check::iroName).containsOnly("Aisha Ahmed");
        assertThat(record.educationPlans()).singleElement().satisfies(p -> {
            assertThat(p.periodId()).isEqualTo("p1");
            assertThat(p.heldOn()).isEqualTo(ON.plusDays(1));
        });
        assertThat(queries.record("another-child").empty()).isTrue();
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameRecord() {
        applyAll();
        HealthAndEducationRecord once = queries.record(CHILD);

        applyAll();

        assertThat(queries.record(CHILD)).isEqualTo(once);
    }

    private static final class Names implements StaffDirectory {

        @Override
        public List<ChairOption> chairs(ChairRole role) {
            return List.of();
        }

        @Override
        public Map<String, String> localAuthorities() {
            return Map.of();
        }

        @Override
        public Optional<String> displayName(String username) {
            return "iro.ahmed".equals(username) ? Optional.of("Aisha Ahmed") : Optional.empty();
        }
    }
}
