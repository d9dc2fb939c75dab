package org.oversight.deploy.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.SystemChromium;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in through the council's identity provider with the provider's claims as the source ("claims" mode),
 * end to end: a real OpenID Connect provider runs in the test, and Chromium follows the real redirects through
 * its sign-in form and back. The person lands signed in under their Oversight username (not the provider's
 * subject) with the roles, local authorities and teams the provider claims, written to Oversight's own tables;
 * a person the provider gives no Oversight role is refused with a page that says why. API clients use the
 * provider's client-credentials tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimsFromTheProviderIT {

    private final Map<String, Map<String, Object>> people = new ConcurrentHashMap<>();
    private CouncilIdentityProvider provider;
    private BrowserJourney journey;
    private OversightTestApp app;
    private SystemChromium chromium;
    private String baseUrl;
    private JdbcClient jdbc;

    @BeforeAll
    void start() {
        people.put("pclaims-7731", claims("pat.claims", "Pat Claims", List.of("CHAIR", "IRO", "SUPERUSER"),
                List.of("DEMO-N", "NOWHERE"), List.of("DEMO-N/North IRO team", "DEMO-N/Adoption support")));
        people.put("snorole-2210", claims("sam.norole", "Sam Norole", List.of("VISITOR"), List.of("DEMO-N"),
                List.of()));
        provider = CouncilIdentityProvider.start(people, List.of("reporting-tool", "stranger-tool"));
        journey = BrowserJourney.start(
                "--oversight.identity.provider.issuer-uri=" + provider.issuer(),
                "--oversight.identity.provider.client-id=" + CouncilIdentityProvider.OVERSIGHT_CLIENT,
                "--oversight.identity.provider.client-secret=" + CouncilIdentityProvider.OVERSIGHT_SECRET,
                "--oversight.identity.provider.name=Northmoor Council account",
                "--oversight.identity.provider.mode=claims",
                "--oversight.identity.provider.api.username-claim=sub",
                "--oversight.identity.provider.api.audience=" + CouncilIdentityProvider.API_AUDIENCE);
        app = journey.app();
        chromium = journey.chromium();
        // the provider accepts only the address it registered, and a loopback address only as an IP literal
        baseUrl = app.baseUrl().replace("localhost", "127.0.0.1");
        provider.registerOversight(baseUrl);
        jdbc = app.bean(JdbcClient.class);
    }

    @AfterAll
    void stop() {
        if (journey != null) {
            journey.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aPersonTheProviderGivesARoleLandsSignedInWithTheClaimedRolesAuthoritiesAndTeams() {
        Page page = signInAtTheProvider("pclaims-7731");

        assertThat(page).hasURL(baseUrl + "/");
        assertThat(page.getByTestId("signed-in-as")).containsText("Pat Claims");
        assertThat(page.getByTestId("signed-in-as")).containsText("(Chair)");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")))
                .containsText("My caseload");

        Map<String, Object> account = jdbc.sql("SELECT roles, chair_roles, password_hash, enabled FROM app_user "
                + "WHERE username = 'pat.claims'").query().singleRow();
        assertThat(account).containsEntry("roles", "CHAIR").containsEntry("chair_roles", "IRO")
                .containsEntry("enabled", true);
        assertThat(account.get("password_hash")).isNull();
        assertThat(jdbc.sql("SELECT local_authority FROM person_authority WHERE username = 'pat.claims'")
                .query(String.class).list()).containsExactly("DEMO-N");
        assertThat(jdbc.sql("SELECT team FROM person_team WHERE username = 'pat.claims' ORDER BY team")
                .query(String.class).list()).containsExactly("Adoption support", "North IRO team");
        // the session belongs to the Oversight username, which every look-up of the signed-in person uses
        assertThat(jdbc.sql("SELECT principal_name FROM spring_session").query(String.class).list())
                .contains("pat.claims").doesNotContain("pclaims-7731");
    }

    @Test
    void theClaimsAreWrittenAfreshAtEachSignIn() {
        people.put("pchange-5150", claims("pat.changes", "Pat Changes", List.of("CHAIR", "IRO"), List.of("DEMO-N"),
                List.of("North IRO team")));
        assertThat(signInAtTheProvider("pchange-5150").getByTestId("signed-in-as")).containsText("(Chair)");

        people.put("pchange-5150", claims("pat.changes", "Pat Changes", List.of("QA_LEAD"), List.of("DEMO-S"),
                List.of("DEMO-S/Quality team")));
        Page again = signInAtTheProvider("pchange-5150");

        assertThat(again.getByTestId("signed-in-as")).containsText("(QA lead)");
        assertThat(jdbc.sql("SELECT roles FROM app_user WHERE username = 'pat.changes'").query(String.class)
                .single()).isEqualTo("QA_LEAD");
        assertThat(jdbc.sql("SELECT local_authority || '/' || team FROM person_team WHERE username = 'pat.changes'")
                .query(String.class).list()).containsExactly("DEMO-S/Quality team");
    }

    @Test
    void aPersonTheProviderGivesNoOversightRoleIsRefusedWithAPageThatSaysWhy() {
        Page page = signInAtTheProvider("snorole-2210");

        assertThat(page).hasURL(baseUrl + "/sign-in/refused?reason=no-role");
        assertThat(page.getByTestId("sign-in-refused")).isVisible();
        assertThat(page.getByTestId("refusal-reason")).containsText("no role in Oversight");
        assertThat(page.getByTestId("signed-in-as")).hasCount(0);

        page.navigate("/caseload");
        assertThat(page).hasURL(baseUrl + "/login");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'sam.norole'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void anApiClientUsesTheProvidersClientCredentialsTokenAsTheAccountItsSubjectNames() throws Exception {
        jdbc.sql("INSERT INTO app_user (username, display_name, roles) VALUES ('reporting-tool', 'Reporting tool', "
                + "'QA_LEAD')").update();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> overdue = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/service/overdue"))
                .header("Authorization", "Bearer " + clientCredentialsToken("reporting-tool"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/service/overdue"))
                .header("Authorization", "Bearer " + clientCredentialsToken("stranger-tool"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(overdue.statusCode()).isEqualTo(200);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).contains("\"rule\":\"token-not-accepted\"");
    }

    /** Follows the sign-in button to the provider, signs in on its form, and comes back. */
    private Page signInAtTheProvider(String login) {
        Page page = chromium.newContext(baseUrl).newPage();
        page.navigate("/login");
        page.getByTestId("sign-in-with-provider").click();
        page.getByLabel("Username").fill(login);
        page.getByLabel("Password").fill(CouncilIdentityProvider.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> url.startsWith(baseUrl));
        return page;
    }

    private String clientCredentialsToken(String client) throws Exception {
        HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(provider.issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":"
                        + CouncilIdentityProvider.apiSecret(client)).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=oversight.api"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return new ObjectMapper().readTree(issued.body()).get("access_token").asText();
    }

    private static Map<String, Object> claims(String username, String name, List<String> roles,
            List<String> authorities, List<String> teams) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", username);
        claims.put("name", name);
        claims.put("roles", roles);
        claims.put("local_authorities", authorities);
        claims.put("teams", teams);
        return claims;
    }
}
