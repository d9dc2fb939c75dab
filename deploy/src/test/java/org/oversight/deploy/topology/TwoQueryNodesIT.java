package org.oversight.deploy.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.QueryServiceApplication;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production shape: two query-side services on one PostgreSQL share the four segments of the processor that
 * reads the projections together two and two, and when one stops the other takes over all four.
 */
class TwoQueryNodesIT {

    private static final String PROCESSOR = "projections";

    @Test
    void twoQueryNodesSplitTheProjectionSegmentsAndOneTakesOverWhenTheOtherStops() throws Exception {
        String jdbcUrl = TestPostgres.freshDatabase();
        try (ConfigurableApplicationContext first = queryNode(jdbcUrl, "query-a")) {
            Map<String, Integer> alone = await(jdbcUrl, owners -> owners.equals(Map.of("query-a", 4)));
            assertThat(alone).isEqualTo(Map.of("query-a", 4));
            assertThat(first.isRunning()).isTrue();

            try (ConfigurableApplicationContext second = queryNode(jdbcUrl, "query-b")) {
                Map<String, Integer> shared = await(jdbcUrl, owners -> owners.equals(Map.of("query-a", 2, "query-b", 2)));
                assertThat(shared).isEqualTo(Map.of("query-a", 2, "query-b", 2));
                assertThat(second.isRunning()).isTrue();
            }

            Map<String, Integer> takenOver = await(jdbcUrl, owners -> owners.equals(Map.of("query-a", 4)));
            assertThat(takenOver).isEqualTo(Map.of("query-a", 4));
        }
    }

    private static ConfigurableApplicationContext queryNode(String jdbcUrl, String nodeId) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(QueryServiceApplication.class);
        app.setAdditionalProfiles("query-service");
        return app.run("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--spring.main.banner-mode=off",
                "--oversight.node-id=" + nodeId, "--oversight.segment-balancing.interval=PT1S",
                "--oversight.token-claim-timeout=PT3S",
                "--oversight.audit.chain-key=" + org.oversight.deploy.support.OversightTestApp.TEST_CHAIN_KEY,
                "--oversight.data.key-encryption-key=" + org.oversight.deploy.support.OversightTestApp.TEST_DATA_KEY);
    }

    /** Segments per owner, polled until the expectation holds; after 60 seconds the failure shows the last read. */
    private static Map<String, Integer> await(String jdbcUrl, Predicate<Map<String, Integer>> expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(() -> owners(jdbcUrl), expected);
    }

    private static Map<String, Integer> owners(String jdbcUrl) throws SQLException {
        Map<String, Integer> owners = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var statement = connection.prepareStatement(
                     "SELECT owner, count(*) FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL GROUP BY owner")) {
            statement.setString(1, PROCESSOR);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return owners;
    }
}
