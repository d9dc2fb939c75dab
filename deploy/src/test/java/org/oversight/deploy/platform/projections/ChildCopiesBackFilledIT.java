package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The upgrade that gave each read model its own copy of the child: the processors keeping the copies have already
 * passed every event recorded before it, so the copies are filled once by the migrations from the child
 * projection's tables, and an upgraded deployment lists every child at once, without a rebuild, with each
 * restriction and chair as they were.
 */
class ChildCopiesBackFilledIT {

    @Test
    void everyCopyStartsWithTheChildrenTheirAuthoritiesRestrictionsAndChairsAsTheyWere() throws SQLException {
        String jdbcUrl = TestPostgres.freshDatabase();
        migrate(jdbcUrl, "4.50");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO caseload_child (child_id, local_authority, local_identifier, given_name, family_name,
                                                date_of_birth, registered_on, last_sequence)
                    VALUES ('child-n', 'DEMO-N', 'N1', 'Nia', 'North', DATE '2016-01-01', DATE '2024-01-01', 4),
                           ('child-s', 'DEMO-S', 'S1', 'Sol', 'South', DATE '2017-01-01', DATE '2024-01-01', 0);
                    INSERT INTO caseload_allocation (child_id, role, chair_id, chair_name, allocated_from,
                                                     chair_changes, applied_sequence)
                    VALUES ('child-n', 'IRO', 'iro.one', 'Iro One', DATE '2024-02-01', 1, 3);
                    INSERT INTO child_restriction (child_id, named_people, applied_sequence)
                    VALUES ('child-n', ARRAY['manager.one', 'qa.one'], 4);
                    """);
        }
        migrate(jdbcUrl, null);

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", ""));
        for (String copy : List.of("caseload_child_copy", "due_item_child_copy", "protection_child_copy",
                "history_read_child_copy")) {
            assertThat(jdbc.queryForList("SELECT child_id || ' ' || local_authority || ' '"
                    + " || coalesce(array_to_string(restricted_to, ','), '-') || ' ' || last_sequence FROM "
                    + copy + " ORDER BY child_id", String.class)).as(copy)
                    .containsExactly("child-n DEMO-N manager.one,qa.one 4", "child-s DEMO-S - 0");
        }
        assertThat(jdbc.queryForList("SELECT child_id || ' ' || given_name || ' '"
                + " || coalesce(array_to_string(restricted_to, ','), '-') FROM escalation_child_copy"
                + " ORDER BY child_id", String.class))
                .containsExactly("child-n Nia manager.one,qa.one", "child-s Sol -");
        assertThat(jdbc.queryForList("SELECT child_id || ' ' || local_authority || ' ' || local_identifier"
                + " FROM child_search_child_copy ORDER BY child_id", String.class))
                .containsExactly("child-n DEMO-N N1", "child-s DEMO-S S1");
        for (String copy : List.of("caseload_allocation_copy", "due_item_allocation_copy",
                "protection_allocation_copy")) {
            assertThat(jdbc.queryForList("SELECT child_id || ' ' || role || ' ' || chair_id || ' '"
                    + " || applied_sequence FROM " + copy, String.class)).as(copy)
                    .containsExactly("child-n IRO iro.one 3");
        }
    }

    private static void migrate(String jdbcUrl, String target) {
        var flyway = Flyway.configure().dataSource(jdbcUrl, "postgres", "").locations("classpath:db/migration")
                .outOfOrder(true).ignoreMigrationPatterns("*:missing");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }
}
