package org.oversight.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's raw inserts take positions from a sequence of their own: drawn from the store's, they left the
 * store ten thousand unused positions at its head, which every event read after them carried as gaps.
 */
class RawCopyIT {

    @Test
    void rawInsertsLeaveTheStoresPositionsAlone() {
        try (HikariDataSource dataSource = TestPostgres.freshMigratedDatabase()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Long before = storeSequence(jdbc);
            jdbc.execute("CREATE TABLE bench_raw_events (LIKE domainevententry INCLUDING ALL)");
            Benchmark.rawPositions(jdbc);
            for (int i = 0; i < 3; i++) {
                jdbc.update("INSERT INTO bench_raw_events (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "payload, payloadtype, timestamp) VALUES ('raw', ?, 'T', ?, '\\x00', 'T', 'now')", i,
                        "raw-" + i);
            }
            assertThat(jdbc.queryForList("SELECT globalindex FROM bench_raw_events ORDER BY 1", Long.class))
                    .containsExactly(1L, 2L, 3L);
            assertThat(storeSequence(jdbc)).as("the store's sequence, untouched").isEqualTo(before);
            jdbc.execute("DROP TABLE bench_raw_events");
            assertThat(jdbc.queryForObject("SELECT to_regclass('bench_raw_events_position') IS NULL", Boolean.class))
                    .as("the copy's sequence, dropped with it").isTrue();
        }
    }

    private static Long storeSequence(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT last_value + (CASE WHEN is_called THEN 1 ELSE 0 END) "
                + "FROM domainevententry_globalindex_seq", Long.class);
    }
}
