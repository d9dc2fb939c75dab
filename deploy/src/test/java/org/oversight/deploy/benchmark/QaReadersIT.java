package org.oversight.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's readers are kept in the data set between runs: a reader set up for one authority must read that
 * authority alone, whatever an earlier run gave them, or one authority's report is measured as two authorities'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QaReadersIT {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeAll
    void start() {
        dataSource = TestPostgres.freshMigratedDatabase();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO local_authority (code, name) VALUES ('GEN001', 'First'), ('GEN002', 'Second')");
        jdbc.update("INSERT INTO app_user (username, display_name, password_hash, roles) "
                + "VALUES ('chair.brown', 'Chair', 'hash', 'CHAIR')");
    }

    @AfterAll
    void stop() {
        dataSource.close();
    }

    @Test
    void aReaderSetUpForOneAuthorityLosesTheAuthorityAnEarlierRunGaveThem() {
        QaReaders.ofAuthorities(jdbc, "bench.test.qa", List.of("GEN001"));
        QaReaders.ofAuthorities(jdbc, "bench.test.qa", List.of("GEN002"));

        assertThat(jdbc.queryForList("SELECT local_authority FROM person_authority WHERE username = ?",
                String.class, "bench.test.qa")).containsExactly("GEN002");
        assertThat(jdbc.queryForObject("SELECT roles FROM app_user WHERE username = ?", String.class,
                "bench.test.qa")).isEqualTo("QA_LEAD");
    }
}
