package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.access.People;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.access.Person;
import org.oversight.events.access.Role;
import org.oversight.query.access.SignedInPeople;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who a verified bearer token acts as, over a real PostgreSQL: the enabled account it names, with the roles Oversight
 * keeps for it, read afresh each time; the person so read, memberships and all, is left on the request for the
 * access guard, which then reads the account no second time. A disabled account, an unknown one, or one holding no
 * role Oversight knows is refused, and no person is left on the request for the access rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAccountsIT {

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private TokenAccounts tokens;

    @BeforeAll
    void start() {
        dataSource = TestPostgres.freshMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
        IdentityProperties identity = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("oversight.identity", IdentityProperties.class);
        tokens = new TokenAccounts(new People(jdbc), identity);
        jdbc.sql("INSERT INTO local_authority (code, name) VALUES ('TOKEN1', 'Token council')").update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, roles, enabled) VALUES
                       ('token.qa', 'Token QA', 'QA_LEAD,AUDITOR', true),
                       ('token.off', 'Token Off', 'QA_LEAD', false),
                       ('token.unknown', 'Token Unknown', 'RETIRED_ROLE', true)""").update();
        jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES ('token.qa', 'TOKEN1')").update();
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @BeforeEach
    void inARequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aTokenActsAsItsAccountWithTheRolesOversightKeeps() {
        AbstractAuthenticationToken authentication = tokens.convert(token("token.qa"));

        assertThat(authentication.getName()).isEqualTo("token.qa");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_QA_LEAD", "ROLE_AUDITOR");
    }

    @Test
    void thePersonReadForTheTokenIsLeftOnTheRequestForTheAccessRules() {
        AbstractAuthenticationToken authentication = tokens.convert(token("token.qa"));

        Object left = RequestContextHolder.currentRequestAttributes()
                .getAttribute(SignedInPeople.KEY, RequestAttributes.SCOPE_REQUEST);
        assertThat(left).isEqualTo(new Person("token.qa", Set.of(Role.QA_LEAD, Role.AUDITOR), Set.of("TOKEN1"),
                Set.of()));
        assertThat(((Person) left).username()).isEqualTo(authentication.getName());
    }

    @Test
    void theAccountIsReadAfreshForEveryToken() {
        tokens.convert(token("token.qa"));
        jdbc.sql("UPDATE app_user SET roles = 'AUDITOR' WHERE username = 'token.qa'").update();
        try {
            inARequest();
            assertThat(tokens.convert(token("token.qa")).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                    .containsExactly("ROLE_AUDITOR");
        } finally {
            jdbc.sql("UPDATE app_user SET roles = 'QA_LEAD,AUDITOR' WHERE username = 'token.qa'").update();
        }
    }

    @Test
    void aDisabledUnknownOrRolelessAccountIsRefusedAndNoPersonIsLeftOnTheRequest() {
        for (String username : new String[] {"token.off", "token.nobody", "token.unknown"}) {
            assertThatThrownBy(() -> tokens.convert(token(username))).as(username)
                    .isInstanceOf(InvalidBearerTokenException.class);
        }
        assertThat(RequestContextHolder.currentRequestAttributes()
                .getAttribute(SignedInPeople.KEY, RequestAttributes.SCOPE_REQUEST)).isNull();
    }

    @Test
    void outsideARequestTheTokenIsStillChecked() {
        RequestContextHolder.resetRequestAttributes();

        assertThat(tokens.convert(token("token.qa")).getName()).isEqualTo("token.qa");
        assertThatThrownBy(() -> tokens.convert(token("token.off"))).isInstanceOf(InvalidBearerTokenException.class);
    }

    private static Jwt token(String username) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("checked-before-conversion").header("alg", "RS256")
                .claim("iss", OwnTokenIssuer.ISSUER).subject(username).issuedAt(now).expiresAt(now.plusSeconds(60))
                .build();
    }
}
