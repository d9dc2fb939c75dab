package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.TestPostgres;

/**
 * The upgrade to splitting the protection and looked-after projections by child: no segment may start past an
 * event it now holds and its previous owner had not applied, so each starts from the earliest position among them
 * (or, with a replay under way, from the beginning); the other projections keep their positions.
 */
class SequencingUpgradeIT {

    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final String REPLAY = "org.axonframework.eventhandling.ReplayToken";

    @Test
    void everySegmentOfTheResplitProjectionsStartsFromTheEarliestPositionAndNoneIsSkipped() throws Exception {
        String jdbcUrl = TestPostgres.freshDatabase();
        migrate(jdbcUrl, "4.4");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            token(connection, "protection", 0, GAP_AWARE, gapAware(120, ""));
            token(connection, "protection", 1, GAP_AWARE, gapAware(100, "97"));
            token(connection, "protection", 2, GAP_AWARE, gapAware(135, ""));
            token(connection, "protection", 3, null, null);
            token(connection, "looked-after", 0, GAP_AWARE, gapAware(50, ""));
            token(connection, "looked-after", 1, REPLAY, "{\"tokenAtReset\":{},\"currentToken\":{}}");
            token(connection, "caseload", 0, GAP_AWARE, gapAware(135, ""));
            token(connection, "caseload", 1, GAP_AWARE, gapAware(99, ""));
        }

        migrate(jdbcUrl, "latest");

        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            assertThat(tokens(connection, "protection")).isEqualTo(Map.of(
                    0, gapAware(100, "97"), 1, gapAware(100, "97"), 2, gapAware(100, "97"), 3, "none"));
            assertThat(tokens(connection, "looked-after")).as("a replay under way: from the beginning")
                    .isEqualTo(Map.of(0, "none", 1, "none"));
            assertThat(tokens(connection, "caseload")).as("split as before")
                    .isEqualTo(Map.of(0, gapAware(135, ""), 1, gapAware(99, "")));
        }
    }

    private static void migrate(String jdbcUrl, String target) {
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").locations("classpath:db/migration").outOfOrder(true)
                .ignoreMigrationPatterns("*:missing").target(target).load().migrate();
    }

    private static String gapAware(long index, String gaps) {
        return "{\"index\":" + index + ",\"gaps\":[\"java.util.Collections$UnmodifiableSortedSet\",[" + gaps + "]]}";
    }

    private static void token(Connection connection, String processor, int segment, String type, String json)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tokenentry (processorname, segment, token, tokentype) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, processor);
            insert.setInt(2, segment);
            insert.setBytes(3, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
            insert.setString(4, type);
            insert.executeUpdate();
        }
    }

    private static Map<Integer, String> tokens(Connection connection, String processor) throws SQLException {
        Map<Integer, String> tokens = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?")) {
            select.setString(1, processor);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byte[] token = rs.getBytes(2);
                    tokens.put(rs.getInt(1), token == null ? "none" : new String(token, StandardCharsets.UTF_8));
                    if (token != null) {
                        assertThat(rs.getString(3)).isEqualTo(GAP_AWARE);
                    }
                }
            }
        }
        return tokens;
    }
}
