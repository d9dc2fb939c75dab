package org.oversight.deploy.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A deployment from before teams belonged to authorities: the team each account named is carried into
 * {@code person_team} only where its authority is certain, and a person without an authority keeps none.
 */
class TeamsCarriedOverIT {

    @Test
    void aTeamIsCarriedOverOnlyWhereItsAuthorityIsCertain() {
        String url = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
        migrate(dataSource, "4.10");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO local_authority (code, name) VALUES ('LA1', 'One'), ('LA2', 'Two')").update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, roles, chair_roles, team) VALUES
                  ('one.authority', 'One Authority', 'CHAIR', 'IRO', 'North team'),
                  ('two.authorities', 'Two Authorities', 'CHAIR', 'IRO', 'North team'),
                  ('two.unsure', 'Two Unsure', 'CHAIR', 'IRO', 'Nowhere team'),
                  ('no.authority', 'No Authority', 'CHAIR', 'IRO', 'North team'),
                  ('no.team', 'No Team', 'AUDITOR', '', NULL)
                """).update();
        jdbc.sql("""
                INSERT INTO person_authority (username, local_authority) VALUES
                  ('one.authority', 'LA1'), ('two.authorities', 'LA1'), ('two.authorities', 'LA2'),
                  ('two.unsure', 'LA1'), ('two.unsure', 'LA2'), ('no.team', 'LA2')
                """).update();

        migrate(dataSource, null);

        List<String> teams = jdbc.sql("SELECT username || ' ' || local_authority || ' ' || team FROM person_team "
                + "ORDER BY username").query(String.class).list();
        // the team is LA1's because one.authority works there only; two.authorities then finds it in LA1 alone
        assertThat(teams).containsExactly("one.authority LA1 North team", "two.authorities LA1 North team");
        assertThat(jdbc.sql("SELECT local_authority || ' ' || name FROM team").query(String.class).list())
                .containsExactly("LA1 North team");
    }

    private static void migrate(DriverManagerDataSource dataSource, String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .outOfOrder(true).ignoreMigrationPatterns("*:missing");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}
