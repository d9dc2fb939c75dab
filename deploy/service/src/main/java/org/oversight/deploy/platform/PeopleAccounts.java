package org.oversight.deploy.platform;

import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.oversight.events.access.Team;
import org.oversight.events.people.ExistingPersonRecorded;
import org.oversight.events.people.PersonAdded;
import org.oversight.events.people.PersonAuthoritiesChanged;
import org.oversight.events.people.PersonDisabled;
import org.oversight.events.people.PersonEnabled;
import org.oversight.events.people.PersonRolesChanged;
import org.oversight.events.people.PersonTeamsChanged;
import org.oversight.events.people.TeamAdded;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the accounts tables that signing in and the access rules read ({@code app_user}, {@code person_authority},
 * {@code person_team}, {@code team}) in step with the people events.
 *
 * <p>The processor subscribes: it runs in the command's own transaction, as the events are appended, so a change
 * holds for the very next sign-in and either the events and the tables both change or neither does (a failure
 * here is propagated, refusing the command, rather than logged and skipped). Accounts set up before people were
 * recorded as events are rows these handlers never wrote; they are changed in place like any other. Passwords
 * are never touched here. Taking roles away or disabling someone also ends their sessions on every node, since
 * a session holds the roles it was signed in with.
 */
@Component
@ProcessingGroup(PeopleAccounts.PROCESSOR)
public class PeopleAccounts {

    public static final String PROCESSOR = "accounts";

    private final JdbcClient jdbc;

    public PeopleAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    static ConfigurerModule accountsInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(PROCESSOR)
                .registerListenerInvocationErrorHandler(PROCESSOR, configuration -> PropagatingErrorHandler.instance()));
    }

    @EventHandler
    void on(PersonAdded event) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles, enabled)
                VALUES (:u, :n, NULL, :r, :c, TRUE)
                """).param("u", event.username()).param("n", event.displayName())
                .param("r", csv(event.roles())).param("c", csv(event.chairRoles())).update();
        authoritiesAndTeams(event.username(), event.authorities(), event.teams());
    }

    /** The tables already hold what this records: it is how the account stood when the record began. */
    @EventHandler
    void on(ExistingPersonRecorded event) {
        exactlyOne(jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", event.username())
                .query(Integer.class).single());
    }

    @EventHandler
    void on(PersonRolesChanged event) {
        exactlyOne(jdbc.sql("UPDATE app_user SET roles = :r, chair_roles = :c WHERE username = :u")
                .param("r", csv(event.roles())).param("c", csv(event.chairRoles())).param("u", event.username())
                .update());
        endSessions(event.username());
    }

    @EventHandler
    void on(PersonAuthoritiesChanged event) {
        authoritiesAndTeams(event.username(), event.authorities(), event.teams());
    }

    @EventHandler
    void on(PersonTeamsChanged event) {
        jdbc.sql("DELETE FROM person_team WHERE username = :u").param("u", event.username()).update();
        teams(event.username(), event.teams());
    }

    @EventHandler
    void on(PersonDisabled event) {
        exactlyOne(jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = :u").param("u", event.username())
                .update());
        endSessions(event.username());
    }

    @EventHandler
    void on(PersonEnabled event) {
        exactlyOne(jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE username = :u").param("u", event.username())
                .update());
    }

    @EventHandler
    void on(TeamAdded event) {
        jdbc.sql("INSERT INTO team (local_authority, name) VALUES (:la, :name) ON CONFLICT DO NOTHING")
                .param("la", event.localAuthority()).param("name", event.name()).update();
    }

    private void authoritiesAndTeams(String username, List<String> authorities, List<Team> teams) {
        // person_team rows go with their person_authority row (ON DELETE CASCADE)
        jdbc.sql("DELETE FROM person_authority WHERE username = :u").param("u", username).update();
        for (String authority : authorities) {
            jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES (:u, :la)")
                    .param("u", username).param("la", authority).update();
        }
        teams(username, teams);
    }

    private void teams(String username, List<Team> teams) {
        for (Team team : teams) {
            jdbc.sql("INSERT INTO person_team (username, local_authority, team) VALUES (:u, :la, :t)")
                    .param("u", username).param("la", team.localAuthority()).param("t", team.name()).update();
        }
    }

    private void endSessions(String username) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :u").param("u", username).update();
    }

    private static void exactlyOne(int rows) {
        if (rows != 1) {
            throw new IllegalStateException("The person's account row is missing: the accounts tables were changed "
                    + "outside the service");
        }
    }

    private static String csv(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
