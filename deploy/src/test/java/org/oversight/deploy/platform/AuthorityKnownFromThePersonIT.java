package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether a local authority exists (every command naming one asks) is answered from the signed-in person's read
 * when the person belongs to it, without a trip to the database; any other authority, and any outside a request, is
 * asked of the database. Over a real PostgreSQL, counting the statements the directory sends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorityKnownFromThePersonIT {

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private final AtomicInteger statements = new AtomicInteger();
    private JdbcStaffDirectory directory;

    @BeforeAll
    void start() {
        dataSource = TestPostgres.freshMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
        // each statement the directory sends outside a transaction takes a connection of its own
        directory = new JdbcStaffDirectory(JdbcClient.create(new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                statements.incrementAndGet();
                return super.getConnection();
            }
        }));
        jdbc.sql("""
                INSERT INTO local_authority (code, name) VALUES ('KNOWN1', 'Known'), ('OTHER1', 'Other')
                """).update();
        jdbc.sql("INSERT INTO app_user (username, display_name, roles) VALUES ('la.member', 'Member', 'CHAIR')")
                .update();
        jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES ('la.member', 'KNOWN1')").update();
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @BeforeEach
    void inARequestWithThePersonRead() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(directory.person("la.member")).isPresent();
        statements.set(0);
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void thePersonsOwnAuthorityIsKnownWithoutAStatement() {
        assertThat(directory.isLocalAuthority("KNOWN1")).isTrue();
        assertThat(statements).hasValue(0);
    }

    @Test
    void anotherAuthorityIsAskedOfTheDatabase() {
        assertThat(directory.isLocalAuthority("OTHER1")).isTrue();
        assertThat(directory.isLocalAuthority("NOSUCH")).isFalse();
        assertThat(statements).hasValue(2);
    }

    @Test
    void theNextRequestWithoutAReadAsksTheDatabase() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThat(directory.isLocalAuthority("KNOWN1")).isTrue();
        assertThat(statements).hasValue(1);
    }

    @Test
    void outsideARequestTheDatabaseIsAsked() {
        RequestContextHolder.resetRequestAttributes();

        assertThat(directory.isLocalAuthority("KNOWN1")).isTrue();
        assertThat(directory.isLocalAuthority(null)).isFalse();
        assertThat(statements).hasValue(1);
    }
}
