package org.oversight.deploy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.platform.JdbcStaffDirectory;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.access.Person;
import org.oversight.events.access.Role;
import org.oversight.query.access.SignedInPeople;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The person a handler is given: the one left on the request by whatever read them first (a bearer token's check, the
 * access guard), but only when it is the request's signed-in person; anyone else left there is ignored and the
 * signed-in person's account read. Over a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedInPersonForTheHandlerIT {

    private HikariDataSource dataSource;
    private SignedInPeople people;

    @BeforeAll
    void start() {
        dataSource = TestPostgres.freshMigratedDatabase();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        people = new SignedInPeople(new JdbcStaffDirectory(jdbc));
        jdbc.sql("INSERT INTO app_user (username, display_name, roles) VALUES ('handler.chair', 'Handler', 'CHAIR')")
                .update();
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void thePersonLeftOnTheRequestIsTheOneGivenWhenTheyAreTheSignedInPerson() {
        Person left = new Person("handler.chair", Set.of(Role.CHAIR), Set.of("LEFT01"), Set.of());
        ServletWebRequest request = requestWith(left);
        signIn("handler.chair");

        assertThat(people.resolveArgument(null, null, request, null)).isSameAs(left);
    }

    @Test
    void someoneElseLeftOnTheRequestIsIgnoredAndTheAccountRead() {
        ServletWebRequest request = requestWith(new Person("someone.else", Set.of(Role.QA_LEAD), Set.of("LEFT01"),
                Set.of()));
        signIn("handler.chair");

        Person given = people.resolveArgument(null, null, request, null);
        assertThat(given.username()).isEqualTo("handler.chair");
        assertThat(given.roles()).containsExactly(Role.CHAIR);
        assertThat(request.getAttribute(SignedInPeople.KEY, RequestAttributes.SCOPE_REQUEST)).isEqualTo(given);
    }

    @Test
    void nobodySignedInIsRefusedWhateverIsLeftOnTheRequest() {
        ServletWebRequest request = requestWith(new Person("handler.chair", Set.of(Role.CHAIR), Set.of(), Set.of()));

        assertThatThrownBy(() -> people.resolveArgument(null, null, request, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static ServletWebRequest requestWith(Person left) {
        ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());
        request.setAttribute(SignedInPeople.KEY, left, RequestAttributes.SCOPE_REQUEST);
        return request;
    }

    private static void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_CHAIR"))));
    }
}
