package org.oversight.deploy.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.SystemChromium;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * A production-like deployment: everyone signs in through the council's identity provider, Oversight's
 * administrators keep the accounts ("managed" mode: the provider says only who the person is), and passwords
 * kept by Oversight are switched off. A real OpenID Connect provider runs in the test and Chromium follows the
 * real redirects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagedAccountsIT {

    private final Map<String, Map<String, Object>> people = new ConcurrentHashMap<>();
    private CouncilIdentityProvider provider;
    private BrowserJourney journey;
    private OversightTestApp app;
    private SystemChromium chromium;
    private String baseUrl;

    @BeforeAll
    void start() {
        // the roles the provider claims are ignored here: Oversight's own say who does what
        people.put("bbrown-0042", Map.of("preferred_username", "chair.brown", "roles", List.of("ADMIN")));
        people.put("ghost-0666", Map.of("preferred_username", "ghost.person", "roles", List.of("ADMIN")));
        people.put("leaver-0313", Map.of("preferred_username", "qa.evans"));
        provider = CouncilIdentityProvider.start(people, List.of());
        journey = BrowserJourney.start(
                "--oversight.identity.local-accounts=false",
                "--oversight.identity.provider.issuer-uri=" + provider.issuer(),
                "--oversight.identity.provider.client-id=" + CouncilIdentityProvider.OVERSIGHT_CLIENT,
                "--oversight.identity.provider.client-secret=" + CouncilIdentityProvider.OVERSIGHT_SECRET,
                "--oversight.identity.provider.name=Northmoor Council account");
        app = journey.app();
        chromium = journey.chromium();
        baseUrl = app.baseUrl().replace("localhost", "127.0.0.1");
        provider.registerOversight(baseUrl);
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
    void aPersonWithAnOversightAccountSignsInWithTheRolesOversightKeeps() {
        Page page = signInAtTheProvider("bbrown-0042");

        assertThat(page).hasURL(baseUrl + "/");
        assertThat(page.getByTestId("signed-in-as")).containsText("Ben Brown");
        assertThat(page.getByTestId("signed-in-as")).containsText("(Chair)");
        assertThat(app.bean(JdbcClient.class).sql("SELECT roles FROM app_user WHERE username = 'chair.brown'")
                .query(String.class).single()).isEqualTo("CHAIR");
    }

    @Test
    void aPersonWithoutAnOversightAccountIsRefusedAndNoAccountIsMade() {
        Page page = signInAtTheProvider("ghost-0666");

        assertThat(page).hasURL(baseUrl + "/sign-in/refused?reason=no-account");
        assertThat(page.getByTestId("refusal-reason")).containsText("not set up in Oversight");
        assertThat(app.bean(JdbcClient.class).sql("SELECT count(*) FROM app_user WHERE username = 'ghost.person'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPersonWhoseAccountIsDisabledIsRefused() {
        app.bean(JdbcClient.class).sql("UPDATE app_user SET enabled = FALSE WHERE username = 'qa.evans'").update();

        Page page = signInAtTheProvider("leaver-0313");

        assertThat(page).hasURL(baseUrl + "/sign-in/refused?reason=disabled");
        assertThat(page.getByTestId("refusal-reason")).containsText("switched off");
    }

    @Test
    void withLocalAccountsSwitchedOffThereIsNoPasswordFormAndNoPasswordIsAccepted() {
        Page page = chromium.newContext(baseUrl).newPage();
        page.navigate("/login");
        assertThat(page.getByTestId("sign-in-with-provider")).containsText("Sign in with Northmoor Council account");
        assertThat(page.getByLabel("Password")).hasCount(0);

        assertThat(app.bean(SecurityFilterChain.class).getFilters())
                .noneMatch(filter -> filter instanceof UsernamePasswordAuthenticationFilter);
        HttpResponse<String> token = new WebClient(baseUrl).postForm("/api/tokens", "username=chair.chen&password="
                + ApiClient.DEMO_PASSWORD, "Accept", "application/json");
        assertThat(token.statusCode()).isIn(401, 403, 404);
        assertThat(token.body()).doesNotContain("access_token");
    }

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
}
