package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A command is stamped with its sender's display name ({@code RecordingUser}); within a request the name comes
 * from the signed-in person's read that the access guard made, not from a second read of the account. Over a
 * real PostgreSQL: the account's name is changed behind the directory's back, so a second read would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayNameWithThePersonIT {

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private JdbcStaffDirectory directory;

    @BeforeAll
    void start() {
        dataSource = TestPostgres.freshMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
        directory = new JdbcStaffDirectory(jdbc);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @BeforeEach
    void accounts() {
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'name.%'").update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, roles, enabled) VALUES
                       ('name.first', 'First Name', 'CHAIR', true),
                       ('name.other', 'Other Name', 'CHAIR', true),
                       ('name.off', 'Disabled Name', 'CHAIR', false)""").update();
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theNameReadWithThePersonServesTheRestOfTheRequest() {
        inARequest();
        assertThat(directory.person("name.first")).isPresent();
        rename("name.first", "Renamed Since");

        assertThat(directory.displayName("name.first")).contains("First Name");
    }

    @Test
    void anotherPersonsNameIsReadFromTheirAccount() {
        inARequest();
        assertThat(directory.person("name.first")).isPresent();
        rename("name.other", "Other Renamed");

        assertThat(directory.displayName("name.other")).contains("Other Renamed");
    }

    @Test
    void theNextRequestReadsTheAccountAfresh() {
        inARequest();
        assertThat(directory.person("name.first")).isPresent();
        rename("name.first", "Renamed Since");

        inARequest();
        assertThat(directory.displayName("name.first")).contains("Renamed Since");
    }

    @Test
    void outsideARequestTheAccountIsRead() {
        assertThat(directory.person("name.first")).isPresent();
        rename("name.first", "Renamed Since");

        assertThat(directory.displayName("name.first")).contains("Renamed Since");
    }

    @Test
    void aDisabledAccountIsNobodyAndItsNameIsStillReadFromTheAccount() {
        inARequest();
        assertThat(directory.person("name.off")).isEmpty();
        rename("name.off", "Disabled Renamed");

        assertThat(directory.displayName("name.off")).contains("Disabled Renamed");
    }

    private static void inARequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    private void rename(String username, String name) {
        jdbc.sql("UPDATE app_user SET display_name = :n WHERE username = :u").param("n", name).param("u", username)
                .update();
    }
}
