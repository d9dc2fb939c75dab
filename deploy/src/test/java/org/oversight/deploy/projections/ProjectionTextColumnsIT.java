package org.oversight.deploy.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * No projection column is narrower than the field rule of what it holds: every text column of every table the
 * query side's migrations make is unbounded, on a real PostgreSQL migrated exactly as the application migrates
 * it. A name, reason or identifier the rules accept can then always be projected.
 */
class ProjectionTextColumnsIT {

    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void noProjectionTableHasABoundedCharacterColumn() throws Exception {
        String url = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").outOfOrder(true)
                .load().migrate();
        Set<String> projectionTables = projectionTables();
        assertThat(projectionTables).as("tables made by the query side's migrations").contains("caseload_child",
                "protection_enquiry", "looked_after_period", "escalation", "history_read", "social_work_visit",
                "looked_after_meeting", "retention_child", "caseload_child_copy");

        List<String> bounded = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement query = connection.prepareStatement("""
                        SELECT table_name, column_name, data_type, character_maximum_length
                          FROM information_schema.columns
                         WHERE table_schema = current_schema()
                           AND data_type IN ('character varying', 'character')
                         ORDER BY table_name, column_name""")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (projectionTables.contains(rows.getString("table_name"))) {
                        bounded.add(rows.getString("table_name") + "." + rows.getString("column_name") + " "
                                + rows.getString("data_type") + "(" + rows.getObject("character_maximum_length") + ")");
                    }
                }
            }
            assertThat(countTextColumns(connection, projectionTables)).as("text columns found").isGreaterThan(100);
        }
        assertThat(bounded).as("bounded character columns in projection tables").isEmpty();
    }

    private static int countTextColumns(Connection connection, Set<String> tables) throws SQLException {
        int count = 0;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT table_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND data_type = 'text'""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                count += tables.contains(rows.getString(1)) ? 1 : 0;
            }
        }
        return count;
    }

    /** Every table a query-side migration creates, whatever its version (the module's, found by where it lies). */
    private static Set<String> projectionTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        for (Resource migration : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/*.sql")) {
            if (!migration.getURL().toString().contains("query-side")) {
                continue;
            }
            Matcher created = CREATE_TABLE.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (created.find()) {
                tables.add(created.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }
}
